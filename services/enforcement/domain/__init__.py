"""Pure enforcement domain core: entities, inspections, cases, deadlines, record, figures.

No I/O here: the culture and transport services load and store, this package decides.
"""
from services.enforcement.domain.case_model import (  # noqa: F401
    STATES, TRANSITIONS, Case, Decision, DecisionDraft, JusticeFiling, LegalReview, Party,
    Publication, ServiceAttempt)
from services.enforcement.domain.cases import (  # noqa: F401
    close_case, file_case, notify_rights, record_legal_review, start_investigation,
    submit_for_legal_review)
from services.enforcement.domain.catalogue import (  # noqa: F401
    AgencyCatalogue, EntityKind, Violation, catalogue_for)
from services.enforcement.domain.deadlines import (  # noqa: F401
    decision_due, overdue_items, publication_due, publication_late, report_overdue)
from services.enforcement.domain.decisions import decide  # noqa: F401
from services.enforcement.domain.delivery import (  # noqa: F401
    attempt_service, record_consent, record_receipt)
from services.enforcement.domain.discretion import is_major, validate_draft  # noqa: F401
from services.enforcement.domain.entities import (  # noqa: F401
    Entity, entity_id, merge_entities, new_entity, register_entity)
from services.enforcement.domain.entity_import import (  # noqa: F401
    RowError, parse_entity_csv, parse_entity_row, parse_entity_rows)
from services.enforcement.domain.justice import file_with_justice_bureau  # noqa: F401
from services.enforcement.domain.inspections import Inspection, record_inspection  # noqa: F401
from services.enforcement.domain.publication import (  # noqa: F401
    mask_identifier, mask_name, public_version, publish_decision)
from services.enforcement.domain.record import RecordEntry, verify_chain  # noqa: F401
from services.enforcement.domain.statistics import (  # noqa: F401
    compute_statistics, statistics_pipeline)
from services.enforcement.domain.team import Team, check_team  # noqa: F401
from services.enforcement.domain.timing import check_step_time  # noqa: F401
