"""Every real public document in ../shared/corpus/real goes through without a crash.

They are others' files: read from ../shared (skipped when absent), never copied here."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.api import Failure, extract

from conftest import SHARED

REAL = SHARED / "corpus" / "real"
TEXT_FILES = sorted(REAL.glob("*.txt")) if REAL.is_dir() else []


@pytest.mark.skipif(not TEXT_FILES, reason="../shared/corpus/real is not present")
@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: Path(p).name)
def test_text_documents_parse(path):
    (result,) = list(extract([path]))
    assert not isinstance(result, Failure), result
    doc = result
    assert doc.document.blocks > 0
    for task in doc.tasks:
        assert task.title
        assert 0 <= task.provenance.start < task.provenance.end <= len(doc.text)
