"""`jointops clients ...`: other agencies' systems as OAuth 2.0 machine clients (against the
running delivery service). A secret is printed once, when made; only its hash is kept."""
from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from services.bus.client import standalone
from services.common.actor import Actor
from services.common.config import ConfigError, load
from services.common.errors import DomainError
from services.runner import nameko_config

app = typer.Typer(no_args_is_help=True, help="Machine clients (OAuth 2.0 client credentials).")
console = Console(width=160)  # ids stay whole on one line
ACTOR = Actor.system("cli.clients")


def _call(operation: str, *args):
    try:
        with standalone(nameko_config(load(require_secret=False)), ACTOR, timeout=15) as c:
            return getattr(c.delivery, operation)(*args)
    except DomainError as exc:
        console.print(f"[red]{exc.code}: {exc.message}[/red]")
        raise typer.Exit(1) from None


def _secret(result: dict) -> None:
    client = result["client"]
    typer.echo(f"client id: {client['id']}")
    typer.echo(f"secret:    {result['secret']}")
    typer.echo("The secret is shown this once; only its hash is kept.")


@app.command()
def add(name: str = typer.Argument(..., help="Whose system, e.g. 'Municipal police'."),
        role: list[str] = typer.Option(["cross_agency"], help="Roles (default cross_agency)."),
        agency: str = typer.Option(None, help="CULTURE or TRANSPORT, if it acts for one."),
        rate: float = typer.Option(10.0, help="Requests a second (token bucket)."),
        burst: int = typer.Option(20, help="Requests at once."),
        trusted_only: bool = typer.Option(False, "--trusted-only",
                                          help="Run only documents of its manifest.")):
    """Add a client; prints its id and secret (once)."""
    _secret(_call("add_client", {"name": name, "roles": role, "agency": agency,
                                 "rate_per_second": rate, "burst": burst,
                                 "trusted_only": trusted_only}, None))


@app.command("list")
def list_():
    """Every client (never a secret)."""
    table = Table("client id", "name", "agency", "roles", "status", "rate/s", "burst",
                  "trusted only", "documents")
    for c in _call("list_clients"):
        table.add_row(c["id"], c["name"], c["agency"] or "—", ",".join(c["roles"]),
                      c["status"], f"{c['rate_per_second']:g}", str(c["burst"]),
                      "yes" if c["trusted_only"] else "no", str(c["documents"]))
    console.print(table)


@app.command()
def rotate(client_id: str):
    """A new secret; the old one stops working at once (tokens already issued expire)."""
    _secret(_call("rotate_client", client_id, None))


@app.command()
def revoke(client_id: str):
    """Revoke a client: its tokens are refused from now on."""
    _call("revoke_client", client_id, None)
    typer.echo(f"{client_id} revoked")


@app.command()
def documents(client_id: str,
              manifest: Path = typer.Argument(..., help="JSON: {\"sha256:<hex>\": query} or "
                                              "an Apollo persisted-query manifest.")):
    """Replace the client's trusted documents with a manifest's."""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{manifest}: {exc}") from None
    if isinstance(data, dict) and isinstance(data.get("operations"), list):
        data = {f"sha256:{op.get('id')}": op.get("body") for op in data["operations"]}
    result = _call("set_client_documents", client_id, data, None)
    typer.echo(f"{client_id}: {result['client']['documents']} trusted document(s)")
