"""The one paging contract (services/common/paging.py): what a caller sends, what a list
answers, and that cursors given out before stay valid."""
import base64
import datetime as dt

import pytest
from graphql_relay import offset_to_cursor

from services.common import paging
from services.common.errors import DomainError
from services.common.paging import Page


@pytest.mark.parametrize("raw", [
    {"first": 101}, {"first": -1}, {"first": True}, {"first": "5"}, {"offset": -1},
    {"after": "%%%"}, {"after": 7}, {"after": offset_to_cursor(1), "offset": 2},
    {"limit": 5}, [1, 2], "page"])
def test_a_bad_request_is_invalid_input(raw):
    with pytest.raises(DomainError) as err:
        Page.parse(raw)
    assert err.value.code == "INVALID_INPUT"


def test_defaults_and_a_larger_maximum_where_a_list_allows_it():
    assert Page.parse(None) == Page(first=20, after=None, offset=None)
    assert Page.parse({"first": 5000}, most=10_000).first == 5000
    assert Page.parse(Page(first=3).to_dict()) == Page(first=3)


def test_numbered_pages_and_cursors_over_a_list_in_hand():
    rows = list("abcdefg")
    third = paging.of_list(rows, Page.parse({"first": 3, "offset": 6}))
    assert third["items"] == ["g"] and third["total"] == 7 and third["offset"] == 6
    assert third["has_previous_page"] and not third["has_next_page"]
    first = paging.of_list(rows, Page.parse({"first": 3}))
    second = paging.of_list(rows, Page.parse({"first": 3, "after": first["cursors"][-1]}))
    assert second["items"] == ["d", "e", "f"] and second["offset"] == 3
    # position cursors are Relay's own: cursors from before this contract still work
    assert first["cursors"][-1] == offset_to_cursor(2)


def test_a_keyed_cursor_stays_on_its_row_when_rows_are_added_before_it():
    rows = [["Li", "o-2"], ["Wang", "o-1"], ["Zhao", "o-3"]]
    first = paging.of_list(rows, Page(first=2), key=lambda r: r, kind="name+_id")
    grown = [["Chen", "o-9"], *rows]
    rest = paging.of_list(grown, Page(first=2, after=first["cursors"][-1]),
                          key=lambda r: r, kind="name+_id")
    assert rest["items"] == [["Zhao", "o-3"]] and rest["total"] == 4
    with pytest.raises(DomainError):  # a cursor of another list
        paging.of_list(rows, Page(after=offset_to_cursor(1)), key=lambda r: r, kind="name+_id")


def test_feed_cursors_keep_their_form_and_times_survive_a_round_trip():
    # the qualification feed's cursors were base64url("seq:<n>") before this contract
    old = base64.urlsafe_b64encode(b"seq:12").decode()
    assert paging.encode("seq", 12) == old and paging.decode(old, "seq") == 12
    moment = dt.datetime(2024, 5, 1, 8, 30, tzinfo=dt.timezone.utc)
    cursor = paging.encode("recorded_at+_id", [moment, "F-1"])
    assert paging.decode(cursor, "recorded_at+_id") == [moment, "F-1"]
