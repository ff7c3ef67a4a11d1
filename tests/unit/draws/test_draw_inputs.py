"""Freezing inputs: merged directories, the roster (qualified for every domain of the
agency over the whole window), recusals; and `gather.freeze` asking each service once."""
import datetime as dt

from services.bus.client import Clients

import pytest

from services.common.errors import DomainError
from services.draws import gather
from services.draws.domain.inputs import build_roster, merge_directories, qualified_officers
from services.draws.domain.scope import batch_scope, operation_scope

OP = {"operation_id": "OP1", "status": "LAUNCHED", "agencies": ["CULTURE", "TRANSPORT"],
      "starts_at": "2024-10-01T00:00:00+08:00", "ends_at": "2024-10-03T00:00:00+08:00"}
JOINT = operation_scope(OP, ["TOURISM", "CULTURE_MARKET", "ROAD_TRANSPORT"])


def columns(agency, ids, category="SCENIC_SPOT"):
    n = len(ids)
    return {"entity_id": ids, "agency": [agency] * n, "category": [category] * n,
            "tier": ["LOW"] * n, "flagged": [False] * n}


def test_directories_merge_and_refuse_foreign_or_repeated_rows():
    merged = merge_directories(JOINT, {"CULTURE": columns("CULTURE", ["c2", "c1"]),
                                       "TRANSPORT": columns("TRANSPORT", ["t1"], "VEHICLE")})
    assert merged.entity_ids == ("c1", "c2", "t1") and merged.agencies == ("CULTURE", "TRANSPORT")
    for parts in ({"CULTURE": columns("TRANSPORT", ["x"]), "TRANSPORT": columns("TRANSPORT", [])},
                  {"CULTURE": columns("CULTURE", ["x"]),
                   "TRANSPORT": columns("TRANSPORT", ["x"], "VEHICLE")},
                  {"CULTURE": {"entity_id": ["x"]}, "TRANSPORT": columns("TRANSPORT", [])}):
        with pytest.raises(DomainError):
            merge_directories(JOINT, parts)


def test_roster_needs_every_domain_of_the_agency_and_the_whole_window():
    rosters = {"TOURISM": [{"officer_id": "a", "agency": "CULTURE"},
                           {"officer_id": "b", "agency": "CULTURE"}],
               "CULTURE_MARKET": [{"officer_id": "a", "agency": "CULTURE"},
                                  {"officer_id": "c", "agency": "CULTURE"},
                                  {"officer_id": "d", "agency": "CULTURE"}],
               "ROAD_TRANSPORT": [{"officer_id": "t", "agency": "TRANSPORT"},
                                  {"officer_id": "d", "agency": "CULTURE"}]}
    assert qualified_officers(JOINT, rosters, {"a", "b", "c", "d", "t"}) == {
        "a": "CULTURE", "t": "TRANSPORT"}
    assert qualified_officers(JOINT, rosters, {"t"}) == {"t": "TRANSPORT"}


def test_recusals_outside_the_draw_are_dropped():
    roster = build_roster({"a": "CULTURE", "b": "CULTURE"},
                          [{"officer_id": "a", "entity_id": "e1", "reason": "conflict"},
                           ("b", "e9", "last_inspected"), ("z", "e1", "conflict")], ["e1", "e2"])
    assert roster.recusals == (("a", "e1", "conflict"),)


class _Reply:
    def __init__(self, value):
        self.value = value

    def result(self):
        return {"ok": self.value}


class _Method:
    def __init__(self, log, name, answer):
        self.log, self.name, self.answer = log, name, answer

    def call_async(self, *args):
        self.log.append((self.name, args))
        return _Reply(self.answer(*args))


class _Proxy:
    def __init__(self, log, prefix, **answers):
        for name, answer in answers.items():
            setattr(self, name, _Method(log, f"{prefix}.{name}", answer))


def test_freeze_asks_each_question_once_and_builds_the_snapshots():
    log = []
    scope = batch_scope("CULTURE", ["TOURISM"], dt.date(2024, 9, 3))
    officers = [{"officer_id": f"o{i}", "agency": "CULTURE"} for i in range(3)]

    class Svc:
        pass
    Svc.clients = Clients({
        "culture": _Proxy(log, "culture",
                         directory_snapshot=lambda d: columns("CULTURE", ["e1", "e2"]),
                         recusals=lambda d: [{"officer_id": "o1", "entity_id": "e2",
                                              "reason": "last_inspected"}]),
        "certification": _Proxy(
            log, "certification", qualified_roster=lambda d, at, a: officers,
            check_qualifications_over=lambda checks: [{"qualified": c["officer_id"] != "o2"}
                                                      for c in checks])}, {})
    directory, roster = gather.freeze(Svc, scope)
    assert directory.entity_ids == ("e1", "e2")
    assert roster.inspector_ids == ("o0", "o1") and roster.recusals == (("o1", "e2",
                                                                          "last_inspected"),)
    assert sorted(name for name, _ in log) == [
        "certification.check_qualifications_over", "certification.qualified_roster",
        "culture.directory_snapshot", "culture.recusals"]
    roster_call = next(args for name, args in log if name.endswith("qualified_roster"))
    assert roster_call == ("TOURISM", "2024-09-02T16:00:00+00:00", "CULTURE")
