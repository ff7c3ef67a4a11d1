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
    """Create a key set with one active key of each purpose unless the file exists (one
    from before access-token and webhook keys existed gets them); True if changed."""
    if path.exists():
        data = _read(path)
        have = {k.get("purpose", credential_keys.CREDENTIAL) for k in data["keys"]
                if k["status"] == "active"}
        missing = [p for p in credential_keys.PURPOSES if p not in have]
        data["keys"] += [credential_keys.generate(new_kid(), purpose=p) for p in missing]
        if missing:
            _write(path, data)
        return bool(missing)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write(path, {"keys": [credential_keys.generate(new_kid(), purpose=p)
                           for p in credential_keys.PURPOSES]})
    return True


@app.command()
def generate(path: Path = typer.Argument(..., help="Key set file to create.")):
    """Create a key set with one active key of each purpose (refuses to overwrite)."""
    if path.exists():
        raise ConfigError(f"{path} exists; use `rotate`")
    ensure(path)
    typer.echo(f"created {path}")


@app.command()
def rotate(path: Path = typer.Argument(..., help="Key set file."),
           purpose: str = typer.Option(credential_keys.CREDENTIAL,
                                       help="credential, access_token or webhook.")):
    """A new active key for the purpose; the current one is kept as retired."""
    if purpose not in credential_keys.PURPOSES:
        raise ConfigError(f"purpose must be one of {tuple(credential_keys.PURPOSES)}")
    data = _read(path)
    for key in data["keys"]:
        if key["status"] == "active" and \
                key.get("purpose", credential_keys.CREDENTIAL) == purpose:
            key["status"] = "retired"
    data["keys"].append(credential_keys.generate(new_kid(), purpose=purpose))
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
