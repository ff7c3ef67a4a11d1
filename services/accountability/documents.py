"""Stored shapes of the accountability model.

Field names are the domain dataclasses' (`to_dict`) names, so one converter serves every
document (`services.accountability.repository`) and the period-count pipeline of the domain
(`records.period_counts_pipeline`) runs on the collections as they are. Times are BSON
dates (the pipeline compares them), civil dates ISO strings (they sort as text).
"""
from __future__ import annotations

from mongoengine import (BooleanField, DateTimeField, DictField, Document, IntField,
                         ListField, StringField)

from services.accountability.domain.records import COLLECTIONS

ALIAS = "accountability"
_Strings = lambda: ListField(StringField())  # noqa: E731  (tuples of ids / evidence refs)
_Actor = lambda: DictField(null=True)  # noqa: E731  (services.common.actor; None: unrecorded)


class FindingDoc(Document):
    id = StringField(primary_key=True)  # finding_id
    officer_id = StringField(required=True)
    description = StringField(required=True)
    source = StringField(required=True)
    recorded_at = DateTimeField(required=True)
    case_id = StringField(null=True)
    inspection_id = StringField(null=True)
    evidence = _Strings()
    rule = StringField(null=True)
    trigger_event_ids = _Strings()
    # Unique: the last guard against one automatic finding being opened twice. Not
    # null=True: a manual finding must omit the field, or the sparse index counts its null.
    dedupe_key = StringField()
    recorded_by = _Actor()
    fault_form = StringField(null=True)
    harm = StringField(null=True)
    gravity = StringField(null=True)
    proposed_measure = StringField(null=True)
    complaint_id = StringField(null=True)
    meta = {"db_alias": ALIAS, "collection": COLLECTIONS["findings"], "indexes": [
        {"fields": ["dedupe_key"], "unique": True, "sparse": True},
        ("officer_id", "-recorded_at"), ("-recorded_at", "-_id"), "case_id"]}


class SanctionDoc(Document):
    id = StringField(primary_key=True)  # sanction_id
    finding_id = StringField(required=True)
    officer_id = StringField(required=True)
    measure = StringField(required=True)
    effective_at = DateTimeField(required=True)
    imposed_at = DateTimeField(required=True)
    lifted_at = DateTimeField(null=True)
    imposed_by = _Actor()
    lifted_by = _Actor()
    proposed_measure = StringField(null=True)
    departure_reason = StringField(null=True)
    version = IntField(default=0)
    meta = {"db_alias": ALIAS, "collection": COLLECTIONS["sanctions"], "indexes": [
        # One decision per finding and measure, also under concurrent requests.
        {"fields": ["finding_id", "measure"], "unique": True},
        ("officer_id", "measure"), "effective_at"]}


class LedgerItemDoc(Document):
    id = StringField(primary_key=True)  # item_id
    owner = StringField(required=True)
    description = StringField(required=True)
    opened_at = DateTimeField(required=True)
    deadline = StringField(required=True)  # civil date, ISO
    status = StringField(required=True)
    finding_ids = _Strings()
    on_the_spot = BooleanField(default=False)
    rectified_at = DateTimeField(null=True)
    rectified_by = StringField(null=True)
    evidence = _Strings()
    verified_at = DateTimeField(null=True)
    verified_by = StringField(null=True)
    overdue_at = DateTimeField(null=True)
    opened_by = _Actor()
    rectified_by_actor = _Actor()
    verified_by_actor = _Actor()
    version = IntField(default=0)
    meta = {"db_alias": ALIAS, "collection": COLLECTIONS["ledger"], "indexes": [
        ("status", "deadline"), "owner", "finding_ids", ("-opened_at", "-_id")]}


class CaseOfficers(Document):
    """Projection of enforcement.case_decided.v1: who handled the case. The 'published
    late' rule needs it because decision_published names no officers."""
    id = StringField(primary_key=True)  # case_id
    officer_ids = _Strings()
    decided_event_id = StringField()
    meta = {"db_alias": ALIAS, "collection": "case_officers"}


class ActivityDoc(Document):
    """An entry of the register of rule-of-law activities (domain.activities)."""
    id = StringField(primary_key=True)  # activity_id
    kind = StringField(required=True)
    agency = StringField(required=True)
    title = StringField(required=True)
    held_on = StringField(required=True)  # civil date, ISO: a year is a text range
    quantity = IntField(required=True, min_value=1)
    recorded_by = StringField(required=True)
    recorded_at = DateTimeField(required=True)
    meta = {"db_alias": ALIAS, "collection": "rule_of_law_activities",
            # Ascending only: SecantusDB 0.7 misses documents when a range on a descending
            # field of a compound index follows an equality ({agency, held_on >= ...}).
            "indexes": [("agency", "held_on"), ("agency", "kind", "held_on")]}


class ComplaintDoc(Document):
    """A complaint about officers' conduct (domain.complaints)."""
    id = StringField(primary_key=True)  # complaint_id
    origin = StringField(required=True)
    agency = StringField(required=True)
    description = StringField(required=True)
    received_at = DateTimeField(required=True)
    acknowledge_by = StringField(required=True)  # civil date, ISO
    anonymous = BooleanField(default=False)
    complainant = StringField(null=True)
    contact = StringField(null=True)
    officer_ids = _Strings()
    status = StringField(required=True)
    acknowledged_at = DateTimeField(null=True)
    acknowledgment = StringField(null=True)
    finding_ids = _Strings()
    received_by = _Actor()
    acknowledged_by = _Actor()
    version = IntField(default=0)
    meta = {"db_alias": ALIAS, "collection": "accountability_complaints",
            "indexes": [("status", "acknowledge_by"), ("-received_at", "-_id"), "agency"]}
