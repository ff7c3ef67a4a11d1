"""Pure "double random, one public" draw: snapshots, rules, draw, commit-reveal, verify."""
from services.draws.domain.commitment import check_reveal, commit_seed
from services.draws.domain.draw import Draw, result_hash, run_draw
from services.draws.domain.publication import (
    is_results_overdue, published_document, results_due_date)
from services.draws.domain.rules import RuleSet
from services.draws.domain.snapshots import DirectorySnapshot, RosterSnapshot
from services.draws.domain.verify import verify_document

__all__ = ["DirectorySnapshot", "RosterSnapshot", "RuleSet", "Draw", "run_draw",
           "result_hash", "commit_seed", "check_reveal", "published_document",
           "results_due_date", "is_results_overdue", "verify_document"]
