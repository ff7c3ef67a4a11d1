"""`Actor`: who did something, as records and the audit trail name them."""
from __future__ import annotations

import graphene

from gateway.schema.base import Agency
from services.common.actor import stored


class Actor(graphene.ObjectType):
    """A person acting through a token (subject, the roles they acted with, their agency),
    or automatic work (`system:<what>`, no roles). Records kept before actors were
    recorded answer `system:unrecorded`."""
    subject = graphene.String(required=True, description="The token's subject (`sub`), or "
                              "system:<what> for automatic work.")
    roles = graphene.List(graphene.NonNull(graphene.String), required=True,
                          description="The roles the actor acted with (empty for automatic "
                                      "work).")
    agency = graphene.Field(Agency, description="The agency the actor acted for; null when "
                            "the token named none.")


def actor_field(key: str, required: bool = False, description: str | None = None,
                when=None):
    """A field answering the actor stored under `key` of the row (a dict). With `when`,
    only rows for which `when(row)` holds have one (e.g. a sanction that was lifted)."""
    def resolve(root, info):
        if when is not None and not when(root):
            return None
        return stored(root.get(key))
    return graphene.Field(Actor, required=required, description=description,
                          resolver=resolve)


def deprecated_author(description: str = "The subject alone") -> graphene.String:
    return graphene.String(description=f"{description} (the token's subject, or "
                                       "system:<what>).",
                           deprecation_reason=f"{description}; use the Actor field beside "
                                              "it. Removed in the next release.")
