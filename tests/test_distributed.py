"""The Dask engine on a LocalCluster: Parquet out, the same rows in, lost chunks refilled."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from ingest import api, distributed
from ingest.batch import Settings
from ingest.cli import main
from parsers.pipeline import parse_bytes

from conftest import CORPUS

dask_distributed = pytest.importorskip("distributed", reason="the distributed extra is not installed")

pytestmark = [
    # Dask's own noise on a short-lived LocalCluster, not ours
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore:Port .* is already in use:UserWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
    pytest.mark.filterwarnings("ignore:.*fork.*:DeprecationWarning"),
]

SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))
OWN = sorted((CORPUS / "own").glob("*.txt"))
TABLES = ("documents", "document_paths", "sections", "tasks", "assignments", "targets", "deadlines",
          "doc_references", "ingest_errors")


class Boom(BaseException):
    """Escapes process_chunk's per-file guard, as a dying worker would: the chunk is lost."""


def explode_on_marked(data: bytes, name: str):
    if "no_tung" in name:
        raise Boom(name)
    return parse_bytes(data, name)


@pytest.fixture(scope="module")
def client():
    cluster = dask_distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=50)
    with dask_distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture()
def src(tmp_path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    for f in [*SEEDS, *OWN[:5]]:
        shutil.copy(f, folder / f.name)
    shutil.copy(SEEDS[0], folder / "ban_sao.txt")
    (folder / "hong.docx").write_bytes(b"PK\x03\x04 not a zip")
    return folder


def table_rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple]:
    cols = {"documents": "id, source, path, kind, number, symbol, date, text",
            "ingest_errors": "path, sha256, code, message"}.get(table, "*")
    return sorted(con.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)


def test_parquet_from_the_cluster_loads_to_the_same_rows_as_a_local_run(client, src, tmp_path):
    out = tmp_path / "parquet"
    summary = distributed.ingest([src], str(out), client=client, chunk_target=3)
    assert summary.lost == [] and summary.written == summary.chunks > 1
    assert (summary.documents, summary.failed) == (10, 1)
    loaded = tmp_path / "loaded.duckdb"
    result = CliRunner().invoke(main, ["load", str(out), "--db", str(loaded)])
    assert result.exit_code == 0, result.output
    local = tmp_path / "local.duckdb"
    api.ingest([src], local, workers=2)
    a, b = duckdb.connect(str(loaded), read_only=True), duckdb.connect(str(local), read_only=True)
    try:
        for table in TABLES:
            assert table_rows(a, table) == table_rows(b, table), table
    finally:
        a.close()
        b.close()
    # the Parquet folder answers queries directly, views included
    sql = "SELECT unit, role, task_label FROM who_owns_what ORDER BY ALL"
    assert api.query(sql, out) == api.query(sql, local)
    # loading twice changes nothing
    CliRunner().invoke(main, ["load", str(out), "--db", str(loaded)])
    assert api.query("SELECT count(*) FROM tasks", loaded) == api.query("SELECT count(*) FROM tasks", local)


def test_lost_chunks_are_reported_and_a_rerun_fills_only_those(client, src, tmp_path):
    shutil.copy(OWN[6], src / "no_tung.txt")
    out = tmp_path / "parquet"
    first = distributed.ingest([src], str(out), client=client, retries=1, chunk_target=3,
                               settings=Settings(parse=explode_on_marked))
    assert len(first.lost) == 1
    [lost] = first.lost
    assert str(src / "no_tung.txt") in lost.files and "Boom" in lost.cause
    assert first.written == first.chunks - 1
    again = distributed.ingest([src], str(out), client=client, chunk_target=3)
    assert (again.written, again.skipped, again.lost) == (1, first.chunks - 1, [])
    assert again.documents == len(lost.files) - ("hong.docx" in " ".join(lost.files))
    db = tmp_path / "v.duckdb"
    distributed.load(str(out), db)
    assert api.query("SELECT count(*) FROM documents", db)[1] == [(11,)]


def test_a_changed_file_reruns_its_chunk_and_the_old_one_is_pruned(client, src, tmp_path):
    out = tmp_path / "parquet"
    first = distributed.ingest([src], str(out), client=client, chunk_target=3)
    (src / OWN[0].name).write_bytes(OWN[6].read_bytes())
    again = distributed.ingest([src], str(out), client=client, chunk_target=3)
    assert (again.written, again.pruned, again.skipped) == (1, 1, first.chunks - 1)
    db = tmp_path / "v.duckdb"
    distributed.load(str(out), db)
    local = tmp_path / "local.duckdb"
    api.ingest([src], local)
    sql = "SELECT id FROM documents ORDER BY id"
    assert api.query(sql, db) == api.query(sql, local)


def test_load_refuses_a_folder_that_is_not_vanban_parquet(tmp_path):
    result = CliRunner().invoke(main, ["load", str(tmp_path), "--db", str(tmp_path / "v.duckdb")])
    assert result.exit_code == 1 and "not the output of 'vanban ingest --engine dask'" in result.output
    assert not (tmp_path / "v.duckdb").exists()
