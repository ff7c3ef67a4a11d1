"""Stored shapes of the audit trail: the entries and the chain's head.

The head (last seq and hash) is written in the same transaction as each entry: a second
writer that read the same head fails on the unique seq or on the head's old seq, and
appends again after the winner; a cut tail shows as a head that is not the last entry.
"""
from __future__ import annotations

from mongoengine import DateTimeField, DictField, Document, IntField, ListField, StringField

ALIAS = "audit"


class AuditEntryDoc(Document):
    id = StringField(primary_key=True)  # the event id: one entry per event
    seq = IntField(required=True)
    at = DateTimeField(required=True)
    actor = DictField(required=True)
    event_type = StringField(required=True)
    subject_ids = ListField(StringField())
    correlation_id = StringField(required=True)
    causation_id = StringField(null=True)
    producer = StringField(required=True)
    prev_hash = StringField(required=True)
    hash = StringField(required=True)
    meta = {"db_alias": ALIAS, "collection": "audit_entries", "indexes": [
        {"fields": ["seq"], "unique": True}, ("subject_ids", "-seq"),
        ("actor.subject", "-seq"), ("at", "-seq")]}


class ChainHead(Document):
    id = StringField(primary_key=True)  # the chain's name
    seq = IntField(required=True)
    hash = StringField(required=True)
    meta = {"db_alias": ALIAS, "collection": "audit_head"}
