"""The analyst views of migration 002: each answers on an empty database and on the
demo database (corpus/seeds, corpus/own, corpus/linked), with the answers the
documents give; the README's analyst queries run as printed."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from ingest import api, store
from ingest.cli import main

from conftest import CORPUS, ROOT

VIEWS = ("who_owns_what", "tasks_due", "unit_workload", "criteria_coverage", "task_criteria",
         "document_index", "document_links", "plan_lineage")

#: who_owns_what keeps the columns of migration 001, in their order, before its new ones.
WHO_OWNS_WHAT_001 = ["unit", "role", "task_label", "task", "deadline", "deadline_start", "deadline_end",
                     "document", "source", "task_id", "document_id"]




def _rows(db, sql) -> list[dict]:
    cols, rows = api.query(sql, db)
    return [dict(zip(cols, r, strict=True)) for r in rows]


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_answers_on_an_empty_database(empty_db, view):
    cols, rows = api.query(f"SELECT * FROM {view}", empty_db)
    assert cols
    assert rows == [] or view == "criteria_coverage"


def test_criteria_coverage_on_an_empty_database_lists_the_catalog_unowned(empty_db):
    rows = _rows(empty_db, "SELECT code, tasks, has_owner FROM criteria_coverage")
    assert len(rows) == 134 and not any(r["has_owner"] or r["tasks"] for r in rows)


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_answers_on_the_demo_database(demo_db, view):
    cols, rows = api.query(f"SELECT * FROM {view}", demo_db)
    assert cols and rows


def test_who_owns_what_keeps_its_columns_and_adds_the_canonical_unit(demo_db):
    cols, _ = api.query("SELECT * FROM who_owns_what LIMIT 0", demo_db)
    assert cols[:len(WHO_OWNS_WHAT_001)] == WHO_OWNS_WHAT_001
    assert {"canonical", "unit_type", "unit_kind", "locality", "collective"} <= set(cols)
    rows = _rows(demo_db, "SELECT unit, canonical FROM who_owns_what WHERE canonical LIKE '%Lộc Bình%' "
                          "AND unit_type = 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân'")
    assert {r["canonical"] for r in rows} == {"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Lộc Bình"}
    assert {r["unit"] for r in rows} == {"Văn phòng HĐND và UBND huyện", "VP HĐND&UBND huyện",
                                         "Văn phòng HĐND&UBND huyện"}


def test_tasks_due_by_interval(demo_db):
    rows = _rows(demo_db, "SELECT document, task_label, deadline, due, lead "
                          "FROM tasks_due_between('2024-04-01', '2024-06-30') ORDER BY due, document")
    assert rows
    assert all("2024-04-01" <= str(r["due"]) <= "2024-06-30" for r in rows)
    q2 = [r for r in rows if r["document"] == "KH 21/KH-UBND"]
    assert [(r["deadline"], str(r["due"])) for r in q2] == [
        ("trước ngày 20/4/2024", "2024-04-20"), ("Quý II/2024", "2024-06-30"), ("trước ngày 30/6/2024", "2024-06-30")]
    assert all(r["lead"] == "Công chức Văn phòng - Thống kê xã Tú Đoạn" for r in q2)
    # a partial date covers its period: "Quý I/2024" starts 2024-01-01, ends 2024-03-31
    (row,) = _rows(demo_db, "SELECT due_start, due_end FROM tasks_due WHERE deadline = 'Quý I/2024' "
                            "AND document = 'KH 18/KH-UBND'")
    assert (str(row["due_start"]), str(row["due_end"])) == ("2024-01-01", "2024-03-31")


def test_unit_workload_counts_leads_and_supports_per_canonical_unit_and_year(demo_db):
    (row,) = _rows(demo_db, "SELECT * FROM unit_workload WHERE canonical = "
                            "'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Lộc Bình' AND year = 2024")
    expected = _rows(demo_db, """
        SELECT count(DISTINCT task_id) FILTER (WHERE role = 'lead') AS lead,
               count(DISTINCT task_id) FILTER (WHERE role = 'support') AS support,
               count(DISTINCT w.document_id) AS documents
        FROM who_owns_what w LEFT JOIN tasks_due USING (task_id)
        WHERE canonical = 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Lộc Bình'
          AND coalesce(year(due), 2024) = 2024""")[0]
    assert (row["lead_tasks"], row["support_tasks"], row["documents"]) == (
        expected["lead"], expected["support"], expected["documents"])
    assert row["documents"] == 4 and row["unit_kind"] == "văn phòng" and not row["collective"]
    assert set(row["printed_as"].split(" | ")) == {"Văn phòng HĐND và UBND huyện", "VP HĐND&UBND huyện",
                                                    "Văn phòng HĐND&UBND huyện"}


def test_criteria_coverage(demo_db):
    rows = {r["code"]: r for r in _rows(demo_db, "SELECT * FROM criteria_coverage")}
    assert len(rows) == 134
    assert rows["1.3.1"]["has_owner"] and "Phòng Nội vụ huyện Lộc Bình" in rows["1.3.1"]["leads"]
    # a criterion counts the tasks citing it or one of its sub-criteria
    assert rows["1.3"]["tasks"] >= rows["1.3.1"]["tasks"] + 1
    assert not rows["2.2"]["has_owner"] and rows["2.2"]["tasks"] == 0


def test_task_criteria_flags_codes(demo_db):
    rows = _rows(demo_db, "SELECT code, in_catalog, field_mismatch, criteria_field FROM task_criteria "
                          "WHERE code IN ('5.4.3.4', '4.2', '1.4.2', '7.4.6')")
    got = {(r["code"], r["in_catalog"], r["field_mismatch"], r["criteria_field"]) for r in rows}
    assert ("5.4.3.4", False, True, "4") in got and ("7.4.6", True, False, "7") in got
    assert ("1.4.2", False, False, "1") in got


def test_references_link_to_ingested_documents(demo_db):
    links = _rows(demo_db, "SELECT from_document, code, to_document, match FROM document_links ORDER BY ALL")
    assert links == [
        {"from_document": "KH 09/KH-UBND", "code": "18/KH-UBND", "to_document": "KH 18/KH-UBND",
         "match": "code+date+issuer"},
        {"from_document": "KH 21/KH-UBND", "code": "09/KH-UBND", "to_document": "KH 09/KH-UBND",
         "match": "code+date+issuer"},
    ]


def test_a_same_numbered_plan_of_another_district_is_not_linked(demo_db):
    """own06 (quận Ninh Kiều) cites its own 18/KH-UBND of 22/01/2024, the number and
    date of corpus/linked's plan of huyện Lộc Bình."""
    rows = _rows(demo_db, "SELECT r.code, r.date FROM doc_references r JOIN documents d ON d.id = r.document_id "
                          "WHERE d.source LIKE 'own06%' AND r.code = '18/KH-UBND'")
    assert rows == [{"code": "18/KH-UBND", "date": "2024-01-22"}]
    assert _rows(demo_db, "SELECT * FROM document_links WHERE from_document LIKE 'BC 215%'") == []


def test_plan_lineage_walks_up_the_plans_a_plan_implements(demo_db):
    rows = _rows(demo_db, "SELECT document, depth, ancestor FROM plan_lineage "
                          "WHERE document = 'KH 21/KH-UBND' ORDER BY depth")
    assert rows == [{"document": "KH 21/KH-UBND", "depth": 1, "ancestor": "KH 09/KH-UBND"},
                    {"document": "KH 21/KH-UBND", "depth": 2, "ancestor": "KH 18/KH-UBND"}]


def test_document_index(demo_db):
    rows = {r["source"]: r for r in _rows(demo_db, "SELECT * FROM document_index")}
    assert len(rows) == 5 + 14 + 3
    lk02 = rows["lk02_langson_tudoan_KH09_2024.txt"]
    assert (lk02["links_to"], lk02["linked_from"], lk02["tasks"]) == ("KH 18/KH-UBND", "KH 21/KH-UBND", 4)


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_vanban_query_renders_a_view(demo_db, fmt):
    result = CliRunner().invoke(main, ["query", "--db", str(demo_db), "--format", fmt,
                                       "SELECT document, depth, ancestor FROM plan_lineage ORDER BY ALL"])
    assert result.exit_code == 0, result.output
    assert "KH 18/KH-UBND" in result.output
    if fmt == "json":
        assert json.loads(result.output.splitlines()[0])["depth"] == 1


def _readme_sql() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## For analysts", 1)[1] if "## For analysts" in text else ""
    return [m.group(1).strip() for m in re.finditer(r'vanban query [^"\n]*"([^"]+)"', section)]


def test_the_readme_shows_every_view():
    sql = " ".join(_readme_sql())
    for view in VIEWS:
        assert view in sql, view


@pytest.mark.parametrize("sql", _readme_sql())
def test_the_readme_queries_run(demo_db, sql):
    cols, rows = api.query(sql, demo_db)
    assert cols and rows


def test_a_database_written_before_migration_002_upgrades(tmp_path):
    """Rows written under migration 001 keep working: the new columns are NULL and the
    views fall back to the printed unit."""
    import duckdb

    from parsers import parse_file

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    try:
        con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                    "applied_at TIMESTAMP DEFAULT current_timestamp)")
        version, sql = store.migrations()[0]
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations (version) VALUES (?)", [version])
        doc = parse_file(next((CORPUS / "seeds").glob("002_*.txt")))
        store.write_documents(con, [(doc, "002.txt")])
    finally:
        con.close()
    store.connect(db).close()                                       # migrates to 002
    rows = _rows(db, "SELECT unit, canonical FROM who_owns_what WHERE unit = 'Phòng Nội vụ' LIMIT 1")
    assert rows == [{"unit": "Phòng Nội vụ", "canonical": "Phòng Nội vụ"}]
    for view in VIEWS:
        api.query(f"SELECT * FROM {view}", db)
