"""Shared test builders for the enforcement core."""
import datetime as dt

from services.culture.catalogue import CATALOGUE as CULTURE
from services.enforcement.domain import case_model as m
from services.enforcement.domain import cases, decisions, delivery, justice, publication
from services.enforcement.domain.entities import new_entity
from services.enforcement.domain.entity_import import _ID_WEIGHTS
from services.enforcement.domain.team import Team
from services.transport.catalogue import CATALOGUE as TRANSPORT

UTC = dt.timezone.utc
T0 = dt.datetime(2026, 9, 1, 2, 0, tzinfo=UTC)      # 10:00 in Shanghai


def at(days: float = 0) -> dt.datetime:
    return T0 + dt.timedelta(days=days)


def id_number(first17: str = "32010219900307123") -> str:
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS))
    return first17 + "10X98765432"[total % 11]


def team(*ids, unqualified=None, conflicts=None) -> Team:
    ids = ids or ("o1", "o2")
    answers = {i: (True, []) for i in ids}
    answers.update({i: (False, r) for i, r in (unqualified or {}).items()})
    return Team(tuple(ids), answers, conflicts or {})


def cafe(**overrides):
    fields = dict(attributes={"licence": "NC-001"}, address="1 Zhongshan Rd")
    fields.update(overrides)
    return new_entity(CULTURE, "INTERNET_CAFE", "91320100MA1ABCDE1X", "Star Net Cafe Co.",
                      **fields)


def driver():
    return new_entity(TRANSPORT, "DRIVER", "DRV-0001", "张三", id_number=id_number())


def party_of(entity) -> m.Party:
    return m.Party(name=entity.name, natural_person=entity.natural_person,
                   id_number=entity.id_number, registration_no=entity.registration_no)


def penalty(fine=3_000, circumstance="LIGHTER", code="NETCAFE_ADMITS_MINORS",
            measures=()) -> m.DecisionDraft:
    return m.DecisionDraft("PENALTY", violation_code=code, circumstance=circumstance,
                           fine=fine, measures=list(measures))


MAJOR = dict(fine=12_000, circumstance="HEAVIER", measures=("LICENCE_REVOCATION",))


def new_case(entity=None, complex=False, catalogue=CULTURE, case_id="c1"):
    entity = entity or cafe()
    case, _ = cases.file_case(case_id, entity, party_of(entity), team(), at(0), catalogue,
                              violation_code=None, complex=complex)
    return case


def advance_to(case, state, draft=None, catalogue=CULTURE, review=None):
    """Walk the happy path until `case.state == state`; returns all events raised."""
    draft = draft or penalty()
    raised, day = [], 1
    steps = {
        m.FILED: lambda: cases.start_investigation(case, team(), at(day)),
        m.UNDER_INVESTIGATION: lambda: cases.notify_rights(case, team(), at(day)),
        m.RIGHTS_NOTIFIED: lambda: (cases.submit_for_legal_review(
            case, team(), at(day), draft, catalogue) if review else
            decisions.decide(case, team(), at(day), draft, catalogue)),
        m.LEGAL_REVIEW: lambda: (cases.record_legal_review(case, review, "lawyer", at(day))
                                 if case.approved_review is None else
                                 decisions.decide(case, team(), at(day), draft, catalogue)),
        m.DECIDED: lambda: _serve(case, at(day)),
        m.SERVED: lambda: publication.publish_decision(case, team(), at(day)),
        m.PUBLISHED: lambda: cases.close_case(case, team(), at(day)),
    }
    while case.state != state:
        decision = case.decision
        if decision and decision.justice_filing_required and case.justice_filing is None:
            # a major decision is filed with the justice bureau (it cannot close without)
            raised += justice.file_with_justice_bureau(case, at(day), "SFJ-2026-001", "lawyer")
        raised += steps[case.state]()
        day += 1
    return raised


def _serve(case, when):
    raised = delivery.attempt_service(case, team(), when, "DECISION", "IN_PERSON")
    return raised + delivery.record_receipt(case, len(case.service) - 1, when)

