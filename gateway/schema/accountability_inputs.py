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
    """A finding of illegal or improper enforcement (执法过错) to record against an officer."""
    officer_id = ID(required=True,
                    description="The officer the finding is against; unknown: NOT_FOUND.")
    description = String(required=True,
                         description="What was wrong, in plain text (at most 2,000 characters).")
    source = InputField(FindingSource, description="Defaults to AUDIT; AUTOMATIC is the "
                                                   "rules' alone.")
    case_id = ID(description="The enforcement case it is about, if any.")
    inspection_id = ID(description="The inspection it is about, if any.")
    evidence = List(NonNull(String),
                    description="References to the evidence (document numbers, file names, "
                                "links).")
    request_key = String(description=REQUEST_KEY)
    fault_form = InputField(FaultForm, description=GRADED)
    harm = InputField(HarmLevel, description=GRADED)
    gravity = InputField(GravityLevel, description=GRADED)


class SanctionInput(graphene.InputObjectType):
    """An accountability measure (问责) to impose for a finding."""
    finding_id = ID(required=True,
                    description="The finding the sanction answers; unknown: NOT_FOUND.")
    measure = InputField(SanctionMeasure, required=True,
                         description="The measure, from criticism and education to revoking the "
                                     "qualification.")
    effective_at = DateTime(description="When it takes effect; defaults to now.")
    request_key = String(description=REQUEST_KEY)
    reason = String(description="The written reason (写明理由); required when the measure "
                    "differs from the finding's proposedMeasure: SANCTION_REASON_REQUIRED.")


class OfficerStepInput(graphene.InputObjectType):
    """The officer whose off-post training is completed or who is reinstated to post."""
    officer_id = ID(required=True,
                    description="The officer's id; unknown: NOT_FOUND.")


class OpenLedgerItemInput(graphene.InputObjectType):
    """A new rectification ledger item (整改台账): what to put right, who owns it."""
    owner = String(required=True,
                   description="Who must put it right: a person or a unit (at most 200 "
                               "characters).")
    description = String(required=True,
                         description="What must be put right (plain text).")
    deadline_workdays = Int(description="Working days from today; defaults to 10.")
    finding_ids = List(NonNull(ID),
                       description="The findings the item answers, if any.")
    request_key = String(description=REQUEST_KEY)


class FixOnTheSpotInput(graphene.InputObjectType):
    """A problem fixed on the spot (立行立改): opened and rectified in one step."""
    owner = String(required=True,
                   description="Who put it right: a person or a unit.")
    description = String(required=True,
                         description="What was put right (plain text).")
    evidence = List(NonNull(String), required=True,
                    description="Evidence of the fix (at least one reference).")
    finding_ids = List(NonNull(ID),
                       description="The findings the fix answers, if any.")
    request_key = String(description=REQUEST_KEY)


class RectifyLedgerItemInput(graphene.InputObjectType):
    """A ledger item put right, with its evidence."""
    item_id = ID(required=True,
                 description="The ledger item's id; unknown: NOT_FOUND.")
    evidence = List(NonNull(String), required=True,
                    description="Evidence of the rectification (at least one reference).")


class VerifyLedgerItemInput(graphene.InputObjectType):
    """A rectified ledger item checked by someone other than who rectified it."""
    item_id = ID(required=True,
                 description="The ledger item's id; unknown: NOT_FOUND.")
