"""What a section heading says about the section's role: assigning work or not.

GOLD.md: tasks are the items under the parts that assign work (nhiệm vụ, giải pháp,
tổ chức thực hiện, a directive's points, assignment tables); purpose/requirement
items (mục đích, yêu cầu) and report narration are not, and in a report only the
forward-looking parts (phương hướng, nhiệm vụ, giải pháp, biện pháp khắc phục) assign.
"""

from __future__ import annotations

import re

#: Headings of parts that assign work. Matched at the start of the heading.
WORK_HEADINGS = re.compile(
    r"^(?:các\s+)?(?:nhiệm vụ|giải pháp|tổ chức thực hiện|phân công|trách nhiệm|"
    r"phương hướng|biện pháp|nội dung (?:thực hiện|triển khai|và giải pháp|công việc|nhiệm vụ|kế hoạch|kiểm tra|chủ yếu|trọng tâm)|"
    r"những nhiệm vụ|một số nhiệm vụ|các giải pháp|kế hoạch thực hiện|tiến độ|"
    r"hoạt động|công việc|phân công nhiệm vụ|đề xuất giải pháp|"
    r"nhiệm vụ[, ]+giải pháp|nhiệm vụ trọng tâm|giải pháp thực hiện|triển khai thực hiện|"
    r"cách thức tổ chức|thời gian|các hoạt động|mục tiêu,? nhiệm vụ|nội dung|giao nhiệm vụ|giao\b)",
    re.IGNORECASE)

#: A document attached after a decision's signature that assigns work by itself
#: (a plan, programme, assignment appendix), as opposed to a regulation (quy chế).
ATTACHED_WORK = re.compile(r"^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|PHỤ LỤC|Phụ lục|ĐỀ ÁN|PHƯƠNG ÁN|DANH MỤC|"
                           r"BẢNG PHÂN CÔNG|NHIỆM VỤ)")

#: Headings of parts that do not assign: purpose, basis, narration of results,
#: proposals. These hold even under a work part ("3. Kết quả ...").
OTHER_HEADINGS = re.compile(
    r"^(?:mục đích|yêu cầu|quan điểm|căn cứ|cơ sở|sự cần thiết|"
    r"đặc điểm|tình hình|thực trạng|kết quả|đánh giá chung|ưu điểm|tồn tại|hạn chế|khó khăn|"
    r"nguyên nhân|bài học|kiến nghị|đề xuất|giải thích từ ngữ|hiệu lực|điều khoản thi hành|"
    r"những việc đã làm|những mặt)",
    re.IGNORECASE)

#: Headings that mark narration at the top of a report ("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU
#: HÀNH") but are only a group of tasks inside a work part ("1. Công tác chỉ đạo").
WEAK_OTHER_HEADINGS = re.compile(
    r"^(?:mục tiêu|chỉ tiêu|công tác chỉ đạo|đánh giá|đối tượng|phạm vi|kinh phí|chế độ báo cáo|thành phần|"
    r"nguyên tắc|khen thưởng|xử lý vi phạm)",
    re.IGNORECASE)

#: A heading naming work after a non-work word is work: "Mục tiêu, nhiệm vụ".
_MIXED_WORK = re.compile(r"nhiệm vụ|giải pháp|phương hướng|biện pháp", re.IGNORECASE)
#: A heading that hands out work, at any length.
ASSIGNING_HEADING = re.compile(r"^(?:giao nhiệm vụ|phân công nhiệm vụ|phân công thực hiện|giao cho)\b")
#: Long headings are sentences (an item's content), not part titles.
_MAX_HEADING_WORDS = 12


def classify_heading(heading: str) -> str | None:
    """``"work"``, ``"other"``, ``"weak_other"`` or None (says nothing; inherit).

    >>> classify_heading("NHIỆM VỤ VÀ GIẢI PHÁP"), classify_heading("Mục đích")
    ('work', 'other')
    """
    text = heading.strip().strip("*:. ").lower()
    if ASSIGNING_HEADING.match(text):
        return "work"  # "Điều 1. Giao nhiệm vụ cho các cơ quan ... như sau:", however long
    if not text or len(text.split()) > _MAX_HEADING_WORDS:
        return None
    if WORK_HEADINGS.match(text):
        return "work"
    for pattern, role in ((OTHER_HEADINGS, "other"), (WEAK_OTHER_HEADINGS, "weak_other")):
        if pattern.match(text):
            if _MIXED_WORK.search(text) and not text.startswith(("kết quả", "tình hình", "đánh giá")):
                return "work"
            return role
    return None


#: Closing paragraphs after the last item: not tasks, though a "Giao X ..." sentence
#: in them is (seed 001).
CLOSING_START = re.compile(
    r"^(?:Trên đây|Yêu c[ầẩ]u|Đề nghị|Giao|Nhận được|Trong quá trình|Chỉ thị này|Kế hoạch này|"
    r"Quyết định này|Thủ trưởng|Chủ tịch|Ủy ban nhân dân|UBND|Các sở|Căn cứ)")
CLOSING_MENTION = re.compile(
    r"\b(?:Chỉ thị|Kế hoạch|Quyết định|Thông báo|Công văn|văn bản|Báo cáo|Chương trình|Hướng dẫn)\s+này",
    re.IGNORECASE)
#: "Giám đốc các sở, ... nghiêm túc triển khai thực hiện Chỉ thị này": the addressees
#: asked to carry the whole document out.
CLOSING_DUTY = re.compile(r"nghiêm túc|triển khai thực hiện|tổ chức thực hiện|thực hiện tốt|chịu trách nhiệm thi hành",
                          re.IGNORECASE)
