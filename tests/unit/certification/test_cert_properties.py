"""Properties of the effective-dated answer."""
import datetime as dt

from hypothesis import HealthCheck, given, settings, strategies as st

from services.certification import domain as cd

from .cert_helpers import utc

DOMAINS = st.sampled_from(list(cd.EnforcementDomain))
# Records are immutable, so sharing the fixture across examples is safe.
SHARED_FIXTURE = [HealthCheck.function_scoped_fixture]
MOMENTS = st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2030, 1, 1),
                       timezones=st.just(dt.timezone.utc))


@settings(max_examples=60, deadline=None, suppress_health_check=SHARED_FIXTURE)
@given(DOMAINS, MOMENTS)
def test_before_any_certificate_is_not_certified(certified, domain, at):
    first_issue = next(e.effective_at for e in certified.history
                       if e.kind is cd.Kind.CERTIFICATE_ISSUED)
    if at < first_issue:
        assert cd.qualification(certified, domain, at).reasons == (cd.Reason.NOT_CERTIFIED,)


@settings(max_examples=60, deadline=None, suppress_health_check=SHARED_FIXTURE)
@given(DOMAINS, MOMENTS, MOMENTS)
def test_later_effective_changes_leave_earlier_answers_alone(certified, domain, at, change):
    record, _ = cd.apply_sanction(certified, measure="REMOVAL_FROM_POST", sanction_id="s",
                                  now=utc(2026, 1, 1), effective_at=change)
    if at < change:
        assert cd.qualification(record, domain, at) == cd.qualification(certified, domain, at)
    else:
        assert cd.Reason.REMOVED_FROM_POST in cd.qualification(record, domain, at).reasons


@settings(max_examples=40, deadline=None, suppress_health_check=SHARED_FIXTURE)
@given(MOMENTS, st.integers(0, 400), st.integers(0, 400))
def test_window_reasons_include_every_inner_moment(certified, start, length, offset):
    end = start + dt.timedelta(days=length)
    inner = start + dt.timedelta(days=min(offset, length))
    whole = cd.qualification_over_window(certified, "TOURISM", start, end)
    point = cd.qualification(certified, "TOURISM", inner)
    assert set(point.reasons) <= set(whole.reasons)
    assert whole.qualified == (whole.reasons == ())
