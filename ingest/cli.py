"""The ``vanban`` command line: thin click commands over ``ingest.api``.

Data goes to stdout, progress and errors to stderr; library errors become
``click.ClickException`` with the file and the cause.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

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
@click.option("--retry-failed", is_flag=True, help="parse again files that failed in an earlier run")
@click.option("--workers", "-j", type=click.IntRange(min=1), help="worker processes  [default: one per core]")
@click.option("--timeout", type=click.FloatRange(min=0), default=300, show_default=True,
              help="seconds one file may take before its worker is stopped (0: no limit)")
@click.option("--max-memory", type=click.IntRange(min=64), metavar="MB",
              help="memory one worker may use; past it the file fails with out_of_memory")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: a process pool into --db; dask: a Dask cluster into Parquet files (--out)")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://HOST:8786 (--engine dask)")
@click.option("--out", metavar="DIR|URL", help="Parquet output folder the cluster can write (--engine dask)")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True,
              help="times Dask retries a chunk whose worker failed (--engine dask)")
@click.option("--quiet", "-q", is_flag=True, help="no progress bar and no summary, only errors")
@click.option("--strict", is_flag=True, help="exit non-zero if any file failed")
def ingest(paths: tuple[str, ...], db: str, force: bool, retry_failed: bool, workers: int | None,
           timeout: float, max_memory: int | None, engine: str, scheduler: str | None, out: str | None,
           retries: int, quiet: bool, strict: bool) -> None:
    """Parse files, folders, globs and zip archives into the database.

    Documents already stored (same bytes) are skipped, so running it again over
    next month's archive parses only the new and changed files; a run that was
    killed picks up where it stopped. Exit code 1 only when nothing could be
    ingested (or, with --strict, when any file failed)."""
    if engine == "dask":
        _ingest_dask(paths, out, scheduler, retries, force, quiet, strict)
        return
    with _ProgressBar(quiet) as bar:
        try:
            summary = api.ingest(paths, db, force=force, retry_failed=retry_failed, progress=bar.tick,
                                 workers=workers, timeout=timeout or None,
                                 memory_limit=max_memory * 2**20 if max_memory else None)
        except (VanbanError, FileNotFoundError) as e:
            raise click.ClickException(str(e)) from e
    _echo_failures(summary.failures)
    if not quiet:
        s = summary
        rate = f" ({s.parsed / s.seconds:.1f} documents/s, {s.workers} workers)" if s.parsed and s.seconds else ""
        failed = f"{s.failed} failed" + (f", {s.failed_before} failed before" if s.failed_before else "")
        dup = f"; {s.duplicates} duplicate copies" if s.duplicates else ""
        click.echo(f"{s.files} files: {s.new} new, {s.changed} changed, {s.unchanged} unchanged"
                   f"{f', {s.reprocessed} reparsed' if s.reprocessed else ''}, {failed}{dup}; "
                   f"{s.tasks} tasks extracted; {s.seconds:.1f} s{rate}", err=True)
        if s.failed or s.failed_before:
            click.echo(f"see 'vanban errors --db {db}' for every failure by cause", err=True)
    if summary.files == 0:
        raise click.ClickException("no documents found in " + ", ".join(paths))
    if (strict and (summary.failed or summary.failed_before)) or not summary.documents:
        sys.exit(1)


def _ingest_dask(paths: tuple[str, ...], out: str | None, scheduler: str | None, retries: int,
                 force: bool, quiet: bool, strict: bool) -> None:
    from ingest import distributed  # noqa: PLC0415 - needs the distributed extra

    if not out:
        raise click.UsageError("--engine dask writes Parquet files: give --out DIR (or a URL)")
    with _ProgressBar(quiet) as bar:
        try:
            summary = distributed.ingest(paths, out, scheduler=scheduler, retries=retries, force=force,
                                         progress=bar.tick)
        except (VanbanError, FileNotFoundError) as e:
            raise click.ClickException(str(e)) from e
    _echo_failures(summary.failures)
    for lost in summary.lost:
        click.echo(f"error: chunk {lost.chunk} ({len(lost.files)} files, first {lost.files[0]}) was lost: "
                   f"{lost.cause} [chunk_lost]", err=True)
    if not quiet:
        click.echo(f"{summary.chunks} chunks: {summary.written} written, {summary.skipped} already done, "
                   f"{len(summary.lost)} lost; {summary.documents} documents, {summary.failed} failed; "
                   f"{summary.tasks} tasks extracted; {summary.seconds:.1f} s", err=True)
        if summary.lost:
            click.echo("run the same command again to fill the lost chunks", err=True)
        click.echo(f"load into DuckDB with: vanban load {out} --db {DEFAULT_DB}", err=True)
    if summary.chunks == 0:
        raise click.ClickException("no documents found in " + ", ".join(paths))
    if (strict and (summary.failed or summary.lost)) or (summary.chunks and not summary.documents
                                                          and not summary.skipped):
        sys.exit(1)


#: Failure lines printed after a run; the rest are in ``vanban errors``.
MAX_FAILURE_LINES = 50


def _echo_failures(failures: list[api.Failure]) -> None:
    for failure in failures[:MAX_FAILURE_LINES]:
        click.echo(f"error: {failure.message} [{failure.code}]", err=True)
    if len(failures) > MAX_FAILURE_LINES:
        click.echo(f"... and {len(failures) - MAX_FAILURE_LINES} more failures", err=True)


class _ProgressBar:
    """A rich progress bar on stderr: one row for reading and hashing, one for
    parsing, each with files/s and the time left."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tasks: dict[str, Any] = {}
        self.bar: Any = None

    def __enter__(self) -> _ProgressBar:
        if self.quiet:
            return self
        from rich.console import Console  # noqa: PLC0415
        from rich.progress import (  # noqa: PLC0415
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(TextColumn("{task.description:<7}"), BarColumn(bar_width=24), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]:>6} files/s"), TextColumn("ETA"),
                            TimeRemainingColumn(elapsed_when_finished=True),
                            console=Console(stderr=True), speed_estimate_period=20)
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def tick(self, tick: Any) -> None:
        if self.bar is None:
            return
        task = self.tasks.get(tick.stage)
        if task is None:
            label = {"scan": "reading", "parse": "parsing"}.get(tick.stage, tick.stage)
            task = self.tasks[tick.stage] = self.bar.add_task(label, total=tick.total, rate="")
        speed = self.bar.tasks[task].speed
        self.bar.update(task, completed=tick.done, total=tick.total, rate=f"{speed:.1f}" if speed else "")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--code", help="only this cause, e.g. corrupt_file, timeout, worker_crashed")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True)
def errors(db: str, code: str | None, fmt: str) -> None:
    """List the files that failed, grouped by cause (most common first)."""
    if not Path(db).exists():
        raise click.ClickException(f"{db}: no such database (run 'vanban ingest' first)")
    try:
        groups = api.errors(db)
    except VanbanError as e:
        raise click.ClickException(str(e)) from e
    groups = [g for g in groups if code is None or g["code"] == code]
    if fmt == "json":
        click.echo(json.dumps(groups, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["code", "path", "message", "sha256", "logged_at"])
        for g in groups:
            writer.writerows([g["code"], f["path"], f["message"], f["sha256"], f["logged_at"]] for f in g["files"])
    else:
        if not groups:
            click.echo("no failures recorded", err=True)
        for g in groups:
            click.echo(f"{g['code']} ({g['count']} files)")
            for f in g["files"]:
                click.echo(f"  {f['message']}")


@main.command()
@click.argument("parquet_dir")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB database to merge into")
def load(parquet_dir: str, db: str) -> None:
    """Merge the Parquet files of 'vanban ingest --engine dask' into the database, in
    one transaction; documents already there are replaced by the Parquet version."""
    from ingest import distributed  # noqa: PLC0415

    try:
        summary = distributed.load(parquet_dir, db)
    except (VanbanError, FileNotFoundError) as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"{summary.documents} documents ({summary.chunks} chunks) merged into {db}: "
               + ", ".join(f"{n} {t}" for t, n in summary.rows.items()) + f"; {summary.seconds:.1f} s", err=True)


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


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl", "csv", "xlsx"]), required=True,
              help="parquet/jsonl/csv: one file per table and view; xlsx: the 'Bảng phân công nhiệm vụ' sheet")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB database to export")
@click.option("--out", help="folder (parquet, jsonl, csv; default export/) or .xlsx file "
                            "(default bang_phan_cong_nhiem_vu.xlsx)")
def export_(fmt: str, db: str, out: str | None) -> None:
    """Export the database for other tools (Parquet, JSONL, CSV) or for officials (XLSX)."""
    from ingest import export  # noqa: PLC0415

    target = out or ("bang_phan_cong_nhiem_vu.xlsx" if fmt == "xlsx" else "export")
    try:
        summary = export.export(db, target, fmt)
    except (VanbanError, FileNotFoundError) as e:
        raise click.ClickException(str(e)) from e
    for path in summary.files:
        click.echo(str(path))
    total = sum(summary.rows.values())
    click.echo(f"{len(summary.files)} file(s), {total} rows ({fmt})", err=True)
