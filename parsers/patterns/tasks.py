"""Field labels inside a task and column headers of assignment tables, as data.

A plan's item often lays its task out in labelled fields (seed 000: ``a) Mục tiêu,
yêu cầu``, ``b) Nhiệm vụ, giải pháp``, ``c) Phân công trách nhiệm``, ``d) Thời gian
thực hiện/hoàn thành``); an assignment table names the same things in its header
(``Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện``), in any order.
"""

from __future__ import annotations

import re

_LABEL_PREFIX = r"^(?:[a-zđ]\)\s*|[-+•*]\s*|\d{1,2}[.)]\s*)?"

#: ``Chủ trì thực hiện: X`` — the value leads.
LEAD_FIELD = re.compile(
    _LABEL_PREFIX + r"(?:(?:Đơn vị|Cơ quan|Bộ phận|Người)\s+(?:chủ trì|thực hiện(?: chính)?|chịu trách nhiệm|phụ trách)"
    r"(?:\s+thực hiện)?|Chủ trì(?:\s+(?:thực hiện|triển khai|tham mưu))?|Trách nhiệm thực hiện|"
    r"Giao(?: cho)?|Phụ trách|Thực hiện)\s*[:：]\s*(?P<value>.*)$", re.IGNORECASE)

#: ``Phối hợp thực hiện: Y``, ``Phối hợp/Thực hiện: Y`` (seed 000) — the value supports.
SUPPORT_FIELD = re.compile(
    _LABEL_PREFIX + r"(?:(?:Đơn vị|Cơ quan|Bộ phận)\s+phối hợp(?:\s+thực hiện)?|"
    r"Phối hợp(?:\s*/\s*Thực hiện|\s+thực hiện|\s+triển khai)?)\s*[:：]\s*(?P<value>.*)$", re.IGNORECASE)

#: ``c) Phân công trách nhiệm`` (value on the same line after a colon, or on the
#: lines below it until the next field).
ASSIGN_FIELD = re.compile(
    _LABEL_PREFIX + r"(?:Phân công(?: trách nhiệm| thực hiện| nhiệm vụ)?|Trách nhiệm|Tổ chức thực hiện)"
    r"\s*(?:[:：]\s*(?P<value>.*))?$", re.IGNORECASE)

#: ``d) Thời gian thực hiện/hoàn thành: Trong năm 2021``.
TIME_FIELD = re.compile(
    _LABEL_PREFIX + r"(?:Thời gian(?:\s+(?:thực hiện|hoàn thành|triển khai))?(?:\s*/\s*(?:hoàn thành|thực hiện))?|"
    r"Thời hạn(?:\s+(?:hoàn thành|thực hiện))?|Tiến độ(?:\s+(?:thực hiện|hoàn thành))?|Thời điểm(?:\s+hoàn thành)?)"
    r"\s*[:：]\s*(?P<value>.+)$", re.IGNORECASE)

#: Sub-items that are fields of their item, not separate duties (GOLD.md: an item
#: whose sub-items are only its fields is one task).
FIELD_HEADING = re.compile(
    r"^(?:Mục tiêu|Mục đích|Yêu cầu|Nhiệm vụ|Giải pháp|Nội dung|Phân công|Chủ trì|Phối hợp|Đơn vị|"
    r"Cơ quan|Thời gian|Thời hạn|Tiến độ|Kết quả|Sản phẩm|Kinh phí|Trách nhiệm|Tổ chức thực hiện|"
    r"Cách thức|Hình thức|Đối tượng|Địa điểm|Chỉ tiêu|Biện pháp)\b[^.]{0,60}?(?:[:：]|$)",
    re.IGNORECASE)

#: Column roles of an assignment table, checked in this order on each header cell.
COLUMN_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("stt", re.compile(r"^(?:s\s?tt|tt|số\s*tt|số thứ tự|stt\.)$", re.IGNORECASE)),
    ("support", re.compile(r"phối hợp", re.IGNORECASE)),
    ("lead", re.compile(r"chủ trì|thực hiện chính|đơn vị thực hiện|cơ quan thực hiện|bộ phận thực hiện|"
                        r"người thực hiện|phụ trách|trách nhiệm|đơn vị tham mưu|cơ quan tham mưu", re.IGNORECASE)),
    ("deadline", re.compile(r"thời gian|thời hạn|tiến độ|thời điểm|hoàn thành", re.IGNORECASE)),
    ("target", re.compile(r"^(?:chỉ tiêu|mục tiêu|kết quả cần đạt|yêu cầu cần đạt)", re.IGNORECASE)),
    ("criteria", re.compile(r"tiêu chí|chỉ số|mã tiêu chí|tctp", re.IGNORECASE)),
    ("score", re.compile(r"điểm|kết quả đạt|nguyên nhân|hạn chế|tồn tại|thực trạng", re.IGNORECASE)),
    ("product", re.compile(r"sản phẩm|kết quả dự kiến|hình thức|kết quả đầu ra", re.IGNORECASE)),
    ("note", re.compile(r"ghi chú", re.IGNORECASE)),
    ("solution", re.compile(r"giải pháp|biện pháp", re.IGNORECASE)),
    ("task", re.compile(r"nhiệm vụ|công việc|hoạt động|nội dung|tên", re.IGNORECASE)),
)

#: Which column holds the task itself, by preference: a "Giải pháp" column beside a
#: "Nội dung" (field) column is the task (seed 002).
TASK_COLUMN_PREFERENCE = ("solution", "task")
