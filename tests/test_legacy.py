"""Legacy Vietnamese encodings (parsers.text.legacy).

Three layers: each data table against its standard chart, cell by cell; conversion
and detection case tables with phrases as real documents print them; and the
fixtures of tests/legacy_fixtures (made from the charts, never from the library)
decoding to their Unicode original character for character. The last tests run the
real corpus: no Unicode document may be taken for legacy, and every one, encoded in
each legacy scheme, must come back exactly.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from legacy_fixtures import charts
from legacy_fixtures.make_fixtures import expected_docx, text_fixtures

from parsers.text import legacy
from parsers.text.encodings import decode_bytes

from conftest import CORPUS, ROOT

FIXTURES = Path(__file__).resolve().parent / "legacy_fixtures"
DATA = ROOT / "parsers" / "data"
ORIGINAL = (FIXTURES / "original.txt").read_text(encoding="utf-8")
LOWER = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
LETTERS = LOWER + LOWER.upper()


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _cp(field: str) -> str:
    return "".join(chr(int(part[2:], 16)) for part in field.split())


# --------------------------------------------------------------- tables vs charts


def test_letters_are_all_134():
    assert len(set(LETTERS)) == 134
    assert all(unicodedata.is_normalized("NFC", c) for c in LETTERS)


def test_tcvn3_table_is_the_vn3_chart():
    rows = _rows("tcvn3.tsv")
    table = {_cp(letter): int(byte, 16) for byte, _read_as, letter, *_ in rows}
    assert table == charts.tcvn3_chart()
    # Word stores each byte as its Windows-1252 reading (Latin-1 above 0x9F).
    for byte, read_as, _letter, shown in rows:
        assert _cp(read_as) == bytes([int(byte, 16)]).decode("cp1252")
        assert shown == _cp(_letter)


def test_tcvn3_table_covers_every_small_letter():
    assert set(charts.tcvn3_chart()) >= set(LOWER)


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs glibc iconv")
def test_tcvn3_table_agrees_with_glibc_tcvn5712():
    """A second, independent publication of the chart: glibc's TCVN5712-1 (VN1),
    of which VN3 keeps the positions 0xA1-0xFE."""
    listing = subprocess.run(["iconv", "-l"], capture_output=True, text=True).stdout
    if "TCVN5712-1" not in listing:
        pytest.skip("this iconv has no TCVN5712-1")
    for letter, byte in charts.tcvn3_chart().items():
        out = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"],
                             input=letter.encode(), capture_output=True, check=True).stdout
        assert out == bytes([byte]), letter


def test_vni_table_is_the_vni_chart():
    table = {_cp(letter): _cp(seq) for letter, seq, *_ in _rows("vni.tsv")}
    chart = charts.vni_chart()
    expected = {**chart, **{k.upper(): v.upper() for k, v in chart.items()}}
    assert table == expected
    assert set(table) | {"í", "ì", "Í", "Ì"} == set(LETTERS)


def test_viqr_rules_are_rfc_1456():
    rows = {(kind, mnemonic): _cp(mark) if mark != "-" else None
            for kind, mnemonic, mark, *_ in _rows("viqr.tsv")}
    assert {m: k for (kind, k), m in rows.items() if kind == "modifier"} == charts.VIQR_MODIFIERS
    assert {m: k for (kind, k), m in rows.items() if kind == "tone"} == charts.VIQR_TONES
    assert {k: m for (kind, k), m in rows.items() if kind == "letter"} == {"dd": "đ", "DD": "Đ", "Dd": "Đ"}


@pytest.mark.parametrize("letter", sorted(charts.tcvn3_chart()))
def test_every_tcvn3_letter(letter):
    stored = bytes([charts.tcvn3_chart()[letter]]).decode("cp1252")
    assert legacy.convert(stored, "tcvn3") == letter
    assert legacy.convert(stored, "tcvn3", upper=True) == letter.upper()


@pytest.mark.parametrize("letter", LETTERS)
def test_every_vni_letter(letter):
    assert legacy.convert(charts.encode_vni(letter).decode("cp1252"), "vni") == letter


@pytest.mark.parametrize("letter", LETTERS)
def test_every_viqr_letter(letter):
    assert legacy.convert(charts.encode_viqr(letter), "viqr") == letter


@pytest.mark.parametrize("letter", LETTERS)
def test_every_cp1258_letter(letter):
    found = legacy.decode_legacy(charts.encode_cp1258(f"Xin chào {letter} Việt Nam"))
    assert found == (f"Xin chào {letter} Việt Nam", "cp1258")


# ------------------------------------------------------------------ conversion

CONVERT_CASES = [
    # TCVN3, as a .VnTime document reads without its font
    ("tcvn3", "Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("tcvn3", "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("tcvn3", "Së Néi vô; Uû ban nh©n d©n tØnh", "Sở Nội vụ; Uỷ ban nhân dân tỉnh"),
    ("tcvn3", "Tr\u00adêng Chinh, ng\u00adêi d©n", "Trường Chinh, người dân"),  # ư is a soft hyphen
    ("tcvn3", "“Kh«ng ®Ó ai bÞ bá l¹i phÝa sau” – 2025", "“Không để ai bị bỏ lại phía sau” – 2025"),
    ("tcvn3", "Sè: 75/KH-UBND", "Số: 75/KH-UBND"),
    # VNI-Windows, as a VNI-Times document reads
    ("vni", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("vni", "ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
    ("vni", "Tröôøng Ñaïi hoïc Caàn Thô", "Trường Đại học Cần Thơ"),
    ("vni", "Thuûy lôïi, khuyeán noâng; tænh Kieân Giang", "Thủy lợi, khuyến nông; tỉnh Kiên Giang"),
    ("vni", "Aù, aÙ", "Á, á"),                 # case changed by a word processor
    ("vni", "Caâùp", "Cấp"),                   # modifier and tone as two marks
    # VIQR (RFC 1456)
    ("viqr", "Vie^.t Nam", "Việt Nam"),
    ("viqr", "DDa` Na(~ng, Qui Nho+n", "Đà Nẵng, Qui Nhơn"),
    ("viqr", "tu+` khi mo+'i ra ddo+`i\\.", "từ khi mới ra đời."),
    ("viqr", "Bo^. No^.i vu..", "Bộ Nội vụ."),
    ("viqr", "HDDND va` UBND", "HĐND và UBND"),
    ("viqr", "ho`a, hoa`", "hòa, hoà"),        # both tone placements kept as written
    ("viqr", "Nam. Sa'u?", "Nam. Sáu?"),
]


@pytest.mark.parametrize(("scheme", "text", "expected"), CONVERT_CASES)
def test_convert(scheme, text, expected):
    assert legacy.convert(text, scheme) == expected


def test_convert_upper_for_capital_fonts():
    assert legacy.convert("céng hßa x· héi", "tcvn3", upper=True) == "CỘNG HÒA XÃ HỘI"


def test_convert_rejects_unknown_scheme():
    with pytest.raises(ValueError, match="viscii"):
        legacy.convert("x", "viscii")


# ------------------------------------------------------------------- detection

DETECT_CASES = [
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "tcvn3"),
    ("Uû ban nh©n d©n tØnh Qu¶ng Ng·i", "tcvn3"),
    ("Tr\u00adêng Trung häc phæ th«ng, n¨m häc 2024-2025", "tcvn3"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni"),
    ("UÛY BAN NHAÂN DAÂN TÆNH ÑOÀNG THAÙP", "vni"),
    ("Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam", "viqr"),
    ("Cộng hòa xã hội chủ nghĩa Việt Nam", None),
    (unicodedata.normalize("NFD", "Cộng hòa xã hội chủ nghĩa Việt Nam"), None),
    ("Bảng 3×4; nhiệt độ 25°C; © 2024 Sở Nội vụ; «Dân vận khéo»; 5 µg", None),
    ("ÐẢNG BỘ TỈNH ĐỒNG THÁP", None),
    ("Thái Bình, Cà Mau, Hà Nội", None),
    ("Cong hoa xa hoi chu nghia Viet Nam", None),
    ("The committee's report: I'm sure we'll see (a) and (b).", None),
    ("Kết quả: 100%; x^2 + y^2; C++", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "scheme"), DETECT_CASES)
def test_detect_scheme(text, scheme):
    assert legacy.detect_scheme(text) == scheme


def test_fix_text_mixed_page_converts_only_the_legacy_lines():
    page = (FIXTURES / "mixed_page.txt").read_text(encoding="utf-8")
    expected = (FIXTURES / "mixed_page.expected.txt").read_text(encoding="utf-8")
    assert legacy.fix_text(page) == (expected, "tcvn3")


def test_fix_text_keeps_unicode_words_in_a_mixed_line():
    text = "Céng hßa x· héi chñ nghÜa ViÖt Nam — Cộng hòa xã hội chủ nghĩa Việt Nam, Thái Bình"
    assert legacy.fix_text(text) == (
        "Cộng hòa xã hội chủ nghĩa Việt Nam — Cộng hòa xã hội chủ nghĩa Việt Nam, Thái Bình", "tcvn3")


def test_fix_text_touches_no_spacing():
    text = "  Céng hßa x· héi\tchñ nghÜa\r\n\nViÖt  Nam \x0c"
    fixed, scheme = legacy.fix_text(text)
    assert scheme == "tcvn3"
    assert fixed == "  Cộng hòa xã hội\tchủ nghĩa\r\n\nViệt  Nam \x0c"


FIX_CASES = [
    ("ÐẢNG CỘNG SẢN VIỆT NAM, Ðồng Tháp", "ĐẢNG CỘNG SẢN VIỆT NAM, Đồng Tháp"),   # eth from a PDF font
    ("Vie\u0302\u0323t Nam", "Việt Nam"),                                        # NFD
    ("ca\u0301\u0302p tỉnh", "cấp tỉnh"),                 # tone written before its modifier
    ("trường\u00adhọc", "trường\u00adhọc"),               # a soft hyphen in Unicode text stays
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), FIX_CASES)
def test_fix_text_unicode(text, expected):
    assert legacy.fix_text(text) == (expected, None)


SYLLABLES = ["cộng", "hòa", "xã", "hội", "chủ", "nghĩa", "việt", "nam", "ủy", "ban", "nhân",
             "dân", "tỉnh", "sở", "nội", "vụ", "kế", "hoạch", "thực", "hiện", "năm", "người",
             "trường", "quyết", "định", "thủy", "lợi", "khuyến", "nông", "đồng", "tháp", "thái",
             "bình", "cà", "mau", "và", "là", "có", "các", "được", "UBND", "HĐND", "2025", "75/KH"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=40),
       st.sampled_from([" ", ", ", "; ", "\n", " - "]), st.booleans())
def test_unicode_text_is_never_taken_for_legacy(words, separator, capitalise):
    text = separator.join(w.capitalize() if capitalise else w for w in words)
    assert legacy.detect_scheme(text) is None
    assert legacy.fix_text(text) == (text, None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x1EFF), max_size=60))
def test_fix_text_returns_nfc_and_never_raises(text):
    fixed, scheme = legacy.fix_text(text)
    assert unicodedata.is_normalized("NFC", fixed)
    assert scheme in (None, *legacy.SCHEMES)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=120))
def test_decode_legacy_never_raises(data):
    found = legacy.decode_legacy(data)
    assert found is None or (unicodedata.is_normalized("NFC", found[0])
                             and found[1] in ("tcvn3", "vni", "cp1258", "viqr"))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.sampled_from([".VnTime", ".VnTimeH", "VNI-Times", "VNtimes new roman",
                                               "Times New Roman", "", None]))
def test_convert_run_never_raises(text, font):
    assert isinstance(legacy.convert_run(text, font), str)


# -------------------------------------------------------------------- docx runs

FONT_CASES = [
    (".VnTime", "Céng hßa x· héi", "Cộng hòa xã hội"),
    (".VnTimeH", "céng hßa x· héi", "CỘNG HÒA XÃ HỘI"),
    (".VnTimeH", "ubnd tØnh", "UBND TỈNH"),
    (".VnTimeH", "KH-UBND", "KH-UBND"),
    (".VnArial", "Th«ng b¸o", "Thông báo"),
    (".VnArialH", "th«ng b¸o", "THÔNG BÁO"),
    (".VnArial NarrowH", "kÕt luËn", "KẾT LUẬN"),
    (".VnTimeH Bold", "quyÕt ®Þnh", "QUYẾT ĐỊNH"),
    (" .VnTime ", "Tr\u00adêng", "Trường"),
    ("VNI-Times", "Coäng hoøa", "Cộng hòa"),
    ("VNI-Helve", "COÄNG HOØA", "CỘNG HÒA"),
    ("Vni-Times", "Ñaø Naüng", "Đà Nẵng"),
    ("VNtimes new roman", "Céng hßa x· héi", "Cộng hòa xã hội"),
    ("VNtimes new roman", "Coäng hoøa xaõ hoäi", "Cộng hòa xã hội"),
    ("VNtimes new roman", "Thái Bình", "Thái Bình"),
    # Unicode fonts: untouched
    ("Times New Roman", "Céng hßa", "Céng hßa"),
    ("UVnTime", "Céng hßa", "Céng hßa"),
    (None, "Céng hßa", "Céng hßa"),
    # Unicode text in a legacy-font run (the paragraph style says .VnTime): kept
    (".VnTime", "Cộng hòa xã hội", "Cộng hòa xã hội"),
    (".VnTime", "Thái Bình", "Thái Bình"),
    (".VnTime", "và", "và"),
    (".VnTimeH", "Ủy ban", "Ủy ban"),
    ("VNI-Times", "Thái", "Thái"),
    ("VNI-Times", "Lý Sơn", "Lý Sơn"),
    (".VnTime", "", ""),
    (".VnTime", " – ", " – "),
]


@pytest.mark.parametrize(("font", "text", "expected"), FONT_CASES)
def test_convert_run(font, text, expected):
    assert legacy.convert_run(text, font) == expected


def _docx_paragraph_text(paragraph) -> str:
    """A paragraph through convert_run, each run with its font or its style's."""
    def font_of(run):
        if run.font.name:
            return run.font.name
        style = paragraph.style
        while style is not None:
            if style.font.name:
                return style.font.name
            style = style.base_style
        return None

    return "".join(legacy.convert_run(run.text, font_of(run)) for run in paragraph.runs)


def test_docx_runs_convert_to_the_original():
    import docx

    expected = json.loads((FIXTURES / "mixed_fonts.expected.json").read_text(encoding="utf-8"))
    document = docx.Document(str(FIXTURES / "mixed_fonts.docx"))
    assert [_docx_paragraph_text(p) for p in document.paragraphs] == expected["paragraphs"]
    cells = [[_docx_paragraph_text(cell.paragraphs[0]) for cell in row.cells]
             for row in document.tables[0].rows]
    assert cells == expected["cells"]


def test_docx_reader_converts_the_runs():
    """The same document through vanban's own .docx reader, which resolves each run's
    font through its styles and calls convert_run."""
    reader = pytest.importorskip("parsers.formats.docx")
    data = (FIXTURES / "mixed_fonts.docx").read_bytes()
    document = reader.read(FIXTURES / "mixed_fonts.docx", data, hashlib.sha256(data).hexdigest())
    expected = json.loads((FIXTURES / "mixed_fonts.expected.json").read_text(encoding="utf-8"))
    texts = [block.text for block in document.blocks]
    for paragraph in expected["paragraphs"]:
        assert paragraph in texts
    for row in expected["cells"]:
        assert "\t".join(row) in texts


# --------------------------------------------------------------- byte fixtures

BYTE_FIXTURES = [
    ("tcvn3.txt", "tcvn3", charts.tcvn3_representable(ORIGINAL)),
    ("vni.txt", "vni", ORIGINAL),
    ("cp1258.txt", "cp1258", ORIGINAL),
    ("viqr.txt", "viqr", ORIGINAL),
]


@pytest.mark.parametrize(("name", "encoding", "expected"), BYTE_FIXTURES)
def test_byte_fixture_decodes_to_the_original(name, encoding, expected):
    data = (FIXTURES / name).read_bytes()
    assert legacy.decode_legacy(data) == (expected, encoding)
    assert decode_bytes(data, name) == (expected, encoding)


TEXT_FIXTURES = [
    ("nfd.txt", None, ORIGINAL),
    ("tcvn3_in_utf8.txt", "tcvn3", charts.tcvn3_representable(ORIGINAL)),
    ("vni_in_utf8.txt", "vni", ORIGINAL),
    ("viqr_in_utf8.txt", "viqr", ORIGINAL),
]


@pytest.mark.parametrize(("name", "scheme", "expected"), TEXT_FIXTURES)
def test_utf8_fixture_fixes_to_the_original(name, scheme, expected):
    text, encoding = decode_bytes((FIXTURES / name).read_bytes(), name)
    assert encoding == "utf-8"
    assert legacy.fix_text(text) == (expected, scheme)


def test_unicode_original_is_left_alone():
    assert legacy.fix_text(ORIGINAL) == (ORIGINAL, None)
    assert decode_bytes(ORIGINAL.encode("utf-8")) == (ORIGINAL, "utf-8")


def test_fixtures_match_their_generator():
    for name, data in text_fixtures().items():
        assert (FIXTURES / name).read_bytes() == data, f"{name}: run make_fixtures.py"
    expected = json.loads((FIXTURES / "mixed_fonts.expected.json").read_text(encoding="utf-8"))
    assert expected == expected_docx()


def test_western_latin1_is_not_vietnamese():
    assert legacy.decode_legacy("Les élèves français à Genève, l'été dernier.".encode("latin-1")) is None


def test_utf8_with_one_broken_byte_stays_utf8():
    data = "Cộng hòa xã hội chủ nghĩa Việt Nam: ".encode() + b"\x93" + "Dân vận khéo".encode() + b"\x94"
    text, encoding = decode_bytes(data)
    assert encoding == "utf-8"
    assert text.startswith("Cộng hòa xã hội chủ nghĩa Việt Nam")


# ------------------------------------------------------------- the real corpus


def _real_texts(shared: Path) -> list[Path]:
    paths = [*sorted((shared / "corpus" / "real").glob("*.txt")),
             *sorted((shared / "corpus" / "seeds").glob("*.txt")),
             *sorted(CORPUS.glob("*/*.txt"))]
    return [p for p in paths if p.stat().st_size]


@pytest.mark.slow
def test_no_false_positive_on_the_real_text_files(shared):
    for path in _real_texts(shared):
        text, encoding = decode_bytes(path.read_bytes(), path)
        assert encoding == "utf-8", path.name
        assert legacy.fix_text(text) == (text.replace("Ð", "Đ"), None), path.name


@pytest.mark.slow
def test_no_false_positive_on_the_real_pdfs(shared):
    pdfium = pytest.importorskip("pypdfium2")
    for path in sorted((shared / "corpus" / "real").glob("*.pdf")):
        document = pdfium.PdfDocument(str(path))
        try:
            for number, page in enumerate(document, start=1):
                text = page.get_textpage().get_text_range()
                assert legacy.detect_scheme(text) is None, f"{path.name} p.{number}"
        finally:
            document.close()


@pytest.mark.slow
def test_no_false_positive_on_the_real_docx_runs(shared, monkeypatch):
    reader = pytest.importorskip("parsers.formats.docx")
    changed: list[tuple[str, str, str]] = []
    runs = 0

    def spy(text: str, font: str | None) -> str:
        nonlocal runs
        runs += 1
        out = legacy.convert_run(text, font)
        if out != text:
            changed.append((font or "", text, out))
        return out

    monkeypatch.setattr(reader, "convert_run", spy)
    for path in sorted((shared / "corpus" / "real").glob("*.doc*")):
        data = path.read_bytes()
        if data.startswith(b"PK"):
            reader.read(path, data, hashlib.sha256(data).hexdigest())
    assert runs > 1000          # the reader does call the hook
    assert changed == []


ENCODERS = {
    "tcvn3": lambda text: charts.encode_tcvn3(charts.tcvn3_representable(text)),
    "vni": charts.encode_vni,
    "cp1258": charts.encode_cp1258,
    "viqr": lambda text: charts.encode_viqr(text).encode("cp1252"),
}


def _encodable(text: str, encoding: str) -> str:
    """``text`` less what the encoding cannot hold (≥, emoji …), for a round trip."""
    text = charts.tcvn3_representable(text) if encoding == "tcvn3" else text
    kept = []
    for c in text:
        try:
            ENCODERS[encoding](c)
        except (UnicodeEncodeError, KeyError):
            c = " "
        kept.append(c)
    return "".join(kept)


@pytest.mark.slow
@pytest.mark.parametrize("encoding", sorted(ENCODERS))
def test_real_documents_round_trip_through_each_encoding(shared, encoding):
    for path in _real_texts(shared)[::4]:
        original = _encodable(path.read_text(encoding="utf-8"), encoding)
        data = ENCODERS[encoding](original)
        found = legacy.decode_legacy(data)
        assert found is not None, path.name
        assert found[1] == encoding, path.name
        assert found[0] == unicodedata.normalize("NFC", original), path.name
