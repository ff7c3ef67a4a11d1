"""Import contracts (pyproject's [tool.importlinter]): the gateway depends on contracts,
the bus library and the shared kernel, never on a context's internals."""
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).parent / "lint-imports"
SHARED = {"bus", "common", "contracts", "registry"}  # what the gateway may import


def lint(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT)], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_the_import_contracts_are_kept():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_context_is_forbidden_to_the_gateway():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    forbidden = set(config["contracts"][0]["forbidden_modules"])
    modules = {p.stem for p in (ROOT / "services").iterdir()
               if (p.is_dir() and (p / "__init__.py").exists()) or p.suffix == ".py"}
    contexts = {f"services.{m}" for m in modules - SHARED - {"__init__"}}
    assert forbidden == contexts


def test_a_gateway_import_of_a_context_internal_breaks_the_contract(tmp_path):
    ignore = shutil.ignore_patterns("__pycache__", "node_modules", "dist")
    for name in ("gateway", "services"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "gateway" / "shortcut.py").write_text(
        "from services.enforcement.ids import new_id  # noqa: F401\n")
    result = lint(tmp_path)
    assert result.returncode != 0
    assert "gateway.shortcut -> services.enforcement.ids" in result.stdout


def test_the_contracts_match_the_schemas_and_the_catalogues():
    from services.bus import schemas
    from services.contracts import events, vocabulary
    from services.culture.catalogue import CATALOGUE as CULTURE
    from services.transport.catalogue import CATALOGUE as TRANSPORT

    named = {v for k, v in vars(events).items() if k.isupper()}
    assert named <= set(schemas.event_types())
    assert vocabulary.ENTITY_CATEGORIES == {"CULTURE": tuple(CULTURE.kinds),
                                            "TRANSPORT": tuple(TRANSPORT.kinds)}
