"""Pure certification model (no I/O). See the modules for the rules; this is the API."""
from types import ModuleType as _Module

from .config import DEFAULT_CONFIG, CertificationConfig
from .enums import (DOMAIN_AGENCY, Agency, CertificateStatus, EnforcementDomain, ExamKind, Kind,
                    OfficerStatus, Reason, SanctionMeasure)
from .events import EVENT_TYPES
from .idnumber import mask_id_number, validate_id_number
from .lifecycle import (certificate_number, issue_certificate, record_exam, register_officer,
                        renew_certificate)
from .qualification import (Qualification, expires_within, qualification,
                            qualification_over_window, qualified_domains, stable_until)
from .record import HistoryEntry, OfficerRecord
from .status import (apply_sanction, complete_training, record_annual_review,
                     reinstate_certificate, reinstate_to_post, revoke_certificate,
                     suspend_certificate)
from .sweep import sweep
from .views import history, listing_facts, officer_view, visible_id_number

__all__ = [n for n, v in dict(globals()).items()
           if not n.startswith("_") and not isinstance(v, _Module)]
