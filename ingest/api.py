"""The library API over parsing and the store; the CLI and notebooks call these.

    from ingest.api import ingest, query
    summary = ingest(["corpus/seeds", "archive_2024.zip"], db="vanban.duckdb", workers=4)
    rows = query("SELECT unit, count(*) FROM who_owns_what GROUP BY unit", db="vanban.duckdb")

Nothing here prints: progress goes through a callback, results are returned.

How a bulk ingest keeps the database right (the checkpoint is the database itself):

- every file is read and hashed first; a document is its content's sha256, so a file
  whose bytes are already stored is *unchanged* and costs only that read, an
  identical file under a second name is one document with two ``document_paths``,
  and a name whose bytes changed gets the new document while the old one loses that
  name (and its rows, once no name is left);
- only the parent process writes: parsed documents are written in batches, one
  transaction each (``store.write_documents``), so a ``kill -9`` leaves whole
  documents; the next run finds them stored and parses only the rest;
- ``ingest_errors`` holds the current failures, one row per file name: a file that
  failed is not parsed again with the same bytes (``retry_failed`` or ``force`` do),
  and its row goes when it reads.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ingest import distributed, scoring, store
from ingest.batch import GuardedPool, Job, Outcome, Settings, Tick, chunked
from ingest.discover import Failure, Found, Limits, Source, list_inputs, scan
from parsers.pipeline import parse_bytes, parse_file
from schemas import ParsedDocument

__all__ = ["Failure", "IngestSummary", "Tick", "discover", "errors", "evaluate", "extract", "ingest",
           "query", "write_json"]


@dataclass
class IngestSummary:
    new: int = 0
    changed: int = 0            # a name whose bytes changed: the new version replaced the old
    unchanged: int = 0
    reprocessed: int = 0        # stored documents parsed again (--force)
    failed: int = 0             # documents that failed in this run
    failed_before: int = 0      # skipped: failed in an earlier run with the same bytes
    duplicates: int = 0         # names beyond the first of a document seen in this run
    tasks: int = 0
    pages: int = 0
    files: int = 0              # names scanned (archive members included)
    seconds: float = 0.0
    workers: int = 0
    restarts: int = 0           # workers replaced after a crash or a time limit
    failures: list[Failure] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.new + self.changed + self.unchanged + self.reprocessed

    @property
    def parsed(self) -> int:
        return self.new + self.changed + self.reprocessed


Progress = Callable[[Tick], None]


def discover(paths: Iterable[str | Path]) -> Iterator[Source | Failure]:
    """Every document under the given files, folders, globs and zips (nested too),
    recognised by content; what had to be refused comes as a Failure."""
    for _, found in scan(list_inputs(paths)):
        yield found.source if isinstance(found, Found) else found


def extract(files: Iterable[str | Path | Source | Failure]) -> Iterator[ParsedDocument | Failure]:
    """Parse each file; a file that fails yields a Failure and the rest go on."""
    for f in files:
        if isinstance(f, Failure):
            yield f
            continue
        name = f.name if isinstance(f, Source) else str(f)
        try:
            yield parse_bytes(f.read(), f.name) if isinstance(f, Source) else parse_file(f)
        except Exception as e:  # one file never stops the others
            yield Failure.of(name, e)


def ingest(paths: Iterable[str | Path], db: str | Path = "vanban.duckdb", *,
           force: bool = False, retry_failed: bool = False, progress: Progress | None = None,
           workers: int | None = None, timeout: float | None = 300.0, memory_limit: int | None = None,
           batch_size: int = 200, flush_seconds: float = 2.0, limits: Limits | None = None,
           settings: Settings | None = None) -> IngestSummary:
    """Parse files, folders and archives into the database with a pool of ``workers``
    processes (default: one per core); one broken file never stops the run.

    Raises ``store.DatabaseInUse`` at once if another process has the database open,
    and ``discover.NotFound`` for a path that names nothing."""
    t0 = time.perf_counter()
    summary = IngestSummary()
    tell = progress or (lambda tick: None)
    settings = settings or Settings(limits=limits or Limits())
    con = store.connect(db)          # first: a second ingest stops here, before any work
    try:
        inputs = list_inputs(paths)
        ledger = _Ledger.load(con)
        plan = _Plan(ledger, force=force, retry_failed=retry_failed, summary=summary)
        done, last = 0, None
        for item, found in scan(inputs, settings.limits):
            plan.add(found)
            if item is not last:        # one tick per file on disk, however many members it holds
                done, last = done + 1, item
                tell(Tick("scan", done, len(inputs), item.path))
        tell(Tick("scan", len(inputs), len(inputs), ""))     # files skipped as not documents count too
        writer = _Writer(con, plan, summary, batch_size, flush_seconds)
        writer.settle_known()
        if plan.jobs:
            summary.workers = max(1, min(workers or _cores(), len(plan.jobs)))
            jobs = sorted(plan.jobs.values(), key=lambda j: j.source.name)
            with GuardedPool(summary.workers, settings, timeout=timeout, memory_limit=memory_limit) as pool:
                for done, outcome in enumerate(pool.run(chunked(jobs, summary.workers)), start=1):
                    writer.add(outcome)
                    tell(Tick("parse", done, len(jobs), outcome.job.source.name))
                summary.restarts = pool.restarts
        writer.flush()
    finally:
        con.close()
    summary.seconds = time.perf_counter() - t0
    return summary


def _cores() -> int:
    import os  # noqa: PLC0415

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass
class _Ledger:
    """What the database holds when the run starts: the documents (by sha256), the
    names each is stored under, and the names whose bytes failed before."""

    known: set[str]
    names: dict[str, set[str]]              # path -> sha256s stored under it
    failed: dict[str, tuple[str, str]]      # sha256 -> (code, message) of an earlier failure
    failed_names: set[tuple[str, str]]      # (path, sha256) with a failure row

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> _Ledger:
        names: dict[str, set[str]] = {}
        for did, path in con.execute("SELECT document_id, path FROM document_paths").fetchall():
            names.setdefault(path, set()).add(did)
        failed: dict[str, tuple[str, str]] = {}
        failed_names: set[tuple[str, str]] = set()
        for path, sha, code, message in con.execute(
                "SELECT path, sha256, code, message FROM ingest_errors WHERE sha256 IS NOT NULL").fetchall():
            failed[sha] = (code, message)
            failed_names.add((path, sha))
        return cls(store.known_documents(con), names, failed, failed_names)


@dataclass
class _Plan:
    """Sorts what the scan found: unchanged documents (maybe under a new name),
    earlier failures, and the jobs to parse — one per distinct content."""

    ledger: _Ledger
    force: bool
    retry_failed: bool
    summary: IngestSummary
    jobs: dict[str, Job] = field(default_factory=dict)            # sha256 -> the job parsing it
    names: dict[str, list[str]] = field(default_factory=dict)     # sha256 -> names seen this run
    kind: dict[str, str] = field(default_factory=dict)            # sha256 -> new | changed | reprocessed
    known_names: list[tuple[str, str]] = field(default_factory=list)   # (sha256, path) to settle now
    errors: list[Failure] = field(default_factory=list)           # failures to record now

    def add(self, found: Found | Failure) -> None:
        s = self.summary
        if isinstance(found, Failure):
            s.files += 1
            s.failed += 1
            s.failures.append(found)
            self.errors.append(found)
            return
        s.files += 1
        sha, name = found.sha256, found.source.name
        ledger = self.ledger
        first = sha not in self.names
        self.names.setdefault(sha, []).append(name)
        if not first:                               # the same bytes again under another name
            s.duplicates += 1
        stored = sha in ledger.known
        if sha in self.jobs:
            return                                  # its names are written with the parsed document
        if stored and not self.force:
            s.unchanged += first
            self._settle_known(sha, name)
        elif sha in ledger.failed and not (self.force or self.retry_failed):
            s.failed_before += first
            if (name, sha) not in ledger.failed_names:
                code, message = ledger.failed[sha]
                self.errors.append(Failure(name, code, message, sha))
        else:
            self.jobs[sha] = Job(found.source, sha)
            previous = ledger.names.get(name, set()) - {sha}
            self.kind[sha] = "reprocessed" if stored else "changed" if previous else "new"

    def _settle_known(self, sha: str, name: str) -> None:
        """A stored document seen under ``name``: write only if the name is new to it
        or still points at an older version too."""
        if self.ledger.names.get(name, set()) != {sha}:
            self.known_names.append((sha, name))


class _Writer:
    """The one writer: parsed documents in batches (a transaction each), then their
    names and error rows (another), so a crash between the two leaves documents
    whose names the next run settles."""

    def __init__(self, con: duckdb.DuckDBPyConnection, plan: _Plan, summary: IngestSummary,
                 batch_size: int, flush_seconds: float) -> None:
        self.con = con
        self.plan = plan
        self.summary = summary
        self.batch_size = batch_size
        self.flush_seconds = flush_seconds
        self.docs: list[tuple[ParsedDocument, str]] = []
        self.names: list[tuple[str, str]] = []
        self.errors: list[Failure] = list(plan.errors)
        self.last = time.monotonic()

    def settle_known(self) -> None:
        """Names of documents already stored, and failures found by the scan, before
        any parsing: a document that lost a name to a changed file keeps the others."""
        self.names.extend(self.plan.known_names)
        self._write_names_and_errors()

    def add(self, outcome: Outcome) -> None:
        sha = outcome.job.sha256
        names = self.plan.names.get(sha, [outcome.job.source.name])
        s = self.summary
        if outcome.document is not None:
            doc = outcome.document
            self.docs.append((doc, names[0]))
            self.names.extend((doc.document.id, n) for n in names)
            kind = self.plan.kind.get(sha, "new")
            setattr(s, kind, getattr(s, kind) + 1)
            s.tasks += len(doc.tasks)
            s.pages += doc.document.pages or 0
        else:
            failure = outcome.failure or Failure(names[0], "internal_error", f"{names[0]}: no result")
            s.failed += 1
            s.failures.append(failure)
            self.errors.extend(Failure(n, failure.code, failure.message, failure.sha256 or sha) for n in names)
        if len(self.docs) >= self.batch_size or time.monotonic() - self.last >= self.flush_seconds:
            self.flush()

    def flush(self) -> None:
        if self.docs:
            store.write_documents(self.con, self.docs)
            self.docs = []
        self._write_names_and_errors()
        self.last = time.monotonic()

    def _write_names_and_errors(self) -> None:
        if not self.names and not self.errors:
            return
        with store.transaction(self.con):
            if self.names:
                settle_names(self.con, self.names)
            clear = sorted({n for _, n in self.names} | {e.path for e in self.errors})
            if clear:
                _with_table(self.con, "_clear", pa.table({"path": clear}),
                            "DELETE FROM ingest_errors WHERE path IN (SELECT path FROM _clear)")
            for e in self.errors:
                store.record_error(self.con, e.path, e.sha256, e.code, e.message)
        self.names, self.errors = [], []


def settle_names(con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]]) -> None:
    """Make each ``(document_id, path)`` true: add the name if missing, take the name
    from any other document that had it (an older version of that file), and delete
    a document left with no name at all. Runs inside the caller's transaction."""
    table = pa.table({"document_id": [d for d, _ in pairs], "path": [p for _, p in pairs]})
    _with_table(con, "_names", table,
                "INSERT INTO document_paths (document_id, path) SELECT DISTINCT n.document_id, n.path "
                "FROM _names n WHERE NOT EXISTS (SELECT 1 FROM document_paths p "
                "WHERE p.document_id = n.document_id AND p.path = n.path)",
                "CREATE OR REPLACE TEMP TABLE _stale AS SELECT DISTINCT p.document_id FROM document_paths p "
                "JOIN _names n ON p.path = n.path AND p.document_id <> n.document_id "
                "WHERE p.document_id NOT IN (SELECT document_id FROM _names)",
                "DELETE FROM document_paths p WHERE EXISTS (SELECT 1 FROM _names n "
                "WHERE n.path = p.path AND n.document_id <> p.document_id)")
    orphans = "(SELECT document_id FROM _stale s WHERE NOT EXISTS " \
              "(SELECT 1 FROM document_paths p WHERE p.document_id = s.document_id))"
    for t in store.DOCUMENT_TABLES:
        if t != "document_paths":
            key = "id" if t == "documents" else "document_id"
            con.execute(f"DELETE FROM {t} WHERE {key} IN {orphans}")
    con.execute("DROP TABLE _stale")


def _with_table(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table, *sql: str) -> None:
    con.register(name, table)
    try:
        for statement in sql:
            con.execute(statement)
    finally:
        con.unregister(name)


def errors(db: str | Path = "vanban.duckdb") -> list[dict[str, Any]]:
    """The current failures, most common cause first: ``[{code, count, files: [{path,
    message, sha256, logged_at}]}]``."""
    con = store.connect(db, read_only=True)
    try:
        rows = con.execute("SELECT code, path, message, sha256, logged_at FROM ingest_errors "
                           "ORDER BY code, path").fetchall()
    finally:
        con.close()
    by_code: dict[str, list[dict[str, Any]]] = {}
    for code, path, message, sha, logged_at in rows:
        by_code.setdefault(code, []).append({"path": path, "message": message, "sha256": sha,
                                             "logged_at": str(logged_at)})
    return [{"code": code, "count": len(files), "files": files}
            for code, files in sorted(by_code.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


def query(sql: str, db: str | Path = "vanban.duckdb") -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run read-only SQL; returns column names and rows. ``db`` may also be the Parquet
    folder of ``vanban ingest --engine dask``, queried in place."""
    if distributed.is_parquet_folder(db):
        return distributed.query(sql, str(db))
    con = store.connect(db, read_only=True)
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description or []]
        return cols, cur.fetchall()
    finally:
        con.close()


def evaluate(gold: str | Path, files: Iterable[str | Path], out: str | Path | None = None
             ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Extract the files and score them against the gold folder with the reference
    scorer's own logic; ``out`` keeps the predictions as JSON files."""
    import tempfile  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(out) if out else Path(tmp)
        target.mkdir(parents=True, exist_ok=True)
        for result in extract(files):
            if isinstance(result, Failure):
                continue
            write_json(result, target)
        return scoring.score(Path(gold), target)


def write_json(doc: ParsedDocument, folder: Path) -> Path:
    path = folder / f"{Path(doc.document.source).stem}.json"
    path.write_text(json.dumps(doc.to_gold(), ensure_ascii=False, indent=1), encoding="utf-8")
    return path
