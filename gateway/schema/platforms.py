"""The platforms that receive records by law (services/delivery/platforms.py): which are
configured, their deliveries, the overdue ones, and a replay by id. For planners and the
legal-affairs (accountability) staff who answer for the deadlines."""
from __future__ import annotations


import graphene

from gateway.schema import paging
from gateway.schema.base import UserError, enum_of, enum_value, mutation, requires
from gateway.schema.scalars import Date, DateTime
from services.contracts.vocabulary import (PLATFORM_DELIVERY_STATUSES, PLATFORM_RECORD_KINDS,
                                           PLATFORM_TARGETS)

READERS = ("planner", "accountability_officer")
PlatformTarget = enum_of("PlatformTarget", list(PLATFORM_TARGETS), "A platform that receives "
                         "records by law: " + "; ".join(f"{t}: {n}" for t, (_, n)
                                                        in PLATFORM_TARGETS.items()) + ".")
PlatformRecordKind = enum_of("PlatformRecordKind", PLATFORM_RECORD_KINDS,
                             "What a platform receives: INSPECTION 行政检查记录, DECISION "
                             "行政处罚决定, DRAW_RESULT 双随机抽查结果.")
PlatformDeliveryStatus = enum_of(
    "PlatformDeliveryStatus", PLATFORM_DELIVERY_STATUSES,
    "PENDING: not yet accepted (retried with backoff); DELIVERED: the platform answered "
    "2xx; FAILED: still refused when the retry span (JOINTOPS_PLATFORM_RETRY_DAYS, default "
    "30 days) ran out (replay it by id).")


class Platform(graphene.ObjectType):
    """One platform target: configured or not (未配置 / not configured: it receives
    nothing, and figures about it are not 0% but not configured), and its deliveries."""
    platform = graphene.Field(PlatformTarget, required=True, description="Which receiving platform this is.")
    record_kind = graphene.Field(PlatformRecordKind, required=True,
                                 description="What it receives.")
    name = graphene.String(required=True, description="中文名 / English name.")
    configured = graphene.Boolean(required=True, description="JOINTOPS_PLATFORM_<TARGET>_URL "
                                  "is set.")
    delivered = graphene.Int(required=True, description="Records it accepted, each once.")
    pending = graphene.Int(required=True, description="Deliveries still being tried.")
    failed = graphene.Int(required=True, description="Deliveries given up (replayable).")
    overdue = graphene.Int(required=True, description="Deliveries not done by their legal "
                           "deadline, or done after it (each opened one ledger item).")


class PlatformDelivery(graphene.ObjectType):
    """One record sent to one platform; its id is the Idempotency-Key the platform
    dedupes on, kept across retries and replays."""
    id = graphene.ID(required=True, description="The delivery id, also its Idempotency-Key.")
    platform = graphene.Field(PlatformTarget, required=True, description="Where it goes.")
    record_kind = graphene.Field(PlatformRecordKind, required=True,
                                 description="What it carries.")
    record_id = graphene.String(required=True, description="The inspection, case or draw id.")
    agency = graphene.String(description="The agency whose record it is.")
    status = graphene.Field(PlatformDeliveryStatus, required=True,
                            description="Where the delivery stands.")
    attempts = graphene.Int(required=True, description="Attempts so far (each is recorded).")
    created_at = DateTime(required=True, description="When it was queued.")
    delivered_at = DateTime(description="When the platform last accepted it.")
    due_on = Date(required=True, description="The legal deadline (Asia/Shanghai "
                  "civil date; decisions: 7 working days after the decision).")
    late = graphene.Boolean(required=True, description="First accepted after the deadline.")
    overdue = graphene.Boolean(required=True, description="Found past its deadline "
                               "undelivered, or delivered late: a ledger item was opened.")
    receipt_id = graphene.String(description="The platform's receipt id for it.")
    last_status_code = graphene.Int(description="The platform's last HTTP status.")
    last_error = graphene.String(description="Why the last attempt failed.")


PlatformDeliveryConnection = paging.connection(PlatformDelivery)


class ReplayPlatformDeliveryPayload(graphene.ObjectType):
    """The answer of replayPlatformDelivery."""
    delivery = graphene.Field(PlatformDelivery, description="The delivery, queued again.")
    errors = graphene.List(graphene.NonNull(UserError), required=True,
                           description="Why nothing was replayed (NOT_FOUND); empty when it "
                                       "was.")


class Query(graphene.ObjectType):
    platforms = graphene.List(
        graphene.NonNull(Platform), required=True,
        description="Every platform that receives records by law, configured or not, with "
                    "its deliveries by state. Roles: planner, accountability_officer.")
    platform_deliveries = paging.field(
        PlatformDeliveryConnection,
        "A platform's deliveries, newest first; `overdueOnly` lists those past their legal "
        "deadline (each opened a ledger item for the agency's legal-affairs unit). Roles: "
        "planner, accountability_officer. Errors: INVALID_INPUT (first, after, offset).",
        platform=graphene.Argument(PlatformTarget, required=True,
                                   description="The platform target."),
        overdue_only=graphene.Boolean(description="Only the overdue deliveries; default "
                                      "false."))

    @requires(*READERS)
    def resolve_platforms(root, info):
        return [Platform(**p) for p in info.context.services.delivery.platform_overview()]

    @requires(*READERS)
    def resolve_platform_deliveries(root, info, platform, overdue_only=False, first=None,
                                    after=None, offset=None):
        target = enum_value(platform)
        return paging.page(PlatformDeliveryConnection, lambda page: (
            info.context.services.delivery.platform_deliveries(
                target, bool(overdue_only), page)), first, after, offset)


class Mutation(graphene.ObjectType):
    replay_platform_delivery = mutation(
        ReplayPlatformDeliveryPayload, roles=READERS,
        description="Send one platform delivery again, now, under its own id (the platform "
                    "dedupes on it). Roles: planner, accountability_officer. Errors: "
                    "NOT_FOUND.",
        call=lambda services, who, id: services.delivery.replay_platform_delivery(id),
        id=graphene.ID(required=True, description="The delivery's id (its Idempotency-Key)."))
