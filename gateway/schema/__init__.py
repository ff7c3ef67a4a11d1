"""The served schema: each context contributes a `Query` and/or `Mutation` mixin."""
from __future__ import annotations

import importlib

import graphene

# Order matters only for SDL readability; each module owns its own fields.
MODULES = ["health", "certification", "exam_import", "credentials", "accountability",
           "complaints", "activities", "enforcement", "entity_import", "operations", "draws", "draw_plans",
           "figures", "audit", "delivery", "platforms"]


def _parts(kind):
    parts = []
    for name in MODULES:
        try:
            module = importlib.import_module(f"gateway.schema.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"gateway.schema.{name}":
                raise
            continue
        if hasattr(module, kind):
            parts.append(getattr(module, kind))
    return tuple(parts)


QUERY = ("Every read of jointops (联合执法): officers and their qualification, joint operations, "
         "double-random draws, inspections and cases, accountability, the annual figures. "
         "Each field says who may call it (roles: planner, certification_admin, "
         "accountability_officer, enforcement_officer, cross_agency; the README's role "
         "table); without a bearer token only published records answer.")
MUTATION = ("Every change: each answers a payload whose `errors` lists business refusals "
            "(a stable code, nothing changed); a caller without the role gets a top-level "
            "FORBIDDEN error (UNAUTHENTICATED without a token). Each field names its roles "
            "and the codes it returns.")


def build_schema() -> graphene.Schema:
    query = type("Query", _parts("Query") + (graphene.ObjectType,), {"__doc__": QUERY})
    mutations = _parts("Mutation")
    mutation = type("Mutation", mutations + (graphene.ObjectType,),
                    {"__doc__": MUTATION}) if mutations else None
    return graphene.Schema(query=query, mutation=mutation, auto_camelcase=True)
