"""Names shared by the certification model. Values equal the GraphQL enum names."""
from __future__ import annotations

from enum import Enum

from services.common.errors import InvalidInput
from services.contracts.vocabulary import (  # noqa: F401  (the context uses them as its own)
    DOMAIN_AGENCY, Agency, CertificateStatus, EnforcementDomain, OfficerStatus, Reason)


REASON_ORDER = {r: i for i, r in enumerate(Reason)}


class ExamKind(str, Enum):
    PUBLIC_LAW = "PUBLIC_LAW"
    PROFESSIONAL_LAW = "PROFESSIONAL_LAW"


class SanctionMeasure(str, Enum):
    CRITICISM_EDUCATION = "CRITICISM_EDUCATION"
    OFF_POST_TRAINING = "OFF_POST_TRAINING"
    REMOVAL_FROM_POST = "REMOVAL_FROM_POST"
    QUALIFICATION_REVOKED = "QUALIFICATION_REVOKED"


class Kind(str, Enum):
    """History entry kinds (stored; never rename)."""
    OFFICER_REGISTERED = "OFFICER_REGISTERED"
    EXAM_RECORDED = "EXAM_RECORDED"
    CERTIFICATE_ISSUED = "CERTIFICATE_ISSUED"
    CERTIFICATE_RENEWED = "CERTIFICATE_RENEWED"
    CERTIFICATE_SUSPENDED = "CERTIFICATE_SUSPENDED"
    CERTIFICATE_REINSTATED = "CERTIFICATE_REINSTATED"
    CERTIFICATE_REVOKED = "CERTIFICATE_REVOKED"
    CERTIFICATE_EXPIRED = "CERTIFICATE_EXPIRED"  # marker only: expiry follows from the dates
    ANNUAL_REVIEW_RECORDED = "ANNUAL_REVIEW_RECORDED"
    REVIEW_OVERDUE_NOTED = "REVIEW_OVERDUE_NOTED"  # marker only, so the sweep reports once
    SANCTION_NOTED = "SANCTION_NOTED"  # criticism and education: kept, no effect
    TRAINING_STARTED = "TRAINING_STARTED"
    TRAINING_COMPLETED = "TRAINING_COMPLETED"
    REMOVED_FROM_POST = "REMOVED_FROM_POST"
    REINSTATED_TO_POST = "REINSTATED_TO_POST"


def parse_enum(enum_cls, value, field: str):
    """Input enum value or INVALID_INPUT naming the field."""
    try:
        return enum_cls(value)
    except ValueError:
        raise InvalidInput(f"unknown {enum_cls.__name__} {value!r}", ["input", field]) from None
