"""Freezing a draw's inputs: directory snapshots and recusals from culture and transport,
the roster from certification. Independent calls run concurrently, and each
service is asked once per kind of question however many officers or entities there are."""
from __future__ import annotations

from services.draws.domain.inputs import build_roster, merge_directories, qualified_officers
from services.draws.domain.scope import DOMAIN_AGENCY, Scope

MAX_CHECKS = 1000  # certification's per-request limit on check lists


def _agency_proxy(svc, agency: str):
    return getattr(svc.clients, agency.lower())  # culture / transport share one RPC API


def _window_answers(svc, scope: Scope, rosters: dict) -> set[str]:
    """Officers qualified for each of their agency's draw domains over the whole window
    (asked in the largest batches certification accepts, concurrently)."""
    start, end = (m.isoformat() for m in scope.window())
    checks = [{"officer_id": r["officer_id"], "domain": d, "start": start, "end": end}
              for d, rows in rosters.items() for r in rows]
    replies = [svc.clients.certification.check_qualifications_over.later(
        checks[i:i + MAX_CHECKS]) for i in range(0, len(checks), MAX_CHECKS)]
    answers = [a for reply in replies for a in reply.result()]
    failed = {c["officer_id"] for c, a in zip(checks, answers) if not a["qualified"]}
    return {c["officer_id"] for c in checks} - failed


def freeze(svc, scope: Scope):
    """(DirectorySnapshot, RosterSnapshot) as they are now, for the draw's scope."""
    at = scope.window()[0].isoformat()
    pending = {
        "directory": {a: _agency_proxy(svc, a).directory_snapshot.later(
            scope.domains_of(a)) for a in scope.agencies},
        # declared conflicts and each entity's last inspectors
        "recusals": {a: _agency_proxy(svc, a).recusals.later(scope.domains_of(a))
                     for a in scope.agencies},
        "roster": {d: svc.clients.certification.qualified_roster.later(d, at, DOMAIN_AGENCY[d])
                   for d in scope.domains},
    }
    got = {kind: {k: reply.result() for k, reply in replies.items()}
           for kind, replies in pending.items()}
    directory = merge_directories(scope, got["directory"])
    officers = qualified_officers(scope, got["roster"],
                                  _window_answers(svc, scope, got["roster"]))
    recusals = [r for rows in got["recusals"].values() for r in rows]
    return directory, build_roster(officers, recusals, directory.entity_ids)
