"""Bulk ingest: incremental, parallel, guarded, resumable, and one writer at a time.

The parse hooks below run inside the worker processes (pickled by reference), to
make a file crash its worker, hang, or take its time."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from ingest import api
from ingest.batch import Settings
from ingest.cli import main
from parsers.pipeline import parse_bytes

from conftest import CORPUS, ROOT

SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))
OWN = sorted((CORPUS / "own").glob("*.txt"))
TABLES = ("documents", "document_paths", "sections", "tasks", "assignments", "targets", "deadlines",
          "doc_references", "ingest_errors")


# -- parse hooks, run in the workers ---------------------------------------------------


def crash_on_marked(data: bytes, name: str):
    """Die the way the kernel's OOM killer (SIGKILL) or a C library (SIGSEGV) kills."""
    if "sigkill" in name:
        os.kill(os.getpid(), signal.SIGKILL)
    if "segfault" in name:
        os.kill(os.getpid(), signal.SIGSEGV)
    return parse_bytes(data, name)


def hang_on_marked(data: bytes, name: str):
    if "treo" in name:
        time.sleep(60)
    return parse_bytes(data, name)


def slowly(data: bytes, name: str):
    time.sleep(0.3)
    return parse_bytes(data, name)


# -- helpers -----------------------------------------------------------------------------


def archive(folder: Path, files: list[Path]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}
    finally:
        con.close()


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- incremental and idempotent ------------------------------------------------------------


def test_rerun_over_an_unchanged_archive_reads_but_writes_nothing(tmp_path):
    src = archive(tmp_path / "src", SEEDS[:3])
    db = tmp_path / "v.duckdb"
    first = api.ingest([src], db, workers=2)
    assert (first.new, first.unchanged, first.failed) == (3, 0, 0)
    assert first.tasks == counts(db)["tasks"] > 0
    before = digest(db)
    again = api.ingest([src], db, workers=2)
    assert (again.new, again.changed, again.unchanged, again.tasks, again.workers) == (0, 0, 3, 0, 0)
    assert digest(db) == before          # not a byte written


def test_a_changed_file_replaces_exactly_its_own_rows(tmp_path):
    src = archive(tmp_path / "src", SEEDS[:2])
    db = tmp_path / "v.duckdb"
    api.ingest([src], db)
    changed, kept = sorted(src.iterdir())
    old_id = hashlib.sha256(changed.read_bytes()).hexdigest()
    kept_rows = rows(db, f"SELECT * FROM tasks WHERE document_id = '{digest(kept)}' ORDER BY id")
    changed.write_bytes(OWN[0].read_bytes())
    summary = api.ingest([src], db)
    assert (summary.new, summary.changed, summary.unchanged) == (0, 1, 1)
    assert rows(db, f"SELECT count(*) FROM tasks WHERE document_id = '{old_id}'") == [(0,)]
    assert rows(db, f"SELECT count(*) FROM documents WHERE id = '{old_id}'") == [(0,)]
    assert rows(db, f"SELECT document_id FROM document_paths WHERE path = '{changed}'") == [(digest(changed),)]
    assert rows(db, f"SELECT * FROM tasks WHERE document_id = '{digest(kept)}' ORDER BY id") == kept_rows
    fresh = tmp_path / "fresh.duckdb"
    api.ingest([src], fresh)
    assert counts(db) == counts(fresh)


def test_an_old_version_still_named_elsewhere_keeps_its_rows(tmp_path):
    src = archive(tmp_path / "src", SEEDS[:1])
    (src / "ban_sao.txt").write_bytes(SEEDS[0].read_bytes())
    db = tmp_path / "v.duckdb"
    api.ingest([src], db)
    (src / SEEDS[0].name).write_bytes(SEEDS[1].read_bytes())
    api.ingest([src], db)
    assert sorted(rows(db, "SELECT document_id, path FROM document_paths")) == sorted([
        (digest(SEEDS[0]), str(src / "ban_sao.txt")), (digest(SEEDS[1]), str(src / SEEDS[0].name))])
    assert counts(db)["documents"] == 2


def test_one_content_under_two_names_is_one_document_with_two_paths(tmp_path):
    src = archive(tmp_path / "src", SEEDS[:1])
    (src / "copy.txt").write_bytes(SEEDS[0].read_bytes())
    with zipfile.ZipFile(src / "ho_so.zip", "w") as z:
        z.writestr("ban_chinh/kh.txt", SEEDS[0].read_bytes())
    db = tmp_path / "v.duckdb"
    summary = api.ingest([src], db)
    assert (summary.new, summary.duplicates, summary.files) == (1, 2, 3)
    assert counts(db)["documents"] == 1
    assert sorted(p for (p,) in rows(db, "SELECT path FROM document_paths")) == sorted(
        [str(src / "copy.txt"), str(src / SEEDS[0].name), f"{src / 'ho_so.zip'}!/ban_chinh/kh.txt"])
    shutil.copy(SEEDS[0], src / "third_name.txt")
    again = api.ingest([src], db)
    assert (again.new, again.unchanged) == (0, 1)
    assert counts(db)["document_paths"] == 4


def test_force_reparses_everything(tmp_path):
    src = archive(tmp_path / "src", SEEDS[:2])
    db = tmp_path / "v.duckdb"
    api.ingest([src], db)
    before = counts(db)
    summary = api.ingest([src], db, force=True)
    assert (summary.reprocessed, summary.new, summary.unchanged) == (2, 0, 0)
    assert counts(db) == before


# -- failures ---------------------------------------------------------------------------------


def test_a_corrupt_file_among_good_ones_fails_alone_and_is_not_retried(tmp_path):
    src = archive(tmp_path / "src", SEEDS[:3])
    (src / "hong.docx").write_bytes(b"PK\x03\x04 this is not a zip")
    (src / "hong_ban_sao.docx").write_bytes(b"PK\x03\x04 this is not a zip")
    db = tmp_path / "v.duckdb"
    summary = api.ingest([src], db, workers=2)
    assert (summary.new, summary.failed, summary.duplicates) == (3, 1, 1)
    assert sorted(rows(db, "SELECT path, code FROM ingest_errors")) == [
        (str(src / "hong.docx"), "corrupt_file"), (str(src / "hong_ban_sao.docx"), "corrupt_file")]
    before = digest(db)
    again = api.ingest([src], db)
    assert (again.failed, again.failed_before, again.unchanged) == (0, 1, 3)
    assert digest(db) == before
    retried = api.ingest([src], db, retry_failed=True)
    assert retried.failed == 1 and counts(db)["ingest_errors"] == 2
    assert counts(db)["document_paths"] == 3
    for name in ("hong.docx", "hong_ban_sao.docx"):                # the archivist replaces them
        (src / name).write_bytes(OWN[0].read_bytes())
    fixed = api.ingest([src], db)
    assert (fixed.changed + fixed.new, fixed.failed, fixed.duplicates) == (1, 0, 1)
    assert counts(db)["ingest_errors"] == 0 and counts(db)["document_paths"] == 5


def test_a_zip_with_nested_zips_and_a_bad_entry(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("quy_2/kh.txt", SEEDS[1].read_bytes())
        z.writestr("../../ngoai.txt", SEEDS[2].read_bytes())
    outer = tmp_path / "luu_tru.zip"
    with zipfile.ZipFile(outer, "w") as z:
        z.writestr("quy_1/kh.txt", SEEDS[0].read_bytes())
        z.writestr("quy_2.zip", inner.getvalue())
        z.writestr("hong.pdf", b"%PDF-1.7 truncated")
    db = tmp_path / "v.duckdb"
    summary = api.ingest([outer], db, workers=2)
    assert (summary.new, summary.failed) == (2, 2)
    assert sorted(p for (p,) in rows(db, "SELECT path FROM document_paths")) == [
        f"{outer}!/quy_1/kh.txt", f"{outer}!/quy_2.zip!/quy_2/kh.txt"]
    assert sorted(rows(db, "SELECT path, code FROM ingest_errors")) == [
        (f"{outer}!/hong.pdf", "corrupt_file"), (f"{outer}!/quy_2.zip!/../../ngoai.txt", "unsafe_path")]
    again = api.ingest([outer], db)
    assert (again.unchanged, again.failed_before, again.failed) == (2, 1, 1)   # the slip is refused again
    assert counts(db)["ingest_errors"] == 2


@pytest.mark.parametrize(("marker", "why"), [("sigkill", "SIGKILL"), ("segfault", "SIGSEGV")])
def test_a_worker_killed_mid_file_costs_that_file_only(tmp_path, marker, why):
    src = archive(tmp_path / "src", SEEDS[:4])
    shutil.copy(OWN[0], src / f"{marker}_here.txt")
    db = tmp_path / "v.duckdb"
    summary = api.ingest([src], db, workers=2, settings=Settings(parse=crash_on_marked))
    assert (summary.new, summary.failed, summary.restarts) == (4, 1, 1)
    [(path, code, message)] = rows(db, "SELECT path, code, message FROM ingest_errors")
    assert path == str(src / f"{marker}_here.txt") and code == "worker_crashed" and why in message
    assert counts(db)["documents"] == 4


def test_a_file_past_the_time_limit_fails_and_its_worker_is_replaced(tmp_path):
    src = archive(tmp_path / "src", SEEDS[:3])
    shutil.copy(OWN[1], src / "treo.txt")
    db = tmp_path / "v.duckdb"
    t0 = time.monotonic()
    summary = api.ingest([src], db, workers=1, timeout=2, settings=Settings(parse=hang_on_marked))
    assert time.monotonic() - t0 < 40
    assert (summary.new, summary.failed, summary.restarts) == (3, 1, 1)
    assert rows(db, "SELECT code FROM ingest_errors") == [("timeout",)]


def test_progress_ticks_reach_their_totals(tmp_path):
    src = archive(tmp_path / "src", SEEDS[:3])
    ticks: list[api.Tick] = []
    api.ingest([src], tmp_path / "v.duckdb", progress=ticks.append)
    last = {t.stage: t for t in ticks}
    assert {s: (t.done, t.total) for s, t in last.items()} == {"scan": (3, 3), "parse": (3, 3)}


# -- kill -9 and a second writer ------------------------------------------------------------

DRIVER = """
import sys
sys.path[:0] = {paths!r}
from ingest import api
from ingest.batch import Settings
import test_bulk
def tell(tick):
    if tick.stage == "parse":
        with open({progress!r}, "a") as fh:
            fh.write(f"{{tick.done}}\\n")
api.ingest({src!r}, {db!r}, workers=2, batch_size=1, flush_seconds=0,
           settings=Settings(parse=test_bulk.slowly), progress=tell)
"""


def start_slow_ingest(tmp_path: Path, src: list[str], db: Path) -> tuple[subprocess.Popen, Path]:
    progress = tmp_path / "progress.txt"
    script = DRIVER.format(paths=[str(ROOT), str(ROOT / "tests")], progress=str(progress), src=src, db=str(db))
    with (tmp_path / "stderr.txt").open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-c", script], start_new_session=True, cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=err)
    return proc, progress


def stderr_of(progress: Path) -> str:
    return (progress.parent / "stderr.txt").read_text(errors="replace")[-2000:]


def wait_for_progress(progress: Path, proc: subprocess.Popen, at_least: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if progress.exists() and len(progress.read_text().split()) >= at_least:
            return
        if proc.poll() is not None:
            pytest.fail(f"the ingest ended early: {stderr_of(progress)}")
        time.sleep(0.05)
    pytest.fail("no progress from the ingest")


def test_kill_9_then_rerun_equals_a_clean_run(tmp_path):
    src = archive(tmp_path / "src", [*SEEDS, *OWN[:7]])
    (src / "hong.docx").write_bytes(b"PK\x03\x04 not a zip")
    shutil.copy(SEEDS[0], src / "ban_sao.txt")
    db = tmp_path / "killed.duckdb"
    proc, progress = start_slow_ingest(tmp_path, [str(src)], db)
    wait_for_progress(progress, proc, at_least=4)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    # whatever was committed is whole: each stored document has all its tasks
    con = duckdb.connect(str(db))
    stored = dict(con.execute("SELECT d.id, (SELECT count(*) FROM tasks t WHERE t.document_id = d.id) "
                              "FROM documents d").fetchall())
    con.close()
    assert 0 < len(stored) < 13
    rerun = api.ingest([src], db, workers=2)
    assert rerun.unchanged == len(stored)                  # only the unfinished files were parsed
    assert rerun.new + rerun.unchanged == 12
    clean = tmp_path / "clean.duckdb"
    api.ingest([src], clean, workers=2)
    assert counts(db) == counts(clean)
    expected = dict(rows(clean, "SELECT d.id, (SELECT count(*) FROM tasks t WHERE t.document_id = d.id) "
                                "FROM documents d"))
    assert {k: expected[k] for k in stored} == stored


def test_a_second_ingest_on_the_same_database_is_told_it_is_in_use(tmp_path):
    src = archive(tmp_path / "src", SEEDS[:4])
    db = tmp_path / "v.duckdb"
    proc, progress = start_slow_ingest(tmp_path, [str(src)], db)
    wait_for_progress(progress, proc, at_least=1)
    result = CliRunner().invoke(main, ["ingest", str(src), "--db", str(db), "-q"])
    assert result.exit_code == 1
    assert "database is in use" in result.output
    assert proc.wait(timeout=120) == 0, stderr_of(progress)
    assert counts(db)["documents"] == 4 and counts(db)["ingest_errors"] == 0


# -- the command line -------------------------------------------------------------------------


def test_cli_summary_errors_listing_and_exit_codes(tmp_path):
    runner = CliRunner()
    src = archive(tmp_path / "src", SEEDS[:2])
    (src / "hong.docx").write_bytes(b"PK\x03\x04 not a zip")
    (src / "rong.pdf").write_bytes(b"%PDF-1.4\n%%EOF")
    db = tmp_path / "v.duckdb"
    result = runner.invoke(main, ["ingest", str(src), "--db", str(db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "4 files: 2 new, 0 changed, 0 unchanged, 2 failed" in result.output
    assert "vanban errors" in result.output
    strict = runner.invoke(main, ["ingest", str(src), "--db", str(db), "-q", "--strict"])
    assert strict.exit_code == 1 and strict.output == ""       # quiet: nothing new to say
    listing = runner.invoke(main, ["errors", "--db", str(db)])
    assert listing.exit_code == 0
    assert "corrupt_file (2 files)" in listing.output and "hong.docx" in listing.output
    as_json = json.loads(runner.invoke(main, ["errors", "--db", str(db), "--format", "json"]).output)
    assert [(g["code"], g["count"]) for g in as_json] == [("corrupt_file", 2)]


def test_cli_exits_1_when_nothing_could_be_ingested(tmp_path):
    runner = CliRunner()
    (tmp_path / "hong.docx").write_bytes(b"PK\x03\x04 not a zip")
    result = runner.invoke(main, ["ingest", str(tmp_path / "hong.docx"), "--db", str(tmp_path / "v.duckdb"), "-q"])
    assert result.exit_code == 1
    assert "hong.docx" in result.output
    empty = tmp_path / "rong"
    empty.mkdir()
    result = runner.invoke(main, ["ingest", str(empty), "--db", str(tmp_path / "v.duckdb"), "-q"])
    assert result.exit_code == 1 and "no documents found" in result.output
