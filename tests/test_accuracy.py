"""Accuracy floors on the bundled gold, measured with the reference scorer's logic.

These are regression floors, not goals: a change that drops a metric below them
fails. Raise them as the extractors improve (figures in the issue notes)."""

from __future__ import annotations

import pytest

from ingest.api import evaluate

from conftest import CORPUS

FLOORS = {
    "seeds": {"tasks": 0.95, "lead": 0.90, "support": 0.85, "targets": 0.85, "criteria": 0.95,
              "references": 0.90, "deadline": 0.90, "document": 0.90},
    # own and heldout were written by people who never saw the rules; heldout was
    # first measured untouched (tasks 0.954, lead 0.847, support 0.775, targets 0.771)
    "own": {"tasks": 0.97, "lead": 0.95, "support": 0.95, "targets": 0.95, "criteria": 0.95,
            "references": 0.95, "deadline": 0.95, "document": 0.95},
    "heldout": {"tasks": 0.95, "lead": 0.95, "support": 0.9, "targets": 0.9, "criteria": 0.9,
                "references": 0.95, "deadline": 0.95, "document": 0.95},
}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_floor(corpus):
    summary, _ = evaluate(CORPUS / "gold" / corpus, sorted((CORPUS / corpus).glob("*.txt")))
    got = {k: v.get("f1", v.get("acc")) for k, v in summary.items()}
    low = {k: (got[k], floor) for k, floor in FLOORS[corpus].items() if got[k] < floor}
    assert not low, f"below the floor on {corpus}: {low}"
