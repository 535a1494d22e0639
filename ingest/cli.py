"""The ``vanban`` command line: thin click commands over ``ingest.api``.

Data goes to stdout, progress and errors to stderr; library errors become
``click.ClickException`` with the file and the cause.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from ingest import api, scoring
from parsers.errors import VanbanError

DEFAULT_DB = "vanban.duckdb"


@click.group()
@click.version_option(package_name="vanban")
def main() -> None:
    """vanban: Vietnamese administrative documents → who owns what, by when."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB database file")
@click.option("--force", is_flag=True, help="re-parse documents already in the database")
@click.option("--quiet", "-q", is_flag=True, help="no progress, only errors")
@click.option("--strict", is_flag=True, help="exit non-zero if any file failed")
def ingest(paths: tuple[str, ...], db: str, force: bool, quiet: bool, strict: bool) -> None:
    """Parse files and folders into the database."""

    def progress(path: str, done: int, total: int) -> None:
        if not quiet:
            click.echo(f"\r[{done}/{total}] {Path(path).name[:60]:<60}", nl=False, err=True)

    try:
        summary = api.ingest(paths, db, force=force, progress=progress)
    except (VanbanError, FileNotFoundError) as e:
        raise click.ClickException(str(e)) from e
    if not quiet:
        click.echo("", err=True)
    for failure in summary.failures:
        click.echo(f"error: {failure.message} [{failure.code}]", err=True)
    click.echo(f"{summary.new} new, {summary.changed} changed, {summary.unchanged} unchanged, "
               f"{summary.failed} failed; {summary.tasks} tasks; {summary.seconds:.1f} s", err=True)
    if (strict and summary.failed) or (summary.failed and not summary.documents):
        sys.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
@click.option("--out", type=click.Path(file_okay=False), help="write DIR/<stem>.json instead of stdout")
def extract(files: tuple[str, ...], fmt: str, out: str | None) -> None:
    """Extract records in the eval/GOLD.md JSON shape."""
    failed = 0
    try:
        paths = list(api.discover(files))
    except FileNotFoundError as e:
        raise click.ClickException(str(e)) from e
    for result in api.extract(paths):
        if isinstance(result, api.Failure):
            failed += 1
            click.echo(f"error: {result.message} [{result.code}]", err=True)
            continue
        if out:
            folder = Path(out)
            folder.mkdir(parents=True, exist_ok=True)
            if fmt == "json":
                api.write_json(result, folder)
            else:
                with (folder / "extract.jsonl").open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps(result.to_gold(), ensure_ascii=False) + "\n")
        else:
            indent = 1 if fmt == "json" else None
            click.echo(json.dumps(result.to_gold(), ensure_ascii=False, indent=indent))
    if failed and failed == len(paths):
        sys.exit(1)


@main.command()
@click.argument("sql")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(sql: str, db: str, fmt: str) -> None:
    """Run read-only SQL against the database."""
    if not Path(db).exists():
        raise click.ClickException(f"{db}: no such database (run 'vanban ingest' first)")
    try:
        cols, rows = api.query(sql, db)
    except VanbanError as e:
        raise click.ClickException(str(e)) from e
    except Exception as e:  # duckdb's own errors: say them plainly
        raise click.ClickException(f"{type(e).__name__}: {e}") from e
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(cols)
        writer.writerows(rows)
    elif fmt == "json":
        for row in rows:
            click.echo(json.dumps(dict(zip(cols, row, strict=True)), ensure_ascii=False, default=str))
    else:
        _table(cols, rows)


def _table(cols: list[str], rows: list[tuple]) -> None:
    from rich.console import Console  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    table = Table(*cols, show_lines=False)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console().print(table)


@main.command("eval")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False))
@click.argument("files", nargs=-1, required=True)
@click.option("--docs", is_flag=True, help="also print one row per document")
@click.option("--json", "as_json", is_flag=True, help="print the summary as JSON")
@click.option("--out", type=click.Path(file_okay=False), help="keep the predictions in DIR")
def eval_(gold: str, files: tuple[str, ...], docs: bool, as_json: bool, out: str | None) -> None:
    """Score extraction against gold answers (same figures as eval/score.py)."""
    summary, per_doc = api.evaluate(gold, api.discover(files), out)
    if as_json:
        click.echo(json.dumps({"summary": summary, "documents": per_doc}, ensure_ascii=False))
    else:
        click.echo(scoring.render(summary, per_doc, docs))


@main.command()
def schema() -> None:
    """Print the JSON Schema of a parsed document."""
    from schemas import json_schema  # noqa: PLC0415

    click.echo(json_schema())
