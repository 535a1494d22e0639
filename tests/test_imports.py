"""The dependency contract: schemas ← parsers ← ingest, one way; our `schemas` is the
one imported (PyPI has an unrelated package of that name)."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT


def _imports(package: str) -> set[str]:
    names: set[str] = set()
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return names


def test_our_schemas_package_is_imported():
    import schemas

    assert Path(schemas.__file__).resolve().parent == ROOT / "schemas"
    assert hasattr(schemas, "ParsedDocument")


def test_schemas_imports_nothing_of_ours():
    assert not _imports("schemas") & {"parsers", "ingest"}


def test_parsers_never_touch_the_store_or_the_cli():
    assert not _imports("parsers") & {"ingest", "duckdb", "click"}


def test_only_one_module_imports_underthesea_and_spacy():
    users = [p for p in (ROOT / "parsers").rglob("*.py")
             if {"underthesea", "spacy"} & _imports_of(p)]
    assert [p.name for p in users] == ["nlp.py"]


def _imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module.split(".")[0])
    return out


def test_each_third_party_reader_enters_through_one_adapter():
    """Only parsers/formats/docx.py parses Word XML; only pdf.py opens PDFs."""
    for library, adapter in (("pypdfium2", "pdf.py"), ("pdfplumber", "pdf.py")):
        users = [p.name for p in (ROOT / "parsers").rglob("*.py") if library in _imports_of(p)]
        assert users == [adapter], (library, users)
