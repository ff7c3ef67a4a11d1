"""DependencyProviders of the enforcement services: their collections. (Published
decisions reach the publicity platforms through the delivery service:
services/delivery/platforms.py.)"""
from __future__ import annotations

from nameko.extensions import DependencyProvider

from services.enforcement.documents import bind


class Collections(DependencyProvider):
    """The service's Documents (`self.docs.Case`, ...), bound to its own database."""

    def setup(self):
        # Made here, so the Store finds them when it builds its indexes at start.
        self.docs = bind(self.container.service_name)

    def get_dependency(self, worker_ctx):
        return self.docs
