"""Header patterns of Decree 30/2020/NĐ-CP documents, as named data."""

from __future__ import annotations

import re

#: The kind line printed above the title, to the Decree 30 abbreviation.
#: (Phụ lục III, Decree 30: bảng chữ viết tắt tên loại văn bản.)
KIND_WORDS: dict[str, str] = {
    "KẾ HOẠCH": "KH",
    "CHỈ THỊ": "CT",
    "BÁO CÁO": "BC",
    "QUYẾT ĐỊNH": "QĐ",
    "THÔNG BÁO": "TB",
    "TỜ TRÌNH": "TTr",
    "HƯỚNG DẪN": "HD",
    "CHƯƠNG TRÌNH": "CTr",
    "NGHỊ QUYẾT": "NQ",
    "ĐỀ ÁN": "ĐA",
    "PHƯƠNG ÁN": "PA",
    "QUY CHẾ": "QC",
    "QUY ĐỊNH": "QyĐ",
    "CÔNG VĂN": "CV",
    "PHỤ LỤC": "PL",
    "BIÊN BẢN": "BB",
    "GIẤY MỜI": "GM",
}

#: ``Số: 75/KH-UBND``, ``Số:  /KH-UBND`` (blank number), ``Số 12/2024/QĐ-UBND``.
NUMBER_LINE = re.compile(
    r"^Số\s*[:.]?\s*(?P<number>\d*)\s*/\s*(?P<symbol>(?:\d{4}\s*/\s*)?[A-ZĐ][\w&Đđ.\s-]*?[\wĐđ])\s*$")

#: ``Tri Phương, ngày 05 tháng 6 năm 2024``; ``Kông Chro, ngày   tháng 10 năm 2021``.
DATE_PLACE = re.compile(
    r"^(?P<place>[^\d,;:()]{2,40}?)\s*,\s*ngày\s*(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})?"
    r"\s*năm\s*(?P<year>\d{4})", re.IGNORECASE)

QUOC_HIEU = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI|Độc\s+lập\s*[-–]\s*Tự\s+do", re.IGNORECASE)

#: First words of an issuing agency line (upper case in the header).
AGENCY_HEAD = re.compile(
    r"^(?:ỦY|UỶ) BAN|^UBND|^HỘI ĐỒNG|^SỞ |^BỘ |^BAN |^PHÒNG |^VĂN PHÒNG|^THÀNH PHỐ|^TỈNH |"
    r"^HUYỆN |^XÃ |^PHƯỜNG |^THỊ (?:XÃ|TRẤN)|^QUẬN |^CHỦ TỊCH|^CÔNG AN|^MẶT TRẬN|^ĐẢNG|^TRUNG TÂM")

#: ``V/v triển khai ...`` on a letter (công văn), which has no kind line.
SUBJECT_LINE = re.compile(r"^(?:V/v|V/V|Về việc)\s*[:.]?\s*(?P<subject>.+)$")

#: Lines that open the body: the legal basis (Căn cứ), the preamble, an address.
BODY_START = re.compile(
    r"^(?:Căn cứ|Thực hiện|Để|Nhằm|Trên cơ sở|Theo|Trong (?:thời gian|những năm|năm)|Kính gửi|"
    r"Triển khai|Qua|Tiếp tục|Ngày \d|Sau khi|Xét|Hiện nay|Năm \d{4})\b")

#: ``(Kèm theo Kế hoạch số /KH-UBND ngày /01/2024 của UBND huyện Lộc Bình)``.
ATTACHED_TO = re.compile(
    r"^\(?\s*(?:Ban hành\s+)?[Kk]èm theo\s+(?:[^\d/]*?)(?:số\s*)?(?P<code>\d*\s*/[\w/Đđ-]+)?"
    r"(?:[^()]*?ngày\s*(?P<day>\d{1,2})?\s*(?:/|tháng)\s*(?P<month>\d{1,2})?\s*(?:/|năm)\s*(?P<year>\d{4}))?")

RECEIVERS = re.compile(r"^Nơi\s+nhận\s*:?", re.IGNORECASE)

#: Signature block roles (TM. = thay mặt, KT. = ký thay, TL. = thừa lệnh, TUQ. = thừa
#: ủy quyền, Q. = quyền) and the titles that sign.
SIGNATURE_ROLE = re.compile(
    r"^(?:(?:TM|KT|TL|TUQ|Q)\s*\.\s*\S|CHỦ TỊCH\b|PHÓ CHỦ TỊCH\b|GIÁM ĐỐC\b|PHÓ GIÁM ĐỐC\b|"
    r"TRƯỞNG (?:BAN|PHÒNG)\b|PHÓ TRƯỞNG\b|CHÁNH VĂN PHÒNG\b|BỘ TRƯỞNG\b|THỨ TRƯỞNG\b|"
    r"BÍ THƯ\b|CHỦ NHIỆM\b|THỦ TRƯỞNG\b|KÝ THAY\b|NGƯỜI LẬP\b)")

#: An appendix after the signature: its tables are body again.
APPENDIX_START = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+[IVX\d]+|\s*$|\s*:)")

#: ``Kính gửi: Sở Nội vụ`` or ``Kính gửi:`` above a ``- ...;`` list.
ADDRESSEE = re.compile(r"^Kính\s+gửi\s*:?\s*(?P<value>.*)$", re.IGNORECASE)
