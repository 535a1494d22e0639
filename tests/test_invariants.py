"""Invariants under hypothesis: normalisation is idempotent and NFC, the pipeline
never raises on any text, and every span lies inside the text it points into."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.pipeline import parse_bytes
from parsers.text.normalize import normalize_block_text, normalize_inline

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
LINES = st.sampled_from([
    "I. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Phòng Nội vụ chủ trì, phối hợp với UBND các xã tổ chức thực hiện.",
    "a) Mục tiêu: 100% hồ sơ", "- Chủ trì thực hiện: Văn phòng – Thống kê", "Thời gian: Quý II/2024",
    "Số: 12/KH-UBND", "Hà Nội, ngày 05 tháng 6 năm 2024", "KẾ HOẠCH", "Nơi nhận:", "CHỦ TỊCH",
    "STT\tNhiệm vụ\tCơ quan chủ trì\tThời gian", "1\tRà soát TTHC\tSở Tư pháp\tTrong năm 2024",
    "Giao Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch này.", "", "**Điều 1.** Ban hành",
])
TEXT = st.lists(st.one_of(LINES, st.text(alphabet=VIETNAMESE + " .,;:()-/%0123456789\t", max_size=80)),
                max_size=30).map("\n".join)


@given(st.text(max_size=200))
def test_normalisation_is_idempotent_and_nfc(text: str) -> None:
    once = normalize_inline(text)
    assert normalize_inline(once) == once
    assert unicodedata.is_normalized("NFC", once)
    block = normalize_block_text(text)
    assert normalize_block_text(block) == block


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_pipeline_never_raises_and_spans_lie_inside(text: str) -> None:
    doc = parse_bytes(text.encode("utf-8"), "fuzz.txt")
    n = len(doc.text)
    for section in doc.sections:
        assert 0 <= section.provenance.start <= section.provenance.end <= n
    for task in doc.tasks:
        assert 0 <= task.provenance.start < task.provenance.end <= n
        for unit in task.lead + task.support:
            assert doc.text[unit.provenance.start:unit.provenance.end] == unit.text
        if task.deadline and task.deadline.provenance:
            assert 0 <= task.deadline.provenance.start < task.deadline.provenance.end <= n
    for ref in doc.references:
        assert 0 <= ref.provenance.start < ref.provenance.end <= n
