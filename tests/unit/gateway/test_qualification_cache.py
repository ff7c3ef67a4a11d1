"""The gateway's cache of now-answers: hits cost no call, and nothing stale outlives an
invalidation, its record's own change moment, or MAX_AGE."""
import datetime as dt

import pytest

from gateway import qualification_cache as cache
from services.common.clock import utcnow


class Certification:
    def __init__(self, stable_for=None, during=None):
        self.calls, self.stable_for, self.during, self.qualified = 0, stable_for, during, True

    def check_qualifications(self, checks):
        self.calls += 1
        if self.during:
            self.during()
        until = (utcnow() + self.stable_for).isoformat() if self.stable_for else None
        return [{"officer_id": c["officer_id"], "domain": c["domain"], "at": c["at"],
                 "qualified": self.qualified, "reasons": [], "stable_until": until}
                for c in checks]


class Services:
    def __init__(self, cert):
        self.certification = cert


@pytest.fixture(autouse=True)
def empty():
    cache.clear()
    yield
    cache.clear()


NOW = {"officer_id": "o1", "domain": "TOURISM", "at": None}


def test_a_repeated_now_check_costs_no_call_until_invalidated():
    cert = Certification(stable_for=dt.timedelta(days=1))
    services = Services(cert)
    assert cache.qualifications(services, [NOW])[0]["qualified"]
    assert cache.qualifications(services, [NOW, NOW])[1]["qualified"] and cert.calls == 1
    cert.qualified = False
    cache.invalidate("o1")
    assert not cache.qualifications(services, [NOW])[0]["qualified"] and cert.calls == 2


def test_past_moment_checks_always_ask():
    cert = Certification()
    services = Services(cert)
    past = {**NOW, "at": "2026-01-01T00:00:00+08:00"}
    cache.qualifications(services, [past])
    cache.qualifications(services, [past])
    assert cert.calls == 2


def test_an_answer_expires_at_its_records_own_change_moment():
    cert = Certification(stable_for=dt.timedelta(seconds=-1))  # already due to change
    services = Services(cert)
    cache.qualifications(services, [NOW])
    cache.qualifications(services, [NOW])
    assert cert.calls == 2


def test_an_answer_fetched_across_an_invalidation_is_not_kept():
    cert = Certification(stable_for=dt.timedelta(days=1))
    cert.during = lambda: cache.invalidate("o1")  # the event lands mid-flight
    services = Services(cert)
    cache.qualifications(services, [NOW])
    cert.during = None
    cache.qualifications(services, [NOW])
    assert cert.calls == 2


def test_no_answer_lives_longer_than_max_age(monkeypatch):
    cert = Certification(stable_for=dt.timedelta(days=1))
    services = Services(cert)
    cache.qualifications(services, [NOW])
    clock = cache.time.monotonic() + cache.MAX_AGE + 0.01
    monkeypatch.setattr(cache.time, "monotonic", lambda: clock)
    cache.qualifications(services, [NOW])
    assert cert.calls == 2
