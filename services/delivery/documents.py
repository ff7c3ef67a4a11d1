"""Stored shapes of the delivery context: webhook subscriptions, outbound deliveries and
their attempts, the qualification-change feed, machine clients, and the sequence
counters that give deliveries and feed entries their cursor order."""
from __future__ import annotations

from mongoengine import (BooleanField, DateTimeField, DictField, Document, FloatField,
                         IntField, ListField, StringField)

ALIAS = "delivery"


class SubscriptionDoc(Document):
    id = StringField(primary_key=True)
    owner = StringField(required=True)  # the subscribing token's subject (a client id)
    agency = StringField(null=True)
    url = StringField(required=True)
    event_types = ListField(StringField(), required=True)
    description = StringField(null=True)
    secret = StringField(required=True)  # signs `v1`; shown once, kept to sign with
    active = BooleanField(default=True)
    disabled_reason = StringField(null=True)  # UNSUBSCRIBED, GONE (the endpoint said 410)
    created_at = DateTimeField(required=True)
    changed_by = DictField()
    meta = {"db_alias": ALIAS, "collection": "subscriptions",
            "indexes": [("event_types", "active"), ("owner", "created_at")]}


class DeliveryDoc(Document):
    """One message to one receiver: its id is the webhook-id (the receiver's idempotency
    key), kept across retries and replays. A platform delivery (services/delivery/platforms)
    also has its record's agency and moment, and its legal deadline."""
    id = StringField(primary_key=True)
    seq = IntField(required=True)  # the cursor order of every delivery
    kind = StringField(required=True)  # which sender: "webhook", "platform.<adapter>"
    target = StringField(required=True)  # the kind's receiver (a subscription id, a platform)
    event_id = StringField(required=True)  # webhooks: the event; platforms: the record id
    event_type = StringField(required=True)
    body = StringField(required=True)  # the exact JSON sent (and signed)
    status = StringField(required=True)  # PENDING, DELIVERED, FAILED, CANCELLED
    attempts = IntField(default=0)
    next_attempt_at = DateTimeField(null=True)
    lease_until = DateTimeField(null=True)  # a replica is sending it until then
    lease_token = StringField(null=True)  # which claim leased it (services.delivery.outbound)
    give_up_at = DateTimeField(required=True)
    created_at = DateTimeField(required=True)
    delivered_at = DateTimeField(null=True)
    last_status_code = IntField(null=True)
    last_error = StringField(null=True)
    receipt_id = StringField(null=True)
    # platform deliveries only
    agency = StringField(null=True)
    record_at = DateTimeField(null=True)  # when the record happened (the annual figures)
    due_on = StringField(null=True)  # the legal deadline, a civil date (Asia/Shanghai)
    due_by = DateTimeField(null=True)  # late from this moment (midnight after due_on)
    late = BooleanField(null=True)  # delivered after due_by
    overdue_at = DateTimeField(null=True)  # when found overdue (its ledger item opened)
    changed_by = DictField(null=True)  # who last asked for it again (a replay by id)
    meta = {"db_alias": ALIAS, "collection": "deliveries", "indexes": [
        {"fields": ["seq"], "unique": True},
        {"fields": ["kind", "target", "event_id"], "unique": True},
        ("status", "next_attempt_at"), ("target", "seq"),
        ("target", "agency", "record_at"), ("overdue_at", "due_by")]}


class AttemptDoc(Document):
    id = StringField(primary_key=True)
    delivery_id = StringField(required=True)
    at = DateTimeField(required=True)
    status_code = IntField(null=True)
    error = StringField(null=True)
    duration_ms = FloatField(required=True)
    meta = {"db_alias": ALIAS, "collection": "delivery_attempts",
            "indexes": [("delivery_id", "at")]}


class FeedEntryDoc(Document):
    """One change of an officer's qualification, in the order the feed serves them."""
    id = StringField(primary_key=True)  # the event id: one entry per change
    seq = IntField(required=True)
    officer_id = StringField(required=True)
    agency = StringField(required=True)
    domains = ListField(StringField())
    qualified = BooleanField(required=True)
    at = DateTimeField(required=True)
    certificate_no = StringField(null=True)
    cause = StringField(null=True)
    meta = {"db_alias": ALIAS, "collection": "qualification_feed",
            "indexes": [{"fields": ["seq"], "unique": True}]}


class CounterDoc(Document):
    id = StringField(primary_key=True)
    seq = IntField(required=True)
    meta = {"db_alias": ALIAS, "collection": "counters"}


class ClientDoc(Document):
    """A machine client (another agency's system): OAuth 2.0 client credentials."""
    id = StringField(primary_key=True)  # the client id
    name = StringField(required=True)
    agency = StringField(null=True)
    roles = ListField(StringField(), required=True)
    secret_hash = StringField(required=True)  # sha256 of a 256-bit random secret
    status = StringField(required=True)  # ACTIVE, REVOKED
    rate_per_second = FloatField(required=True)
    burst = IntField(required=True)
    trusted_only = BooleanField(default=False)
    documents = DictField()  # the trusted-documents manifest: "sha256:<hex>" -> text
    created_at = DateTimeField(required=True)
    changed_at = DateTimeField(required=True)
    changed_by = DictField()
    meta = {"db_alias": ALIAS, "collection": "clients"}
