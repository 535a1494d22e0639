"""The .docx reader: Word's numbering, tables, zones and hidden corners of the XML.

Inputs are built with python-docx plus raw WordprocessingML (see ``builders``), shaped
like the plans and reports UBND offices publish.
"""

from __future__ import annotations

import contextlib
import io
import re
import struct
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.errors import CorruptFile, EncryptedFile, TooLarge, VanbanError
from parsers.formats import docx as docx_reader
from parsers.formats import read as read_any
from parsers.model import Block
from parsers.text.normalize import normalize_block_text

from .builders import (
    abstract_num,
    add_notes,
    add_styles,
    append_xml,
    level,
    new_document,
    num,
    numbered_document,
    paragraph,
    paragraph_style,
    run,
    set_numbering,
    to_bytes,
)

REAL_CORPUS = Path("/work/shared/corpus/real")


def read(data: bytes, name: str = "test.docx") -> list[Block]:
    return docx_reader.read(Path(name), data, "0" * 64).blocks


def texts(data: bytes) -> list[str]:
    return [block.text for block in read(data)]


def document_of(*fragments: str) -> bytes:
    document = new_document()
    append_xml(document, "".join(fragments))
    return to_bytes(document)


# ---------------------------------------------------------------------------------
# Numbering: one case per behaviour, the labels as Word shows them.

PLAN_LIST = abstract_num(1, [
    level(0, "upperRoman", "%1."),
    level(1, "decimal", "%2."),
    level(2, "decimal", "%2.%3."),
    level(3, "lowerLetter", "%4)"),
    level(4, "bullet", "-"),
    level(5, "bullet", "+"),
])

NUMBERING_CASES = [
    pytest.param(
        PLAN_LIST + num(1, 1), "",
        [paragraph("QUAN ĐIỂM, MỤC TIÊU", num=("1", 0)), paragraph("Quan điểm", num=("1", 1)),
         paragraph("Mục tiêu", num=("1", 1)), paragraph("Mục tiêu cụ thể", num=("1", 2)),
         paragraph("Cải cách thể chế", num=("1", 3)), paragraph("Sở Tư pháp chủ trì", num=("1", 4)),
         paragraph("UBND các xã phối hợp", num=("1", 5)), paragraph("NHIỆM VỤ", num=("1", 0)),
         paragraph("Cải cách thủ tục hành chính", num=("1", 1))],
        ["I. QUAN ĐIỂM, MỤC TIÊU", "1. Quan điểm", "2. Mục tiêu", "2.1. Mục tiêu cụ thể",
         "a) Cải cách thể chế", "- Sở Tư pháp chủ trì", "+ UBND các xã phối hợp", "II. NHIỆM VỤ",
         "1. Cải cách thủ tục hành chính"],
        id="plan-levels-roman-decimal-multilevel-letter-bullets"),
    pytest.param(
        abstract_num(1, [level(0, "upperLetter", "%1."), level(1, "lowerRoman", "(%2)")]) + num(1, 1), "",
        [paragraph(f"mục {i}", num=("1", 0)) for i in range(1, 4)]
        + [paragraph(f"tiểu mục {i}", num=("1", 1)) for i in range(1, 5)],
        ["A. mục 1", "B. mục 2", "C. mục 3", "(i) tiểu mục 1", "(ii) tiểu mục 2", "(iii) tiểu mục 3",
         "(iv) tiểu mục 4"],
        id="upper-letter-and-lower-roman"),
    pytest.param(
        abstract_num(1, [level(0, "decimal", "%1.", start=3)]) + num(1, 1), "",
        [paragraph("Sở Nội vụ", num=("1", 0)), paragraph("Sở Tư pháp", num=("1", 0))],
        ["3. Sở Nội vụ", "4. Sở Tư pháp"],
        id="start-value"),
    pytest.param(
        abstract_num(1, [level(0, "decimal", "%1.")]) + num(1, 1) + num(2, 1, start_overrides={0: 1}), "",
        [paragraph("Sở Nội vụ", num=("1", 0)), paragraph("Sở Tư pháp", num=("1", 0)),
         paragraph("Văn phòng UBND tỉnh", num=("2", 0)), paragraph("Sở Tài chính", num=("2", 0))],
        ["1. Sở Nội vụ", "2. Sở Tư pháp", "1. Văn phòng UBND tỉnh", "2. Sở Tài chính"],
        id="restart-with-startOverride"),
    pytest.param(
        abstract_num(1, [level(0, "decimal", "%1.")]) + num(1, 1) + num(2, 1), "",
        [paragraph("Sở Nội vụ", num=("1", 0)), paragraph("Sở Tư pháp", num=("2", 0)),
         paragraph("Sở Tài chính", num=("1", 0))],
        ["1. Sở Nội vụ", "2. Sở Tư pháp", "3. Sở Tài chính"],
        id="two-nums-share-one-abstract-list"),
    pytest.param(
        abstract_num(1, [level(0, "upperRoman", "%1."), level(1, "decimal", "%2.", restart=0)]) + num(1, 1), "",
        [paragraph("PHẦN MỘT", num=("1", 0)), paragraph("việc một", num=("1", 1)),
         paragraph("PHẦN HAI", num=("1", 0)), paragraph("việc hai", num=("1", 1))],
        # ISO 29500 §17.9.11: lvlRestart 0, the level never restarts (LibreOffice 7.4
        # restarts it anyway).
        ["I. PHẦN MỘT", "1. việc một", "II. PHẦN HAI", "2. việc hai"],
        id="lvlRestart-0-numbers-on-through-higher-levels"),
    pytest.param(
        abstract_num(1, [level(0, "upperRoman", "%1."), level(1, "decimal", "%1.%2.", legal=True)]) + num(1, 1),
        "",
        [paragraph("NHIỆM VỤ", num=("1", 0)), paragraph("Cải cách thể chế", num=("1", 1))],
        # isLgl ("legal numbering"): every number of the label in Arabic digits.
        ["I. NHIỆM VỤ", "1.1. Cải cách thể chế"],
        id="isLgl-legal-numbering"),
    pytest.param(
        abstract_num(1, [level(0, "decimal", "Điều %1.", suffix="space"), level(1, "decimal", "%2.", suffix="nothing")])
        + num(1, 1), "",
        [paragraph("Phạm vi điều chỉnh", num=("1", 0)), paragraph("Khoản một", num=("1", 1))],
        ["Điều 1. Phạm vi điều chỉnh", "1.Khoản một"],
        id="suffix-space-and-nothing"),
    pytest.param(
        abstract_num(1, [level(0, "bullet", "\uf0b7", font="Symbol"), level(1, "bullet", "\uf0a7", font="Wingdings"),
                         level(2, "bullet", "\uf02d", font="Symbol"), level(3, "bullet", "o", font="Courier New")])
        + num(1, 1), "",
        [paragraph("chấm", num=("1", 0)), paragraph("vuông", num=("1", 1)), paragraph("gạch", num=("1", 2)),
         paragraph("tròn", num=("1", 3))],
        ["• chấm", "▪ vuông", "- gạch", "o tròn"],
        id="symbol-font-bullets"),
    pytest.param(
        abstract_num(1, [level(0, "upperRoman", "%1.", style="Muc1"), level(1, "decimal", "%2.", style="Muc2")])
        + num(5, 1),
        paragraph_style("Muc1", "Mục 1", num=("5", None), bold=True)
        + paragraph_style("Muc2", "Mục 2", based_on="Muc1", num=(None, 1), bold=False),
        [paragraph("MỤC ĐÍCH, YÊU CẦU", style="Muc1"), paragraph("Mục đích", style="Muc2"),
         paragraph("Yêu cầu", style="Muc2"), paragraph("NHIỆM VỤ", style="Muc1")],
        ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NHIỆM VỤ"],
        id="style-linked-numbering-with-basedOn"),
    pytest.param(
        abstract_num(1, [level(0, "decimal", "%1."), level(1, "lowerLetter", "%2)", style="Diem")]) + num(7, 1),
        paragraph_style("Diem", "Điểm", num=("7", None)) + paragraph_style("Khoan", "Khoản", num=("7", None)),
        [paragraph("khoản một", style="Khoan"), paragraph("điểm thứ nhất", style="Diem"),
         paragraph("điểm thứ hai", style="Diem")],
        # ISO 29500 §17.9.24: a style that names only the list gets the level whose
        # pStyle links it (LibreOffice 7.4 gives it level 0).
        ["1. khoản một", "a) điểm thứ nhất", "b) điểm thứ hai"],
        id="lvl-pStyle-gives-the-level-of-a-style-without-ilvl"),
    pytest.param(
        abstract_num(1, [level(0, "decimal", "%1.")]) + num(5, 1),
        paragraph_style("Muc", "Mục", num=("5", 0)),
        [paragraph("có số", style="Muc"), paragraph("không số", style="Muc", num=("0", None)),
         paragraph("có số tiếp", style="Muc")],
        ["1. có số", "không số", "2. có số tiếp"],
        id="numId-0-removes-style-numbering"),
    pytest.param(
        abstract_num(1, [level(0, "decimal", "%1.")]) + num(1, 1), "",
        [paragraph("một", num=("1", 0)), paragraph(num=("1", 0)), paragraph("ba", num=("1", 0))],
        ["1. một", "3. ba"],
        id="empty-numbered-paragraph-counts-but-is-not-a-block"),
    pytest.param(
        abstract_num(1, [level(0, "upperRoman", "Phần %1", suffix="nothing"), level(1, "decimal", "%2.")])
        + num(1, 1), "",
        [paragraph(num=("1", 0)), paragraph("MỤC ĐÍCH, YÊU CẦU"), paragraph("Mục đích", num=("1", 1)),
         paragraph(num=("1", 0)), paragraph("NHIỆM VỤ")],
        # Lạng Sơn QĐ 2610: a part's label alone on its line, its title below; Word
        # and LibreOffice print "Phần I" although the paragraph has no text.
        ["Phần I", "MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Phần II", "NHIỆM VỤ"],
        id="empty-paragraph-with-a-worded-label-prints-the-label"),
    pytest.param(
        abstract_num(1, [level(0, "decimal", "%1.")]) + num(1, 1), "",
        [paragraph("Sở Nội vụ", num=("9", 0)), paragraph("Sở Tư pháp", num=("1", 0))],
        ["Sở Nội vụ", "1. Sở Tư pháp"],
        id="undefined-numId-is-unnumbered"),
    pytest.param(
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="DanhSach"/></w:abstractNum>'
        + abstract_num(2, [level(0, "decimal", "%1)")]) + num(1, 1) + num(2, 2),
        '<w:style w:type="numbering" w:styleId="DanhSach"><w:name w:val="Danh sách"/>'
        '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>',
        [paragraph("thứ nhất", num=("1", 0)), paragraph("thứ hai", num=("1", 0))],
        ["1) thứ nhất", "2) thứ hai"],
        id="numStyleLink-through-a-numbering-style"),
]


@pytest.mark.parametrize(("definitions", "styles", "paragraphs", "expected"), NUMBERING_CASES)
def test_numbering_is_rendered_as_word_shows_it(definitions, styles, paragraphs, expected):
    assert texts(numbered_document(definitions, paragraphs, styles)) == expected


def test_absurd_start_value_prints_as_digits():
    definitions = abstract_num(1, [level(0, "upperRoman", "%1.", start=10**15)]) + num(1, 1)
    assert texts(numbered_document(definitions, [paragraph("Phần", num=("1", 0))])) == ["1000000000000000. Phần"]


def test_level_override_replaces_the_level_definition():
    definitions = (abstract_num(1, [level(0, "decimal", "%1.")])
                   + '<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                     '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
                     '<w:lvlText w:val="Phần %1:"/></w:lvl></w:lvlOverride></w:num>')
    data = numbered_document(definitions, [paragraph("Chung", num=("1", 0)), paragraph("Riêng", num=("1", 0))])
    assert texts(data) == ["Phần I: Chung", "Phần II: Riêng"]


def test_numbering_inside_table_cells_is_rendered_in_the_cell_text():
    definitions = abstract_num(1, [level(0, "lowerLetter", "%1)")]) + num(1, 1)
    cell = "<w:tc>{}</w:tc>"
    table = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>"
             + cell.format(paragraph("1"))
             + cell.format(paragraph("Rà soát", num=("1", 0)) + paragraph("Công bố", num=("1", 0)))
             + "</w:tr></w:tbl>")
    [row] = read(numbered_document(definitions, [table]))
    assert row.cells == ["1", "a) Rà soát\nb) Công bố"]


def test_document_without_numbering_part_reads():
    document = new_document()
    document.add_paragraph("Kính gửi: Sở Nội vụ")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(to_bytes(document))) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            if item.filename != "word/numbering.xml":
                target.writestr(item, source.read(item))
    assert texts(buffer.getvalue()) == ["Kính gửi: Sở Nội vụ"]


# ---------------------------------------------------------------------------------
# LibreOffice's rendering of the same files.

#: LibreOffice's plain-text export draws every bullet with its own glyph per level
#: (•, ◦, ▪) whatever the list defines, and ignores isLgl (7.4); bullets are compared
#: as "a bullet", and isLgl is left to the case table above.
_ANY_BULLET = re.compile(r"^[•◦▪\-+➢❖✓■❑→□o](?=\s)")
_LABEL_ONLY = re.compile(r"^\s*\S*[.)]\s*$")


def _lines_of_blocks(blocks: list[Block]) -> list[str]:
    lines = []
    for block in blocks:
        parts = block.cells if block.kind == "row" else [block.text]
        for part in parts or []:
            lines.extend(part.split("\n"))
    return [_comparable(line) for line in lines if line.strip()]


def _comparable(line: str) -> str:
    return _ANY_BULLET.sub("•", " ".join(line.split()))


def _lines_of_libreoffice(text: str) -> list[str]:
    # A bare label ("2.") alone on a line is LibreOffice printing an empty numbered
    # paragraph, which the reader counts but does not emit; a worded one ("Phần III:")
    # it emits, and it is compared.
    return [_comparable(line) for line in text.splitlines() if line.strip() and not _LABEL_ONLY.match(line)]


LIBREOFFICE_FILES = {
    "plan": numbered_document(PLAN_LIST + num(1, 1) + num(2, 1, start_overrides={0: 1}) + num(3, 1), [
        paragraph("QUAN ĐIỂM", num=("1", 0)), paragraph("Quan điểm chung", num=("1", 1)),
        paragraph("Mục tiêu", num=("1", 1)), paragraph("Chỉ tiêu năm 2026", num=("1", 2)),
        paragraph("Chỉ tiêu năm 2027", num=("1", 2)), paragraph("Cải cách thể chế", num=("1", 3)),
        paragraph("Cải cách thủ tục", num=("1", 3)), paragraph("Sở Tư pháp chủ trì", num=("1", 4)),
        paragraph("UBND các xã phối hợp", num=("1", 5)), paragraph(num=("1", 0)),
        paragraph("NHIỆM VỤ", num=("1", 0)), paragraph("Nhiệm vụ một", num=("1", 1)),
        paragraph("Danh sách mới", num=("2", 0)), paragraph("Mục con", num=("2", 1)),
        paragraph("Danh sách cũ tiếp tục", num=("1", 0)), paragraph("Danh sách thứ ba", num=("3", 0)),
    ]),
    "styles": numbered_document(
        abstract_num(1, [level(0, "upperRoman", "%1.", style="Muc1"), level(1, "decimal", "%1.%2.", style="Muc2"),
                         level(2, "lowerLetter", "%3)", style="Muc3")])
        + num(5, 1) + abstract_num(2, [level(0, "decimal", "%1.", start=4)]) + num(6, 2),
        [paragraph("MỤC ĐÍCH", style="Muc1"), paragraph("Mục đích chung", style="Muc2"),
         paragraph("điểm một", style="Muc3"), paragraph("điểm hai", style="Muc3"),
         paragraph("Mục đích riêng", style="Muc2"), paragraph("YÊU CẦU", style="Muc1"),
         paragraph("Yêu cầu chung", style="Muc2"), paragraph("không đánh số", style="Muc2", num=("0", None)),
         paragraph("bắt đầu từ bốn", num=("6", 0)), paragraph("năm", num=("6", 0))],
        paragraph_style("Muc1", "Mục 1", num=("5", None)) + paragraph_style("Muc2", "Mục 2", based_on="Muc1", num=(None, 1))
        + paragraph_style("Muc3", "Mục 3", based_on="Muc2", num=(None, 2))),
    "overrides": numbered_document(
        abstract_num(2, [level(0, "decimal", "%1.")])
        + '<w:num w:numId="2"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0">'
          '<w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Phần %1:"/></w:lvl>'
          "</w:lvlOverride></w:num>"
        + abstract_num(3, [level(0, "decimalZero", "%1."), level(1, "upperLetter", "%2.")]) + num(3, 3),
        [paragraph("Quy định chung", num=("2", 0)), paragraph("Quy định cụ thể", num=("2", 0)),
         paragraph(num=("2", 0)), paragraph("Danh mục", num=("3", 0))] + [paragraph(f"đơn vị thứ {i}", num=("3", 1)) for i in range(1, 29)]),
    "table": numbered_document(abstract_num(1, [level(0, "lowerLetter", "%1)")]) + num(1, 1), [
        paragraph("Phân công như sau:"),
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + paragraph("Nhiệm vụ") + "</w:tc>"
        "<w:tc>" + paragraph("Chủ trì") + "</w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" + paragraph("1") + "</w:tc>"
        "<w:tc>" + paragraph("Rà soát", num=("1", 0)) + paragraph("Công bố", num=("1", 0)) + "</w:tc>"
        "<w:tc>" + paragraph("Sở Tư pháp") + "</w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>" + paragraph() + "</w:tc>"
        "<w:tc>" + paragraph("Kiểm tra", num=("1", 0)) + "</w:tc><w:tc>" + paragraph("Sở Nội vụ") + "</w:tc></w:tr>"
        "</w:tbl>",
        paragraph("Tổ chức thực hiện", num=("1", 0)),
    ]),
}


def test_reader_prints_what_libreoffice_prints(libreoffice_text):
    rendered = libreoffice_text(LIBREOFFICE_FILES)
    for name, data in LIBREOFFICE_FILES.items():
        assert _lines_of_blocks(read(data)) == _lines_of_libreoffice(rendered[name]), name


# ---------------------------------------------------------------------------------
# Tables.


def _assignment_table() -> bytes:
    """A "Phụ lục" table: a header merged over two columns, an STT merged over two
    rows, between two paragraphs."""
    document = new_document()
    document.add_paragraph("PHỤ LỤC")
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).text = "STT"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Nhiệm vụ và sản phẩm"
    table.cell(0, 3).text = "Chủ trì"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "1"
    for r, (task, product, owner) in enumerate([("Rà soát văn bản", "Báo cáo", "Sở Tư pháp"),
                                                ("Công bố danh mục", "Quyết định", "Sở Tư pháp")], start=1):
        table.cell(r, 1).text, table.cell(r, 2).text, table.cell(r, 3).text = task, product, owner
    table.cell(3, 0).text = "2"
    table.cell(3, 1).merge(table.cell(3, 3)).text = "Theo phân công tại Quyết định số 1441/QĐ-UBND"
    document.add_paragraph("Tổ chức thực hiện")
    return to_bytes(document)


def test_table_rows_in_reading_order_with_merged_cells_once():
    blocks = read(_assignment_table())
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "PHỤ LỤC"),
        ("row", "STT\tNhiệm vụ và sản phẩm\tChủ trì"),
        ("row", "1\tRà soát văn bản\tBáo cáo\tSở Tư pháp"),
        ("row", "\tCông bố danh mục\tQuyết định\tSở Tư pháp"),
        ("row", "2\tTheo phân công tại Quyết định số 1441/QĐ-UBND"),
        ("paragraph", "Tổ chức thực hiện"),
    ]
    rows = [b for b in blocks if b.kind == "row"]
    assert [r.spans for r in rows] == [
        [(1, 1), (1, 2), (1, 1)],
        [(2, 1), (1, 1), (1, 1), (1, 1)],
        [(0, 1), (1, 1), (1, 1), (1, 1)],   # row span 0: covered by the cell above
        [(1, 1), (1, 3)],
    ]
    assert [(r.origin.table, r.origin.row) for r in rows] == [(0, 0), (0, 1), (0, 2), (0, 3)]
    assert rows[1].cells == ["1", "Rà soát văn bản", "Báo cáo", "Sở Tư pháp"]


def test_row_origin_points_at_its_first_paragraph():
    blocks = read(_assignment_table())
    assert blocks[0].origin.paragraph == 0
    assert blocks[1].origin.paragraph == 1     # first paragraph of the header row
    assert blocks[-1].origin.paragraph > blocks[-2].origin.paragraph


def test_cell_paragraphs_join_with_newline_and_empty_rows_are_skipped():
    table = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
             "<w:tr><w:tc>" + paragraph("Sở Nội vụ") + paragraph("Sở Tư pháp") + "</w:tc><w:tc>"
             + paragraph("Tháng 3/2026") + "</w:tc></w:tr>"
             "<w:tr><w:tc>" + paragraph() + "</w:tc><w:tc>" + paragraph(" ") + "</w:tc></w:tr>"
             "<w:tr><w:tc>" + paragraph("Sở Y tế") + "</w:tc><w:tc>" + paragraph("Tháng 8/2026") + "</w:tc></w:tr>"
             "</w:tbl>")
    rows = read(document_of(table))
    assert [r.cells for r in rows] == [["Sở Nội vụ\nSở Tư pháp", "Tháng 3/2026"], ["Sở Y tế", "Tháng 8/2026"]]
    assert [r.origin.row for r in rows] == [0, 2]


def test_grid_before_and_nested_table():
    nested = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc>" + paragraph("Quý I")
              + "</w:tc><w:tc>" + paragraph("Quý II") + "</w:tc></w:tr></w:tbl>")
    table = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
             "<w:tr><w:tc>" + paragraph("STT") + "</w:tc><w:tc>" + paragraph("Việc") + "</w:tc><w:tc>"
             + paragraph("Thời gian") + "</w:tc></w:tr>"
             "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc>" + paragraph("Kiểm tra") + "</w:tc>"
             "<w:tc>" + paragraph("Theo quý:") + nested + paragraph("") + "</w:tc></w:tr>"
             "</w:tbl>")
    rows = read(document_of(table, paragraph("Sau bảng")))
    assert rows[1].cells == ["Kiểm tra", "Theo quý:\nQuý I\tQuý II"]
    assert rows[2].text == "Sau bảng"


# ---------------------------------------------------------------------------------
# Header and signature tables (Decree 30 layout).


def _layout_document() -> bytes:
    document = new_document()
    header = document.add_table(rows=2, cols=2)
    left, right = header.cell(0, 0), header.cell(0, 1)
    left.paragraphs[0].text = "ỦY BAN NHÂN DÂN"
    left.add_paragraph("TỈNH LÂM ĐỒNG")
    left.add_paragraph("-------")
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("_______________________")
    header.cell(1, 0).text = "Số:      /KH-UBND"
    header.cell(1, 1).text = "Lâm Đồng, ngày     tháng 3 năm 2026"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Các sở, ngành triển khai thực hiện.")
    signature = document.add_table(rows=1, cols=2)
    receivers, signer = signature.cell(0, 0), signature.cell(0, 1)
    receivers.paragraphs[0].text = "Nơi nhận:"
    receivers.add_paragraph("- Bộ Nội vụ;")
    receivers.add_paragraph("- Lưu: VT, NC.")
    signer.paragraphs[0].text = "KT. CHỦ TỊCH"
    signer.add_paragraph("PHÓ CHỦ TỊCH")
    signer.add_paragraph("Nguyễn Ngọc Phúc")
    return to_bytes(document)


def test_header_table_becomes_header_paragraphs_left_column_first():
    blocks = read(_layout_document())
    header = [b for b in blocks if b.zone == "header"]
    assert [b.text for b in header] == [
        "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số:      /KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Lâm Đồng, ngày     tháng 3 năm 2026",
    ]
    assert all(b.kind == "paragraph" and b.origin.table == 0 for b in header)
    assert blocks[: len(header)] == header


def test_signature_table_becomes_signature_paragraphs():
    blocks = read(_layout_document())
    signature = [b for b in blocks if b.zone == "signature"]
    assert [b.text for b in signature] == ["Nơi nhận:", "- Bộ Nội vụ;", "- Lưu: VT, NC.", "KT. CHỦ TỊCH",
                                           "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc"]
    assert not [b for b in blocks if b.kind == "row"]
    assert [b.text for b in blocks if b.zone == "body"] == ["KẾ HOẠCH", "Các sở, ngành triển khai thực hiện."]


def test_signature_in_a_table_nested_in_the_cell_is_laid_out_by_column():
    """Regression, lamdong_BC_De_an_06_thang_11_2025.docx: "Nơi nhận" and the signer
    sit in a two-column table inside the one cell of the outer layout table."""
    inner = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc>"
             + paragraph("Nơi nhận:") + paragraph("- Văn phòng Chính phủ;") + paragraph("- Lưu: VT, NC.")
             + "</w:tc><w:tc>" + paragraph("TM. BAN CHỈ ĐẠO") + paragraph("PHÓ TRƯỞNG BAN")
             + paragraph("Nguyễn Ngọc Phúc") + "</w:tc></w:tr></w:tbl>")
    outer = "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>" + inner + paragraph() + "</w:tc></w:tr></w:tbl>"
    blocks = read(document_of(paragraph("Trên đây là Báo cáo."), outer, paragraph()))
    assert [(b.zone, b.text) for b in blocks] == [
        ("body", "Trên đây là Báo cáo."), ("signature", "Nơi nhận:"), ("signature", "- Văn phòng Chính phủ;"),
        ("signature", "- Lưu: VT, NC."), ("signature", "TM. BAN CHỈ ĐẠO"), ("signature", "PHÓ TRƯỞNG BAN"),
        ("signature", "Nguyễn Ngọc Phúc")]


def test_soft_line_breaks_in_a_header_cell_give_one_block_per_line():
    table = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc>"
             + paragraph(run("UBND TỈNH LÂM ĐỒNG") + "<w:r><w:br/></w:r>" + run("SỞ NỘI VỤ")) + "</w:tc><w:tc>"
             + paragraph("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM") + "</w:tc></w:tr></w:tbl>")
    blocks = read(document_of(table))
    assert [(b.zone, b.text) for b in blocks] == [("header", "UBND TỈNH LÂM ĐỒNG"), ("header", "SỞ NỘI VỤ"),
                                                  ("header", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")]


def test_a_large_table_mentioning_kt_stays_rows():
    document = new_document()
    table = document.add_table(rows=6, cols=3)
    for r in range(6):
        table.cell(r, 0).text = str(r + 1)
        table.cell(r, 1).text = "KT. Chủ tịch ký duyệt kế hoạch"
        table.cell(r, 2).text = "Văn phòng UBND tỉnh"
    blocks = read(to_bytes(document))
    assert {(b.kind, b.zone) for b in blocks} == {("row", "body")}


# ---------------------------------------------------------------------------------
# Text hidden in the XML.

TEXT_BOX = (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="Hộp"/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    "<wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp>"
    "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox>'
    "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def test_text_box_is_read_once_after_its_anchor():
    box = TEXT_BOX.format(content=paragraph("Số: 75/KH-UBND") + paragraph("DỰ THẢO"))
    blocks = read(document_of(paragraph("KẾ HOẠCH", box), paragraph("Căn cứ Luật")))
    assert [b.text for b in blocks] == ["KẾ HOẠCH", "Số: 75/KH-UBND", "DỰ THẢO", "Căn cứ Luật"]


def test_vml_only_text_box_and_empty_anchor():
    box = ('<w:r><w:pict><v:shape><v:textbox><w:txbxContent>' + paragraph("Mẫu số 01/HNCT")
           + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    assert texts(document_of(paragraph(box), paragraph("BIÊN BẢN"))) == ["Mẫu số 01/HNCT", "BIÊN BẢN"]


def test_content_controls_block_and_inline():
    inline = '<w:sdt><w:sdtPr><w:alias w:val="Số"/></w:sdtPr><w:sdtContent>' + run("75") + "</w:sdtContent></w:sdt>"
    block = ('<w:sdt><w:sdtPr><w:alias w:val="Trích yếu"/></w:sdtPr><w:sdtContent>'
             + paragraph("Về cải cách hành chính") + "</w:sdtContent></w:sdt>")
    assert texts(document_of(paragraph("Số: ", inline, "/KH-UBND"), block)) == [
        "Số: 75/KH-UBND", "Về cải cách hành chính"]


def test_tracked_insertions_kept_deletions_and_moves_dropped():
    ins = '<w:ins w:id="1" w:author="Châu" w:date="2026-03-01T00:00:00Z">' + run("31/12/2026") + "</w:ins>"
    deleted = ('<w:del w:id="2" w:author="Châu" w:date="2026-03-01T00:00:00Z"><w:r><w:delText>30/6/2026'
               "</w:delText></w:r></w:del>")
    moved = '<w:moveFrom w:id="3" w:author="Châu" w:date="2026-03-01T00:00:00Z">' + run("cũ ") + "</w:moveFrom>"
    assert texts(document_of(paragraph("Hoàn thành trước ngày ", deleted, moved, ins))) == [
        "Hoàn thành trước ngày 31/12/2026"]


def test_simple_and_complex_fields_keep_the_result_not_the_instruction():
    simple = '<w:fldSimple w:instr=" DOCPROPERTY SoKyHieu ">' + run("75/KH-UBND") + "</w:fldSimple>"
    complex_field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                     '<w:r><w:instrText xml:space="preserve"> REF _Ref123 \\h </w:instrText></w:r>'
                     '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("Phụ lục I")
                     + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    nested = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("9")
              + '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> = 1 "a" "b" </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("b")
              + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    assert texts(document_of(paragraph("Kế hoạch số ", simple), paragraph("Xem ", complex_field, "."),
                             paragraph("Kết quả: ", nested))) == [
        "Kế hoạch số 75/KH-UBND", "Xem Phụ lục I.", "Kết quả: b"]


def test_unterminated_field_instruction_does_not_hide_the_next_paragraph():
    broken = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
    assert texts(document_of(paragraph("Trang ", broken), paragraph("Căn cứ Luật"))) == ["Trang", "Căn cứ Luật"]


def test_footnotes_and_endnotes_come_last_in_reference_order():
    document = new_document()
    append_xml(document, paragraph(
        "Kế hoạch số 45/KH-UBND", '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        '<w:footnoteReference w:id="2"/></w:r>', " và Quyết định số 12/QĐ-UBND",
        '<w:r><w:footnoteReference w:id="1"/></w:r>', '<w:r><w:endnoteReference w:id="1"/></w:r>')
        + paragraph("Tổ chức thực hiện"))
    add_notes(document, "footnotes",
              '<w:footnote w:id="1">' + paragraph('<w:r><w:footnoteRef/></w:r>', " Ngày 05/01/2026.") + "</w:footnote>"
              '<w:footnote w:id="2">' + paragraph('<w:r><w:footnoteRef/></w:r>', " Ngày 15/7/2025.")
              + "</w:footnote>"
              '<w:footnote w:id="3">' + paragraph("Không được tham chiếu") + "</w:footnote>")
    add_notes(document, "endnotes", '<w:endnote w:id="1">' + paragraph("Ghi chú cuối.") + "</w:endnote>")
    blocks = read(to_bytes(document))
    assert [(b.zone, b.text) for b in blocks] == [
        ("body", "Kế hoạch số 45/KH-UBND và Quyết định số 12/QĐ-UBND"),
        ("body", "Tổ chức thực hiện"),
        ("footnote", "Ngày 15/7/2025."),
        ("footnote", "Ngày 05/01/2026."),
        ("footnote", "Ghi chú cuối."),
    ]


def test_breaks_tabs_symbols_and_hidden_text():
    content = (run("TM. ỦY BAN NHÂN DÂN") + '<w:r><w:br/></w:r>' + run("CHỦ TỊCH")
               + '<w:r><w:br w:type="page"/></w:r>' + '<w:r><w:tab/></w:r>' + run("ký")
               + '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'
               + run(" (bản nháp)", extra="<w:vanish/>") + '<w:r><w:noBreakHyphen/></w:r>' + run("xong"))
    assert texts(document_of(paragraph(content))) == ["TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\tký✓-xong"]


def test_paragraph_style_bold_and_centered():
    document = new_document()
    heading = document.add_heading("KẾ HOẠCH", level=1)
    heading.alignment = 1
    mixed = document.add_paragraph()
    mixed.add_run("Căn cứ ").bold = True
    mixed.add_run("Luật Tổ chức chính quyền địa phương")
    bold = document.add_paragraph()
    bold.add_run("I. MỤC ĐÍCH").bold = True
    bold.add_run("   ")
    add_styles(document, paragraph_style("TieuDe", "Tiêu đề văn bản", bold=True, centered=True))
    append_xml(document, paragraph("TỔ CHỨC THỰC HIỆN", style="TieuDe"))
    blocks = read(to_bytes(document))
    assert [(b.text, b.style, b.bold, b.centered) for b in blocks] == [
        ("KẾ HOẠCH", "Heading 1", True, True),
        ("Căn cứ Luật Tổ chức chính quyền địa phương", "Normal", False, False),
        ("I. MỤC ĐÍCH", "Normal", True, False),
        ("TỔ CHỨC THỰC HIỆN", "Tiêu đề văn bản", True, True),
    ]


# ---------------------------------------------------------------------------------
# The legacy-font hook.


def test_legacy_converter_gets_each_run_with_its_effective_font(monkeypatch):
    calls: list[tuple[str, str | None]] = []

    def fake_convert(text: str, font_name: str | None) -> str:
        calls.append((text, font_name))
        return text.upper() if font_name == ".VnTimeH" else text

    monkeypatch.setattr(docx_reader, "convert_run", fake_convert)
    document = new_document()
    add_styles(document, paragraph_style("Goc", "Gốc", font=".VnTime")
               + paragraph_style("TieuDeCu", "Tiêu đề cũ", based_on="Goc", bold=True)
               + '<w:style w:type="character" w:styleId="ChuH"><w:name w:val="Chữ H"/>'
                 '<w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr></w:style>')
    append_xml(document, paragraph(run("Uû ban"), style="TieuDeCu")
               + paragraph(run("kÕ ho¹ch", extra='<w:rStyle w:val="ChuH"/>'), run(" 2026", font="Times New Roman"),
                           style="Goc")
               + paragraph(run("Unicode")))
    blocks = read(to_bytes(document))
    assert calls[:3] == [("Uû ban", ".VnTime"), ("kÕ ho¹ch", ".VnTimeH"), (" 2026", "Times New Roman")]
    assert calls[3][0] == "Unicode" and calls[3][1] != ".VnTime"
    assert [b.text for b in blocks] == ["Uû ban", "KÕ HO¹CH 2026", "Unicode"]
    assert blocks[0].bold


def test_document_default_font_reaches_the_converter(monkeypatch):
    seen: list[str | None] = []
    monkeypatch.setattr(docx_reader, "convert_run", lambda text, font: seen.append(font) or text)
    document = new_document()
    defaults = document.styles.element.find(f"{{{docx_reader.W_NS}}}docDefaults")
    fonts = defaults.find(f".//{{{docx_reader.W_NS}}}rFonts")
    fonts.set(f"{{{docx_reader.W_NS}}}hAnsi", "VNI-Times")
    for theme in ("hAnsiTheme", "asciiTheme"):
        fonts.attrib.pop(f"{{{docx_reader.W_NS}}}{theme}", None)
    normal = document.styles["Normal"].element
    rpr = normal.find(f"{{{docx_reader.W_NS}}}rPr")
    if rpr is not None:
        normal.remove(rpr)
    append_xml(document, paragraph(run("UÛy ban")))
    read(to_bytes(document))
    assert seen == ["VNI-Times"]


def test_tcvn3_header_table_is_converted_then_recognised():
    """A header typed in .VnTimeH/.VnTime (TCVN3) reads as Unicode and still counts as
    the Decree 30 header, with the real converter of parsers.text.legacy."""
    legacy = pytest.importorskip("parsers.text.legacy")
    if docx_reader.convert_run is not legacy.convert_run:
        pytest.skip("parsers.text.legacy has no convert_run")
    table = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc>"
             + paragraph(run("Uû ban nh©n d©n", font=".VnTimeH")) + "</w:tc><w:tc>"
             + paragraph(run("céng hßa x· héi chñ nghÜa viÖt nam", font=".VnTimeH", bold=True))
             + paragraph(run("§éc lËp - Tù do - H¹nh phóc", font=".VnTime")) + "</w:tc></w:tr></w:tbl>")
    blocks = read(document_of(table, paragraph("KẾ HOẠCH")))
    assert [(b.zone, b.text) for b in blocks] == [
        ("header", "UỶ BAN NHÂN DÂN"), ("header", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("header", "Độc lập - Tự do - Hạnh phúc"), ("body", "KẾ HOẠCH")]


def test_strict_open_xml_reads_like_transitional():
    """Word's "Strict Open XML Document" names the WordprocessingML namespace and the
    relationship types differently; the text is the same."""
    data = _assignment_table()
    strict = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(strict, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            content = content.replace(docx_reader.W_NS.encode(), docx_reader.STRICT_W_NS).replace(
                b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
                b"http://purl.oclc.org/ooxml/officeDocument/relationships/")
            target.writestr(item, content)
    assert [b.text for b in read(strict.getvalue())] == [b.text for b in read(data)]


# ---------------------------------------------------------------------------------
# Bad input: one clear VanbanError naming the file.


def _plain_docx() -> bytes:
    document = new_document()
    document.add_paragraph("Kính gửi: Sở Nội vụ")
    return to_bytes(document)


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, content if item.filename == name else source.read(item))
    return buffer.getvalue()


@pytest.mark.parametrize("cut", [10, 200, 0.5, -30])
def test_truncated_docx_is_corrupt(cut):
    data = _plain_docx()
    size = int(len(data) * cut) if isinstance(cut, float) else cut
    with pytest.raises(CorruptFile, match=r"ke_hoach\.docx: .*(damaged|truncated)"):
        docx_reader.read(Path("ke_hoach.docx"), data[:size], "0" * 64)


def test_malformed_document_xml_names_the_part():
    data = _replace_member(_plain_docx(), "word/document.xml", b"<w:document><w:body><w:p></w:body>")
    with pytest.raises(CorruptFile, match=r"word/document\.xml is not well-formed XML"):
        read(data)


def test_zip_without_a_document_part():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(CorruptFile, match="holds no such part"):
        read(buffer.getvalue())


def test_zip_bomb_by_ratio_is_refused_before_decompressing(monkeypatch):
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_plain_docx())) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item))
        target.writestr("word/media/bomb.bin", b"\0" * (8 * 1024 * 1024))
    monkeypatch.setattr(zipfile.ZipFile, "open", _no_decompression)
    with pytest.raises(TooLarge, match=r"bomb\.bin would expand \d[\d,]*x"):
        read(buffer.getvalue())


def _no_decompression(*args, **kwargs):
    raise AssertionError("an entry was decompressed before the size check")


def test_zip_bomb_by_declared_total_size(monkeypatch):
    data = bytearray(_plain_docx())
    # Declare 4 GB - 16 for every entry in the central directory (offset 24: uncompressed size).
    position = data.find(b"PK\x01\x02")
    while position != -1:
        struct.pack_into("<I", data, position + 24, 0xFFFFFFF0)
        position = data.find(b"PK\x01\x02", position + 4)
    monkeypatch.setattr(zipfile.ZipFile, "open", _no_decompression)
    with pytest.raises(TooLarge, match="refused as a zip bomb"):
        read(bytes(data))


def _encrypted_container() -> bytes:
    """The shape of a password-protected .docx: an OLE2 file whose directory names
    the EncryptedInfo and EncryptedPackage streams."""
    sector = bytearray(512)
    sector[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    directory = "EncryptionInfo".encode("utf-16-le").ljust(128, b"\0") + "EncryptedPackage".encode("utf-16-le")
    return bytes(sector) + directory.ljust(512, b"\0")


def test_encrypted_package_named_docx():
    with pytest.raises(EncryptedFile, match=r"bao_cao\.docx: password-protected"):
        docx_reader.read(Path("bao_cao.docx"), _encrypted_container(), "0" * 64)


def test_encrypted_package_through_the_format_registry(tmp_path):
    path = tmp_path / "bao_cao.docx"
    path.write_bytes(_encrypted_container())
    with pytest.raises(EncryptedFile, match="password-protected"):
        read_any(path)


def test_zip_level_encryption_is_reported_as_encrypted():
    data = bytearray(_plain_docx())
    name = b"word/document.xml"
    position = data.find(b"PK\x01\x02")
    while position != -1:   # set the "encrypted" flag bit in the central directory entry
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if bytes(data[position + 46: position + 46 + name_length]) == name:
            flags = struct.unpack_from("<H", data, position + 8)[0]
            struct.pack_into("<H", data, position + 8, flags | 0x1)
        position = data.find(b"PK\x01\x02", position + 4)
    with pytest.raises(EncryptedFile, match="encrypted"):
        read(bytes(data))


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("MẬT KHẨU", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">'
           '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
           f'<w:document xmlns:w="{docx_reader.W_NS}"><w:body><w:p><w:r><w:t>Trước &xxe; &lol2; sau</w:t>'
           "</w:r></w:p></w:body></w:document>").encode()
    blocks = read(_replace_member(_plain_docx(), "word/document.xml", xml))
    joined = " ".join(b.text for b in blocks)
    assert "MẬT KHẨU" not in joined
    assert "lol" not in joined


def test_empty_and_non_zip_bytes_are_corrupt():
    for data in (b"", b"PK\x03\x04garbage", b"hello"):
        with pytest.raises(CorruptFile):
            read(data)


# ---------------------------------------------------------------------------------
# Fuzzing: mutated files raise VanbanError subclasses only, and quickly.


def _rich_docx() -> bytes:
    document = new_document()
    set_numbering(document, PLAN_LIST + num(1, 1))
    append_xml(document, paragraph("NHIỆM VỤ", num=("1", 0))
               + paragraph("Rà soát", TEXT_BOX.format(content=paragraph("Hộp")), num=("1", 1)))
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Nhiệm vụ"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "1"
    table.cell(1, 2).text = "Sở Tư pháp"
    add_notes(document, "footnotes", '<w:footnote w:id="1">' + paragraph("Chú thích") + "</w:footnote>")
    append_xml(document, paragraph("Xem", '<w:r><w:footnoteReference w:id="1"/></w:r>'))
    return to_bytes(document)


RICH_DOCX = _rich_docx()


def _members(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [item.filename for item in archive.infolist()]


@st.composite
def mutated_docx(draw: st.DrawFn) -> bytes:
    data = RICH_DOCX
    kind = draw(st.sampled_from(["flip", "truncate", "member", "member-truncate", "xml-edit"]))
    if kind == "flip":
        mutable = bytearray(data)
        for _ in range(draw(st.integers(1, 20))):
            mutable[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(mutable)
    if kind == "truncate":
        return data[: draw(st.integers(0, len(data) - 1))]
    name = draw(st.sampled_from(_members(data)))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        original = archive.read(name)
    if kind == "member":
        content = draw(st.binary(max_size=200))
    elif kind == "xml-edit":   # keep the zip valid, damage or twist the XML inside
        mutable = bytearray(original)
        for _ in range(draw(st.integers(1, 10))):
            if mutable:
                mutable[draw(st.integers(0, len(mutable) - 1))] = draw(st.sampled_from(b'<>/"=&;:0-9 wpx'))
        content = bytes(mutable)
    else:
        content = original[: draw(st.integers(0, max(len(original) - 1, 0)))]
    return _replace_member(data, name, content)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_docx())
def test_mutated_files_raise_only_vanban_errors(data):
    started = time.perf_counter()
    with contextlib.suppress(VanbanError):
        read(data)
    assert time.perf_counter() - started < 5


# ---------------------------------------------------------------------------------
# The real corpus (read-only, outside the project).

REAL_FILES = sorted(REAL_CORPUS.glob("*.doc*")) if REAL_CORPUS.exists() else []

#: Plans with an assignment or schedule table: (header cell, data rows at least).
TASK_TABLES = {
    "lamdong_KH_CCHC_2026-2030.docx": ("Chủ trì thực hiện", 66),
    "lamdong_KH_kiem_tra_CCHC_2026.docx": ("Đơn vị được kiểm tra", 31),
}
#: Plans whose tasks are prose only (MANIFEST.tsv says so): no task table to find.
PROSE_PLANS = {"lamdong_KH_PCMT_den_2030.docx", "lamdong_KH_thi_dua_CCHC_2026.docx",
               "luongminh_KH_hoi_nghi_hiep_thuong.docx", "luongminh_KH_kiem_tra_giam_sat_bau_cu.docx"}


@pytest.mark.parametrize("path", REAL_FILES, ids=[p.name for p in REAL_FILES])
def test_real_file_reads_cleanly(path):
    document = read_any(path)
    assert document.blocks
    for block in document.blocks:
        for text in block.cells if block.kind == "row" else [block.text]:
            normalized = normalize_block_text(text)
            assert unicodedata.is_normalized("NFC", normalized)
            assert normalize_block_text(normalized) == normalized
    if path.name.startswith(("lamdong_KH_", "luongminh_KH_")):
        rows = [b for b in document.blocks if b.kind == "row"]
        assert not [r for r in rows if "CỘNG HÒA" in r.text.upper() or "NƠI NHẬN" in r.text.upper()]
        assert any(b.zone == "header" for b in document.blocks)
        assert any(b.zone == "signature" for b in document.blocks)
        if path.name in TASK_TABLES:
            header_cell, at_least = TASK_TABLES[path.name]
            table_rows = [r for r in rows if r.origin.table == rows[-1].origin.table]
            assert header_cell in table_rows[0].cells
            assert len(table_rows) >= at_least + 1
            assert all(r.cells and len(r.cells) == len(r.spans) for r in table_rows)
        else:
            assert path.name in PROSE_PLANS, f"{path.name}: a new plan; say whether it has a task table"


def test_real_corpus_present_or_skipped():
    if not REAL_FILES:
        pytest.skip("/work/shared/corpus/real is not on this machine")
    assert len(REAL_FILES) >= 10
