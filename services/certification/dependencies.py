"""The certification rule parameters as a nameko dependency.

Read once at start from the environment (JOINTOPS_CERT_*), overridable per container
through the nameko config key CERTIFICATION (tests); a bad value stops the service with
a one-line ConfigError.
"""
from __future__ import annotations

import os

from nameko.extensions import DependencyProvider

from services.certification.domain import CertificationConfig
from services.common import credential_keys
from services.common.config import number

ENV = {"JOINTOPS_CERT_PASS_MARK": ("pass_mark", float, 0, 100),
       "JOINTOPS_CERT_REVIEW_INTERVAL_DAYS": ("review_interval_days", int, 1, 3660),
       "JOINTOPS_CERT_REVOCATION_WAIT_DAYS": ("revocation_wait_days", int, 0, 3660)}


def rules_from(env, overrides: dict | None = None) -> CertificationConfig:
    values = {}
    for name, (key, kind, low, high) in ENV.items():
        raw = env.get(name)
        if raw not in (None, ""):
            values[key] = number(name, raw, kind, low, high)
    return CertificationConfig.from_dict({**values, **(overrides or {})})


class Rules(DependencyProvider):
    def setup(self):
        self.rules = rules_from(os.environ, self.container.config.get("CERTIFICATION"))

    def get_dependency(self, worker_ctx):
        return self.rules


class CredentialSetup:
    """What issuing and status lists need: the shared signing keys (None when not
    configured) and the public base URL the credentials point at."""

    def __init__(self, config):
        self.keys = credential_keys.from_text(config.credential_keys) \
            if config.credential_keys else None
        self.public_url = config.public_url


class Credentials(DependencyProvider):
    def setup(self):
        self.setup_ = CredentialSetup(self.container.config["JOINTOPS"])

    def get_dependency(self, worker_ctx):
        return self.setup_
