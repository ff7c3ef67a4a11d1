"""Pure accountability model: findings, automatic rules, sanctions, ledger, records."""
from services.accountability.domain.findings import (
    FINDING_RECORDED, SOURCES, Finding, FindingDraft, dedupe_key, open_automatic_findings,
    record_finding, rule_actor)
from services.accountability.domain.ledger import (
    DEFAULT_DEADLINE_WORKDAYS, LedgerItem, fix_on_the_spot, mark_overdue, open_item, rectify,
    verify)
from services.accountability.domain.records import (
    counts_from_rows, officer_record, period_counts, period_counts_pipeline)
from services.accountability.domain.rules import (
    ACTION_EVENTS, action_moment, decision_deadline_missed, decision_published_late,
    major_decision_without_review, published_late, unqualified_or_understaffed_action)
from services.accountability.domain.sanctions import (
    MEASURES, Sanction, complete_training, impose_sanction, officer_standing, reinstate_to_post)

