"""Exports round-trip and keep their published shape: Parquet read back gives the
database's rows, every JSONL record validates against schemas/json, the XLSX opens
with openpyxl and has one row per task."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator
from openpyxl import load_workbook

from ingest import api
from ingest.cli import main
from ingest.export import EXPORTS, SHEET, XLSX_COLUMNS, export, json_schemas
from parsers import parse_file
from schemas import ParsedDocument

from conftest import CORPUS, ROOT

SCHEMAS = ROOT / "schemas" / "json"




def _db_rows(db: Path, name: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT * FROM {name} ORDER BY {EXPORTS[name]}").fetchall()
    finally:
        con.close()


def test_parquet_round_trips_to_the_same_rows(demo_db, tmp_path):
    summary = export(demo_db, tmp_path, "parquet")
    assert [p.name for p in summary.files] == [f"{name}.parquet" for name in EXPORTS]
    con = duckdb.connect()
    try:
        for name in EXPORTS:
            back = con.execute(f"SELECT * FROM read_parquet('{tmp_path / name}.parquet')").fetchall()
            assert back == _db_rows(demo_db, name), name
            assert len(back) == summary.rows[name]
    finally:
        con.close()
    assert summary.rows["tasks"] > 200 and summary.rows["criteria_catalog"] == 134


def test_jsonl_records_validate_against_the_published_schemas(demo_db, tmp_path):
    summary = export(demo_db, tmp_path, "jsonl")
    for name in EXPORTS:
        schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        lines = (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == summary.rows[name], name
        for line in lines:
            validator.validate(json.loads(line))


def test_the_published_schemas_are_the_databases():
    """Schema-stable: a change to a table or view shows here until schemas/json is
    regenerated (python -m ingest.export --schemas schemas/json)."""
    hint = "regenerate with: python -m ingest.export --schemas schemas/json"
    for name, schema in json_schemas().items():
        assert json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8")) == schema, f"{name}: {hint}"
    published = json.loads((SCHEMAS / "parsed_document.json").read_text(encoding="utf-8"))
    assert published == ParsedDocument.model_json_schema(), f"parsed_document: {hint}"


def test_parsed_records_validate_against_the_published_schema():
    schema = json.loads((SCHEMAS / "parsed_document.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    for path in sorted((CORPUS / "linked").glob("*.txt"))[:2] + sorted((CORPUS / "seeds").glob("*.txt"))[:2]:
        validator.validate(parse_file(path).model_dump(mode="json"))


def test_csv_has_the_columns_of_the_database(demo_db, tmp_path):
    export(demo_db, tmp_path, "csv")
    for name in ("tasks", "who_owns_what", "criteria_coverage"):
        with (tmp_path / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert header == list(json_schemas()[name]["properties"]), name


def test_xlsx_is_the_assignment_table_officials_use(demo_db, tmp_path):
    summary = export(demo_db, tmp_path / "phan_cong.xlsx", "xlsx")
    wb = load_workbook(summary.files[0])
    ws = wb[SHEET]
    header = [c.value for c in ws[4]]
    assert header == [title for title, _ in XLSX_COLUMNS]
    data = [row for row in ws.iter_rows(min_row=5, values_only=True)]
    (tasks,) = api.query("SELECT count(*) FROM tasks", demo_db)[1][0]
    assert len(data) == tasks == summary.rows[SHEET]
    assert [row[0] for row in data] == list(range(1, tasks + 1))
    assert all(row[1] for row in data)                         # every task has its text
    for letter, (_, chars) in zip("ABCDEF", XLSX_COLUMNS, strict=True):
        assert ws.column_dimensions[letter].width == chars
    assert ws.freeze_panes == "A5"
    lk = [row for row in data if str(row[5]).startswith("KH 21/KH-UBND")]
    assert lk[0][2] == "Công chức Văn phòng - Thống kê xã Tú Đoạn" and lk[0][4] == "trước ngày 20/4/2024"
    assert lk[0][5] == "KH 21/KH-UBND ngày 10/4/2024"


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "csv", "xlsx"])
def test_export_of_an_empty_database(empty_db, tmp_path, fmt):
    out = tmp_path / ("t.xlsx" if fmt == "xlsx" else "out")
    summary = export(empty_db, out, fmt)
    assert all(p.exists() for p in summary.files)
    assert sum(summary.rows.values()) == (134 * 2 if fmt != "xlsx" else 0)   # the catalog and its coverage


def test_the_export_command(demo_db, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--format", "xlsx", "--db", str(demo_db), "--out",
                                  str(tmp_path / "b.xlsx")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "b.xlsx").exists()
    result = runner.invoke(main, ["export", "--format", "parquet", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0 and "no such database" in result.output
