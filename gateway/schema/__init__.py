"""The served schema: each context contributes a `Query` and/or `Mutation` mixin."""
from __future__ import annotations

import importlib

import graphene

# Order matters only for SDL readability; each module owns its own fields.
MODULES = ["health", "certification", "exam_import", "credentials", "accountability",
           "activities", "enforcement", "operations", "draws", "draw_plans", "figures", "audit", "delivery"]


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


def build_schema() -> graphene.Schema:
    query = type("Query", _parts("Query") + (graphene.ObjectType,), {})
    mutations = _parts("Mutation")
    mutation = type("Mutation", mutations + (graphene.ObjectType,), {}) if mutations else None
    return graphene.Schema(query=query, mutation=mutation, auto_camelcase=True)
