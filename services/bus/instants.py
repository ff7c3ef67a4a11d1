"""Start-up migration of instants stored as text (before the time rule) to BSON dates.

A context lists where its instants live (`{collection: [path, ...]}`, a path dotted
through subdocuments and arrays alike, as MongoDB queries spell it). `TextInstants`
converts them when a service starts, before it serves. It is idempotent (only text is
converted; a finished pass leaves a marker so later starts skip the scan) and safe for
two replicas at once: each document is rewritten only if its fields still hold the text
that was read, so the slower replica changes nothing.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import types
import typing

from nameko.extensions import DependencyProvider
from pymongo import MongoClient

from services.bus.mongo_settings import CLIENT_SETTINGS
from services.common.clock import as_stored, parse_instant
from services.common.errors import DomainError

log = logging.getLogger(__name__)
MARKER = {"_id": "instants-as-dates"}  # in the context's `migrations` collection


def dataclass_paths(cls, prefix: str = "") -> list[str]:
    """The dotted paths of every datetime in `cls` (a dataclass), nested ones included;
    a dataclass with `HASHED` (a hash-chained record entry) is kept as its hash covers
    it and is left out."""
    out = []
    for f in dataclasses.fields(cls):
        tp = typing.get_type_hints(cls)[f.name]
        if typing.get_origin(tp) in (typing.Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        if typing.get_origin(tp) in (list, tuple):
            tp = typing.get_args(tp)[0]
        if tp is dt.datetime:
            out.append(prefix + f.name)
        elif dataclasses.is_dataclass(tp) and not getattr(tp, "HASHED", False):
            out += dataclass_paths(tp, f"{prefix}{f.name}.")
    return out


def _converted(value, parts: list[str]):
    """`value` with the text instants at `parts` (below it) as dates; None: none found."""
    if isinstance(value, list):
        items = [_converted(v, parts) for v in value]
        if all(i is None for i in items):
            return None
        return [v if i is None else i for v, i in zip(value, items)]
    if not parts:
        return as_stored(parse_instant(value)) if isinstance(value, str) else None
    if not isinstance(value, dict) or parts[0] not in value:
        return None
    inner = _converted(value[parts[0]], parts[1:])
    return None if inner is None else {**value, parts[0]: inner}


def convert_collection(coll, paths: list[str]) -> int:
    """Convert the text instants at `paths` in `coll`; returns the documents changed."""
    changed = 0
    tops = sorted({p.split(".")[0] for p in paths})
    found = coll.find({"$or": [{p: {"$type": "string"}} for p in paths]},
                      {t: 1 for t in tops})
    for doc in found:
        new = dict(doc)
        try:
            for path in paths:
                top, *rest = path.split(".")
                value = _converted(new.get(top), rest) if top in new else None
                if value is not None:
                    new[top] = value
        except DomainError as exc:  # not an instant at all: left as it is, and said
            log.warning("%s %s: %s", coll.name, doc["_id"], exc)
            continue
        sets = {t: new[t] for t in tops if t in doc and new[t] is not doc[t]}
        if sets:
            # only if still as read: a concurrent pass (or writer) got there first otherwise
            result = coll.update_one({"_id": doc["_id"], **{t: doc[t] for t in sets}},
                                     {"$set": sets})
            changed += result.modified_count
    return changed


def convert(db, plan: dict[str, list[str]]) -> int:
    """Every collection of `plan`, once per database (the marker says it was done)."""
    if db.migrations.find_one(MARKER):
        return 0
    changed = sum(convert_collection(db[name], paths) for name, paths in plan.items())
    db.migrations.update_one(MARKER, {"$set": {"at": as_stored(dt.datetime.now(dt.timezone.utc)),
                                               "changed": changed}}, upsert=True)
    if changed:
        log.info("%s: %d documents had instants stored as text; now dates", db.name, changed)
    return changed


class TextInstants(DependencyProvider):
    """`plan(context)` -> {collection: paths}; run at setup, before any entrypoint starts."""

    def __init__(self, plan):
        self.plan = plan

    def setup(self):
        cfg = self.container.config["JOINTOPS"]
        context = self.container.service_name
        client = MongoClient(cfg.mongo_uri, tz_aware=True, serverSelectionTimeoutMS=3000,
                             **CLIENT_SETTINGS)
        try:
            convert(client[cfg.db_name(context)], self.plan(context))
        finally:
            client.close()
