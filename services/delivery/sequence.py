"""Cursor order for deliveries and feed entries.

A counter document is moved in the same transaction that inserts the rows it numbers:
two transactions taking numbers conflict on the counter, so the second waits for (or
retries after) the first's commit, and numbers become visible in the order they were
taken. A reader that has seen number n will never later find a new row below n."""
from __future__ import annotations

from pymongo import ReturnDocument

from services.delivery.documents import CounterDoc


def take(session, name: str, count: int) -> int:
    """The first of `count` consecutive numbers of counter `name`."""
    doc = CounterDoc._get_collection().find_one_and_update(
        {"_id": name}, {"$inc": {"seq": count}}, upsert=True,
        return_document=ReturnDocument.AFTER, session=session)
    return doc["seq"] - count + 1
