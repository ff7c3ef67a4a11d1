"""`jointops draw ...`: offline tools for published draws."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from services.draws.domain.verify import verify_document

app = typer.Typer(help="Random draws of entities and inspectors.", no_args_is_help=True)


@app.callback()
def _group() -> None:
    """Keep `verify` a named sub-command even while it is the only one."""


@app.command()
def verify(path: Path = typer.Argument(..., help="published-draw JSON file")) -> None:
    """Re-run a published draw; print OK or every difference (exit 1)."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        typer.echo(f"cannot read {path}: {exc}", err=True)
        raise typer.Exit(1)
    diffs = verify_document(doc)
    if not diffs:
        typer.echo("OK")
        return
    for line in diffs:
        typer.echo(f"DIFFERS {line}")
    raise typer.Exit(1)
