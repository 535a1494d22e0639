"""Whole documents against their golden outputs: the section tree and the records.

Any change in what vanban reads out of a bundled document shows here as a diff.
Regenerate deliberately with ``VANBAN_REGEN_GOLDEN=1 pytest tests/test_golden.py``;
the run that regenerates fails, so the flag cannot be left on by accident.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from parsers import parse_file
from parsers.structure.outline import outline

from conftest import CORPUS

GOLDEN = Path(__file__).parent / "golden"
DOCUMENTS = sorted((CORPUS / "seeds").glob("*.txt")) + sorted((CORPUS / "own").glob("*.txt"))
REGENERATE = os.environ.get("VANBAN_REGEN_GOLDEN") == "1"


def _records(path: Path) -> tuple[str, str]:
    doc = parse_file(path)
    data = doc.to_gold()
    data["document"].pop("sha256", None)
    for task in data["tasks"]:
        task.pop("id", None)
        task.pop("section", None)
    return outline(doc), json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_golden(path: Path) -> None:
    tree, records = _records(path)
    tree_file, records_file = GOLDEN / f"{path.stem}.tree.txt", GOLDEN / f"{path.stem}.json"
    if REGENERATE:
        tree_file.write_text(tree, encoding="utf-8")
        records_file.write_text(records, encoding="utf-8")
        pytest.fail("golden files regenerated: unset VANBAN_REGEN_GOLDEN and run again")
    assert tree == tree_file.read_text(encoding="utf-8")
    assert records == records_file.read_text(encoding="utf-8")
