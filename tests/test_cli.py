"""The command line end to end: ingest, query, extract, eval, schema."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from ingest.cli import main

from conftest import CORPUS

SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_ingest_then_query_who_owns_what(runner, tmp_path):
    db = tmp_path / "v.duckdb"
    result = runner.invoke(main, ["ingest", str(CORPUS / "seeds"), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["query", "--db", str(db), "--format", "json",
                                  "SELECT unit, role, task_label FROM who_owns_what "
                                  "WHERE unit = 'Phòng Kinh tế và Hạ tầng'"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows == [{"unit": "Phòng Kinh tế và Hạ tầng", "role": "lead", "task_label": "1"}]


def test_reingest_replaces_rows_instead_of_duplicating(runner, tmp_path):
    db = tmp_path / "v.duckdb"
    for extra in ([], ["--force"]):
        result = runner.invoke(main, ["ingest", str(SEEDS[0]), "--db", str(db), "-q", *extra])
        assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["query", "--db", str(db), "--format", "csv",
                                  "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM tasks)"])
    docs, tasks = result.output.splitlines()[1].split(",")
    assert docs == "1" and int(tasks) > 10


def test_a_broken_file_is_reported_and_the_batch_goes_on(runner, tmp_path):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 this is not a zip")
    good = tmp_path / "good.txt"
    good.write_text((SEEDS[4]).read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "v.duckdb"
    result = runner.invoke(main, ["ingest", str(bad), str(good), "--db", str(db), "-q"])
    assert result.exit_code == 0
    assert "hong.docx" in result.output
    result = runner.invoke(main, ["query", "--db", str(db), "--format", "csv",
                                  "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM ingest_errors)"])
    assert result.output.splitlines()[1] == "1,1"


def test_empty_file_is_a_document_with_no_tasks(runner, tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    result = runner.invoke(main, ["extract", str(empty), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["tasks"] == []


def test_extract_writes_the_gold_shape(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(SEEDS[4]), "--format", "json", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / (SEEDS[4].stem + ".json")).read_text(encoding="utf-8"))
    assert doc["source"] == SEEDS[4].name
    assert set(doc) >= {"source", "document", "references", "tasks"}
    assert doc["document"]["number"] == "75" and doc["document"]["symbol"] == "KH-UBND"


def test_every_span_points_at_its_evidence():
    from parsers import parse_file

    for seed in SEEDS:
        doc = parse_file(seed)
        for task in doc.tasks:
            p = task.provenance
            evidence = doc.text[p.start:p.end]
            # prose: the span is the text; a table row: every cell of the text is in the row
            assert evidence.strip() == task.text or all(line in evidence for line in task.text.split("\n"))
            for unit in task.lead + task.support:
                assert doc.text[unit.provenance.start:unit.provenance.end] == unit.text
            for target in task.targets:
                assert doc.text[target.provenance.start:target.provenance.end] == target.text
        for ref in doc.references:
            assert ref.provenance.start < ref.provenance.end <= len(doc.text)


def test_query_is_read_only(runner, tmp_path):
    db = tmp_path / "v.duckdb"
    runner.invoke(main, ["ingest", str(SEEDS[0]), "--db", str(db), "-q"])
    result = runner.invoke(main, ["query", "--db", str(db), "DELETE FROM tasks"])
    assert result.exit_code != 0
    assert "read" in result.output.lower()


def test_schema_is_json_schema(runner):
    result = runner.invoke(main, ["schema"])
    schema = json.loads(result.output)
    assert "Task" in schema["$defs"]


def test_eval_agrees_with_the_reference_scorer(shared, tmp_path):
    runner = CliRunner()
    ours = runner.invoke(main, ["eval", "--gold", str(shared / "gold"), *map(str, SEEDS),
                                "--json", "--out", str(tmp_path)])
    assert ours.exit_code == 0, ours.output
    reference = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold",
                                str(shared / "gold"), "--pred", str(tmp_path), "--json"],
                               capture_output=True, text=True, check=True)
    assert json.loads(ours.output) == json.loads(reference.stdout)


def test_the_same_document_twice_in_one_batch_is_one_document_with_two_paths(tmp_path):
    from ingest import store
    from parsers import parse_file

    doc = parse_file(SEEDS[4])
    con = store.connect(tmp_path / "v.duckdb")
    try:
        assert store.write_documents(con, [(doc, "a/kh75.txt"), (doc, "b/kh75-copy.txt")]) == 1
        counts = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM document_paths), "
                             "(SELECT count(*) FROM tasks)").fetchone()
    finally:
        con.close()
    assert counts == (1, 2, len(doc.tasks))
