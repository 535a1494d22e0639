"""Target phrases: comparators, counted nouns, and what makes a figure not a goal.

GOLD.md: “Từ 30% ... trở lên” and “ít nhất 30%” are ``>=``; “trên 98%” is ``>``;
“không quá 01 lần” is ``<=``; a plain “100%” is ``=``. A score ``0/1.5`` is not a
target, nor is a figure that describes a cause or a result (“chưa đạt 100%”).
"""

from __future__ import annotations

import re

#: Comparator words before the figure, with the operator they give.
OPERATORS_BEFORE: tuple[tuple[str, str], ...] = (
    (r"từ", ">="),
    (r"ít nhất", ">="),
    (r"tối thiểu", ">="),
    (r"không (?:dưới|ít hơn|thấp hơn)", ">="),
    (r"trên", ">"),
    (r"hơn", ">"),
    (r"không quá", "<="),
    (r"tối đa", "<="),
    (r"không vượt quá", "<="),
    (r"dưới", "<"),
)
#: ``... trở lên`` after the counted noun makes it ``>=``.
OR_MORE_AFTER = re.compile(r"^[^.;\n]{0,60}?\btrở lên\b")

#: Counted nouns a non-percent target may name, longest first. The gold keeps the
#: singular form as printed (``sáng kiến``, ``cuộc``, ``lần``).
COUNTED_NOUNS: tuple[str, ...] = (
    "ngày làm việc", "sáng kiến", "giải pháp", "cuộc", "lần", "ngày", "buổi", "lớp", "đợt",
    "hội nghị", "văn bản", "tin, bài", "tin bài", "bài viết", "bài", "tin", "điểm", "người",
    "lượt", "cơ quan", "đơn vị", "thủ tục", "tthc", "hồ sơ", "mô hình", "chuyên đề", "phóng sự",
    "học viên", "cán bộ", "công chức", "xã", "phường",
    "doanh nghiệp", "dịch vụ công", "câu hỏi", "tháng", "giờ", "phút", "tuần", "đề tài",
    "tài liệu", "phiếu", "hộ", "trường hợp", "vụ", "lượt người",
)

#: Words just before a figure that make it a description, not a goal.
NOT_A_TARGET_BEFORE = re.compile(
    r"(?:chưa đạt|không đạt|đạt dưới|chỉ đạt|mới đạt|đạt được|đã đạt|là|còn|giảm còn|chiếm|"
    r"trong đó|xếp thứ|mức độ|cấp độ)\s*$",
    re.IGNORECASE)

#: Counted nouns whose bare count (no comparator) is still a goal in a task:
#: "tổ chức 02 đợt kiểm tra", "xây dựng 01 mô hình". Bare counts of other nouns are
#: mostly facts ("133 thủ tục").
EVENT_NOUNS = frozenset({
    "đợt", "cuộc", "lần", "buổi", "lớp", "hội nghị", "sáng kiến", "mô hình", "chuyên đề",
    "phóng sự", "tin bài", "bài viết", "bài", "hội thi", "cuộc thi", "chuyên mục",
})
