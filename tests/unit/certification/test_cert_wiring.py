"""Pure pieces of the certification service's wiring: CSV rows, the demo roster, rule
configuration, access rules and list cursors (no broker, no database)."""
import datetime as dt

import pytest

from services.certification import access, csvrows, demo, queries
from services.certification.dependencies import rules_from
from services.certification.domain import validate_id_number
from services.common import paging
from services.common.config import ConfigError
from services.common.errors import DomainError

ROW = {"name": " Li Wei ", "agency": "culture", "id_number": "11010519491231002X",
       "public_law_score": "80", "professional_law_score": "61.5", "exams_taken_on": "2026-01-05",
       "domains": "TOURISM; radio_tv", "valid_from": "2026-02-01", "valid_until": "2029-01-31",
       "issued_on": "2026-01-20", "reviewed_on": ""}


def code(fn, *args):
    with pytest.raises(DomainError) as err:
        fn(*args)
    return err.value.code, err.value.field


def test_csv_row_becomes_one_import_input():
    row = csvrows.parse_row(ROW)
    assert row["name"] == "Li Wei" and row["agency"] == "CULTURE"
    assert row["exams"] == [{"exam": "PUBLIC_LAW", "score": 80.0, "taken_on": "2026-01-05"},
                            {"exam": "PROFESSIONAL_LAW", "score": 61.5, "taken_on": "2026-01-05"}]
    assert row["certificate"] == {"domains": ["TOURISM", "RADIO_TV"], "valid_from": "2026-02-01",
                                  "valid_until": "2029-01-31",
                                  "effective_at": "2026-01-20T09:00:00+08:00"}
    bare = csvrows.parse_row({"name": "A", "agency": "TRANSPORT", "id_number": "1"})
    assert bare["exams"] == [] and "certificate" not in bare


@pytest.mark.parametrize("change, field", [
    ({"name": ""}, ["name"]), ({"public_law_score": "eighty"}, ["public_law_score"]),
    ({"exams_taken_on": ""}, ["exams_taken_on"]), ({"valid_until": ""}, ["valid_until"]),
    ({"domains": "", "valid_from": "", "valid_until": ""}, ["domains"])])
def test_bad_csv_cells_name_their_column(change, field):
    assert code(csvrows.parse_row, {**ROW, **change}) == ("INVALID_INPUT", field)


def test_csv_header_must_name_known_columns():
    csvrows.check_header(list(ROW))
    assert code(csvrows.check_header, ["name", "agency"])[0] == "INVALID_INPUT"
    assert code(csvrows.check_header, [*ROW, "salary"])[0] == "INVALID_INPUT"


def test_demo_roster_has_the_reports_scale_and_valid_ids():
    today = dt.date(2026, 11, 26)
    rows, suspended = demo.roster(today)
    assert rows == demo.roster(today)[0]  # deterministic
    expired = [r for r in rows if r["certificate"]["valid_until"] < today.isoformat()]
    certified = [r for r in rows if r not in expired and r["officer_id"] not in suspended]
    assert len(certified) == 44 and len(expired) == 1 and len(suspended) == 1
    assert sum(r["agency"] == "CULTURE" for r in certified) == 30
    assert sum(r["certificate"]["valid_from"] >= "2026-01-01" for r in certified) == 13
    assert len({validate_id_number(r["id_number"]) for r in rows}) == len(rows)
    assert all(r["id_number"][6:10] < "1990" for r in rows)
    # Believable for Xinyang: Chinese names, ID numbers registered there (4115xx).
    assert all(r["id_number"].startswith("4115") for r in rows)
    assert all(len(r["name"]) == 3 and not r["name"].isascii() for r in rows)
    assert len({r["name"] for r in rows}) == len(rows)


def test_rules_come_from_the_environment_and_are_checked():
    rules = rules_from({"JOINTOPS_CERT_PASS_MARK": "70", "JOINTOPS_CERT_REVIEW_INTERVAL_DAYS": ""},
                       {"revocation_wait_days": 30})
    assert (rules.pass_mark, rules.review_interval_days, rules.revocation_wait_days) == (70, 365, 30)
    for bad in ({"JOINTOPS_CERT_PASS_MARK": "101"}, {"JOINTOPS_CERT_REVIEW_INTERVAL_DAYS": "x"}):
        with pytest.raises(ConfigError, match=next(iter(bad))):
            rules_from(bad)


def test_administrators_manage_only_their_own_agency():
    admin_cu = {"roles": ["certification_admin"], "agency": "CULTURE"}
    assert [a.value for a in access.admin_of(admin_cu)] == ["CULTURE"]
    assert len(access.admin_of({"roles": ["certification_admin"], "agency": None})) == 2
    assert access.admin_of({"roles": ["planner"], "agency": "CULTURE"}) == []
    access.ensure_manages(admin_cu, "CULTURE")
    access.ensure_manages(None, "TRANSPORT")  # trusted internal caller
    assert code(access.ensure_manages, admin_cu, "TRANSPORT")[0] == "FORBIDDEN"


def test_list_cursors_round_trip_and_reject_garbage():
    kind = "name+_id"  # the roster's cursors: (name, id)
    assert paging.decode(paging.encode(kind, ["Li Wei", "o-1"]), kind) == ["Li Wei", "o-1"]
    assert code(paging.decode, "not-a-cursor", kind) == ("INVALID_INPUT", ["after"])
    assert code(queries.parse_filter, {"expiring_within_days": -1})[0] == "INVALID_INPUT"
    assert queries.parse_filter({"name_prefix": "Li.*"})["name_prefix"] == "Li.*"


def test_the_parsed_record_cache_keeps_the_recently_used_within_its_entry_bound(monkeypatch):
    """repository._parsed holds whole histories, which grow with every change: past
    MAX_PARSED_ENTRIES entries (or MAX_PARSED officers) the officers used longest ago
    are dropped, one by one, and the recently checked ones stay parsed."""
    from collections import OrderedDict

    from services.certification import repository

    class Cursor(list):
        def batch_size(self, n):
            return self

    class Officers:
        def __init__(self):
            self.sizes = {f"o{i}": 10 for i in range(4)}
            self.parsed = []  # which documents were read in full (parsed)

        def find(self, query, projection=None):
            wanted = [i for i in query["_id"]["$in"] if i in self.sizes]
            if projection is None:
                self.parsed += wanted
            return Cursor({"_id": i, "rev": f"r{self.sizes[i]}", "version": 1,
                           "size": self.sizes[i]} for i in wanted)

        def find_one(self, query, projection=None):
            return self.find({"_id": {"$in": [query["_id"]]}})[0]

    class Record:
        def __init__(self, n):
            self.history = (None,) * n

    store = Officers()
    monkeypatch.setattr(repository, "_parsed", OrderedDict())
    monkeypatch.setattr(repository, "_held", {"entries": 0})
    monkeypatch.setattr(repository, "MAX_PARSED_ENTRIES", 25)
    monkeypatch.setattr(repository, "record_from_raw", lambda raw: Record(raw["size"]))
    monkeypatch.setattr(repository, "officers", lambda: store)
    repository.load_many(["o0", "o1"])
    repository.load_many(["o0"])  # still parsed: o0 is now the most recently used
    assert store.parsed == ["o0", "o1"]
    repository.load_many(["o2"])  # 30 entries: o1, used longest ago, goes
    assert list(repository._parsed) == ["o0", "o2"] and repository._held["entries"] == 20
    store.sizes["o0"] = 14  # o0 changed: its record is parsed again, counted at its size
    repository.load_many(["o0"])
    assert list(repository._parsed) == ["o2", "o0"] and repository._held["entries"] == 24
    monkeypatch.setattr(repository, "MAX_PARSED", 1)  # the officer bound alike
    repository.load_many(["o3"])
    assert list(repository._parsed) == ["o3"] and repository._held["entries"] == 10
    store.parsed.clear()
    repository.load_many(["o3"])
    assert store.parsed == []


def test_a_changed_record_reuses_the_entries_parsed_before(monkeypatch):
    """A change appends entries: the next load reads and parses those only and keeps the
    ones held, giving what a whole parse gives; a history stored afresh is read whole."""
    import bson
    from bson.codec_options import CodecOptions

    from services.certification import repository
    from services.certification.documents import record_from_raw
    from services.certification.domain import Agency, Kind, OfficerRecord

    monkeypatch.setattr(repository, "_shared", {})
    at = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    actor = {"subject": "system:accountability", "roles": [], "agency": None}

    def stored(record):  # as the driver returns it
        raw = bson.encode({"_id": record.id, **record.to_dict()})
        return bson.decode(raw, CodecOptions(tz_aware=True))

    record = OfficerRecord("o1", "Li Wei", Agency.CULTURE, "11010519491231002X")
    record = record.append(Kind.OFFICER_REGISTERED, at, at).attributed(0, actor)
    for n in range(3):
        record = record.append(Kind.SANCTION_NOTED, at, at, f"s{n}",
                               measure="CRITICISM_EDUCATION").attributed(n + 1, actor)
    before = ("r1", repository._parse(stored(record), None), 1)
    grown = record.append(Kind.SANCTION_NOTED, at, at, "s9", measure="CRITICISM_EDUCATION")
    grown = grown.attributed(4, actor)
    since = {**stored(grown), "history": stored(grown)["history"][3:]}  # as $slice reads
    parsed = repository._parse(since, before, 3)
    assert parsed == record_from_raw(stored(grown))
    assert all(a is b for a, b in zip(parsed.history, before[1].history))
    assert len(parsed.history) == 5
    # one copy of the actor and of the repeated texts, whichever parse read them
    assert parsed.history[4].actor is parsed.history[0].actor
    assert parsed.history[4].data["measure"] is parsed.history[1].data["measure"]

    afresh = OfficerRecord("o1", "Li Wei", Agency.CULTURE, "11010519491231002X").append(
        Kind.OFFICER_REGISTERED, at + dt.timedelta(days=1), at).attributed(0, actor)
    afresh = afresh.append(Kind.SANCTION_NOTED, at, at, "x", measure="CRITICISM_EDUCATION")
    for n in range(3):
        afresh = afresh.append(Kind.SANCTION_NOTED, at, at, f"y{n}")
    since = {**stored(afresh), "history": stored(afresh)["history"][3:]}
    assert repository._parse(since, before, 3) is None  # not the entry held: read whole
    parsed = repository._parse(stored(afresh), None)
    assert parsed == record_from_raw(stored(afresh))
    assert parsed.history[0] is not before[1].history[0]


def test_the_shared_actors_and_texts_are_bounded(monkeypatch):
    from services.certification import repository

    monkeypatch.setattr(repository, "_shared", {})
    monkeypatch.setattr(repository, "MAX_SHARED", 3)
    for n in range(10):
        entries = repository._compact([{"actor": {"subject": f"u{n}", "roles": ["a"]},
                                        "data": {"reason": "x" * 100}}])
        assert entries[0]["actor"] == {"subject": f"u{n}", "roles": ["a"]}
        assert len(repository._shared) <= 4


def test_officers_that_all_changed_are_each_read_from_their_last_parsed_entry(monkeypatch):
    """A sweep or a big batch over many officers that changed reads only their new
    entries: reading their whole histories at once put a step on the service's memory
    that grew with the histories (bench_soak.py)."""
    from collections import OrderedDict

    from services.certification import repository

    reads = []

    class Record:
        def __init__(self, n):
            self.history = (None,) * n

    class Officers:
        def find(self, query, projection=None):
            reads.append(("find", query["_id"]["$in"], projection))
            return [{"_id": i, "rev": "r2"} for i in query["_id"]["$in"]]

        def find_one(self, query, projection):
            reads.append(("new entries", query["_id"], projection["history"]["$slice"][0]))
            return {"_id": query["_id"], "rev": "r2", "version": 2, "history": [None] * 2}

    ids = [f"o{i}" for i in range(30)]
    monkeypatch.setattr(repository, "_parsed",
                        OrderedDict((i, ("r1", Record(5), 1)) for i in ids))
    monkeypatch.setattr(repository, "_held", {"entries": 150})
    monkeypatch.setattr(repository, "officers", lambda: Officers())
    monkeypatch.setattr(repository, "_parse", lambda raw, before, start=0: Record(6))
    found = repository.load_many(ids)
    assert reads[0] == ("find", sorted(ids), {"rev": 1})  # the revs only, one query
    assert reads[1:] == [("new entries", i, 4) for i in sorted(ids)]
    assert all(len(record.history) == 6 and version == 2 for record, version in found.values())
