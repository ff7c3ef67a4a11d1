import datetime as dt
import json
from pathlib import Path

import jsonschema

from draws_factory import small
from services.draws.domain import (
    commit_seed, is_results_overdue, results_due_date, run_draw)
from services.draws.domain import events

SCHEMAS = Path(__file__).resolve().parents[3] / "schemas" / "events"


def test_due_date_counts_working_days():
    # 2024-09-30 (Mon): National Day holiday 1-7 Oct, 12 Oct is a make-up working day.
    due = results_due_date(dt.date(2024, 9, 30))
    # 8-11 Oct (4), Sat 12 Oct (5), 14-18 (10), 21-25 (15), 28 Oct-1 Nov (20)
    assert due == dt.date(2024, 11, 1)
    assert results_due_date(dt.date(2024, 9, 30), workdays=1) == dt.date(2024, 10, 8)


def test_overdue():
    end = dt.date(2024, 9, 30)
    assert not is_results_overdue(end, today=dt.date(2024, 11, 1))
    assert is_results_overdue(end, today=dt.date(2024, 11, 2))
    assert not is_results_overdue(end, today=dt.date(2024, 12, 1), published_on=dt.date(2024, 10, 20))
    assert is_results_overdue(end, today=dt.date(2024, 12, 1), published_on=dt.date(2024, 11, 4))


def test_event_payloads_match_their_schemas():
    directory, roster, rules = small()
    draw = run_draw(directory, roster, rules, "s")
    now = dt.datetime(2024, 5, 1, 8, tzinfo=dt.timezone.utc)
    payloads = {
        events.DRAW_COMMITTED: events.draw_committed("D-1", commit_seed("s"), now),
        events.DRAW_REVEALED: events.draw_revealed("D-1", draw, "s"),
        events.RESULTS_PUBLISHED: events.results_published(
            "D-1", dt.date(2024, 5, 20), dt.date(2024, 5, 30), draw.entity_count),
        events.RESULTS_PUBLICATION_OVERDUE: events.results_publication_overdue(
            "D-1", dt.date(2024, 5, 1), dt.date(2024, 5, 30)),
    }
    for event_type, payload in payloads.items():
        schema = json.loads((SCHEMAS / f"{event_type}.json").read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(payload, schema, cls=jsonschema.Draft202012Validator)
