"""Event type names other contexts and the gateway react to (the full list, with every
payload's schema, is schemas/events/; a test checks each name here has its schema)."""
from __future__ import annotations

CREDENTIAL_STATUS_CHANGED = "certification.credential_status_changed.v1"
# the law as applied, part 2 (evidence, reasoned documents, typical cases, complaints)
EVIDENCE_ATTACHED = "enforcement.evidence_attached.v1"
CASE_DOCUMENT_ISSUED = "enforcement.case_document_issued.v1"
TYPICAL_CASE_MARKED = "enforcement.typical_case_marked.v1"
COMPLAINT_RECEIVED = "accountability.complaint_received.v1"
COMPLAINT_ACKNOWLEDGED = "accountability.complaint_acknowledged.v1"
COMPLAINT_FINDING_OPENED = "accountability.complaint_finding_opened.v1"
PLATFORM_DELIVERY_OVERDUE = "delivery.platform_delivery_overdue.v1"
