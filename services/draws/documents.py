"""Stored draws. The seed lives in its own collection so no read of a draw can leak it
before the reveal; the published document is stored as text chunks because a large
directory's snapshot can exceed one MongoDB document."""
from __future__ import annotations

from mongoengine import (BooleanField, DateTimeField, DictField, Document, IntField,
                         ListField, StringField)


class DrawDoc(Document):
    id = StringField(primary_key=True)
    title = StringField(required=True)
    kind = StringField(required=True)
    changed_by = DictField(null=True)  # the Actor of the last write (UnitOfWork stamps it)
    operation_id = StringField()
    plan_id = StringField()                 # the draw plan (抽查批次) it belongs to, if any
    scope = DictField(required=True)        # Scope.to_dict()
    rules = DictField(required=True)        # RuleSet.to_dict()
    status = StringField(required=True)
    created_by = StringField()
    created_at = DateTimeField(required=True)
    results_due_workdays = IntField(required=True)
    results_due = StringField()             # ISO date, for the overdue sweep's query
    seed_commitment = StringField()
    seed = StringField()                    # copied here only when revealed
    committed_at = DateTimeField()
    revealed_at = DateTimeField()
    hashes = DictField()
    entity_count = IntField()
    inspector_count = IntField()
    results_published_on = StringField()    # ISO date
    overdue_notified = BooleanField(default=False)
    version = IntField(default=0)
    meta = {"db_alias": "draws", "collection": "draws",
            "indexes": [("status", "results_due"), "operation_id", "-created_at", "plan_id",
                        "revealed_at"]}


class DrawPlanDoc(Document):
    """A draw plan (抽查批次): see services.draws.domain.plans."""
    id = StringField(primary_key=True)
    title = StringField(required=True)
    agency = StringField(required=True)
    year = IntField(required=True)
    created_by = StringField()
    created_at = DateTimeField(required=True)
    meta = {"db_alias": "draws", "collection": "draw_plans",
            "indexes": [("agency", "-year", "-created_at")]}


class DrawSeed(Document):
    """The secret seed of a committed draw; published only in the revealed document."""
    id = StringField(primary_key=True)      # the draw id
    seed = StringField(required=True)
    meta = {"db_alias": "draws", "collection": "draw_seeds"}


class AssignmentDoc(Document):
    id = StringField(primary_key=True)      # "<draw id>:<entity id>"
    draw_id = StringField(required=True)
    seq = IntField(required=True)           # row in the result (sorted by entity id)
    entity_id = StringField(required=True)
    agency = StringField(required=True)
    category = StringField()
    tier = StringField()
    flagged = BooleanField(default=False)
    inspector_ids = ListField(StringField())
    inspection_date = StringField()         # ISO: only later inspections answer the draw
    open = BooleanField(default=True)       # still collecting results
    inspection_id = StringField()
    performed_at = StringField()
    violation_found = BooleanField()
    meta = {"db_alias": "draws", "collection": "assignments",
            "indexes": [("draw_id", "seq"), ("entity_id", "open")]}


class TextChunk(Document):
    id = StringField(primary_key=True)      # "<draw id>:<part>:<n>"
    draw_id = StringField(required=True)
    part = StringField(required=True)       # "document" | "results"
    n = IntField(required=True)
    text = StringField(required=True)
    meta = {"db_alias": "draws", "collection": "published_text",
            "indexes": [("draw_id", "part", "n")]}
