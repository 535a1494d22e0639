"""Case table for the numbering grammar (parsers.structure.grammar)."""

from __future__ import annotations

import pytest

from parsers.structure.grammar import match_level

CASES = [
    ("I. MỤC ĐÍCH, YÊU CẦU", "roman", "I"),
    ("II- NHIỆM VỤ", "roman", "II"),
    ("IV. KIẾN NGHỊ, ĐỀ XUẤT", "roman", "IV"),
    ("1. Mục đích", "arabic", "1"),
    ("2) Yêu cầu", "arabic", "2"),
    ("1.1. Tiêu chí thành phần “Công khai”", "decimal2", "1.1"),
    ("2.3 Chỉ số hài lòng", "decimal2", "2.3"),
    ("1.2.3. Rà soát thủ tục", "decimal3", "1.2.3"),
    ("5.4.3.4 Kỷ luật", "decimal4", "5.4.3.4"),
    ("a) Mục tiêu, yêu cầu: 100%", "letter", "a"),
    ("đ) Thời gian thực hiện", "letter", "đ"),
    ("b. Nhiệm vụ, giải pháp", "letter", "b"),
    ("- Chủ trì thực hiện: Văn phòng", "dash", "-"),
    ("– Phối hợp: Phòng Nội vụ", "dash", "–"),
    ("+ Kiểm tra và tổ chức thực hiện", "plus", "+"),
    ("Điều 1. Ban hành kèm theo Quyết định này", "article", "1"),
    ("Chương II", "chapter", "II"),
    ("PHẦN I. KẾT QUẢ", "part", "I"),
    ("Phần thứ nhất", "part", "thứ nhất"),
    ("Mục 1. Công tác chỉ đạo", "subpart", "1"),
]

NOT_ITEMS = [
    "V/v triển khai Kế hoạch",        # a letter's subject line, not part V
    "30/5/2022 là 675 hồ sơ",          # a date
    "2024 là năm bản lề",              # a year
    "Căn cứ Kế hoạch số 138/KH-UBND",  # prose
    "b.Nhiệm vụ",                      # letter needs a space and a capital after the dot
    "3.2). Tiêu chí",                  # a wrapped code, not item 3 (seen in PDF line wraps)
    "1.1, 1.2 và 1.3",                 # a list of codes
]


@pytest.mark.parametrize(("line", "rule", "label"), CASES)
def test_levels(line, rule, label):
    found = match_level(line)
    assert found is not None, line
    assert (found[0].name, found[1]) == (rule, label)


@pytest.mark.parametrize("line", NOT_ITEMS)
def test_not_items(line):
    assert match_level(line) is None
