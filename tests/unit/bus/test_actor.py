"""The actor rules that need no broker: every envelope names one, older shapes are read,
a caller that passes `actor` without the header is still recorded as the author."""
from services.bus import envelope
from services.bus.rpc import command
from services.common.actor import UNRECORDED, Actor, stored


def test_an_envelope_always_names_an_actor():
    person = Actor("legal-zhao", ("accountability_officer",), None)
    made = envelope.make("bus.probe_recorded.v1", {"probe_id": "p", "seq": 1},
                         producer="probe", actor=person)
    assert made["actor"] == {"subject": "legal-zhao", "roles": ["accountability_officer"],
                             "agency": None}
    anonymous = envelope.make("bus.probe_recorded.v1", {"probe_id": "p", "seq": 1},
                              producer="probe")
    assert anonymous["actor"]["subject"] == "system:probe"


def test_older_shapes_are_read_and_nothing_reads_as_unrecorded():
    assert Actor.from_value({"sub": "a", "roles": ["planner"], "agency": "CULTURE"}) == \
        Actor("a", ("planner",), "CULTURE")
    assert Actor.from_value("cli-import") == Actor("cli-import")
    assert Actor.from_value(None) is None and Actor.from_value({"roles": []}) is None
    assert stored(None) == UNRECORDED.to_dict() == {"subject": "system:unrecorded",
                                                     "roles": [], "agency": None}


class Service:
    def __init__(self, data):
        self.worker_data = data

    @command
    def act(self, input, actor=None):
        return dict(self.worker_data)


def test_a_command_adopts_an_actor_passed_as_an_argument_without_a_header():
    plain = Service({}).act({}, {"sub": "u1", "roles": ["planner"]})["ok"]
    assert plain["actor"] == {"subject": "u1", "roles": ["planner"], "agency": None}
    header = {"subject": "from-header", "roles": [], "agency": None}
    kept = Service({"actor": header}).act({}, actor={"sub": "u1", "roles": ["planner"]})["ok"]
    assert kept["actor"] == header


def test_a_tool_acting_for_a_person_records_the_person_and_a_system_argument_never_wins():
    tool = {"subject": "system:demo", "roles": [], "agency": None}
    legal = {"sub": "demo-legal", "roles": ["accountability_officer"]}
    recorded = Service({"actor": tool}).act({}, actor=legal)["ok"]
    assert recorded["actor"] == {"subject": "demo-legal", "roles": ["accountability_officer"],
                                 "agency": None}
    # a person's header is never replaced, not even by a system actor passed along
    person = {"subject": "zhifa-li", "roles": ["enforcement_officer"], "agency": "CULTURE"}
    kept = Service({"actor": person}).act({}, actor="system:timer")["ok"]
    assert kept["actor"] == person
    # with no one named, the tool stays the author
    assert Service({"actor": tool}).act({})["ok"]["actor"] == tool
