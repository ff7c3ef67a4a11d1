"""What other agencies' systems get pushed and pulled: webhook subscriptions and their
deliveries (the caller's own, or any for a planner), and the pull feed of qualification
changes. Public event types: services.contracts.topology.PUBLIC_EVENTS (docs/integrators.md)."""
from __future__ import annotations


import graphene

from gateway.schema import paging
from gateway.schema.base import (Agency, EnforcementDomain, UserError, actor, enum_of,
                                 mutation, plain, requires)
from gateway.schema.certification import READERS
from gateway.schema.scalars import DateTime
from services.contracts.topology import PUBLIC_EVENTS

SUBSCRIBERS = ("cross_agency", "planner")
PUBLIC_TYPES = ", ".join(f"`{t}`" for t in PUBLIC_EVENTS)
DeliveryStatus = enum_of("WebhookDeliveryStatus", ["PENDING", "DELIVERED", "FAILED",
                                                   "CANCELLED"],
                         "PENDING: not yet accepted (retried with backoff); DELIVERED: the "
                         "endpoint answered 2xx; FAILED: still refused when the retry span "
                         "(default 3 days) ran out; CANCELLED: the subscription ended or the "
                         "endpoint answered 410 Gone.")


class WebhookSubscriptionInput(graphene.InputObjectType):
    """An endpoint of the caller's system and the public event types it wants pushed."""

    url = graphene.String(required=True, description="The endpoint: https:// (a public "
                          "address; never private ranges, loopback or metadata addresses). "
                          "Redirects are not followed.")
    event_types = graphene.List(graphene.NonNull(graphene.String), required=True,
                                description=f"Public event types: {PUBLIC_TYPES}.")
    description = graphene.String(description="What the subscription is for (at most 500 "
                                  "characters).")


class WebhookSubscription(graphene.ObjectType):
    """An endpoint subscribed to public event types (see docs/integrators.md)."""

    id = graphene.ID(required=True, description="The subscription's id (`whs_…`).")
    url = graphene.String(required=True, description="Where deliveries are posted.")
    event_types = graphene.List(graphene.NonNull(graphene.String), required=True,
                                description="The public event types delivered.")
    active = graphene.Boolean(required=True, description="False once unsubscribed or "
                              "disabled (the endpoint answered 410 Gone).")
    created_at = DateTime(required=True, description="When it was made.")


class WebhookSubscriptionPayload(graphene.ObjectType):
    """The subscription made or ended, or why not."""

    subscription = graphene.Field(WebhookSubscription, description="Null when refused.")
    secret = graphene.String(description="The `v1` signing secret (`whsec_…`), shown once, "
                             "when subscribing; null otherwise.")
    errors = graphene.List(graphene.NonNull(UserError), required=True,
                           description="Why it was refused; empty when done.")


class WebhookAttempt(graphene.ObjectType):
    """One try at posting a delivery."""

    at = DateTime(required=True, description="When it was sent.")
    status_code = graphene.Int(description="The endpoint's HTTP status; null when none "
                               "came (refused address, timeout, connection error).")
    error = graphene.String(description="Why it failed (HTTP status, REDIRECT_REFUSED, a "
                            "refused address, a timeout); null when it succeeded.")
    duration_ms = graphene.Float(required=True, description="Milliseconds it took.")


class WebhookDelivery(graphene.ObjectType):
    """One message to one subscription, with every attempt at it."""

    id = graphene.ID(required=True, description="The `webhook-id` header: the same for "
                     "every retry and replay of this message.")
    event_type = graphene.String(required=True, description="Its public event type.")
    status = graphene.Field(DeliveryStatus, required=True, description="Where it stands.")
    attempts = graphene.Int(required=True, description="How many times it was posted.")
    created_at = DateTime(required=True, description="When the event was queued for it.")
    delivered_at = DateTime(description="When the endpoint accepted it (2xx).")
    next_attempt_at = DateTime(description="When it is tried again, if it is pending.")
    last_status_code = graphene.Int(description="The last answer's HTTP status.")
    last_error = graphene.String(description="Why the last attempt failed.")
    payload = graphene.String(required=True, description="The JSON body sent.")
    attempt_log = graphene.List(graphene.NonNull(WebhookAttempt), required=True,
                                description="Every attempt, oldest first.")

    def resolve_payload(root, info):
        return root["body"]


WebhookDeliveryConnection = paging.connection(
    WebhookDelivery, "A page of a subscription's deliveries, oldest first.")


class ReplayWebhookDeliveriesPayload(graphene.ObjectType):
    """How many deliveries are sent again, or why not."""

    replayed = graphene.Int(description="How many deliveries will be sent again.")
    errors = graphene.List(graphene.NonNull(UserError), required=True,
                           description="Why it was refused; empty when done.")


class QualificationChange(graphene.ObjectType):
    """One change of the domains an officer may enforce in."""

    officer_id = graphene.ID(required=True, description="The officer.")
    agency = graphene.Field(Agency, required=True, description="The officer's agency.")
    domains = graphene.List(graphene.NonNull(EnforcementDomain), required=True,
                            description="The domains the officer is qualified for from `at`.")
    qualified = graphene.Boolean(required=True, description="Qualified for any domain.")
    at = DateTime(required=True, description="When the change takes effect.")
    certificate_no = graphene.String(description="The certificate concerned: the one that "
                                     "counts from `at`, or the one that stopped counting.")
    cause = graphene.String(description="Id of the request, event or sanction that caused "
                            "it.")


QualificationChangeConnection = paging.connection(
    QualificationChange, "A page of the qualification-change feed, in the order recorded.")


class Query(graphene.ObjectType):
    webhook_deliveries = paging.field(
        WebhookDeliveryConnection, "A subscription's deliveries, oldest first: status, "
        "attempts, the last response. Cross-agency systems see their own subscriptions, "
        "planners any. A cursor stays valid as deliveries are added.",
        subscription_id=graphene.ID(
            required=True, description="The subscription whose deliveries to list."))
    qualification_changes = paging.field(
        QualificationChangeConnection, "Every change of an officer's qualification, once "
        "each and in one order: keep the last cursor and ask again from it (for systems "
        "that cannot receive webhooks); a cursor stays valid for good.")

    @requires(*SUBSCRIBERS)
    def resolve_webhook_deliveries(root, info, subscription_id, first=None, after=None,
                                   offset=None):
        return paging.page(WebhookDeliveryConnection, lambda page: info.context.services
                           .delivery.webhook_deliveries(subscription_id, page, actor(info)),
                           first, after, offset)

    @requires(*READERS)
    def resolve_qualification_changes(root, info, after=None, first=None, offset=None):
        return paging.page(QualificationChangeConnection, lambda page: info.context.services
                           .delivery.qualification_changes(page), first, after, offset)


class Mutation(graphene.ObjectType):
    subscribe_webhook = mutation(
        WebhookSubscriptionPayload, roles=SUBSCRIBERS,
        call=lambda services, who, input: services.delivery.subscribe_webhook(
            plain(dict(input)), who),
        input=WebhookSubscriptionInput(required=True, description="The endpoint and the "
                                       "event types; see the input type."),
        description="Subscribe an endpoint to public event types; the answer holds the "
                    "`v1` secret, once. Errors: INVALID_URL, WEBHOOK_URL_NOT_HTTPS, "
                    "WEBHOOK_URL_PRIVATE_ADDRESS, WEBHOOK_URL_METADATA_ADDRESS, "
                    "WEBHOOK_URL_UNRESOLVABLE, UNKNOWN_EVENT_TYPE, INVALID_INPUT, "
                    "TOO_MANY_SUBSCRIPTIONS.")
    unsubscribe_webhook = mutation(
        WebhookSubscriptionPayload, roles=SUBSCRIBERS,
        call=lambda services, who, id: services.delivery.unsubscribe_webhook(id, who),
        id=graphene.ID(required=True, description="The subscription's id (`whs_…`)."),
        description="End a subscription (pending deliveries are cancelled). Errors: "
                    "NOT_FOUND.")
    replay_webhook_deliveries = mutation(
        ReplayWebhookDeliveriesPayload, roles=SUBSCRIBERS,
        call=lambda services, who, subscription_id, after=None: (
            services.delivery.replay_webhook_deliveries(
                subscription_id, paging.request(after=after)["after"], who)),
        subscription_id=graphene.ID(required=True, description="The subscription whose "
                                    "deliveries to send again."),
        after=graphene.String(description="A cursor from webhookDeliveries; omit to replay "
                              "them all."),
        description="Send a subscription's deliveries after the cursor again, now, under "
                    "their own webhook-ids. Errors: NOT_FOUND, SUBSCRIPTION_INACTIVE.")
