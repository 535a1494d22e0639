"""Exports: Parquet, JSONL and CSV for tools, XLSX for officials.

    from ingest.export import export
    summary = export("vanban.duckdb", "out", "parquet")   # out/tasks.parquet, out/who_owns_what.parquet, …
    export("vanban.duckdb", "phan_cong.xlsx", "xlsx")      # the "Bảng phân công nhiệm vụ" sheet

Parquet, JSONL and CSV write one file per table and per analyst view (EXPORTS), rows in
a fixed order and columns exactly as the database has them, so a file's shape changes
only with a migration. The JSON Schema of each is published in ``schemas/json/``
(:func:`json_schemas` writes them; a test checks they match the database and validate
every exported record).

The XLSX is the layout offices already use to hand out work: STT, Nhiệm vụ, Chủ trì,
Phối hợp, Thời hạn, Văn bản, one row per task, units by their canonical names, Times
New Roman as Nghị định 30/2020/NĐ-CP sets for documents. openpyxl is optional
(``pip install 'vanban[xlsx]'``).

Nothing here prints; the CLI renders the summary.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ingest import store
from parsers.errors import MissingDependency, VanbanError

#: What is exported, in order, with the columns that order its rows. Base tables
#: first, then the analyst views of migration 002.
EXPORTS: dict[str, str] = {
    "documents": "id",
    "document_paths": "document_id, path",
    "sections": "document_id, span_start, id",
    "tasks": "document_id, ordinal",
    "assignments": "document_id, task_id, role, ordinal",
    "targets": "document_id, task_id, ordinal",
    "deadlines": "document_id, task_id",
    "doc_references": "document_id, ordinal",
    "criteria_catalog": "catalog, ordinal",
    "ingest_errors": "logged_at, path",
    "who_owns_what": "document_id, task_ordinal, role, unit_ordinal",
    "tasks_due": "due, document_id, task_ordinal",
    "unit_workload": "ALL",  # an aggregate without a key: every column orders it
    "criteria_coverage": "catalog, ordinal",
    "task_criteria": "document_id, task_id, ordinal",
    "document_index": "document_id",
    "document_links": "from_document_id, reference_ordinal, to_document_id",
    "plan_lineage": "document_id, depth, ancestor_id",
}

FORMATS = ("parquet", "jsonl", "csv", "xlsx")
_COPY_OPTIONS = {"parquet": "FORMAT PARQUET", "jsonl": "FORMAT JSON", "csv": "FORMAT CSV, HEADER"}
_SUFFIX = {"parquet": ".parquet", "jsonl": ".jsonl", "csv": ".csv"}

SHEET = "Bảng phân công nhiệm vụ"
#: (header, column width in characters) of the sheet, as offices print it.
XLSX_COLUMNS = (("STT", 6), ("Nhiệm vụ", 60), ("Chủ trì", 34), ("Phối hợp", 44),
                ("Thời hạn", 22), ("Văn bản", 30))


class ExportError(VanbanError):
    code = "export_error"


@dataclass
class ExportSummary:
    format: str
    files: list[Path] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)


def export(db: str | Path, out: str | Path, fmt: str) -> ExportSummary:
    """Export the database: one file per table and view into the folder ``out``
    (parquet, jsonl, csv), or the workbook ``out`` (xlsx)."""
    if fmt not in FORMATS:
        raise ExportError(out, f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if not Path(db).exists():
        raise FileNotFoundError(f"{db}: no such database (run 'vanban ingest' first)")
    con = _open(db)
    try:
        if fmt == "xlsx":
            return _xlsx(con, Path(out))
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        summary = ExportSummary(fmt)
        for name, order in EXPORTS.items():
            path = folder / f"{name}{_SUFFIX[fmt]}"
            con.execute(f"COPY (SELECT * FROM {name} ORDER BY {order}) TO '{_quote(path)}' "
                        f"({_COPY_OPTIONS[fmt]})")
            summary.files.append(path)
            summary.rows[name] = _count(con, name)
        return summary
    finally:
        con.close()


def _open(db: str | Path) -> duckdb.DuckDBPyConnection:
    """Read-only, after bringing an older database up to the current migrations."""
    latest = max(version for version, _ in store.migrations())
    con = store.connect(db, read_only=True)
    try:
        (have,) = con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone() or (0,)
    except duckdb.CatalogException:
        have = 0
    if have < latest:
        con.close()
        store.connect(db).close()        # migrates
        con = store.connect(db, read_only=True)
    return con


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def _count(con: duckdb.DuckDBPyConnection, name: str) -> int:
    row = con.execute(f"SELECT count(*) FROM {name}").fetchone()
    return int(row[0]) if row else 0


# ------------------------------------------------------------------ XLSX

_TASK_ROWS = """
SELECT t.title,
       (SELECT string_agg(coalesce(a.canonical, a.unit), '; ' ORDER BY a.ordinal) FROM assignments a
         WHERE a.task_id = t.id AND a.role = 'lead')    AS lead,
       (SELECT string_agg(coalesce(a.canonical, a.unit), '; ' ORDER BY a.ordinal) FROM assignments a
         WHERE a.task_id = t.id AND a.role = 'support') AS support,
       dl.text AS deadline,
       vanban_document_label(d.kind, d.number, d.symbol, d.source) AS document,
       d.date
FROM tasks t
JOIN documents d ON d.id = t.document_id
LEFT JOIN deadlines dl ON dl.task_id = t.id
ORDER BY d.date NULLS LAST, document, d.id, t.ordinal
"""


def _xlsx(con: duckdb.DuckDBPyConnection, path: Path) -> ExportSummary:
    try:
        from openpyxl import Workbook  # noqa: PLC0415
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: PLC0415
        from openpyxl.utils import get_column_letter  # noqa: PLC0415
    except ImportError as e:
        raise MissingDependency(path, "XLSX export needs openpyxl: pip install 'vanban[xlsx]'") from e
    if path.is_dir() or str(path).endswith(("/", "\\")):
        path = path / "bang_phan_cong_nhiem_vu.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = con.execute(_TASK_ROWS).fetchall()
    documents = len({r[4] for r in rows})

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    font, bold = Font(name="Times New Roman", size=12), Font(name="Times New Roman", size=12, bold=True)
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    width = len(XLSX_COLUMNS)

    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(1, 1, "BẢNG PHÂN CÔNG NHIỆM VỤ").font = Font(name="Times New Roman", size=14, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    ws.cell(2, 1, f"(Tổng hợp {len(rows)} nhiệm vụ từ {documents} văn bản)").font = Font(
        name="Times New Roman", size=12, italic=True)
    ws.cell(2, 1).alignment = Alignment(horizontal="center")
    header_row = 4
    for col, (title, chars) in enumerate(XLSX_COLUMNS, start=1):
        cell = ws.cell(header_row, col, title)
        cell.font, cell.border = bold, border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        ws.column_dimensions[get_column_letter(col)].width = chars
    for n, (title, lead, support, deadline, document, when) in enumerate(rows, start=1):
        values = (n, title, lead or "", support or "", deadline or "", _document_cell(document, when))
        for col, value in enumerate(values, start=1):
            cell = ws.cell(header_row + n, col, value)
            cell.font, cell.border, cell.alignment = font, border, wrap
        ws.cell(header_row + n, 1).alignment = Alignment(horizontal="center", vertical="top")
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    last = get_column_letter(width)
    ws.auto_filter.ref = f"A{header_row}:{last}{header_row + max(len(rows), 1)}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(path)
    return ExportSummary("xlsx", [path], {SHEET: len(rows)})


def _document_cell(label: str, when: str | None) -> str:
    """``KH 75/KH-UBND ngày 05/6/2024``; a partial date as printed: ``tháng 10/2021``."""
    if not when:
        return label
    parts = when.split("-")
    if len(parts) == 3:
        return f"{label} ngày {parts[2]}/{int(parts[1])}/{parts[0]}"
    if len(parts) == 2:
        return f"{label} tháng {int(parts[1])}/{parts[0]}"
    return f"{label} năm {parts[0]}"


# ------------------------------------------------------------------ JSON Schema

_TYPES = {"VARCHAR": "string", "BOOLEAN": "boolean", "DOUBLE": "number", "FLOAT": "number",
          "INTEGER": "integer", "BIGINT": "integer", "HUGEINT": "integer", "SMALLINT": "integer",
          "TINYINT": "integer", "UBIGINT": "integer", "DATE": "string", "TIMESTAMP": "string"}


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of a record of every export, read from a freshly migrated
    database: what a JSONL line of ``NAME.jsonl`` holds."""
    con = duckdb.connect(":memory:")
    try:
        store.migrate(con)
        return {name: _schema(name, con.execute(f"DESCRIBE SELECT * FROM {name}").fetchall())
                for name in EXPORTS}
    finally:
        con.close()


def _schema(name: str, columns: list[tuple[Any, ...]]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for column, duck_type, *_ in columns:
        if duck_type.endswith("[]"):
            item = {"type": _TYPES.get(duck_type[:-2], "string")}
            properties[column] = {"type": ["array", "null"], "items": item}
        else:
            prop: dict[str, Any] = {"type": [_TYPES.get(duck_type, "string"), "null"]}
            if duck_type == "DATE":
                prop["format"] = "date"
            properties[column] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://vanban.example/schemas/{name}.json",
        "title": name,
        "description": f"One record of {name}.jsonl as `vanban export --format jsonl` writes it "
                       f"(the {name} {'view' if name in _VIEWS else 'table'} of the DuckDB store).",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


_VIEWS = frozenset({"who_owns_what", "tasks_due", "unit_workload", "criteria_coverage", "task_criteria",
                    "document_index", "document_links", "plan_lineage"})


def write_json_schemas(folder: str | Path) -> list[Path]:
    """Write ``NAME.json`` for every export, plus ``parsed_document.json`` (the records
    ``vanban extract`` and the library return)."""
    from schemas import ParsedDocument  # noqa: PLC0415

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    documents = {**json_schemas(), "parsed_document": ParsedDocument.model_json_schema()}
    for name, schema in documents.items():
        path = folder / f"{name}.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    # python -m ingest.export --schemas schemas/json
    if sys.argv[1:2] != ["--schemas"] or len(sys.argv) != 3:
        sys.exit("usage: python -m ingest.export --schemas DIR")
    for p in write_json_schemas(sys.argv[2]):
        print(p, file=sys.stderr)
