"""The library API over parsing and the store; the CLI and notebooks call these.

    from ingest.api import ingest, query
    summary = ingest(["corpus/seeds"], db="vanban.duckdb")
    rows = query("SELECT unit, count(*) FROM who_owns_what GROUP BY unit", db="vanban.duckdb")

Nothing here prints: progress goes through a callback, results are returned.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest import scoring, store
from parsers.errors import VanbanError
from parsers.pipeline import parse_file
from schemas import ParsedDocument

#: Files a folder walk never treats as documents: our own gold answers, READMEs,
#: manifests, hidden files.
SKIP_SUFFIXES = frozenset({".json", ".jsonl", ".tsv", ".csv", ".parquet", ".duckdb", ".wal", ".py",
                           ".xlsx", ".png", ".jpg", ".jpeg", ".gif", ".zip"})
SKIP_NAMES = frozenset({"README.md", "MANIFEST.tsv", "LICENSE"})


@dataclass
class Failure:
    path: str
    code: str
    message: str


@dataclass
class IngestSummary:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    tasks: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.new + self.changed + self.unchanged


Progress = Callable[[str, int, int], None]  # (path, done, total)


def discover(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under the given files and folders (recursively), sorted per folder."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and _is_candidate(f):
                    yield f
        elif p.exists():
            yield p
        else:
            matches = sorted(Path().glob(str(p))) if any(ch in str(p) for ch in "*?[") else []
            if not matches:
                raise FileNotFoundError(f"{p}: no such file or folder")
            yield from (m for m in matches if m.is_file())


def _is_candidate(f: Path) -> bool:
    if f.name.startswith(".") or f.name in SKIP_NAMES:
        return False
    return f.suffix.lower() not in SKIP_SUFFIXES


def extract(files: Iterable[str | Path]) -> Iterator[ParsedDocument | Failure]:
    """Parse each file; a file that fails yields a Failure and the rest go on."""
    for f in files:
        try:
            yield parse_file(f)
        except VanbanError as e:
            yield Failure(str(f), e.code, str(e))
        except Exception as e:
            yield Failure(str(f), "internal_error", f"{f}: {type(e).__name__}: {e}")


def ingest(paths: Iterable[str | Path], db: str | Path = "vanban.duckdb", *,
           force: bool = False, progress: Progress | None = None, batch_size: int = 50) -> IngestSummary:
    """Parse files and folders into the database; one broken file never stops the run."""
    t0 = time.perf_counter()
    files = list(discover(paths))
    summary = IngestSummary()
    con = store.connect(db)
    try:
        known = store.known_documents(con)
        batch: list[tuple[ParsedDocument, str]] = []
        for done, f in enumerate(files, start=1):
            result = next(extract([f]))
            if isinstance(result, Failure):
                summary.failed += 1
                summary.failures.append(result)
                store.record_error(con, result.path, None, result.code, result.message)
            else:
                did = result.document.id
                if did in known and not force:
                    summary.unchanged += 1
                else:
                    summary.new += did not in known
                    summary.changed += did in known
                    summary.tasks += len(result.tasks)
                    batch.append((result, str(f)))
                    known.add(did)
                if len(batch) >= batch_size:
                    store.write_documents(con, batch)
                    batch.clear()
            if progress:
                progress(str(f), done, len(files))
        store.write_documents(con, batch)
    finally:
        con.close()
    summary.seconds = time.perf_counter() - t0
    return summary


def query(sql: str, db: str | Path = "vanban.duckdb") -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run read-only SQL; returns column names and rows."""
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
