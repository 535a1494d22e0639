"""Issue: the seeds converted to TCVN3 and VNI (and the other legacy encodings) and
read back give the same records as the originals (reference scorer ≥ 0.98)."""

from __future__ import annotations

import pytest
from legacy_fixtures.charts import (
    encode_cp1258,
    encode_tcvn3,
    encode_viqr,
    encode_vni,
    tcvn3_representable,
)

from ingest.api import write_json
from ingest.scoring import score
from parsers.pipeline import parse_bytes

from conftest import CORPUS

ASCII_PUNCTUATION = str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "..."})
SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))
ENCODERS = {
    # VN3 has no upper-case toned letters (a .VnTimeH font supplied them): a TCVN3
    # file holds them small, as tcvn3_representable writes them
    "tcvn3": lambda text: encode_tcvn3(tcvn3_representable(text)),
    "vni": encode_vni,
    "cp1258": encode_cp1258,
    # VIQR is 7-bit: its writers typed ASCII dashes and quotes
    "viqr": lambda text: encode_viqr(text.translate(ASCII_PUNCTUATION)).encode("ascii", errors="replace"),
    "nfd": lambda text: __import__("unicodedata").normalize("NFD", text).encode("utf-8"),
}


@pytest.mark.parametrize("scheme", sorted(ENCODERS))
def test_seeds_in_legacy_encodings_give_the_same_records(scheme, tmp_path):
    for seed in SEEDS:
        data = ENCODERS[scheme](seed.read_text(encoding="utf-8"))
        doc = parse_bytes(data, seed.name)
        write_json(doc, tmp_path)
    summary, _ = score(CORPUS / "gold" / "seeds", tmp_path)
    low = {k: v for k, v in summary.items() if v.get("f1", v.get("acc")) < 0.98}
    assert not low, f"{scheme}: {low}"


def test_garbled_text_is_flagged():
    """UTF-8 read as Windows-1252 and saved again ("CÃ´ng hÃ²a") is no encoding we
    can undo: the document is kept, and flagged rather than silently empty."""
    text = (CORPUS / "seeds" / SEEDS[0].name).read_text(encoding="utf-8")
    mojibake = text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    doc = parse_bytes(mojibake, "garbled.txt")
    assert doc.document.readability is not None and doc.document.readability < 0.6
    assert any(w.startswith("low_readability") for w in doc.document.warnings)
    clean = parse_bytes(text.encode("utf-8"), SEEDS[0].name)
    assert clean.document.readability > 0.9 and not clean.document.warnings
