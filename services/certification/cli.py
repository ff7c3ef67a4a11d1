"""`jointops officers ...`: roster tasks against the running certification service."""
from __future__ import annotations

import csv
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from services.bus.client import cluster
from services.certification.csvrows import check_header, parse_row
from services.common.actor import Actor
from services.common.config import load
from services.common.errors import DomainError
from services.runner import nameko_config

app = typer.Typer(no_args_is_help=True, help="The officer roster (certification).")
console = Console()
ALREADY = "DUPLICATE_ID_NUMBER"


@app.callback()
def _group() -> None:
    """Keep `import` a named sub-command."""


def import_rows(certification, rows, progress=None, task=None) -> list[tuple]:
    """Import each (line, raw row); returns (line, code, message, field) per row refused.
    Each row is one service call and one transaction: a refused row leaves nothing."""
    report = []
    for line, raw in rows:
        try:
            reply = certification.import_officer(parse_row(raw), None)
            if "error" in reply:
                err = reply["error"]
                report.append((line, err["code"], err["message"], err.get("field")))
        except DomainError as exc:  # refused before it was sent (unreadable cell)
            report.append((line, exc.code, exc.message, exc.field))
        if progress is not None:
            progress.advance(task)
    return report


def _read(path: Path) -> list[tuple[int, dict]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            check_header(reader.fieldnames)
            return [(reader.line_num, row) for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        console.print(f"[red]cannot read {path}: {exc}[/red]")
        raise typer.Exit(2)
    except DomainError as exc:
        console.print(f"[red]{path}: {exc.message}[/red]")
        raise typer.Exit(2)


@app.command("import")
def import_roster(path: Path = typer.Argument(..., help="CSV file with a header row."),
                  timeout: float = typer.Option(30, help="Per-row RPC timeout in seconds.")):
    """Import an officer roster: bad rows are reported and skipped, never half-imported."""
    rows = _read(path)
    columns = [TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with cluster(nameko_config(load(require_secret=False)), Actor.system("cli"), timeout) as rpc, \
            Progress(*columns, console=console) as progress:
        report = import_rows(rpc.certification, rows, progress, progress.add_task("", total=len(rows)))
    already = [r for r in report if r[1] == ALREADY]
    refused = [r for r in report if r[1] != ALREADY]
    if refused:
        table = Table("line", "code", "field", "message", title="rows skipped")
        for line, code, message, field in refused:
            table.add_row(str(line), code, ".".join(field or ()), message)
        console.print(table)
    imported = len(rows) - len(report)
    console.print(f"{imported} imported, {len(already)} already on the roster, "
                  f"{len(refused)} refused")
    if refused:
        raise typer.Exit(1)
