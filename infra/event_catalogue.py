"""Render the event catalogue (README section) from schemas/events/*.json and the declared
topology (services/contracts/topology.py: producers and the handlers that receive each).

    .venv/bin/python infra/event_catalogue.py          # rewrite README.md in place
    .venv/bin/python infra/event_catalogue.py --check  # exit 1 if README is stale
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- event-catalogue:start -->", "<!-- event-catalogue:end -->"


def render() -> str:
    sys.path.insert(0, str(ROOT))
    from services.contracts import topology

    rows = ["| event type | producer | received by | payload fields (required in bold) |",
            "|---|---|---|---|"]
    for path in sorted((ROOT / "schemas" / "events").glob("*.json")):
        schema = json.loads(path.read_text())
        required = set(schema.get("required", []))
        fields = ", ".join(f"**{f}**" if f in required else f
                           for f in schema.get("properties", {}))
        producer = ", ".join(topology.producers(path.stem))
        received = ", ".join(topology.subscribers(path.stem))
        rows.append(f"| `{path.stem}` | {producer} | {received} | {fields} |")
    return "\n".join(rows)


def updated(readme: str) -> str:
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{render()}\n{END}{tail}"


if __name__ == "__main__":
    readme_path = ROOT / "README.md"
    current = readme_path.read_text()
    fresh = updated(current)
    if "--check" in sys.argv:
        sys.exit(0 if fresh == current else 1)
    readme_path.write_text(fresh)
