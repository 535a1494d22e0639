"""A national archive on a cluster: Dask runs the per-chunk worker, Parquet carries rows.

    vanban ingest /mnt/archive --engine dask --scheduler tcp://HOST:8786 --out /mnt/vanban-parquet
    vanban load /mnt/vanban-parquet --db vanban.duckdb
    vanban query --db /mnt/vanban-parquet "SELECT unit, count(*) FROM who_owns_what GROUP BY unit"

The client reads and hashes the inputs (as the local engine does), so each distinct
content is parsed once, then cuts the jobs into chunks whose boundaries depend only
on the file names around them (:func:`ingest.discover.stable_chunks`). One Dask task
per chunk runs the same :func:`ingest.batch.process_chunk` as the local pool and
writes one Parquet file per table, ``OUT/<table>/<chunk id>.parquet``, the chunk id
being a hash of its files' names and contents; a marker ``OUT/_chunks/<id>.json``,
written last, says the chunk is complete. So a re-run submits only the chunks
without a marker — the ones lost to dead workers, or whose files changed — and
chunks no longer in the plan are removed. The rows are ``store.rows_for``'s, typed
by the DuckDB schema, so Parquet and the database never disagree on a column.

Dask is optional (``pip install 'vanban[distributed]'``) and imported only here.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from ingest import store
from ingest.batch import Job, Settings, Tick, process_chunk
from ingest.discover import Failure, Found, Limits, list_inputs, scan, stable_chunks
from parsers.errors import MissingDependency, VanbanError

#: The tables a chunk writes: every document table, and its failures.
TABLES = (*store.DOCUMENT_TABLES, "ingest_errors")
MARKERS = "_chunks"

Progress = Callable[[Any], None]


class NoParquet(VanbanError):
    code = "no_parquet"


@dataclass
class LostChunk:
    chunk: str
    files: list[str]
    cause: str


@dataclass
class DistributedSummary:
    chunks: int = 0
    written: int = 0
    skipped: int = 0            # chunks already complete from an earlier run
    pruned: int = 0             # chunks of an earlier run no longer in the plan, removed
    documents: int = 0          # documents in the chunks written by this run
    failed: int = 0
    tasks: int = 0
    files: int = 0
    seconds: float = 0.0
    lost: list[LostChunk] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


@dataclass
class LoadSummary:
    chunks: int = 0
    documents: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


# -- the task that runs on a Dask worker ----------------------------------------------


def run_chunk(items: list[tuple[Job, list[str]]], out: str, chunk: str,
              settings: Settings | None = None) -> dict[str, Any]:
    """Parse one chunk and write its rows as Parquet, then its marker. ``items`` are
    jobs with every name their content was found under. Returns the marker."""
    outcomes = process_chunk([job for job, _ in items], settings)
    names = {job.sha256: n for job, n in items}
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    tasks = 0
    for o in outcomes:
        all_names = names[o.job.sha256]
        if o.document is not None:
            for table, table_rows in store.rows_for(o.document, all_names[0]).items():
                rows[table].extend(table_rows)
            did = o.document.document.id
            rows["document_paths"].extend({"document_id": did, "path": n} for n in all_names[1:])
            tasks += len(o.document.tasks)
        elif o.failure is not None:
            rows["ingest_errors"].extend({"path": n, "sha256": o.failure.sha256 or o.job.sha256,
                                          "code": o.failure.code, "message": o.failure.message}
                                         for n in all_names)
    fs, root = _filesystem(out)
    for table in TABLES:
        schema = _schema(table)
        arrow = pa.Table.from_pylist(rows[table], schema=schema)
        _write_atomic(fs, posixpath.join(root, table, f"{chunk}.parquet"), arrow)
    marker = {"chunk": chunk, "documents": len(rows["documents"]), "failed": sum(o.failure is not None
                                                                                 for o in outcomes),
              "tasks": tasks, "files": [n for _, ns in items for n in ns],
              "failures": [[o.failure.path, o.failure.code, o.failure.message]
                           for o in outcomes if o.failure is not None]}
    fs.makedirs(posixpath.join(root, MARKERS), exist_ok=True)
    with fs.open(posixpath.join(root, MARKERS, f"{chunk}.json"), "w") as fh:
        json.dump(marker, fh, ensure_ascii=False)
    return marker


@cache
def _schema(table: str) -> pa.Schema:
    """A table's columns as the database declares them, less those the database fills
    itself (``ingested_at``, ``logged_at``)."""
    con = duckdb.connect()
    try:
        store.migrate(con)
        cols = [c for c, default in con.execute(
            "SELECT column_name, column_default FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [table]).fetchall() if default is None]
        rel = con.sql(f"SELECT {', '.join(cols)} FROM {table} LIMIT 0")
        fetch = getattr(rel, "to_arrow_table", None) or rel.arrow   # DuckDB 2 renamed it
        return fetch().schema
    finally:
        con.close()


def _write_atomic(fs: Any, path: str, table: pa.Table) -> None:
    """A file that exists is whole: written under a temporary name, then renamed."""
    fs.makedirs(posixpath.dirname(path), exist_ok=True)
    tmp = f"{path}.tmp-{hashlib.sha1(str(time.time_ns()).encode()).hexdigest()[:8]}"
    with fs.open(tmp, "wb") as fh:
        pq.write_table(table, fh, compression="zstd")
    fs.mv(tmp, path)


def _filesystem(out: str) -> tuple[Any, str]:
    try:
        from fsspec.core import url_to_fs  # noqa: PLC0415
    except ImportError as e:
        raise MissingDependency(out, "writing Parquet needs fsspec: pip install 'vanban[distributed]'") from e
    fs, root = url_to_fs(str(out))
    return fs, root.rstrip("/") or "/"


# -- the client ------------------------------------------------------------------------


def ingest(paths: Iterable[str | Path], out: str, *, scheduler: str | None = None, client: Any = None,
           retries: int = 2, force: bool = False, progress: Progress | None = None,
           chunk_target: int = 16, limits: Limits | None = None,
           settings: Settings | None = None) -> DistributedSummary:
    """Parse on a Dask cluster into Parquet files under ``out``. ``client`` is an
    existing ``distributed.Client``; else one connects to ``scheduler``, or starts a
    LocalCluster on this machine when both are None."""
    t0 = time.perf_counter()
    summary = DistributedSummary()
    tell = progress or (lambda tick: None)
    settings = settings or Settings(limits=limits or Limits())
    inputs = list_inputs(paths)
    jobs: dict[str, Job] = {}
    names: dict[str, list[str]] = {}
    scan_failures: list[Failure] = []
    done, last = 0, None
    for item, found in scan(inputs, settings.limits):
        summary.files += 1
        if isinstance(found, Found):
            if found.sha256 in names:
                names[found.sha256].append(found.source.name)
            else:
                names[found.sha256] = [found.source.name]
                jobs[found.sha256] = Job(found.source, found.sha256)
        else:
            scan_failures.append(found)
            summary.failures.append(found)
            summary.failed += 1
        if item is not last:
            done, last = done + 1, item
            tell(Tick("scan", done, len(inputs), item.path))
    tell(Tick("scan", len(inputs), len(inputs), ""))
    plan = _plan(jobs, names, chunk_target)
    summary.chunks = len(plan)
    fs, root = _filesystem(out)
    done_chunks = set() if force else _done_chunks(fs, root)
    todo = {cid: items for cid, items in plan.items() if cid not in done_chunks}
    summary.skipped = len(plan) - len(todo)
    if todo:
        _run(todo, out, summary, client, scheduler, retries, settings, tell)
    summary.pruned = _prune(fs, root, keep=set(plan))
    _write_scan_failures(fs, root, scan_failures)
    summary.seconds = time.perf_counter() - t0
    return summary


def _plan(jobs: dict[str, Job], names: dict[str, list[str]], target: int) -> dict[str, list[tuple[Job, list[str]]]]:
    by_name = {job.source.name: sha for sha, job in jobs.items()}
    plan: dict[str, list[tuple[Job, list[str]]]] = {}
    for group in stable_chunks(sorted(by_name), target=target, maximum=2 * target):
        items = [(jobs[by_name[n]], names[by_name[n]]) for n in group]
        key = json.dumps([[job.sha256, ns] for job, ns in items], ensure_ascii=False)
        plan[hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:20]] = items
    return plan


def _run(todo: dict[str, list[tuple[Job, list[str]]]], out: str, summary: DistributedSummary, client: Any,
         scheduler: str | None, retries: int, settings: Settings, tell: Progress) -> None:
    try:
        import distributed  # noqa: PLC0415
    except ImportError as e:
        raise MissingDependency(None, "--engine dask needs Dask: pip install 'vanban[distributed]'") from e
    own = client is None
    if own:
        client = distributed.Client(scheduler) if scheduler else distributed.Client(
            distributed.LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None))
    try:
        run = uuid.uuid4().hex[:8]      # a key of its own: the scheduler may still hold a lost attempt
        futures = {client.submit(run_chunk, items, out, cid, settings, key=f"vanban-chunk-{cid}-{run}",
                                 retries=retries, pure=False): cid for cid, items in todo.items()}
        total = sum(len(items) for items in todo.values())
        done = 0
        for future in distributed.as_completed(futures):
            cid = futures[future]
            done += len(todo[cid])
            if future.status == "finished":
                marker = future.result()
                summary.written += 1
                summary.documents += marker["documents"]
                summary.failed += marker["failed"]
                summary.tasks += marker["tasks"]
                summary.failures.extend(Failure(p, c, m) for p, c, m in marker["failures"])
            else:
                error = future.exception()
                summary.lost.append(LostChunk(cid, [n for _, ns in todo[cid] for n in ns],
                                              f"{type(error).__name__}: {error}"))
            tell(Tick("parse", done, total, todo[cid][0][0].source.name))
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()


def _done_chunks(fs: Any, root: str) -> set[str]:
    try:
        markers = fs.glob(posixpath.join(root, MARKERS, "*.json"))
    except FileNotFoundError:
        return set()
    return {posixpath.basename(m)[:-5] for m in markers}


def _prune(fs: Any, root: str, keep: set[str]) -> int:
    """Remove the chunks of an earlier run that this plan no longer has (their files
    changed), marker first, so the folder holds each document once."""
    stale = _done_chunks(fs, root) - keep
    for cid in sorted(stale):
        fs.rm(posixpath.join(root, MARKERS, f"{cid}.json"))
        for table in TABLES:
            path = posixpath.join(root, table, f"{cid}.parquet")
            if fs.exists(path):
                fs.rm(path)
    return len(stale)


def _write_scan_failures(fs: Any, root: str, failures: list[Failure]) -> None:
    """Files refused before parsing (zip slip, zip bombs): ``ingest_errors/scan.parquet``,
    written on every run (empty too) so a fixed archive's old refusal goes."""
    rows = [{"path": f.path, "sha256": None, "code": f.code, "message": f.message} for f in failures]
    _write_atomic(fs, posixpath.join(root, "ingest_errors", "scan.parquet"),
                  pa.Table.from_pylist(rows, schema=_schema("ingest_errors")))


# -- reading the Parquet folder ----------------------------------------------------------


def _sources(con: duckdb.DuckDBPyConnection, folder: str) -> dict[str, str]:
    """``read_parquet`` globs for each table the folder holds; a URL's filesystem is
    handed to DuckDB through fsspec."""
    fs, root = _filesystem(folder)
    if not fs.exists(posixpath.join(root, "documents")):
        raise NoParquet(folder, "no documents/ folder here: not the output of 'vanban ingest --engine dask'")
    prefix = ""
    if "://" in str(folder) and not str(folder).startswith("file://"):
        con.register_filesystem(fs)
        prefix = str(folder).split("://", 1)[0] + "://"
    return {t: f"{prefix}{root}/{t}/*.parquet" for t in TABLES if fs.exists(posixpath.join(root, t))}


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                      "ORDER BY ordinal_position", [table]).fetchall()]


def _chunk_of(column: str) -> str:
    return f"regexp_extract({column}, '([^/]+)\\.parquet$', 1)"


def load(folder: str, db: str | Path) -> LoadSummary:
    """Merge a Parquet folder into the database in one transaction: each document's
    rows replace any it had, names accumulate, failures replace failures by name."""
    t0 = time.perf_counter()
    summary = LoadSummary()
    fs, root = _filesystem(folder)
    if not fs.exists(posixpath.join(root, "documents")):   # before connect() creates the database
        raise NoParquet(folder, "no documents/ folder here: not the output of 'vanban ingest --engine dask'")
    con = store.connect(db)
    try:
        globs = _sources(con, folder)
        src = {t: f"read_parquet('{g}', filename = true, union_by_name = true)" for t, g in globs.items()}
        with store.transaction(con):
            # one copy of each document, should two chunks hold it (a run killed before pruning)
            con.execute(f"CREATE OR REPLACE TEMP TABLE _pick AS SELECT id, min({_chunk_of('filename')}) AS chunk "
                        f"FROM {src['documents']} GROUP BY id")
            for table in store.DOCUMENT_TABLES:
                if table == "document_paths":
                    continue
                key = "id" if table == "documents" else "document_id"
                con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT id FROM _pick)")
            for table in reversed(store.DOCUMENT_TABLES):
                cols = _select_list(con, table, globs[table], "r.", _schema(table).names)
                names = ", ".join(c for c in _columns(con, table) if c in _schema(table).names)
                key = "id" if table == "documents" else "document_id"
                if table == "document_paths":
                    sql = (f"INSERT INTO document_paths ({names}) SELECT DISTINCT {cols} FROM {src[table]} r "
                           "WHERE NOT EXISTS (SELECT 1 FROM document_paths p "
                           "WHERE p.document_id = r.document_id AND p.path = r.path)")
                else:
                    sql = (f"INSERT INTO {table} ({names}) SELECT {cols} FROM {src[table]} r JOIN _pick k "
                           f"ON r.{key} = k.id AND {_chunk_of('r.filename')} = k.chunk")
                summary.rows[table] = con.execute(sql).fetchall()[0][0]
            if "ingest_errors" in src:
                con.execute("DELETE FROM ingest_errors WHERE path IN (SELECT path FROM document_paths "
                            "WHERE document_id IN (SELECT id FROM _pick)) OR path IN "
                            f"(SELECT path FROM {src['ingest_errors']})")
                summary.rows["ingest_errors"] = con.execute(
                    f"INSERT INTO ingest_errors (path, sha256, code, message) SELECT path, sha256, code, message "
                    f"FROM {src['ingest_errors']}").fetchall()[0][0]
            summary.chunks, summary.documents = con.execute(
                "SELECT count(DISTINCT chunk), count(*) FROM _pick").fetchall()[0]
            con.execute("DROP TABLE _pick")
    finally:
        con.close()
    summary.seconds = time.perf_counter() - t0
    return summary


def query(sql: str, folder: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run SQL over a Parquet folder in place: an in-memory database gets the whole
    schema (migrations: macros, views, reference tables), then each document table
    is swapped for a view over its Parquet files, so ``who_owns_what`` and the other
    views read the files."""
    con = duckdb.connect()
    try:
        store.migrate(con)
        for table, glob in _sources(con, folder).items():
            select = _select_list(con, table, glob)
            con.execute(f"DROP TABLE {table}")
            con.execute(f"CREATE VIEW {table} AS SELECT {select} FROM read_parquet('{glob}', union_by_name = true)")
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description or []]
        return cols, cur.fetchall()
    finally:
        con.close()


def _select_list(con: duckdb.DuckDBPyConnection, table: str, glob: str, alias: str = "",
                 columns: list[str] | None = None) -> str:
    """The table's columns as the database declares them, read from the Parquet files;
    a column the files do not have (written before a migration added it) is NULL."""
    declared = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                           "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()
    present = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{glob}', union_by_name = true)"
                                         ).fetchall()}
    wanted = set(columns) if columns is not None else None
    return ", ".join(f"{alias}{c}" if c in present else f"NULL::{t} AS {c}"
                     for c, t in declared if wanted is None or c in wanted)


def is_parquet_folder(path: str | Path) -> bool:
    p = str(path)
    if "://" in p:
        return True
    return Path(p).is_dir() and (Path(p) / "documents").is_dir()
