"""`jointops credential-keys`: the officer-credential key set file every gateway and
certification replica reads (JOINTOPS_CREDENTIAL_KEYS_FILE). Rotation keeps the old key
as `retired` (credentials it signed verify until they expire); a compromised key is
marked so and leaves the published JWKS (whatever it signed fails). Replicas read the
file at start: restart them after a change."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import typer

from services.common import credential_keys
from services.common.config import ConfigError

app = typer.Typer(no_args_is_help=True, help="Officer-credential signing keys.")


def new_kid() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("k%Y%m%d%H%M%S") + os.urandom(2).hex()


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        credential_keys.CredentialKeys(data)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return data


def _write(path: Path, data: dict) -> None:
    credential_keys.CredentialKeys(data)  # never write an unusable set
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    tmp.chmod(0o600)  # private keys
    tmp.replace(path)


def ensure(path: Path) -> bool:
    """Create a key set with one active key unless the file exists; True if created."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    _write(path, {"keys": [credential_keys.generate(new_kid())]})
    return True


@app.command()
def generate(path: Path = typer.Argument(..., help="Key set file to create.")):
    """Create a key set with one active key (refuses to overwrite)."""
    if not ensure(path):
        raise ConfigError(f"{path} exists; use `rotate`")
    typer.echo(f"created {path}")


@app.command()
def rotate(path: Path = typer.Argument(..., help="Key set file.")):
    """A new active key; the current one is kept as retired."""
    data = _read(path)
    for key in data["keys"]:
        if key["status"] == "active":
            key["status"] = "retired"
    data["keys"].append(credential_keys.generate(new_kid()))
    _write(path, data)
    typer.echo(f"active key now {data['keys'][-1]['kid']}")


@app.command()
def compromise(path: Path = typer.Argument(..., help="Key set file."),
               kid: str = typer.Argument(..., help="The key to withdraw.")):
    """Withdraw a key: credentials it signed are no longer genuine. Rotate first if it is
    the active one."""
    data = _read(path)
    key = next((k for k in data["keys"] if k["kid"] == kid), None)
    if key is None:
        raise ConfigError(f"no key {kid!r} in {path}")
    if key["status"] == "active":
        raise ConfigError(f"{kid} is the active key: run `rotate` first")
    key["status"] = "compromised"
    key.pop("d", None)  # its private part is of no use any more
    _write(path, data)
    typer.echo(f"{kid} marked compromised")
