"""The DuckDB store: migrations, writing parsed documents, reading back.

The DDL lives in ``schemas/sql`` (one place, numbered, append-only); this module
applies what the database has not seen and records it in ``schema_migrations``.
A document is written in one transaction: its old rows (same sha256) are deleted
and the new ones inserted in batches through Arrow — ``executemany`` is ~400×
slower here — so a crash leaves either the old document or the new one, never half.
"""

from __future__ import annotations

import importlib.resources
import re
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from parsers.errors import VanbanError
from schemas import SCHEMA_VERSION, ParsedDocument

#: Tables that hold one document's rows, keyed by ``document_id``.
DOCUMENT_TABLES = ("assignments", "targets", "deadlines", "doc_references", "tasks", "sections",
                   "document_paths", "documents")


class DatabaseInUse(VanbanError):
    code = "database_in_use"


class SchemaMismatch(VanbanError):
    code = "schema_mismatch"


def migrations() -> list[tuple[int, str]]:
    """``(version, sql)`` for every file in schemas/sql, in order."""
    out = []
    for entry in importlib.resources.files("schemas").joinpath("sql").iterdir():
        m = re.match(r"^(\d+)_.*\.sql$", entry.name)
        if m:
            out.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(out)


def connect(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and migrate) a database; a second writer gets DatabaseInUse, not a hang."""
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise DatabaseInUse(path, "database is in use by another vanban process") from e
        raise
    if not read_only:
        try:
            migrate(con)
        except BaseException:
            con.close()
            raise
    return con


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)")
    done = {v for (v,) in con.execute("SELECT version FROM schema_migrations").fetchall()}
    for version, sql in migrations():
        if version in done:
            continue
        con.execute("BEGIN")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations (version) VALUES (?)", [version])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("BEGIN")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def rows_for(doc: ParsedDocument, path: str) -> dict[str, list[dict[str, Any]]]:
    """One document as rows per table."""
    d = doc.document
    did = d.id
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in DOCUMENT_TABLES}
    rows["documents"].append({
        "id": did, "source": d.source, "path": path, "format": d.format, "kind": d.kind,
        "number": d.number, "symbol": d.symbol, "date": d.date, "place": d.place, "issuer": d.issuer,
        "title": d.title, "signer": d.signer, "pages": d.pages, "blocks": d.blocks,
        "encoding": d.encoding, "readability": d.readability, "warnings": list(d.warnings),
        "text": doc.text, "schema_version": d.schema_version})
    rows["document_paths"].append({"document_id": did, "path": path})
    for s in doc.sections:
        rows["sections"].append({
            "id": s.id, "document_id": did, "parent_id": s.parent_id, "path": s.path, "label": s.label,
            "rule": s.rule, "level": s.level, "ordinal": s.ordinal, "heading": s.heading, "role": s.role,
            "block": s.provenance.block, "span_start": s.provenance.start, "span_end": s.provenance.end})
    for i, t in enumerate(doc.tasks):
        p = t.provenance
        rows["tasks"].append({
            "id": t.id, "document_id": did, "section_id": t.section_id, "ordinal": i, "label": t.label,
            "title": t.title, "text": t.text, "criteria": list(t.criteria), "block": p.block,
            "page": p.page, "span_start": p.start, "span_end": p.end,
            "criteria_field": t.criteria_field, "criteria_flags": list(t.criteria_flags)})
        for role, units in (("lead", t.lead), ("support", t.support)):
            for k, u in enumerate(units):
                up = u.provenance
                rows["assignments"].append({
                    "task_id": t.id, "document_id": did, "role": role, "ordinal": k, "unit": u.text,
                    "span_start": up.start if up else None, "span_end": up.end if up else None,
                    "canonical": u.canonical, "unit_type": u.unit_type, "unit_kind": u.unit_kind,
                    "locality": u.locality, "collective": u.collective, "unit_in_force": u.in_force})
        for k, g in enumerate(t.targets):
            gp = g.provenance
            rows["targets"].append({
                "task_id": t.id, "document_id": did, "ordinal": k, "value": g.value, "unit": g.unit,
                "op": g.op, "text": g.text, "span_start": gp.start if gp else None,
                "span_end": gp.end if gp else None})
        if t.deadline:
            dp = t.deadline.provenance
            rows["deadlines"].append({
                "task_id": t.id, "document_id": did, "text": t.deadline.text,
                "start_date": t.deadline.start, "end_date": t.deadline.end, "kind": t.deadline.kind,
                "span_start": dp.start if dp else None, "span_end": dp.end if dp else None})
    for k, r in enumerate(doc.references):
        rp = r.provenance
        rows["doc_references"].append({
            "document_id": did, "ordinal": k, "code": r.code, "kind": r.kind, "date": r.date,
            "text": r.text, "span_start": rp.start if rp else None, "span_end": rp.end if rp else None})
    return rows


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """The table's columns, asked once per connection (each information_schema query
    costs ~10 ms, eight of them per batch)."""
    cache = _COLUMN_CACHE.get(con)
    if cache is None:
        cache = _COLUMN_CACHE[con] = {}
    if table not in cache:
        cache[table] = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table]).fetchall()]
    return cache[table]


#: Per live connection (weakly held: a closed connection's cache goes with it, so a
#: new connection never sees columns of another database or schema version).
_COLUMN_CACHE: weakref.WeakKeyDictionary[duckdb.DuckDBPyConnection, dict[str, list[str]]] = (
    weakref.WeakKeyDictionary())


def write_documents(con: duckdb.DuckDBPyConnection, docs: Iterable[tuple[ParsedDocument, str]]) -> int:
    """Replace the rows of each document (by sha256) in one transaction for the
    whole batch; returns the number of documents written."""
    merged: dict[str, list[dict[str, Any]]] = {t: [] for t in DOCUMENT_TABLES}
    ids: list[str] = []
    for doc, path in docs:
        rows_of_doc = rows_for(doc, path)
        if doc.document.id in ids:
            # the same bytes under a second name in one batch: one document, two paths
            merged["document_paths"].extend(rows_of_doc["document_paths"])
            continue
        ids.append(doc.document.id)
        for table, rows in rows_of_doc.items():
            merged[table].extend(rows)
    if not ids:
        return 0
    arrows: dict[str, pa.Table] = {}
    for table in DOCUMENT_TABLES:
        rows = merged[table]
        if rows:
            cols = [c for c in _columns(con, table) if c in rows[0]]
            arrows[table] = pa.Table.from_pylist(rows).select(cols)
    con.register("_ids", pa.table({"id": ids}))
    for table, arrow in arrows.items():
        con.register(f"_batch_{table}", arrow)
    try:
        with transaction(con):
            for table in DOCUMENT_TABLES:
                if table == "document_paths":
                    continue  # paths accumulate: one document, several names
                key = "id" if table == "documents" else "document_id"
                con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT id FROM _ids)")
            for table in reversed(DOCUMENT_TABLES):
                if table not in arrows:
                    continue
                names = ", ".join(arrows[table].column_names)
                if table == "document_paths":
                    con.execute(f"INSERT INTO document_paths ({names}) SELECT DISTINCT {names} FROM "
                                "_batch_document_paths b WHERE NOT EXISTS (SELECT 1 FROM document_paths p "
                                "WHERE p.document_id = b.document_id AND p.path = b.path)")
                else:
                    con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _batch_{table}")
    finally:
        con.unregister("_ids")
        for table in arrows:
            con.unregister(f"_batch_{table}")
    return len(ids)


def record_error(con: duckdb.DuckDBPyConnection, path: str, sha256: str | None, code: str, message: str) -> None:
    con.execute("INSERT INTO ingest_errors (path, sha256, code, message) VALUES (?, ?, ?, ?)",
                [path, sha256, code, message])


def known_documents(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT id FROM documents").fetchall()}


def check_schema(con: duckdb.DuckDBPyConnection, path: str | Path) -> None:
    """Refuse records written by a newer vanban (their shape may not be ours)."""
    newer = con.execute("SELECT count(*) FROM documents WHERE schema_version > ?", [SCHEMA_VERSION]).fetchone()
    if newer and newer[0]:
        raise SchemaMismatch(path, f"{newer[0]} documents were written by a newer vanban "
                                   f"(schema_version > {SCHEMA_VERSION}); upgrade vanban to read them")
