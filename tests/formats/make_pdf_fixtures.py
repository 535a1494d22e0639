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


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        plan = to_pdf(build_docx(), work, "ke_hoach")
        short = to_pdf(build_docx(short=True), work, "short")
        encrypted = to_pdf(build_docx(short=True), work, "encrypted", export=(
            'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
            '"DocumentOpenPassword":{"type":"string","value":"matkhau"}}'))
        scan_image = page_image(short, dpi=120)
        signed = to_pdf(build_docx(signature_image=page_image(short, dpi=100)), work, "signed")
        tiny = to_pdf(build_docx(short=True, paragraphs=3), work, "tiny")
        made = {
            "ke_hoach.pdf": plan,
            "ke_hoach_rotated.pdf": rotated(plan),
            "ke_hoach_form.pdf": through_form(plan, 1),
            "encrypted.pdf": encrypted,
            "scan.pdf": image_pdf(scan_image),
            "scan_signed.pdf": signed,
            "outlined.pdf": outlined(tiny, work),
        }
    for name, data in made.items():
        if data is None:
            continue
        if len(data) > 100_000:
            print(f"warning: {name} is {len(data)} bytes (over 100 KB)")
        (OUT / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
