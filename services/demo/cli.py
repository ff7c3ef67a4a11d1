"""`jointops demo load`: demo data at the scale of the annual report, idempotent.

Each context owns its demo data (`services/<context>/demo.py`, `load(rpc) -> str`); this
only calls them in dependency order (officers before teams, directories before draws).
"""
from __future__ import annotations

import importlib

import typer
from rich.console import Console

from services.bus.client import cluster
from services.common.actor import Actor
from services.common.config import load as load_config
from services.runner import nameko_config

app = typer.Typer(no_args_is_help=True, help="Demo data.")
ORDER = ["certification", "enforcement", "accountability", "operations", "draws"]
console = Console()


def contexts():
    for name in ORDER:
        try:
            yield name, importlib.import_module(f"services.{name}.demo")
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith(f"services.{name}"):
                raise


@app.command("load")
def load_demo(timeout: float = typer.Option(60, help="Per-call RPC timeout in seconds.")):
    """Load (or top up) the demo data through the running services."""
    cfg = load_config(require_secret=False)
    failed = []
    with cluster(nameko_config(cfg), Actor.system("demo"), timeout) as rpc:
        for name, module in contexts():
            try:
                console.print(f"demo {name}: {module.load(rpc)}")
            except Exception as exc:  # one context's demo must not hide the others'
                failed.append(name)
                console.print(f"[red]demo {name} failed: {type(exc).__name__}: {exc}[/red]")
    if failed:
        raise typer.Exit(1)
