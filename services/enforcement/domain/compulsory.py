"""Administrative compulsory measures taken during a case (行政强制措施: 查封、扣押 ...).

Refused for a violation on the agency's "no compulsory measures" list (免予行政强制清单)
on the day of the measure, and once the case is decided: a measure secures evidence or
property while the facts are established.
"""
from __future__ import annotations

import datetime as dt

from services.contracts.vocabulary import COMPULSORY_MEASURES
from services.common.clock import local_date
from services.common.errors import DomainError, InvalidInput
from services.enforcement.domain import case_model as m
from services.enforcement.domain import events, lists
from services.enforcement.domain.cases import log
from services.enforcement.domain.team import Team, check

# Administrative Compulsion Law art. 9: sealing up premises, facilities or property;
# seizing property; freezing deposits; others the law provides for.
MEASURES = COMPULSORY_MEASURES
TITLES = {"SEAL_UP": "查封场所、设施或者财物", "SEIZE": "扣押财物", "FREEZE": "冻结存款、汇款",
          "OTHER": "其他行政强制措施"}
_OPEN = (m.FILED, m.UNDER_INVESTIGATION, m.RIGHTS_NOTIFIED, m.LEGAL_REVIEW)
STEP = "COMPULSORY_MEASURE_RECORDED"


def record_measure(case: m.Case, team: Team, at: dt.datetime, measure: str, items,
                   reason: str, catalogue, documents=()):
    if measure not in MEASURES:
        raise InvalidInput(f"measure must be one of {MEASURES}", ["input", "measure"])
    if case.state not in _OPEN:
        m.refuse(case, case.state, "a compulsory measure is taken before the decision")
    day = local_date(at)
    entry = lists.listed(catalogue, lists.NO_COMPULSORY, case.violation_code, day)
    if entry is not None:
        raise DomainError("COMPULSORY_MEASURE_NOT_ALLOWED",
                          f"{case.violation_code} is on the {lists.TITLES[lists.NO_COMPULSORY]}"
                          f" (NO_COMPULSORY) of {case.agency} on {day.isoformat()}: no "
                          f"{measure} ({entry.condition})", ["input", "measure"],
                          case_id=case.id, violation_code=case.violation_code)
    officers = check(team)
    case.compulsory_measures.append(m.CompulsoryMeasure(
        measure=measure, at=at, officer_ids=officers, items=list(items), reason=reason))
    log(case, STEP, officers, at, documents, {"measure": measure, "items": list(items)})
    return [events.make(events.COMPULSORY_MEASURE_RECORDED, **events.case_base(case),
                        measure=measure, violation_code=case.violation_code,
                        officer_ids=officers, at=at)]
