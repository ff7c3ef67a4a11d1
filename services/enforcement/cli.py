"""`jointops directory ...`: import an agency's directory from CSV, verify a case record.

Both talk to the running culture/transport service over RPC, so an import goes through
the same checks, merging and events as any other registration.
"""
from __future__ import annotations

import csv
from contextlib import contextmanager
from pathlib import Path

import typer
from nameko.exceptions import UnknownService
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from services.bus.client import cluster
from services.bus.rpc import unwrap
from services.common.actor import Actor
from services.common.config import ConfigError, load
from services.common.errors import DomainError
from services.enforcement.ids import PREFIXES, agency_of

app = typer.Typer(no_args_is_help=True, help="Enforcement directories and case records.")
case_app = typer.Typer(no_args_is_help=True, help="Case records.")
app.add_typer(case_app, name="case")
console = Console()
CLI_ACTOR = {"sub": "cli-import", "roles": ["enforcement_officer"], "agency": None}


@contextmanager
def _services():
    from services.runner import nameko_config

    try:
        with cluster(nameko_config(load(require_secret=False)), Actor.system("cli"), 60) as rpc:
            yield rpc
    except UnknownService as exc:
        raise ConfigError(f"the {exc} service is not running (start it with "
                          f"`jointops serve {exc}`)") from None


def read_rows(path: Path) -> list[dict]:
    """CSV rows with the line each ends on (the header is line 1); BOMs are dropped."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return [{**row, "line": reader.line_num} for row in reader]


def _errors_table(errors) -> Table:
    table = Table("line", "field", "code", "message", title="rows not imported")
    for e in errors:
        table.add_row(str(e["line"]), e["field"] or "", e["code"], e["message"])
    return table


@app.command("import")
def import_directory(
        file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True,
                                    help="CSV with registration_no, category, name, ..."),
        agency: str = typer.Option(..., help="CULTURE or TRANSPORT"),
        batch: int = typer.Option(200, min=1, max=500, help="Rows per request.")):
    """Import a directory: duplicates (same registration number) are merged, not doubled;
    each rejected row is listed with its line and reason."""
    if agency not in PREFIXES:
        raise ConfigError(f"--agency must be one of {sorted(PREFIXES)}")
    rows = read_rows(file)
    totals, errors = {"created": 0, "merged": 0, "unchanged": 0}, []
    with _services() as rpc, Progress(TextColumn("[bold]{task.description}"), BarColumn(),
                                      MofNCompleteColumn(), console=console) as progress:
        service, task = getattr(rpc, agency.lower()), progress.add_task(
            f"importing {file.name}", total=len(rows))
        for start in range(0, len(rows), batch):
            chunk = rows[start:start + batch]
            result = unwrap(service.import_entities(chunk, {**CLI_ACTOR, "agency": agency}))
            for key in totals:
                totals[key] += result[key]
            errors += result["errors"]
            progress.advance(task, len(chunk))
    console.print(f"{len(rows)} rows: {totals['created']} created, {totals['merged']} merged, "
                  f"{totals['unchanged']} unchanged, {len(errors)} rejected")
    if errors:
        console.print(_errors_table(errors))
        raise typer.Exit(1)


@case_app.command("verify")
def verify_case(case_id: str = typer.Argument(..., help="A case (or inspection) id.")):
    """Check a case's full-process record: intact, or the first entry that is not."""
    agency = agency_of(case_id)
    if agency is None:
        raise ConfigError(f"{case_id!r} is not a case id (CUL-C-... or TRA-C-...)")
    with _services() as rpc:
        try:
            check = unwrap(getattr(rpc, agency.lower()).verify_record(case_id))
        except DomainError as exc:
            console.print(f"[red]{exc.code}[/red]: {exc.message}")
            raise typer.Exit(2) from None
    if check["intact"]:
        console.print(f"[green]intact[/green]: {check['entries']} entries, head "
                      f"{check['head']}")
        return
    console.print(f"[red]BROKEN[/red] at entry {check['index']}: {check['reason']} "
                  f"({check['entries']} entries)")
    raise typer.Exit(1)

