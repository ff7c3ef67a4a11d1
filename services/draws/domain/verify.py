"""Verify a published draw: recompute everything and say exactly what differs."""
from __future__ import annotations

from services.common.errors import DomainError
from services.draws.domain.commitment import commit_seed
from services.draws.domain.draw import result_hash, run_draw
from services.draws.domain.publication import FORMAT
from services.draws.domain.rules import RuleSet
from services.draws.domain.snapshots import DirectorySnapshot, RosterSnapshot

MAX_LISTED = 20


def _claimed_assignments(doc: dict):
    return tuple((a["entity_id"], tuple(sorted(a["inspectors"])))
                 for a in doc["result"]["assignments"])


def _compare_assignments(claimed, recomputed) -> list[str]:
    got, want = dict(claimed), dict(recomputed)
    diffs = []
    for e in sorted(got.keys() | want.keys()):
        if e not in want:
            diffs.append(f"entity {e}: in the claimed result but not drawn")
        elif e not in got:
            diffs.append(f"entity {e}: drawn but missing from the claimed result")
        elif got[e] != want[e]:
            diffs.append(f"entity {e}: claimed inspectors {list(got[e])},"
                         f" recomputed {list(want[e])}")
    extra = len(diffs) - MAX_LISTED
    return diffs[:MAX_LISTED] + ([f"... and {extra} more assignment differences"]
                                 if extra > 0 else [])


def verify_document(doc: dict) -> list[str]:
    """Differences between the document's claims and a re-run; [] means verified."""
    if doc.get("format") != FORMAT:
        return [f"format: expected {FORMAT}, got {doc.get('format')!r}"]
    try:
        directory = DirectorySnapshot.from_dict(doc["directory"])
        roster = RosterSnapshot.from_dict(doc["roster"])
        rules = RuleSet.from_dict(doc["rules"])
        claimed = _claimed_assignments(doc)
    except (KeyError, TypeError, ValueError, DomainError) as exc:
        return [f"document: cannot be read ({exc!r})"]
    seed, hashes, diffs = doc.get("seed", ""), doc.get("hashes", {}), []
    if commit_seed(seed) != str(doc.get("seed_commitment", "")).lower():
        diffs.append("seed: does not match the published seed commitment (SEED_MISMATCH)")
    for name, actual in (("directory", directory.content_hash),
                         ("roster", roster.content_hash), ("rules", rules.content_hash)):
        if hashes.get(name) != actual:
            diffs.append(f"{name} hash: claimed {hashes.get(name)}, recomputed {actual}")
    if hashes.get("result") != result_hash(claimed):
        diffs.append(f"result hash: claimed {hashes.get('result')}, but the claimed"
                     f" assignments hash to {result_hash(claimed)}")
    try:
        draw = run_draw(directory, roster, rules, seed)
    except DomainError as exc:
        return diffs + [f"draw: cannot be re-run ({exc.code}: {exc.message})"]
    if draw.result_hash != result_hash(claimed):
        diffs.append(f"result: recomputed result hash {draw.result_hash}")
        diffs += _compare_assignments(claimed, draw.assignments)
    for name in ("entity_count", "inspector_count"):
        if doc["result"].get(name) != getattr(draw, name):
            diffs.append(f"{name}: claimed {doc['result'].get(name)},"
                         f" recomputed {getattr(draw, name)}")
    return diffs
