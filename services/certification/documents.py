"""How the certification context is stored: one document per officer (identity plus the
append-only history the domain replays), its slim row in the roster's read model, and
counter documents for certificate numbers."""
from __future__ import annotations

import uuid

from mongoengine import DateTimeField, DictField, Document, IntField, ListField, StringField

from services.certification.domain import Agency, OfficerRecord, listing_facts

ALIAS = "certification"


class OfficerDocument(Document):
    id = StringField(primary_key=True)
    name = StringField(required=True, max_length=64)
    agency = StringField(required=True, choices=[a.value for a in Agency])
    # Unique: the same person cannot be registered twice (DUPLICATE_ID_NUMBER).
    id_number = StringField(required=True)
    version = IntField(required=True, min_value=1)  # optimistic concurrency
    # New on every write, unlike version (which restarts at 1 if the officer is ever
    # stored afresh): readers may keep a parsed record for as long as rev is unchanged.
    rev = StringField()
    history = ListField(DictField())
    # Every domain any certificate ever named: a superset of what the officer holds at
    # any moment, so it can narrow list/roster queries without deciding them.
    domains_ever = ListField(StringField())
    meta = {"db_alias": ALIAS, "collection": "officers",
            "indexes": [{"fields": ["id_number"], "unique": True},
                        ("agency", "name"), ("name",), ("domains_ever",)]}

    @classmethod
    def from_record(cls, record: OfficerRecord, version: int,
                    start: int = 0) -> "OfficerDocument":
        """With `start`, the document's history holds only the entries after the first
        `start` (what a change appends, see repository.write); domains_ever is the whole
        history's either way."""
        return cls(id=record.id, name=record.name, agency=record.agency.value,
                   id_number=record.id_number, version=version, rev=uuid.uuid4().hex,
                   history=[e.to_dict() for e in record.history[start:]],
                   domains_ever=domains_ever(record))


def domains_ever(record: OfficerRecord) -> list[str]:
    return sorted({d for e in record.history for d in e.data.get("domains", ())})


class OfficerListing(Document):
    """The roster's read model: one slim row per officer (what the list sorts and filters
    by, domain.listing_facts), written in the unit of work of every write of the officer
    (repository.insert and repository.write). SecantusDB decodes each matching document
    whole before it skips, limits or projects, and an officer document holds the whole
    history, so the list pages and counts these rows instead and loads only the page's
    records."""
    id = StringField(primary_key=True)  # the officer's id
    name = StringField(required=True)
    agency = StringField(required=True)
    domains_ever = ListField(StringField())
    # The state once every entry has taken effect, exact from `settled` on (before it, a
    # future-effective entry: the list replays the record).
    settled = DateTimeField()
    status = StringField()
    domains = ListField(StringField())
    lifecycle = StringField()
    until = StringField()        # ISO date: the certificate's last valid day
    review_base = StringField()  # ISO date the review interval counts from
    # (name, _id) is the roster's order: pages are read off these indexes, not sorted.
    meta = {"db_alias": ALIAS, "collection": "officer_listings",
            "indexes": [("name", "id"), ("agency", "name", "id"), ("domains_ever",),
                        ("settled",), ("until",), ("review_base",), ("status",)]}

    @classmethod
    def from_record(cls, record: OfficerRecord) -> "OfficerListing":
        return cls(id=record.id, name=record.name, agency=record.agency.value,
                   domains_ever=domains_ever(record), **listing_facts(record))


def record_from_raw(raw: dict) -> OfficerRecord:
    """A pymongo document (read without mongoengine, for speed) as the domain record."""
    return OfficerRecord.from_dict({**raw, "id": raw["_id"]})


class CounterDocument(Document):
    """`certificate:CU:2026` -> the last sequence number handed out."""
    id = StringField(primary_key=True)
    seq = IntField(required=True, min_value=0)
    meta = {"db_alias": ALIAS, "collection": "counters"}


class CredentialDocument(Document):
    """One issued officer credential: where its status bits live and what they say now.
    The certification service alone allocates (list, index) and keeps `status` in step
    with the officer's record (services/certification/credentials.py)."""
    id = StringField(primary_key=True)                 # the credential's uuid
    officer_id = StringField(required=True)
    certificate_no = StringField(required=True)
    list = IntField(required=True, min_value=1)        # status list number
    index = IntField(required=True, min_value=0)       # bit in both lists of that number
    status = StringField(required=True)                # domain.credentials.CredentialStatus
    next_change_at = DateTimeField()                   # when time alone may change it
    issued_at = DateTimeField(required=True)
    valid_until = DateTimeField(required=True)
    kid = StringField(required=True)
    issued_by = StringField()
    meta = {"db_alias": ALIAS, "collection": "credentials",
            "indexes": ["officer_id", ("list", "status"), "next_change_at",
                        {"fields": ["list", "index"], "unique": True}]}
