"""Shared test fixtures: paths to the bundled corpus and to ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not present beside the project")
    return SHARED


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The bundled corpus ingested once for every test that queries it."""
    from ingest import api

    db = tmp_path_factory.mktemp("demo") / "vanban.duckdb"
    summary = api.ingest([CORPUS / "seeds", CORPUS / "own", CORPUS / "linked"], db, workers=1)
    assert summary.failed == 0
    return db


@pytest.fixture(scope="session")
def empty_db(tmp_path_factory) -> Path:
    """A migrated database with no document in it."""
    from ingest import store

    db = tmp_path_factory.mktemp("empty") / "vanban.duckdb"
    store.connect(db).close()
    return db
