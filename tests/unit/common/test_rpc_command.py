"""How failures cross RPC: refusals with their code, outages as retryable, key clashes
as a conflict (a retry would not help)."""
from pymongo.errors import AutoReconnect, DuplicateKeyError

from services.bus.rpc import command, unwrap
from services.common.errors import DomainError


class Service:
    @command
    def act(self, exc=None):
        if exc:
            raise exc
        return "done"


def test_result_and_refusals_cross_as_data():
    assert unwrap(Service().act()) == "done"
    reply = Service().act(DomainError("EXAMS_NOT_PASSED", "no", ["input", "officerId"]))
    assert reply["error"]["code"] == "EXAMS_NOT_PASSED"
    assert reply["error"]["field"] == ["input", "officerId"]


def test_outage_is_retryable_but_a_duplicate_key_is_a_conflict():
    assert Service().act(AutoReconnect("down"))["error"]["code"] == "SERVICE_UNAVAILABLE"
    assert Service().act(DuplicateKeyError("E11000"))["error"]["code"] == "CONFLICT"


def test_instants_in_a_result_cross_as_iso_text():
    import datetime as dt

    from kombu.utils.json import dumps, loads

    class Stored:
        @command
        def read(self):
            naive = dt.datetime(2026, 3, 2, 1, 30, 5, 123000)   # as a plain client reads
            return {"at": naive, "rows": [{"at": naive.replace(tzinfo=dt.timezone.utc)}],
                    "on": dt.date(2026, 3, 2)}

    # what the caller receives: the reply as nameko's JSON serializer (kombu's) sends it
    assert unwrap(loads(dumps(Stored().read()))) == {
        "at": "2026-03-02T01:30:05.123000+00:00",
        "rows": [{"at": "2026-03-02T01:30:05.123000+00:00"}], "on": dt.date(2026, 3, 2)}
