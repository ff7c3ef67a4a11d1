import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_event_catalogue_in_readme_is_generated_from_the_schemas():
    check = subprocess.run([sys.executable, str(ROOT / "infra" / "event_catalogue.py"),
                            "--check"])
    assert check.returncode == 0, "run: .venv/bin/python infra/event_catalogue.py"
    readme = (ROOT / "README.md").read_text()
    for schema in (ROOT / "schemas" / "events").glob("*.json"):
        assert f"`{schema.stem}`" in readme
