"""Case table for criterion codes (parsers.extractors.criteria)."""

from __future__ import annotations

import pytest

from parsers.extractors.criteria import codes_in_cell, extract_criteria

PROSE = [
    ("Tiêu chí thành phần 1.4.2 chưa đạt", ["1.4.2"]),
    ("cải thiện TCTP 7,2 và tiêu chí 3.4.1", ["7.2", "3.4.1"]),
    ("nâng cao (chỉ số 3.4.1) của huyện", ["3.4.1"]),
    ("Chỉ số CCHC năm 2023 của tỉnh", []),
    ("tại mục 2.1 Kế hoạch này", []),
    ("Tiêu chí 1.10 về kiểm tra", ["1.10"]),
]
CELLS = [
    ("1.4.2", ["1.4.2"]),
    ("7,2", ["7.2"]),
    ("9", ["9"]),
    ("4,2; 4.3", ["4.2", "4.3"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), PROSE)
def test_prose(text, expected):
    assert [c for c, _, _ in extract_criteria(text)] == expected


@pytest.mark.parametrize(("cell", "expected"), CELLS)
def test_cells(cell, expected):
    assert codes_in_cell(cell) == expected
