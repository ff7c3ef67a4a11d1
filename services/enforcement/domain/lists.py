"""The four lists of inclusive supervision (包容审慎监管"四张清单"), per agency and dated.

不予处罚 (NO_PENALTY), 从轻处罚 (LIGHTER), 减轻处罚 (MITIGATED), 免予行政强制
(NO_COMPULSORY). Each entry names a violation of the agency's catalogue and the days it is
in force; the lists join the discretion circumstances of `catalogue.CIRCUMSTANCES`
(see docs/CONVENTIONS.md): a LIGHTER or MITIGATED fine needs its violation on that list,
a first-violation waiver needs it on NO_PENALTY, and a compulsory measure is refused for
a violation on NO_COMPULSORY.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.contracts.vocabulary import LIST_KINDS
from services.common.errors import DomainError

NO_PENALTY, LIGHTER, MITIGATED, NO_COMPULSORY = LIST_KINDS
TITLES = {NO_PENALTY: "不予处罚清单", LIGHTER: "从轻处罚清单", MITIGATED: "减轻处罚清单",
          NO_COMPULSORY: "免予行政强制清单"}
# the discretion circumstance whose use needs the violation on a list
CIRCUMSTANCE_LIST = {"LIGHTER": LIGHTER, "MITIGATED": MITIGATED}


@dataclass(frozen=True)
class ListEntry:
    list: str                       # one of LIST_KINDS
    violation_code: str
    valid_from: dt.date
    valid_until: dt.date | None = None   # last day in force; None: until replaced
    condition: str = ""             # the list's wording of when it applies (Chinese)

    def in_force(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


def entries(list_kind: str, codes, valid_from: dt.date, condition: str = ""):
    """One list's entries for `codes`, all from the same day (the catalogues' shorthand)."""
    return tuple(ListEntry(list_kind, code, valid_from, None, condition) for code in codes)


def listed(catalogue, list_kind: str, code: str | None, day: dt.date) -> ListEntry | None:
    """The entry putting `code` on `list_kind` on `day`, if any."""
    return next((e for e in catalogue.lists if e.list == list_kind
                 and e.violation_code == code and e.in_force(day)), None)


def in_force(catalogue, day: dt.date | None = None, list_kind: str | None = None) -> list:
    """The lists' entries (on `day` when given), in list order then by violation code."""
    order = {k: i for i, k in enumerate(LIST_KINDS)}
    found = [e for e in catalogue.lists if (day is None or e.in_force(day))
             and (list_kind is None or e.list == list_kind)]
    return sorted(found, key=lambda e: (order[e.list], e.violation_code, e.valid_from))


def listed_or_refuse(catalogue, list_kind: str, code: str | None, day: dt.date, field: str,
                   error: str) -> ListEntry:
    entry = listed(catalogue, list_kind, code, day)
    if entry is None:
        raise DomainError(error, f"{code} is not on the {TITLES[list_kind]} ({list_kind}) "
                          f"of {catalogue.agency} on {day.isoformat()}", ["input", field],
                          list=list_kind, violation_code=code)
    return entry
