"""Rule parameters. The defaults are the report's/law's numbers; deployments may change them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CertificationConfig:
    pass_mark: float = 60.0            # both law exams must reach this score
    review_interval_days: int = 365    # annual review due this long after issue / last review
    revocation_wait_days: int = 365    # no new certificate this long after a revocation

    @classmethod
    def from_dict(cls, data: dict | None) -> "CertificationConfig":
        known = {k: v for k, v in (data or {}).items() if k in cls.__dataclass_fields__}
        return cls(**known)


DEFAULT_CONFIG = CertificationConfig()
