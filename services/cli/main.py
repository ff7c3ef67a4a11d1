"""`jointops`: every command-line task of the project."""
from __future__ import annotations

import services.common.runtime  # noqa: F401  (eventlet patches before pymongo loads)

import importlib
import sys

import typer
from rich.console import Console
from rich.table import Table

from services.common.config import ConfigError, load

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="jointops: joint enforcement operations, certification, accountability.")
dead_letters = typer.Typer(no_args_is_help=True, help="Inspect and replay dead letters.")
app.add_typer(dead_letters, name="dead-letters")
console = Console()


@app.command()
def token(role: list[str] = typer.Option(..., help="One or more roles."),
          agency: str = typer.Option(None, help="CULTURE or TRANSPORT"),
          sub: str = typer.Option("dev-user", help="Subject (user id)."),
          ttl: int = typer.Option(8 * 3600, help="Lifetime in seconds."),
          body: str = typer.Option(None, help="Enforcement body id (needs --agency).")):
    """Mint a bearer token signed with JOINTOPS_JWT_SECRET."""
    from gateway.auth import AGENCIES, ROLES, mint

    bad = [r for r in role if r not in ROLES]
    if bad or (agency and agency not in AGENCIES):
        raise ConfigError(f"unknown role {bad} (use {ROLES}) or agency (use {AGENCIES})")
    typer.echo(mint(load().jwt_secret, sub, role, agency, ttl, body=body))


@app.command()
def serve(name: str = typer.Argument(..., help="A service name, or 'gateway'.")):
    """Run one service (or the gateway) in this process until SIGTERM/Ctrl-C."""
    from services import registry, runner

    if name != "gateway" and name not in registry.SERVICES:
        raise ConfigError(f"unknown service {name!r}; one of {sorted(registry.SERVICES)}")
    runner.serve(name, load())


@app.command()
def topology():
    """Declare the shared broker topology (exchanges, retry and dead-letter queues)."""
    from services.runner import declare_topology

    for name in declare_topology(load(require_secret=False)):
        typer.echo(f"declared {name}")


@app.command()
def up(replicas: int = typer.Option(1, min=1, max=8, help="Processes of every service, "
                                    "and gateways on ports 8000, 8001, ...")):
    """What `make run` does: start the whole stack, load demo data, stop on Ctrl-C."""
    from services.cli import dev

    raise typer.Exit(dev.up(replicas))


@app.command()
def alive(name: str = typer.Argument(..., help="A service name, or 'gateway'."),
          max_age: float = typer.Option(30.0, help="Seconds.")):
    """Exit 0 if this machine's process `name` beat within max_age seconds (liveness:
    asks nothing of the broker or the database)."""
    import time

    from services.runner import heartbeat_file

    try:
        age = time.time() - heartbeat_file(name).stat().st_mtime
    except FileNotFoundError:
        typer.echo(f"{name}: no heartbeat (not started here)", err=True)
        raise typer.Exit(1) from None
    if age > max_age:
        typer.echo(f"{name}: last heartbeat {age:.0f} s ago", err=True)
        raise typer.Exit(1)
    typer.echo(f"{name}: alive ({age:.0f} s)")


@app.command()
def ping(name: str = typer.Argument(..., help="A service name."),
         timeout: float = typer.Option(5.0)):
    """Exit 0 if the service answers an RPC ping in time (container healthchecks)."""
    from nameko.standalone.rpc import ClusterRpcProxy

    from services.runner import nameko_config

    try:
        with ClusterRpcProxy(nameko_config(load(require_secret=False)), timeout=timeout) as rpc:
            reply = getattr(rpc, name).ping()
    except Exception as exc:  # a probe: report in one line, never a traceback
        typer.echo(f"{name}: not answering ({type(exc).__name__})", err=True)
        raise typer.Exit(1) from None
    typer.echo(reply)
    if not reply.get("database"):
        raise typer.Exit(1)


@dead_letters.command("list")
def dead_letters_list(limit: int = typer.Option(100)):
    """List dead letters (they stay in the queue)."""
    from services.bus.deadletters import list_dead_letters

    letters = list_dead_letters(load(require_secret=False).amqp_uri, limit)
    table = Table("message id", "handler queue", "attempts", "failed at", "reason")
    for d in letters:
        table.add_row(str(d.message_id), d.queue, str(d.attempts), d.failed_at, d.reason)
    console.print(table)
    console.print(f"{len(letters)} dead letter(s)")


@dead_letters.command("replay")
def dead_letters_replay(ids: list[str] = typer.Argument(None, help="Message ids to replay."),
                        all_: bool = typer.Option(False, "--all", help="Replay every one.")):
    """Send chosen dead letters back to the queue of the handler that failed them."""
    from services.bus.deadletters import replay

    if not ids and not all_:
        raise ConfigError("name message ids to replay, or pass --all")
    done = replay(load(require_secret=False).amqp_uri, None if all_ else set(ids))
    for d in done:
        typer.echo(f"replayed {d.message_id} -> {d.queue}")
    typer.echo(f"{len(done)} replayed")


def _mount_context_clis():
    """Contexts that have a `cli.py` with `app` get a sub-command of their name."""
    for context, command in [("draws", "draw"), ("certification", "officers"),
                             ("enforcement", "directory"), ("demo", "demo"),
                             ("delivery", "clients")]:
        try:
            module = importlib.import_module(f"services.{context}.cli")
        except ModuleNotFoundError as exc:
            if exc.name != f"services.{context}.cli" and exc.name != f"services.{context}":
                raise
            continue
        app.add_typer(module.app, name=command)


_mount_context_clis()
app.add_typer(importlib.import_module("services.cli.credential_keys").app, name="credential-keys")


def main():
    try:
        app(standalone_mode=False)
    except ConfigError as exc:
        typer.echo(f"jointops: {exc}", err=True)
        sys.exit(2)
    except (typer.Exit, SystemExit) as exc:
        sys.exit(getattr(exc, "exit_code", getattr(exc, "code", 0)))
    except Exception as exc:  # click usage errors and the like
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            sys.exit(130)
        raise
