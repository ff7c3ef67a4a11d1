"""DependencyProviders of the enforcement services: their collections, and the client
that delivers published decisions to the external publicity platform."""
from __future__ import annotations

import httpx
from nameko.extensions import DependencyProvider
from tenacity import (Retrying, retry_if_exception_type, stop_after_attempt,
                      wait_exponential)

from services.enforcement.documents import bind


class Collections(DependencyProvider):
    """The service's Documents (`self.docs.Case`, ...), bound to its own database."""

    def setup(self):
        # Made here, so the Store finds them when it builds its indexes at start.
        self.docs = bind(self.container.service_name)

    def get_dependency(self, worker_ctx):
        return self.docs


class PublicityUnavailable(Exception):
    """The publicity endpoint answered 5xx or could not be reached."""


class Publicity:
    # A few quick tries here ride out a blip; a longer outage fails the event handler,
    # which the bus retries with backoff and finally dead-letters for a replay.
    attempts = 3
    wait = wait_exponential(multiplier=0.2, max=2)

    def __init__(self, url: str, client: httpx.Client | None):
        self.url, self.client = url, client

    @property
    def enabled(self) -> bool:
        return bool(self.url)

    def _post(self, document: dict, key: str) -> int:
        try:
            response = self.client.post(self.url, json=document,
                                        headers={"Idempotency-Key": key})
        except httpx.TransportError as exc:
            raise PublicityUnavailable(f"{type(exc).__name__}: {exc}") from None
        if response.status_code >= 500:
            raise PublicityUnavailable(f"HTTP {response.status_code}")
        response.raise_for_status()   # 4xx: our document was refused; retrying won't help
        return response.status_code

    def deliver(self, document: dict, key: str) -> int:
        """POST the document; the receiver dedupes on `Idempotency-Key` (at-least-once)."""
        for attempt in Retrying(stop=stop_after_attempt(self.attempts), wait=self.wait,
                                retry=retry_if_exception_type(PublicityUnavailable),
                                reraise=True):
            with attempt:
                return self._post(document, key)


class PublicityClient(DependencyProvider):
    """Config.publicity_url (JOINTOPS_PUBLICITY_URL); empty disables delivery."""

    def setup(self):
        self.url = self.container.config["JOINTOPS"].publicity_url
        self.client = httpx.Client(timeout=httpx.Timeout(5.0)) if self.url else None

    def stop(self):
        if self.client is not None:
            self.client.close()

    kill = stop

    def get_dependency(self, worker_ctx):
        return Publicity(self.url, self.client)
