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
