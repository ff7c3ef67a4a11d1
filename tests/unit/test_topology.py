"""The declared event topology is the truth: every handler the services have is declared
(and nothing else), every event type it names has a schema, and the rules' own lists agree."""
import inspect

from nameko.extensions import ENTRYPOINT_EXTENSIONS_ATTR

from services import registry
from services.accountability.domain import ACTION_EVENTS
from services.bus import schemas
from services.bus.subscriber import EventSubscriber
from services.contracts import topology


def handlers_of(cls) -> set[tuple[str, str]]:
    found = set()
    for name, member in inspect.getmembers(cls, inspect.isfunction):
        for ext in getattr(member, ENTRYPOINT_EXTENSIONS_ATTR, ()):
            if isinstance(ext, EventSubscriber):
                assert not ext.event_types, f"{cls.name}.{name} names its events itself"
                found.add((cls.name, name))
    return found


def test_every_handler_is_declared_and_every_declaration_has_its_handler():
    classes = [registry.load(p) for p in [*registry.SERVICES.values(), registry.GATEWAY]]
    assert set().union(*(handlers_of(c) for c in classes)) == set(topology.HANDLERS)


def test_every_routing_key_names_events_that_exist():
    known = set(schemas.event_types())
    for handler, keys in topology.HANDLERS.items():
        for key in keys:
            matched = [t for t in known if topology._matches(key, t)]
            assert matched, f"{handler}: {key} matches no event type in schemas/events"
        assert set(topology.PRODUCERS) >= {t.split(".")[0] for t in known}


def test_the_rules_and_the_topology_name_the_same_action_events():
    assert set(topology.routing_keys("accountability", "on_action_event")) == \
        set(ACTION_EVENTS)
    assert topology.subscribers("accountability.sanction_imposed.v1") == [
        "audit.record", "certification.on_sanction_imposed"]


def test_webhooks_receive_exactly_the_events_that_have_a_public_name():
    assert set(topology.routing_keys("delivery", "on_public_event")) == \
        set(topology.PUBLIC_BY_SOURCE)
