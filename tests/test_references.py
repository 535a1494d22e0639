"""Case table for references (parsers.extractors.references)."""

from __future__ import annotations

import pytest

from parsers.extractors.references import find_references, merge_references

CASES = [
    ("Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ", [("45/2020/NĐ-CP", "NĐ", "2020-04-08")]),
    ("Công văn số 1094/UBND-NC ngày 21/5/2020 của UBND tỉnh", [("1094/UBND-NC", "CV", "2020-05-21")]),
    ("Kế hoạch số 138/KH-UBND, ngày 25/9/2021 của Ủy ban", [("138/KH-UBND", "KH", "2021-09-25")]),
    ("Quyết định số 07/QĐ-UBND ngày 05 tháng 01 năm 2022", [("07/QĐ-UBND", "QĐ", "2022-01-05")]),
    ("theo Quyết định 1462/QĐ- UBND, ngày 18 tháng 6 năm 2019", [("1462/QĐ-UBND", "QĐ", "2019-06-18")]),
    ("Nghị định 130/2005/NĐ-CP ngày 17/10/2005", [("130/2005/NĐ-CP", "NĐ", "2005-10-17")]),
    ("Kèm theo Kế hoạch số /KH-UBND ngày /01/2024", [("/KH-UBND", "KH", "2024-01")]),
    ("Nghị quyết số 57-NQ/TW của Bộ Chính trị", [("57-NQ/TW", "NQ", None)]),
    ("Thông tư số 01/2023/TT-VPCP", [("01/2023/TT-VPCP", "TT", None)]),
    ("theo tiêu chuẩn ISO 9001:2015", []),
    ("đạt 1/3 điểm", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find(text, expected):
    got = [(r.code, r.kind, r.date) for r, _, _ in merge_references(find_references(text))]
    assert got == expected


def test_repeat_citation_is_one_reference_dated_where_any_citation_dates_it():
    text = ("thực hiện Nghị định số 45/2020/NĐ-CP; Công văn số 1094/UBND-NC về việc triển khai "
            "Nghị định số 45/2020/NĐ-CP ngày 08/4/2020")
    got = [(r.code, r.date) for r, _, _ in merge_references(find_references(text))]
    assert got == [("45/2020/NĐ-CP", "2020-04-08"), ("1094/UBND-NC", None)]


def test_same_code_with_two_dates_is_two_documents():
    text = "Quyết định số 18/QĐ-UBND ngày 12/01/2022 và Quyết định số 18/QĐ-UBND ngày 14/01/2022"
    assert len(merge_references(find_references(text))) == 2


def test_own_number_is_not_a_reference():
    assert find_references("Số: 75/KH-UBND", own_code="75/KH-UBND") == []
