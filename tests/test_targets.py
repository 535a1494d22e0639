"""Case table for targets (parsers.extractors.targets)."""

from __future__ import annotations

import pytest

from parsers.extractors.targets import extract_targets

CASES = [
    ("100% số TTHC thuộc thẩm quyền giải quyết công khai đầy đủ", [(100, "%", "=")]),
    ("Từ 30% TTHC cung cấp trực tuyến mức độ 3 và 4", [(30, "%", ">=")]),
    ("phấn đấu từ 95% trở lên hồ sơ", [(95, "%", ">=")]),
    ("tỷ lệ hài lòng đạt trên 90%", [(90, "%", ">")]),
    ("đề nghị bổ sung hồ sơ không quá 01 lần và bằng văn bản", [(1, "lần", "<=")]),
    ("có từ 03 sáng kiến, giải pháp mới trở lên", [(3, "sáng kiến", ">=")]),
    ("tổ chức đối thoại được từ 01 cuộc trở lên", [(1, "cuộc", ">=")]),
    ("ít nhất 02 cuộc kiểm tra", [(2, "cuộc", ">=")]),
    ("tổ chức 02 đợt kiểm tra", [(2, "đợt", "=")]),
    ("bố trí ít nhất 04 máy tính", [(4, "máy tính", ">=")]),
    ("nâng cao tỷ lệ hài lòng 1% so với năm 2020 (năm 2020 là 99,12%)", [(1, "%", "=")]),
    ("giảm 10% đơn vị sự nghiệp công lập so với năm 2021", [(10, "%", "=")]),
    ("tỷ lệ hồ sơ trực tuyến chưa đạt 100%", []),
    ("kết quả đạt 0,2439/1,5 điểm", []),
    ("(có 01/04 sáng kiến đạt)", []),
    ("trình độ mức độ 3 và 4", []),
    ("thực hiện ký số 100% văn bản đi", [(100, "%", "=")]),
    ("xin lỗi bằng văn bản đối với 100% hồ sơ trễ hạn", [(100, "%", "=")]),
    ("năm 2023 đã đạt 87,5%", []),
    ("đạt 100% kế hoạch; 100% cán bộ đạt chuẩn", [(100, "%", "="), (100, "%", "=")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_targets(text, expected):
    got = [(t.value, t.unit, t.op) for t, _, _ in extract_targets(text)]
    assert got == [(float(v), u, o) for v, u, o in expected]
