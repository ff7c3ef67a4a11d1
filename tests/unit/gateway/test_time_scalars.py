"""The DateTime and Date scalars serialize what the services send (ISO text) as they
serialize datetimes and dates, so no resolver re-parses a time."""
import datetime as dt

import pytest
from graphql import GraphQLError

from gateway.schema.scalars import Date, DateTime


def test_iso_text_and_datetimes_serialize_alike():
    moment = dt.datetime(2026, 3, 2, 1, 30, 5, 123000, tzinfo=dt.timezone.utc)
    assert DateTime.serialize("2026-03-02T01:30:05.123000+00:00") == DateTime.serialize(
        moment) == "2026-03-02T01:30:05.123000+00:00"
    assert Date.serialize("2026-03-02") == Date.serialize(dt.date(2026, 3, 2)) == "2026-03-02"


@pytest.mark.parametrize("scalar, bad", [(DateTime, "yesterday"), (Date, "2026-02-30"),
                                         (DateTime, 5)])
def test_what_is_no_time_is_a_graphql_error_not_a_crash(scalar, bad):
    with pytest.raises(GraphQLError):
        scalar.serialize(bad)


def test_text_without_an_offset_names_no_instant():
    # the one parser of the time rule reads service text: no offset, no instant
    with pytest.raises(GraphQLError):
        DateTime.serialize("2026-03-02T01:30:05")


def test_an_instant_in_another_offset_is_the_same_instant_in_utc():
    assert DateTime.serialize("2026-03-02T09:30:05+08:00") == "2026-03-02T01:30:05+00:00"


def test_input_with_an_offset_is_an_aware_utc_instant():
    assert DateTime.parse_value("2026-03-02T09:30:05+08:00") == dt.datetime(
        2026, 3, 2, 1, 30, 5, tzinfo=dt.timezone.utc)
    # graphene's own parser answers for the rest: no offset passes on for the service to
    # refuse on its field; text that is no date-time is graphene's error
    assert DateTime.parse_value("2026-03-02T09:30:05").tzinfo is None
    with pytest.raises(GraphQLError):
        DateTime.parse_value("yesterday")
