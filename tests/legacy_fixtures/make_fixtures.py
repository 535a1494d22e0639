"""Regenerate the legacy-encoding fixtures from ``original.txt`` and the charts.

    .venv/bin/python tests/legacy_fixtures/make_fixtures.py

Every fixture is made with the chart-built encoders of ``charts.py``, never with the
library under test, so decoding a fixture back to its original checks the library
against the standards. ``test_legacy.py`` re-runs the text encoders and compares with
the files here, so a fixture cannot drift from this script.

Files:

- ``tcvn3.txt``, ``vni.txt``, ``cp1258.txt``: the original in each byte encoding
  (TCVN3 from ``charts.tcvn3_representable(original)``: VN3 has no capitals with
  tone marks);
- ``viqr.txt``: VIQR, its quotes and dashes in Windows-1252 as Notepad saves them
  (so not UTF-8); ``viqr_in_utf8.txt`` the same in UTF-8;
- ``nfd.txt``: UTF-8, decomposed (as from a Mac or a PDF);
- ``tcvn3_in_utf8.txt``, ``vni_in_utf8.txt``: the legacy characters saved as UTF-8,
  as a converter or copy-paste out of a .VnTime document leaves them;
- ``mixed_page.txt``: a PDF page's text, heading in TCVN3 code points, body in
  Unicode (expected output: ``mixed_page.expected.txt``);
- ``mixed_fonts.docx``: runs in ``.VnTime``/``.VnTimeH``/``.VnArial``/``VNI-Times``/
  ``VNI-Helve``/``VNtimes new roman`` beside Unicode runs, a style that sets
  ``.VnTime`` for its paragraphs, a table; expected text in ``mixed_fonts.expected.json``.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from legacy_fixtures.charts import (  # noqa: E402 - the path above makes it importable
    encode_cp1258,
    encode_tcvn3,
    encode_viqr,
    encode_vni,
    tcvn3_representable,
)

TCVN3_FONTS = (".VnTime", ".VnArial", "VNtimes new roman")
TCVN3_CAPITAL_FONTS = (".VnTimeH", ".VnArialH")
VNI_FONTS = ("VNI-Times", "VNI-Helve")
UNICODE = "unicode"   # marks a run whose text is Unicode although its font is legacy

#: The mixed-font document: paragraphs of runs (Unicode text, font, how it is stored).
#: ``style`` "VnBody" is a paragraph style whose font is .VnTime.
DOCX_PARAGRAPHS: list[dict] = [
    {"runs": [("ủy ban nhân dân tỉnh quảng ngãi", ".VnTimeH")]},
    {"runs": [("Cộng hòa xã hội chủ nghĩa Việt Nam", ".VnTimeH")]},
    {"runs": [("Độc lập - Tự do - Hạnh phúc", ".VnTime")]},
    {"runs": [("Căn cứ ", "Times New Roman"), ("Luật Tổ chức chính quyền địa phương", ".VnTime"),
              (" ngày 19 tháng 6 năm 2015;", "Times New Roman")]},
    {"runs": [("Sở Nội vụ chủ trì", "VNI-Times"), (", phối hợp với ", "Arial"),
              ("Văn phòng HĐND và UBND tỉnh", "VNI-Times"), (" rà soát quy trình.", "Times New Roman")]},
    {"runs": [("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2021 – 2025", "VNI-Helve")]},
    {"runs": [("Báo cáo ", ".VnArial"), ("kết quả thực hiện nhiệm vụ", ".VnArialH")]},
    {"style": "VnBody", "runs": [("Các huyện, thị xã tổ chức thực hiện; kinh phí do ngân sách "
                                  "địa phương bảo đảm.", None)]},
    {"style": "VnBody", "runs": [("Thường trực Tỉnh ủy, HĐND tỉnh; Sở Tài chính.", None, UNICODE)]},
    {"runs": [("Th", ".VnTime"), ("ái Bình, Đồng Tháp, “Dân vận khéo”", ".VnTime")]},
    {"runs": [("Nơi nhận: Bộ Nội vụ; Lưu: VT, trường học.", "VNtimes new roman")]},
    {"runs": [("Thái Bình", ".VnTime", UNICODE), (" và ", ".VnTime", UNICODE),
              ("Cà Mau", "VNI-Times", UNICODE)]},
    {"runs": [("Số: 75/KH-UBND", ".VnTime"), (" — ", "Times New Roman"), ("Lý Sơn", "VNI-Times")]},
]
DOCX_TABLE: list[list[list[tuple]]] = [
    [[("Số thứ tự", ".VnTime")], [("Đơn vị chủ trì", "VNI-Times")], [("Thời hạn", "Times New Roman")]],
    [[("1", ".VnTime")], [("Sở Tư pháp", ".VnTime")], [("Quý IV năm 2024", "VNI-Times")]],
]


def stored(text: str, font: str | None, how: str | None = None, style_font: str | None = None) -> str:
    """What Word keeps in the run for ``text`` drawn in ``font``: the Windows-1252
    reading of the legacy bytes (TCVN3, VNI), or the text itself."""
    font = font or style_font
    if how == UNICODE or font is None:
        return text
    if font in TCVN3_CAPITAL_FONTS:
        return encode_tcvn3(tcvn3_representable(text.lower())).decode("cp1252")
    if font in TCVN3_FONTS:
        return encode_tcvn3(tcvn3_representable(text)).decode("cp1252")
    if font in VNI_FONTS:
        return encode_vni(text).decode("cp1252")
    return text


def shown(text: str, font: str | None, how: str | None = None) -> str:
    """What the reader sees: the text, in capitals for a capitals-only font."""
    return text.upper() if font in TCVN3_CAPITAL_FONTS and how != UNICODE else text


def mixed_page() -> tuple[str, str]:
    """``(page text, expected)``: a PDF page whose heading font was TCVN3."""
    original = (HERE / "original.txt").read_text(encoding="utf-8").splitlines()
    heading = [tcvn3_representable(line) for line in original[:4]]
    body = [*original[4:12], "Thái Bình", "Cà Mau", "Hồ Chí Minh"]
    page = [encode_tcvn3(line).decode("cp1252") for line in heading] + body
    return "\n".join(page) + "\n", "\n".join(heading + body) + "\n"


def text_fixtures() -> dict[str, bytes]:
    """File name -> bytes of every text fixture."""
    original = (HERE / "original.txt").read_text(encoding="utf-8")
    vn3 = tcvn3_representable(original)
    page, expected = mixed_page()
    return {
        "tcvn3.txt": encode_tcvn3(vn3),
        "vni.txt": encode_vni(original),
        "cp1258.txt": encode_cp1258(original),
        "viqr.txt": encode_viqr(original).encode("cp1252"),
        "viqr_in_utf8.txt": encode_viqr(original).encode("utf-8"),
        "nfd.txt": unicodedata.normalize("NFD", original).encode("utf-8"),
        "tcvn3_in_utf8.txt": encode_tcvn3(vn3).decode("cp1252").encode("utf-8"),
        "vni_in_utf8.txt": encode_vni(original).decode("cp1252").encode("utf-8"),
        "mixed_page.txt": page.encode("utf-8"),
        "mixed_page.expected.txt": expected.encode("utf-8"),
    }


def expected_docx() -> dict[str, list]:
    def paragraph(runs: list[tuple]) -> str:
        return "".join(shown(text, font, *how) for text, font, *how in runs)

    return {
        "paragraphs": [paragraph(p["runs"]) for p in DOCX_PARAGRAPHS],
        "cells": [[paragraph(cell) for cell in row] for row in DOCX_TABLE],
    }


def write_docx(path: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    body_style = document.styles.add_style("VnBody", WD_STYLE_TYPE.PARAGRAPH)
    body_style.font.name = ".VnTime"
    styles = {"VnBody": ".VnTime"}

    def fill(paragraph, runs: list[tuple], style_font: str | None) -> None:
        for text, font, *how in runs:
            run = paragraph.add_run(stored(text, font, *how, style_font=style_font))
            if font is not None:
                run.font.name = font

    for spec in DOCX_PARAGRAPHS:
        style = spec.get("style")
        paragraph = document.add_paragraph(style=style)
        fill(paragraph, spec["runs"], styles.get(style))
    table = document.add_table(rows=len(DOCX_TABLE), cols=len(DOCX_TABLE[0]))
    for row, cells in zip(table.rows, DOCX_TABLE, strict=True):
        for cell, runs in zip(row.cells, cells, strict=True):
            fill(cell.paragraphs[0], runs, None)
    document.core_properties.author = "vanban tests"
    document.save(str(path))


def main() -> None:
    for name, data in text_fixtures().items():
        (HERE / name).write_bytes(data)
    write_docx(HERE / "mixed_fonts.docx")
    (HERE / "mixed_fonts.expected.json").write_text(
        json.dumps(expected_docx(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
