"""`jointops demo load`: demo data at the scale of the annual report, idempotent.

Each context owns its demo data (`services/<context>/demo.py`, `load(rpc) -> str`); this
only calls them in dependency order (officers before teams, directories before draws).
"""
from __future__ import annotations

import importlib

import typer
from rich.console import Console
from rich.table import Table

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


@app.command("year")
def replay_year(year: int = typer.Option(2023, help="The calendar year to replay."),
                scale: float = typer.Option(1.0, help="1.0: the annual report's figures."),
                agency: str = typer.Option("CULTURE", help="Only CULTURE: the report's."),
                timeout: float = typer.Option(120, help="Per-call RPC timeout in seconds.")):
    """Replay a year through the running services (demo mode), then check annualFigures."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn)

    from services.demo import year as replay
    from services.demo.year_plan import plan_year

    if agency != "CULTURE" or not 0 < scale <= 10:
        raise typer.BadParameter("the report is the culture agency's; scale is in (0, 10]")
    plan = plan_year(year, scale)
    cfg = load_config(require_secret=False)
    with cluster(nameko_config(cfg), Actor.system("demo.year"), timeout) as rpc:
        try:
            replay.fit_to(plan, replay.figures(rpc, year, agency))
            run = replay.Replay(rpc, plan)
            run.check_demo_mode()
            steps = run.steps()
        except replay.ReplayRefused as exc:
            console.print(f"[red]{exc}[/red]")
            raise typer.Exit(1) from None
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn())
        with Progress(*columns, console=console) as progress:
            task = progress.add_task(f"{year}", total=len(steps))

            def advance(label, when):
                progress.update(task, advance=1, description=f"{when:%Y-%m-%d} {label[:40]}")
            try:
                run.run(advance)
            except Exception as exc:  # a refused step: say which, keep the figures so far
                console.print(f"[red]replay stopped: {type(exc).__name__}: {exc}[/red]")
                raise typer.Exit(1) from None
        got = replay.figures(rpc, year, agency)
    table = Table("figure", "planned", "recorded")
    wrong = [k for k, v in plan.figures.items() if got.get(k) != v]
    for key, want in plan.figures.items():
        table.add_row(key, str(want), f"[{'red' if key in wrong else 'green'}]{got.get(key)}")
    console.print(table)
    if wrong:
        console.print(f"[red]{len(wrong)} figure(s) differ from the plan[/red]")
        raise typer.Exit(1)
