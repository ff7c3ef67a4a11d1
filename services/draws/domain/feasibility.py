"""Up-front checks that say which constraint of the rule set cannot be met."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from services.common.errors import DomainError

_SHOWN = 5  # list a few offenders, count the rest


def infeasible(problems: list[str]) -> DomainError:
    shown = problems[:_SHOWN] + ([f"and {len(problems) - _SHOWN} more"]
                                 if len(problems) > _SHOWN else [])
    return DomainError("DRAW_INFEASIBLE", "; ".join(shown), ["rules"], problems=problems)


def check_capacity(ent_agency: np.ndarray, insp_agency: np.ndarray, names: Sequence[str],
                   m: int, cap: int | None, joint: bool) -> None:
    n_ent = np.bincount(ent_agency, minlength=len(names)).tolist()
    n_insp = np.bincount(insp_agency, minlength=len(names)).tolist()
    own_need = 1 if joint else m
    problems = []
    for name, e, i in zip(names, n_ent, n_insp):
        if not e:
            continue
        if i == 0:
            problems.append(f"agency {name}: no inspectors for {e} drawn entities")
        elif i < own_need:
            problems.append(f"agency {name}: only {i} inspectors, {m} needed per entity")
        elif cap is not None and cap * i < own_need * e:
            problems.append(f"agency {name}: cap {cap} x {i} inspectors < {own_need} x {e} checks")
    total_e, total_i = len(ent_agency), len(insp_agency)
    if joint and total_e and total_i < m:
        problems.append(f"only {total_i} inspectors in the roster, {m} needed per entity")
    elif joint and cap is not None and cap * total_i < m * total_e:
        problems.append(f"cap {cap} x {total_i} inspectors < {m} x {total_e} checks")
    if problems:
        raise infeasible(problems)


def check_recusals(rec_rows: np.ndarray, rec_insp: np.ndarray, ent_agency: np.ndarray,
                   insp_agency: np.ndarray, names: Sequence[str], entity_ids: Sequence[str],
                   m: int, joint: bool) -> None:
    """Every drawn entity keeps enough eligible inspectors once recused ones are removed."""
    n_rows = len(ent_agency)
    own = insp_agency[rec_insp] == ent_agency[rec_rows]
    pool = np.bincount(insp_agency, minlength=len(names))[ent_agency]
    own_left = pool - np.bincount(rec_rows[own], minlength=n_rows)
    all_left = len(insp_agency) - np.bincount(rec_rows, minlength=n_rows)
    problems = []
    for row in np.flatnonzero(own_left < (1 if joint else m)).tolist():
        problems.append(f"entity {entity_ids[row]}: only {own_left[row]} eligible inspector(s)"
                        f" of agency {names[ent_agency[row]]} after recusal,"
                        f" {1 if joint else m} needed")
    if joint:
        for row in np.flatnonzero((own_left >= 1) & (all_left < m)).tolist():
            problems.append(f"entity {entity_ids[row]}: only {all_left[row]} eligible"
                            f" inspector(s) after recusal, {m} needed")
    if problems:
        raise infeasible(problems)
