"""Commit-reveal of the draw seed.

The commitment is published before the directories are frozen, so the drawing party
cannot pick a seed after seeing the inputs; the revealed seed must match it. The seed
should be high-entropy (e.g. `secrets.token_hex(32)`, made by the service: the domain
stays pure), otherwise the commitment could be brute-forced.
"""
from __future__ import annotations

import hmac

from services.common.errors import DomainError
from services.draws.domain.canonical import digest


def commit_seed(seed: str) -> str:
    return digest(b"jointops.draw-seed.v1", seed.encode("utf-8"))


def check_reveal(seed: str, commitment: str) -> None:
    """Raises DomainError SEED_MISMATCH when the seed does not open the commitment."""
    if not hmac.compare_digest(commit_seed(seed), commitment.lower()):
        raise DomainError("SEED_MISMATCH", "the revealed seed does not match the commitment",
                          ["seed"])
