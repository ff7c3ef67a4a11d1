"""Write the served GraphQL schema (SDL) to console/schema.graphql, which the console's
typed documents are generated from (graphql-codegen, no live server needed).

    .venv/bin/python infra/console_schema.py

tests/unit/gateway/test_console_schema.py fails while the committed file is stale.
"""
from __future__ import annotations

import services.common.runtime  # noqa: F401  (eventlet patches before pymongo loads)

import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "console" / "schema.graphql"


def sdl() -> str:
    from gateway.schema import build_schema

    return str(build_schema()) + "\n"


if __name__ == "__main__":
    TARGET.write_text(sdl())
    print(f"wrote {TARGET}", file=sys.stderr)
