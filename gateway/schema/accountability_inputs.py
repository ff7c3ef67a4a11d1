"""GraphQL inputs of the accountability mutations (contract: FindingInput, SanctionInput;
the optional fields beyond it keep every contract request valid)."""
from __future__ import annotations

import graphene
from graphene import ID, InputField, Int, List, NonNull, String

from gateway.schema.accountability_types import (FaultForm, FindingSource, GravityLevel,
                                                HarmLevel, SanctionMeasure)
from gateway.schema.scalars import DateTime

REQUEST_KEY = "Idempotency key: a retried request with the same key returns the first result."
GRADED = ("Grades the finding (过错形式 / 危害大小 / 情节轻重): give all three or none "
          "(INVALID_INPUT); the grading table then proposes a measure (proposedMeasure).")


class FindingInput(graphene.InputObjectType):
    officer_id = ID(required=True)
    description = String(required=True)
    source = InputField(FindingSource, description="Defaults to AUDIT; AUTOMATIC is the "
                                                   "rules' alone.")
    case_id = ID()
    inspection_id = ID()
    evidence = List(NonNull(String))
    request_key = String(description=REQUEST_KEY)
    fault_form = InputField(FaultForm, description=GRADED)
    harm = InputField(HarmLevel, description=GRADED)
    gravity = InputField(GravityLevel, description=GRADED)


class SanctionInput(graphene.InputObjectType):
    finding_id = ID(required=True)
    measure = InputField(SanctionMeasure, required=True)
    effective_at = DateTime(description="Defaults to now.")
    request_key = String(description=REQUEST_KEY)
    reason = String(description="The written reason (写明理由); required when the measure "
                    "differs from the finding's proposedMeasure: SANCTION_REASON_REQUIRED.")


class OfficerStepInput(graphene.InputObjectType):
    officer_id = ID(required=True)


class OpenLedgerItemInput(graphene.InputObjectType):
    owner = String(required=True)
    description = String(required=True)
    deadline_workdays = Int(description="Working days from today; defaults to 10.")
    finding_ids = List(NonNull(ID))
    request_key = String(description=REQUEST_KEY)


class FixOnTheSpotInput(graphene.InputObjectType):
    owner = String(required=True)
    description = String(required=True)
    evidence = List(NonNull(String), required=True)
    finding_ids = List(NonNull(ID))
    request_key = String(description=REQUEST_KEY)


class RectifyLedgerItemInput(graphene.InputObjectType):
    item_id = ID(required=True)
    evidence = List(NonNull(String), required=True)


class VerifyLedgerItemInput(graphene.InputObjectType):
    item_id = ID(required=True)
