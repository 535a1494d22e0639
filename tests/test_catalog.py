"""The PAR INDEX criteria catalog, checked against the PDF it was read from, and the
flags on the codes tasks cite.

The PDF (QĐ 1187/QĐ-BNV, Bảng 2) is read from ../shared/corpus/real, never copied
here; the tests that need it skip without it. The check is independent of vanban's
reader: pdfium's raw text, line by line, gives every printed code and the maximum
score printed after it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import duckdb
import pytest

from ingest import store
from parsers import catalog, formats, parse_file
from parsers.catalog import FIELD_MISMATCH, NOT_IN_CATALOG, field_named, from_blocks, load, split_name
from parsers.tools import build_catalog

from conftest import CORPUS, SHARED

PDF = SHARED / "corpus" / "real" / "bnv_QD1187_bang2_chi_so_CCHC_cap_tinh.pdf"
needs_pdf = pytest.mark.skipif(not PDF.is_file(), reason="../shared/corpus/real is not present")

#: Codes per field as the PDF prints them (counted by eye on the 21 pages, and by the
#: independent check below).
PER_FIELD = {"1": 10, "2": 14, "3": 18, "4": 16, "5": 23, "6": 18, "7": 20, "8": 15}


def test_the_catalog_file():
    cat = load()
    assert len(cat) == 134 == sum(PER_FIELD.values())
    assert Counter(c.field for c in cat.values()) == PER_FIELD
    assert Counter(c.level for c in cat.values()) == {1: 8, 2: 38, 3: 88}
    assert sum(c.max_score for c in cat.values() if c.level == 1) == pytest.approx(100.0)
    children: dict[str, float] = defaultdict(float)
    for c in cat.values():
        if c.parent:
            assert c.parent in cat and c.code.startswith(c.parent + ".")
            children[c.parent] += c.max_score
    for parent, total in children.items():
        assert cat[parent].max_score == pytest.approx(total), parent
    # codes are strings: 1.1 exists, 1.10 does not, and neither is a number
    assert "1.1" in cat and "1.10" not in cat and all(isinstance(code, str) for code in cat)


SAMPLE = [  # checked by eye against the PDF, page in the last column
    ("1", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC", 9.50, False, 1),
    ("1.3.1", "Tỷ lệ cơ quan chuyên môn (CQCM) cấp tỉnh và đơn vị hành chính (ĐVHC) cấp xã được kiểm tra "
              "trong năm", 1.00, False, 1),
    ("2.5.4", "Tính kịp thời phát hiện và xử lý các bất cập, vướng mắc trong tổ chức thực hiện VBQPPL tại "
              "địa phương", 1.00, True, 4),
    ("3.3.2", "Tỷ lệ thực hiện TTHC không phụ thuộc địa giới hành chính trong phạm vi cấp tỉnh", 1.00, False, 5),
    ("5.4", "Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức", 1.50, False, 11),
    ("6.3.2", "Số đơn vị SNCL tự bảo đảm một phần chi thường xuyên", 0.75, False, 13),
    ("7.3.4", "Xây dựng, vận hành Hệ thống thông tin báo cáo cấp tỉnh", 1.50, False, 16),
    ("7.4.4", "Triển khai số hóa hồ sơ giải quyết TTHC", 1.00, False, 17),
    ("8", "TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN VÀ PHÁT TRIỂN KINH TẾ - XÃ HỘI", 16.50, False, 19),
    ("8.5", "Mức độ thực hiện các chỉ tiêu phát triển KT-XH do HĐND tỉnh giao", 1.50, False, 21),
]


@pytest.mark.parametrize(("code", "name", "max_score", "survey", "page"), SAMPLE, ids=[s[0] for s in SAMPLE])
def test_a_sample_of_entries(code, name, max_score, survey, page):
    c = load()[code]
    assert (c.name, c.max_score, c.survey, c.page) == (name, max_score, survey, page)


def test_the_first_rule_is_split_off_a_name_that_absorbed_it():
    assert load()["3.3.2"].scoring.startswith("Đạt 100% TTHC thuộc thẩm quyền giải quyết của địa phương: 1")
    assert load()["7.3.4"].scoring.startswith("Hệ thống thông tin báo cáo đáp ứng đầy đủ chức năng")


SPLITS = [
    ("Công tác kiểm tra CCHC", ("Công tác kiểm tra CCHC", None)),
    ("Tỷ lệ cơ quan, tổ chức được phê duyệt 100% số cơ quan, tổ chức: 0.75",
     ("Tỷ lệ cơ quan, tổ chức được phê duyệt", "100% số cơ quan, tổ chức: 0.75")),
    ("Số đơn vị SNCL tự bảo đảm chi Có thêm đơn vị: 0.25", ("Số đơn vị SNCL tự bảo đảm chi", "Có thêm đơn vị: 0.25")),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_split_name(text, expected):
    assert split_name(text) == expected


def _raw_segments() -> dict[str, str]:
    """Each printed code with the raw text after it up to the next code (pdfium)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(PDF))
    try:
        text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    segments: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        m = re.match(r"\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.\s", line + " ")
        if m:
            current = m.group(1)
            assert current not in segments, f"{current} printed twice"
            segments[current] = line[m.end():]
        elif current:
            segments[current] += "\n" + line
    return segments


@needs_pdf
def test_every_code_the_pdf_prints_is_in_the_catalog_with_its_maximum_score():
    segments = _raw_segments()
    cat = load()
    assert list(segments) == list(cat)                 # same codes, same order
    for code, segment in segments.items():
        score = re.search(r"(?:^|\s)(\d{1,2}\.\d{2})(?=\s|$)", segment)
        assert score and float(score.group(1)) == cat[code].max_score, code
        assert ("ĐTXHH" in segment.split("\n")[0] or "ĐTXHH" in segment[:400]) == cat[code].survey, code


@needs_pdf
def test_the_committed_catalog_is_what_the_reader_gives(tmp_path):
    """Rebuilding from the PDF reproduces the catalog file and the migration's rows."""
    migration = tmp_path / "002.sql"
    migration.write_text((Path(store.__file__).parent.parent / "schemas" / "sql" / "002_analyst.sql")
                         .read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / catalog.CATALOG_FILE
    assert build_catalog.main([str(PDF), "--out", str(out), "--migration", str(migration)]) == 0
    assert out.read_text(encoding="utf-8") == build_catalog.TSV.read_text(encoding="utf-8")
    assert migration.read_text(encoding="utf-8") == build_catalog.MIGRATION.read_text(encoding="utf-8")
    assert [c.code for c in from_blocks(formats.read(PDF).blocks)] == list(load())


def test_the_database_holds_the_same_catalog():
    con = duckdb.connect(":memory:")
    try:
        store.migrate(con)
        rows = con.execute("SELECT catalog, code, field, parent, level, name, max_score, survey, page "
                           "FROM criteria_catalog ORDER BY ordinal").fetchall()
    finally:
        con.close()
    assert rows == [(catalog.CATALOG_ID, c.code, c.field, c.parent, c.level, c.name, c.max_score, c.survey,
                     c.page) for c in load().values()]


FIELDS = [
    ("III.3. Cải cách tổ chức bộ máy hành chính (TCTP 4,2)", "4"),
    ("Công tác chỉ đạo, điều hành CCHC", "1"),
    ("CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC", "1"),
    ("IV. Hiện đại hóa hành chính", "7"),
    ("XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", "7"),
    ("Cải cách thủ tục hành chính (chỉ số 3.4.1)", "3"),
    ("Tác động của CCHC đến người dân", "8"),
    ("Tuyên truyền cải cách hành chính", None),
    ("NHIỆM VỤ, GIẢI PHÁP", None),
]


@pytest.mark.parametrize(("heading", "field"), FIELDS)
def test_field_named(heading, field):
    assert field_named(heading) == field


def test_seed_002_puts_5_4_3_4_under_field_4():
    doc = parse_file(next((CORPUS / "seeds").glob("002_*.txt")))
    by_code = {code: t for t in doc.tasks for code in t.criteria}
    flagged = by_code["5.4.3.4"]
    assert flagged.criteria_field == "4"
    assert flagged.criteria_flags == [f"5.4.3.4 {NOT_IN_CATALOG}", f"5.4.3.4 {FIELD_MISMATCH}"]
    assert by_code["4.2"].criteria_flags == [] and by_code["4.2"].criteria_field == "4"
    # 1.4.2 was a code of the 2022 index; QĐ 1187 (2025) dropped it
    assert by_code["1.4.2"].criteria_flags == [f"1.4.2 {NOT_IN_CATALOG}"]
    # row 9 names no field of its own, and the group above it is not its group
    assert by_code["9"].criteria_field is None and by_code["9"].criteria_flags == [f"9 {NOT_IN_CATALOG}"]


def test_a_table_group_row_names_the_field():
    doc = parse_file(CORPUS / "own" / "own10_hcm_benthanh_phuluc_2026.txt")
    fields = {code: t.criteria_field for t in doc.tasks for code in t.criteria}
    assert fields == {"1.1": "1", "1.3": "1", "1.4.2": "1", "3.4.1": "3", "3.5": "3", "7.2": "7", "7.4": "7",
                      "8.1": "8", "5.3": "5", "5.4": "5"}
