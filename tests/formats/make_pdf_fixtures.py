"""Regenerate the PDF reader's fixtures in ``tests/formats/pdf_fixtures/``.

    .venv/bin/python tests/formats/make_pdf_fixtures.py

Needs LibreOffice (``apt-get install libreoffice-writer``, fonts ``fonts-liberation2``
for Times New Roman's metrics) and, for the outlined-glyph fixture, Ghostscript
(``apt-get install ghostscript``). The tests only read the committed PDFs, so they
run without either; the data the fixtures are made from (``ASSIGNMENTS`` and the
paragraphs) is imported by the tests to check what the reader returns.

What is made, each under 100 KB:

- ``ke_hoach.pdf``: a Decree 30 plan — two-column header table, numbered paragraphs,
  a running header and a page-number footer, a 6-column assignment table whose
  header row repeats on each page and whose rows break across pages, then "Nơi nhận"
  and the signature side by side;
- ``ke_hoach_rotated.pdf``: its first page drawn turned on a landscape media box with
  ``/Rotate 90`` turning it upright (the reader must read it as shown);
- ``ke_hoach_form.pdf``: its table page drawn through a form XObject, scaled;
- ``encrypted.pdf``: a one-page PDF that needs a password;
- ``scan.pdf``: the first page of ``ke_hoach.pdf`` as a 150 dpi image, no text layer;
- ``scan_signed.pdf``: that image with an e-signature overlay text ("Ký bởi", "Thời
  gian ký") as its only text;
- ``outlined.pdf``: a short page whose glyphs Ghostscript drew as outlines.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "pdf_fixtures"

AGENCY = ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 12/KH-UBND"]
NATION = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "Lâm Đồng, ngày 05 tháng 3 năm 2025"]
TITLE = "KẾ HOẠCH"
SUBJECT = "Triển khai công tác cải cách hành chính năm 2025 trên địa bàn tỉnh"
RUNNING_HEADER = "Kế hoạch số 12/KH-UBND ngày 05/3/2025 của UBND tỉnh Lâm Đồng"

#: (text, is a heading); headings are bold, body paragraphs justified with an indent.
BODY = [
    ("I. MỤC ĐÍCH, YÊU CẦU", True),
    ("1. Mục đích", True),
    ("Nâng cao hiệu lực, hiệu quả quản lý nhà nước, tạo chuyển biến rõ nét trong công tác "
     "cải cách hành chính của các cơ quan, đơn vị, địa phương; xây dựng nền hành chính "
     "phục vụ, chuyên nghiệp, hiện đại, lấy người dân và doanh nghiệp làm trung tâm.", False),
    ("2. Yêu cầu", True),
    ("a) Các sở, ban, ngành và Ủy ban nhân dân cấp xã chủ động triển khai thực hiện đầy đủ, "
     "kịp thời các nhiệm vụ được giao tại Kế hoạch này, bảo đảm chất lượng và đúng tiến độ.", False),
    ("b) Gắn trách nhiệm của người đứng đầu với kết quả thực hiện nhiệm vụ cải cách hành "
     "chính; kịp thời khen thưởng, xử lý trách nhiệm theo quy định.", False),
    ("II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN", True),
    ("Các nhiệm vụ cụ thể, cơ quan chủ trì, cơ quan phối hợp và thời gian hoàn thành được "
     "phân công tại bảng dưới đây; các cơ quan chủ trì báo cáo kết quả về Sở Nội vụ trước "
     "ngày 15 tháng 12 năm 2025 để tổng hợp.", False),
]

HEADER_ROW = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"]

_TASKS = [
    "Rà soát, đánh giá các quy định, thủ tục hành chính thuộc phạm vi quản lý, đề xuất "
    "cắt giảm, đơn giản hóa",
    "Tổ chức tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho cán bộ, công chức cấp xã",
    "Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh, kết nối với Cổng "
    "Dịch vụ công quốc gia",
    "Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị, địa phương theo kế hoạch",
    "Xây dựng và triển khai mô hình “Hồ sơ không bản giấy” tại Trung tâm Phục vụ hành chính công",
    "Đánh giá mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; tái sử dụng dữ liệu đã số hóa",
    "Tuyên truyền về cải cách hành chính trên báo chí, cổng thông tin điện tử và mạng xã hội",
]
_LEADS = ["Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ", "Sở Tài chính"]
_PARTNERS = ["Các sở, ban, ngành; UBND các xã, phường", "Sở Nội vụ; Sở Tài chính",
             "Các cơ quan, đơn vị có liên quan", "Báo Lâm Đồng; Đài Phát thanh - Truyền hình"]
_DEADLINES = ["Quý II/2025", "Tháng 6/2025", "Tháng 9/2025", "Trước ngày 15/12/2025", "Thường xuyên"]
_PRODUCTS = ["Báo cáo kết quả", "Quyết định phê duyệt", "Kế hoạch triển khai", "Hệ thống vận hành"]


def _assignments() -> list[list[str]]:
    rows = []
    for k in range(22):
        task = _TASKS[k % len(_TASKS)]
        if k == 9:   # a tall row: the page break falls inside it
            task += ("; hướng dẫn các cơ quan, đơn vị, địa phương tổ chức thực hiện, theo dõi, "
                     "đôn đốc, tổng hợp kết quả và báo cáo định kỳ hằng quý, 6 tháng, năm về Ủy ban "
                     "nhân dân tỉnh; đề xuất khen thưởng tập thể, cá nhân có thành tích xuất sắc và "
                     "kiến nghị xử lý trách nhiệm đối với các trường hợp chậm trễ, vi phạm") * 2
        rows.append([str(k + 1), task, _LEADS[k % len(_LEADS)], _PARTNERS[k % len(_PARTNERS)],
                     _DEADLINES[k % len(_DEADLINES)], _PRODUCTS[k % len(_PRODUCTS)]])
    return rows


#: The assignment table's rows as the document holds them (header row excluded).
ASSIGNMENTS = _assignments()
AFTER_TABLE = ("III. TỔ CHỨC THỰC HIỆN", "Giao Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch "
               "này; tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện trước ngày 20 tháng "
               "12 năm 2025.")
RECIPIENTS = ["Nơi nhận:", "- Bộ Nội vụ;", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- Các sở, ban, ngành;",
              "- Lưu: VT, NV."]
SIGNER = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]
SIGNATURE_OVERLAY = ["Ký bởi: Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng",
                     "Thời gian ký: 05.03.2025 08:10:02 +07:00"]


def build_docx(*, short: bool = False, paragraphs: int = 6, signature_image: bytes | None = None) -> bytes:
    """The plan as a .docx (``short``: header and the first ``paragraphs`` of the body).
    ``signature_image``: instead, a full-page picture with a signing stamp's text."""
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)

    def paragraph(text: str, *, bold: bool = False, center: bool = False, size: int = 14,
                  indent: bool = False, container=document, before: int = 0) -> None:
        p = container.add_paragraph()
        p.paragraph_format.space_before = Pt(before)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif indent:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1.27)
        r = p.add_run(text)
        r.bold = bold
        r.font.size = Pt(size)

    if signature_image is not None:
        section.top_margin = section.bottom_margin = Cm(0.5)
        section.left_margin = section.right_margin = Cm(0.5)
        for line in SIGNATURE_OVERLAY:
            paragraph(line, size=7)
        document.add_picture(io.BytesIO(signature_image), width=Cm(19.5))
        return _save(document)

    if not short:
        header = section.header.paragraphs[0]
        header.text = RUNNING_HEADER
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        header.runs[0].font.size = Pt(11)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        footer._p.append(field)

    top = document.add_table(rows=1, cols=2)
    top.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(top, [Cm(6.5), Cm(10)])
    for cell, lines in ((top.rows[0].cells[0], AGENCY), (top.rows[0].cells[1], NATION)):
        cell.paragraphs[0].text = ""
        for k, line in enumerate(lines):
            p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(line)
            r.bold = k < 2
            r.font.size = Pt(13)
    paragraph(TITLE, bold=True, center=True, before=18)
    paragraph(SUBJECT, bold=True, center=True)
    body = BODY[:paragraphs] if short else BODY
    for text, heading in body:
        paragraph(text, bold=heading, indent=True, before=6)
    if short:
        return _save(document)

    table = document.add_table(rows=1 + len(ASSIGNMENTS), cols=6)
    table.style = "Table Grid"
    _widths(table, [Cm(1.2), Cm(5.6), Cm(2.6), Cm(3.0), Cm(2.3), Cm(1.8)])
    for r, values in enumerate([HEADER_ROW, *ASSIGNMENTS]):
        row = table.rows[r]
        if r == 0:
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:tblHeader"))
        for c, value in enumerate(values):
            cell = row.cells[c]
            cell.paragraphs[0].text = ""
            run = cell.paragraphs[0].add_run(value)
            run.font.size = Pt(12)
            run.bold = r == 0
            if r == 0 or c in (0, 4):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph(AFTER_TABLE[0], bold=True, indent=True, before=12)
    paragraph(AFTER_TABLE[1], indent=True)

    sign = document.add_table(rows=1, cols=2)
    _widths(sign, [Cm(8), Cm(8.5)])
    for cell, lines in ((sign.rows[0].cells[0], RECIPIENTS), (sign.rows[0].cells[1], SIGNER)):
        cell.paragraphs[0].text = ""
        for k, line in enumerate(lines):
            p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            left = lines is RECIPIENTS
            if not left:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(line)
            r.font.size = Pt(12 if left and k else 14 if not left else 12)
            r.bold = (left and k == 0) or (not left and k != len(lines) - 2)
    return _save(document)


# -- layout regressions: documents shaped like those the round trip got wrong --------
#
# Each is typed the way an office drafts it in Word (Times New Roman 13, 6 pt after a
# paragraph, "multiple 1.15" line spacing, the header and signature in borderless
# tables) and printed by LibreOffice. Paragraphs are ``(style, text)``: "T" bold and
# centred, "C" centred, "I" italic and centred, "B" justified with a first-line
# indent, "H" the same in bold, "L" left-aligned at the indent.

#: Lạng Sơn QĐ 2610 in small: a decision made of one-line paragraphs (most baseline
#: distances are paragraph gaps), "Số:" and the date in the header table's second
#: row (one pdfium line, two text objects), a "Nơi nhận" entry wrapped in the narrow
#: column, and the attached plan starting under the signer on the same page.
DECISION_AGENCY = ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]
DECISION_NATION = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
DECISION_NUMBER, DECISION_DATE = "Số: 2610/QĐ-UBND", "Lạng Sơn, ngày 27 tháng 12 năm 2019"
DECISION_BODY = [
    ("T", "QUYẾT ĐỊNH"),
    ("C", "Ban hành Kế hoạch kiểm soát thủ tục hành chính năm 2020 trên địa bàn tỉnh Lạng Sơn"),
    ("T", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"),
    ("B", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
    ("B", "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục "
          "hành chính;"),
    ("B", "Theo đề nghị của Chánh Văn phòng UBND tỉnh."),
    ("T", "QUYẾT ĐỊNH:"),
    ("B", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm soát thủ tục hành chính năm 2020."),
    ("B", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
    ("B", "Điều 3. Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành tỉnh chịu trách nhiệm "
          "thi hành Quyết định này./."),
]
DECISION_RECIPIENTS = ["Nơi nhận:", "- Như Điều 3;", "- Văn phòng Chính phủ (Cục KSTTHC);",
                       "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, KSTT."]
DECISION_SIGNER = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lương Văn Thành"]
DECISION_PLAN = [
    ("T", "KẾ HOẠCH"),
    ("T", "Kiểm soát thủ tục hành chính năm 2020 trên địa bàn tỉnh Lạng Sơn"),
    ("I", "(Ban hành kèm theo Quyết định số 2610/QĐ-UBND ngày 27/12/2019 của Chủ tịch UBND tỉnh Lạng Sơn)"),
    ("L", "Phần I"),
    ("T", "MỤC ĐÍCH, YÊU CẦU"),
    ("B", "1.Kiểm soát chặt chẽ việc ban hành, thực hiện thủ tục hành chính."),
    ("B", "2. Tuyên truyền trên Báo Lạng Sơn, Cổng thông tin điện tử của tỉnh, Đài Phát thanh - "
          "Truyền hình tỉnh và hệ thống truyền thanh cơ sở về kết quả kiểm soát thủ tục hành chính."),
    ("B", "3. Các cơ quan, đơn vị đã triển khai mô hình số hóa hồ sơ trong giai đoạn 2025-2026 theo "
          "hướng dẫn của Văn phòng UBND tỉnh, bảo đảm đúng tiến độ."),
    ("T", "PHỤ LỤC"),
    ("T", "DANH MỤC NHIỆM VỤ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2020"),
    ("C", "Thực hiện các nhiệm vụ kiểm soát thủ tục hành chính trên địa bàn tỉnh Lạng Sơn"),
    ("B", "Các sở, ban, ngành tỉnh và Ủy ban nhân dân các huyện, thành phố thực hiện các nhiệm vụ sau, "
          "báo cáo kết quả về Văn phòng Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 năm 2020."),
]


def build_decision() -> bytes:
    document = _office_document()
    _layout_table(document, [[DECISION_AGENCY, DECISION_NATION], [[DECISION_NUMBER], [DECISION_DATE]]],
                  [6.0, 10.0], size=12)
    _paragraphs(document, DECISION_BODY)
    _layout_table(document, [[DECISION_RECIPIENTS, _room_to_sign(DECISION_SIGNER)]],
                  [6.5, 10.0], size=11, left_aligned=True)
    _paragraphs(document, DECISION_PLAN)
    return _save(document)


#: Quảng Ninh CV 4817 and Lộc Bình's plan in small: a letter whose agency name wraps
#: in the header's narrow column, whose "Kính gửi:" list is as short as header lines,
#: and whose signature table the page break cuts, the signer's name on the next page
#: beside a "Nơi nhận" entry.
LETTER_AGENCY = "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH"
LETTER_NUMBER = "Số: 4817/UBND-VP"
LETTER_SUBJECT = "V/v triển khai các giải pháp cải thiện Chỉ số PCI năm 2023"
LETTER_NATION = DECISION_NATION
LETTER_DATE = "Châu Thành, ngày 26 tháng 7 năm 2023"
LETTER_BODY = [
    ("L", "Kính gửi:"),
    ("L", "- Các phòng, ban thuộc huyện;"),
    ("L", "- UBND các xã, thị trấn;"),
    ("L", "- Chi cục Thuế khu vực."),
    *[("B", f"{k}. Thực hiện nghiêm các giải pháp cải thiện môi trường đầu tư kinh doanh, nâng cao năng "
            f"lực cạnh tranh; rà soát, cắt giảm thời gian giải quyết thủ tục hành chính, bảo đảm công "
            f"khai, minh bạch và báo cáo kết quả thực hiện về Văn phòng HĐND và UBND huyện.")
      for k in range(1, 7)],
    ("B", "Yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc thực hiện./."),
]
LETTER_RECIPIENTS = ["Nơi nhận:", "- Như trên;", "- TT Huyện ủy, TT HĐND huyện;", "- CT, các PCT UBND huyện;",
                     "- Mặt trận và các đoàn thể huyện;", "- Công an huyện;", "- Chi cục Thống kê;",
                     "- Lưu: VT."]
LETTER_SIGNER = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Chu Văn Thuần"]


def build_letter() -> bytes:
    document = _office_document()
    _layout_table(document, [[[LETTER_AGENCY], LETTER_NATION], [[LETTER_NUMBER, LETTER_SUBJECT], [LETTER_DATE]]],
                  [6.5, 10.0], size=12)
    _paragraphs(document, LETTER_BODY)
    _layout_table(document, [[LETTER_RECIPIENTS, _room_to_sign(LETTER_SIGNER)]],
                  [9.0, 7.5], size=11, left_aligned=True)
    return _save(document)


#: Lộc Bình's appendix (seed 002) in small: landscape pages holding a table and, above
#: it, only a title as wide as the page and its "(Kèm theo ...)" line; cells whose
#: lines wrap before a capitalised word, a dash and a number.
APPENDIX_TITLE = "NỘI DUNG PHÂN CÔNG NHIỆM VỤ KHẮC PHỤC CÁC TIÊU CHÍ CẢI CÁCH HÀNH CHÍNH BỊ XẾP HẠNG THẤP"
APPENDIX_ATTACHED = "(Kèm theo Kế hoạch số 15/KH-UBND ngày 10/01/2024 của UBND huyện Lộc Bình)"
APPENDIX_ROWS = [
    ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
    ["1", "Công khai đầy đủ, kịp thời thủ tục hành chính thuộc thẩm quyền giải quyết của cấp huyện, cấp xã "
          "trên Cổng Dịch vụ công quốc gia (Tiêu chí 3.2).",
     "Văn phòng HĐND và UBND huyện", "Trung tâm Văn hóa - Thể thao và Truyền thông huyện", "Quý I/2024"],
    ["2", "Tổ chức đối thoại giữa Chủ tịch UBND huyện với người dân, doanh nghiệp về cải cách hành chính.",
     "Phòng Nội vụ", "Sở Nội vụ\nSở Tư pháp", "Quý II/2024"],
]


def build_appendix(widths: tuple[float, ...] = (1.2, 8.0, 3.1, 3.6, 3.0)) -> bytes:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = _office_document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    _paragraphs(document, [("T", APPENDIX_TITLE), ("I", APPENDIX_ATTACHED)])
    table = document.add_table(rows=len(APPENDIX_ROWS), cols=len(APPENDIX_ROWS[0]))
    table.style = "Table Grid"
    _widths(table, [Cm(w) for w in widths])
    for r, values in enumerate(APPENDIX_ROWS):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            for k, line in enumerate(value.split("\n")):
                p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                p.paragraph_format.space_after = Pt(0)
                run = p.add_run(line)
                run.font.size = Pt(11)
                run.bold = r == 0 or None
    return _save(document)


def _room_to_sign(signer: list[str]) -> list[str]:
    """The signing authority, three empty lines to sign in, the signer's name."""
    return [*signer[:-1], "", "", "", signer[-1]]


def _office_document():
    """A4 with Decree 30 margins, Times New Roman 13, 6 pt after, spacing 1.15."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Times New Roman")
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.line_spacing = 1.15
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    return document


def _paragraphs(container, spec: list[tuple[str, str]], size: int | None = None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    for style, text in spec:
        p = container.add_paragraph()
        if style in "TCI":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif style in "BH":
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1)
        elif style == "L":
            p.paragraph_format.first_line_indent = Cm(1)
        if text:
            r = p.add_run(text)
            r.bold = style in "TH" or None
            r.italic = style == "I" or None
            if size:
                r.font.size = Pt(size)


def _layout_table(document, cells: list[list[list[str]]], widths: list[float], size: int,
                  left_aligned: bool = False) -> None:
    """A borderless table of lines, centred in their cells ("Nơi nhận" left-aligned
    when ``left_aligned``: the first column of a signature table)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    table = document.add_table(rows=len(cells), cols=len(cells[0]))
    _widths(table, [Cm(w) for w in widths])
    for r, row in enumerate(cells):
        for c, lines in enumerate(row):
            cell = table.cell(r, c)
            for k, line in enumerate(lines):
                p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                p.paragraph_format.space_after = Pt(0)
                if not (left_aligned and c == 0):
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                r_ = p.add_run(line)
                r_.font.size = Pt(size if not (left_aligned and c == 1) else 13)
                r_.bold = (k < 2 and not left_aligned) or (left_aligned and (c == 1 or k == 0)) or None


def _widths(table, widths) -> None:
    """Column widths LibreOffice honours: the grid's and every cell's."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_pdf(docx_bytes: bytes, work: Path, name: str, export: str = "pdf") -> bytes:
    """Convert with LibreOffice in a throwaway profile."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice is needed: apt-get install libreoffice-writer fonts-liberation2")
    source = work / f"{name}.docx"
    source.write_bytes(docx_bytes)
    profile = (work / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", export, "--outdir", str(work / "out"), str(source)],
                   check=True, capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    return (work / "out" / f"{name}.pdf").read_bytes()


def page_image(pdf_bytes: bytes, dpi: int = 150) -> bytes:
    """Page 1 rendered grey and saved as JPEG (what a scanner hands out)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(pdf_bytes)
    image = pdf[0].render(scale=dpi / 72, grayscale=True).to_pil()
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=45)
    return buffer.getvalue()


def image_pdf(jpeg: bytes) -> bytes:
    """An A4 page holding nothing but the JPEG."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595.3, 841.9)
    image = pdfium.PdfImage.new(pdf)
    image.load_jpeg(io.BytesIO(jpeg), inline=False)
    image.set_matrix(pdfium.PdfMatrix().scale(595.3, 841.9))
    page.insert_obj(image)
    page.gen_content()
    return _save_pdf(pdf)


def _save_pdf(pdf) -> bytes:
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def rotated(pdf_bytes: bytes) -> bytes:
    """Page 1 stored the way scanners and some printers store landscape output: the
    content drawn turned a quarter left on a landscape media box, ``/Rotate 90``
    turning it back upright for display."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(pdf_bytes)
    width, height = pdf[0].get_size()
    out = pdfium.PdfDocument.new()
    page = out.new_page(height, width)
    placed = pdf.page_as_xobject(0, out).as_pageobject()
    placed.transform(pdfium.PdfMatrix(0, 1, -1, 0, height, 0))   # (x, y) -> (height - y, x)
    page.insert_obj(placed)
    page.gen_content()
    page.set_rotation(90)
    return _save_pdf(out)


def through_form(pdf_bytes: bytes, index: int) -> bytes:
    """Page ``index`` drawn as a form XObject, shrunk to 90 % and shifted."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(pdf_bytes)
    out = pdfium.PdfDocument.new()
    width, height = pdf[index].get_size()
    page = out.new_page(width, height)
    placed = pdf.page_as_xobject(index, out).as_pageobject()
    placed.transform(pdfium.PdfMatrix().scale(0.9, 0.9).translate(30, 40))
    page.insert_obj(placed)
    page.gen_content()
    return _save_pdf(out)


def outlined(pdf_bytes: bytes, work: Path) -> bytes | None:
    gs = shutil.which("gs")
    if gs is None:
        print("Ghostscript missing (apt-get install ghostscript): outlined.pdf not made")
        return None
    source, target = work / "short.pdf", work / "outlined.pdf"
    source.write_bytes(pdf_bytes)
    subprocess.run([gs, "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-dNoOutputFonts", "-sDEVICE=pdfwrite",
                    f"-sOutputFile={target}", str(source)], check=True, capture_output=True, timeout=120)
    return target.read_bytes()


#: The plan and the files made from it (``_plan_fixtures``).
ALL_FIXTURES = ("ke_hoach.pdf", "ke_hoach_rotated.pdf", "ke_hoach_form.pdf", "encrypted.pdf", "scan.pdf",
                "scan_signed.pdf", "outlined.pdf")
#: Layout regressions, one document each: fixture name -> builder.
LAYOUTS = {"quyet_dinh.pdf": "build_decision", "cong_van.pdf": "build_letter", "phu_luc_ngang.pdf": "build_appendix"}


def main(names: list[str]) -> None:
    """Make every fixture, or only those named (``quyet_dinh.pdf``): a new fixture
    can be added without rewriting the others."""
    OUT.mkdir(exist_ok=True)
    unknown = set(names) - set(LAYOUTS) - set(ALL_FIXTURES)
    if unknown:
        sys.exit(f"no such fixture: {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = {name: to_pdf(globals()[builder](), work, name.removesuffix(".pdf"))
                for name, builder in LAYOUTS.items() if not names or name in names}
        if not names or set(names) & set(ALL_FIXTURES):
            made |= _plan_fixtures(work)
    for name, data in made.items():
        if data is None or (names and name not in names):
            continue
        if len(data) > 100_000:
            print(f"warning: {name} is {len(data)} bytes (over 100 KB)")
        (OUT / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


def _plan_fixtures(work: Path) -> dict[str, bytes | None]:
    """The plan and the files made from it."""
    plan = to_pdf(build_docx(), work, "ke_hoach")
    short = to_pdf(build_docx(short=True), work, "short")
    encrypted = to_pdf(build_docx(short=True), work, "encrypted", export=(
        'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
        '"DocumentOpenPassword":{"type":"string","value":"matkhau"}}'))
    scan_image = page_image(short, dpi=120)
    signed = to_pdf(build_docx(signature_image=page_image(short, dpi=100)), work, "signed")
    tiny = to_pdf(build_docx(short=True, paragraphs=3), work, "tiny")
    return {
        "ke_hoach.pdf": plan,
        "ke_hoach_rotated.pdf": rotated(plan),
        "ke_hoach_form.pdf": through_form(plan, 1),
        "encrypted.pdf": encrypted,
        "scan.pdf": image_pdf(scan_image),
        "scan_signed.pdf": signed,
        "outlined.pdf": outlined(tiny, work),
    }


if __name__ == "__main__":
    main(sys.argv[1:])
