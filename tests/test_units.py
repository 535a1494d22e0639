"""Case tables for units and roles (parsers.extractors.units), GOLD.md's splitting rules."""

from __future__ import annotations

import pytest

from parsers.extractors.units import field_units, sentence_roles, split_units

SPLITS = [
    ("Phòng Nội vụ; UBND các xã, thị trấn", ["Phòng Nội vụ", "UBND các xã, thị trấn"]),
    ("Cán bộ, công chức, Mặt trận và các đoàn thể thị trấn", ["Cán bộ, công chức", "Mặt trận và các đoàn thể thị trấn"]),
    ("Thủ trưởng các cơ quan chuyên môn, đơn vị sự nghiệp, Chủ tịch UBND các phường, xã",
     ["Thủ trưởng các cơ quan chuyên môn, đơn vị sự nghiệp", "Chủ tịch UBND các phường, xã"]),
    ("MTTQ và các đoàn thể xã, tổ tuyên truyền của xã", ["MTTQ và các đoàn thể xã", "tổ tuyên truyền của xã"]),
    ("công chức Văn phòng – Thống kê, công chức Văn hoá – xã hội (phụ trách Văn hoá – Thông tin)",
     ["công chức Văn phòng – Thống kê", "công chức Văn hoá – xã hội (phụ trách Văn hoá – Thông tin)"]),
    ("Các cơ quan chuyên môn, UBND cấp xã", ["Các cơ quan chuyên môn", "UBND cấp xã"]),
    ("Phòng Văn hóa và Thông tin thị xã, Đài Truyền thanh, Cổng thông tin điện tử thị xã và các xã, phường",
     ["Phòng Văn hóa và Thông tin thị xã", "Đài Truyền thanh", "Cổng thông tin điện tử thị xã và các xã, phường"]),
    ("Sở Nội vụ và UBND các huyện, thị xã, thành phố", ["Sở Nội vụ và UBND các huyện, thị xã, thành phố"]),
]

ROLES = [
    ("Phòng Nội vụ phối hợp Văn phòng HĐND&UBND thị xã tiến hành đánh giá",
     ["Phòng Nội vụ"], ["Văn phòng HĐND&UBND thị xã"], True),
    ("Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ tổ chức thực hiện", ["Sở Tư pháp"], ["Sở Nội vụ"], True),
    ("Giao Văn phòng – Thống kê làm đầu mối theo dõi", ["Văn phòng – Thống kê"], [], True),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc và đoàn thể thị trấn tăng cường giám sát",
     ["Ủy ban Mặt trận Tổ quốc và đoàn thể thị trấn"], [], True),
    ("Công an xã chỉ đạo công an viên thôn triển khai", ["Công an xã"], [], True),
    ("Căn cứ Kế hoạch này, các ban ngành, chuyên môn có liên quan được phân công chủ trì thực hiện",
     ["các ban ngành, chuyên môn có liên quan"], [], True),
    ("Định kỳ các ban ngành, chuyên môn báo cáo kết quả", ["các ban ngành, chuyên môn"], [], True),
    ("Chủ trì, phối hợp với MTTQ và các đoàn thể xã tăng cường công tác", [], ["MTTQ và các đoàn thể xã"], False),
    ("Phối hợp chặt chẽ với Văn phòng HĐND&UBND thị xã trong việc triển khai",
     [], ["Văn phòng HĐND&UBND thị xã"], False),
    ("Tổ chức tuyên truyền, phổ biến về Luật Thực hiện dân chủ ở cơ sở", [], [], False),
    ("Ban hành Kế hoạch CCHC kịp thời", [], [], False),
    ("Chịu trách nhiệm trước UBND thị trấn, báo cáo về Văn phòng – Thống kê", [], [], False),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_split(text, expected):
    assert [u for u, _, _ in split_units(text)] == expected


@pytest.mark.parametrize(("sentence", "leads", "supports", "own"), ROLES)
def test_sentence_roles(sentence, leads, supports, own):
    got_leads, got_supports, got_own = sentence_roles(sentence)
    assert [u for u, _, _ in got_leads] == leads
    assert [u for u, _, _ in got_supports] == supports
    assert got_own is own


def test_spans_point_at_the_printed_text():
    value = "Các cơ quan chuyên môn thuộc UBND huyện; UBND các xã, thị trấn"
    for unit, start, end in field_units(value, 10):
        assert value[start - 10:end - 10] == unit


ROLE_CLAUSES = [
    ("Phòng Tư pháp chủ trì; Phòng TC-KH, Phòng LĐ-TB&XH phối hợp",
     ["Phòng Tư pháp"], ["Phòng TC-KH", "Phòng LĐ-TB&XH"]),
    ("Phòng Kinh tế chủ trì; Hội Nông dân xã, Hội Liên hiệp Phụ nữ xã phối hợp",
     ["Phòng Kinh tế"], ["Hội Nông dân xã", "Hội Liên hiệp Phụ nữ xã"]),
    ("chủ trì: Văn phòng HĐND và UBND huyện; phối hợp: các cơ quan, đơn vị",
     ["Văn phòng HĐND và UBND huyện"], ["các cơ quan, đơn vị"]),
]


@pytest.mark.parametrize(("value", "leads", "supports"), ROLE_CLAUSES)
def test_role_clauses(value, leads, supports):
    from parsers.extractors.units import role_clauses

    got = role_clauses(value)
    assert got is not None
    assert ([u for u, _, _ in got[0]], [u for u, _, _ in got[1]]) == (leads, supports)


def test_alias_parenthesis_is_not_part_of_a_name():
    units = split_units("Giám đốc các sở, Chủ tịch UBND các huyện, thị xã, thành phố "
                        "(sau đây gọi chung là các cơ quan, đơn vị, địa phương)")
    assert [u for u, _, _ in units] == ["Giám đốc các sở", "Chủ tịch UBND các huyện, thị xã, thành phố"]
