"""Case table for deadline phrases (parsers.extractors.deadlines)."""

from __future__ import annotations

import pytest

from parsers.extractors.deadlines import extract_deadline

#: (text, document year, field?, expected (start, end) or None)
CASES = [
    ("Trong năm 2021.", None, True, ("2021-01-01", "2021-12-31")),
    ("Trong năm 2021 và những năm tiếp theo.", None, True, ("2021-01-01", None)),
    ("Trong năm 2021 và các năm tiếp theo", None, True, ("2021-01-01", None)),
    ("Thường xuyên trong năm", 2024, True, ("2024-01-01", "2024-12-31")),
    ("Thường xuyên", 2024, True, (None, None)),
    ("Quý II/2024", None, True, ("2024-04-01", "2024-06-30")),
    ("Quý III năm 2025", None, True, ("2025-07-01", "2025-09-30")),
    ("Quý IV", 2023, True, ("2023-10-01", "2023-12-31")),
    ("trước ngày 25/6/2024", None, True, (None, "2024-06-25")),
    ("Hoàn thành trước ngày 15/12", 2026, True, (None, "2026-12-15")),
    ("tháng 9/2025", None, True, ("2025-09-01", "2025-09-30")),
    ("Tháng 02/2020", None, True, ("2020-02-01", "2020-02-29")),
    ("từ tháng 3 đến tháng 6/2025", None, True, ("2025-03-01", "2025-06-30")),
    ("6 tháng đầu năm", 2024, True, ("2024-01-01", "2024-06-30")),
    ("Năm 2025-2026", None, True, ("2025-01-01", "2026-12-31")),
    ("Năm 2024", None, True, ("2024-01-01", "2024-12-31")),
    ("Định kỳ hằng quý", None, True, (None, None)),
    ("đến năm 2030", None, True, (None, "2030-12-31")),
    ("từ ngày 01/3/2025 đến ngày 30/6/2025", None, True, ("2025-03-01", "2025-06-30")),
    # in a task's prose rather than a time field
    ("Thường xuyên kiểm tra, rà soát để bố trí cán bộ", None, False, (None, None)),
    ("Xác định CCHC là nhiệm vụ trọng tâm, thường xuyên trong chỉ đạo", None, False, None),
    ("Khẩn trương triển khai thực hiện tốt Kế hoạch", None, False, None),
    ("báo cáo định kỳ hàng quý về Văn phòng", None, False, (None, None)),
    ("thu ngân sách xã năm 2024 cao hơn năm 2023", None, False, ("2024-01-01", "2024-12-31")),
    ("giảm 10% so với năm 2021", None, False, None),
    ("Báo cáo 6 tháng đầu năm gửi chốt trong ngày 25/6/2024 (số liệu tính từ ngày 01/01/2024 "
     "đến ngày 25/6/2024). Báo cáo năm gửi chốt trong ngày 31/12/2024", None, False, (None, "2024-12-31")),
]


@pytest.mark.parametrize(("text", "year", "field", "expected"), CASES)
def test_deadline(text, year, field, expected):
    found = extract_deadline(text, year, field=field)
    if expected is None:
        assert found is None
    else:
        assert found is not None, text
        deadline, start, end = found
        assert (deadline.start, deadline.end) == expected
        assert 0 <= start < end <= len(text)


def test_reference_dates_are_masked():
    text = "Khẩn trương triển khai Kế hoạch số 162/KH-UBND ngày 06/9/2018 của UBND tỉnh"
    masked = [(text.index("Kế hoạch"), text.index(" của"))]
    assert extract_deadline(text, None, masked=masked) is None
