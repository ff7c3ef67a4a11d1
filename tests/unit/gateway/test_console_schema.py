"""The console's typed GraphQL documents are generated from console/schema.graphql: it
must be the schema the gateway serves, or the console is built against a stale API."""
from infra.console_schema import TARGET, sdl


def test_the_committed_sdl_is_the_served_schema():
    assert TARGET.read_text() == sdl(), (
        "console/schema.graphql is stale: run `.venv/bin/python infra/console_schema.py`")
