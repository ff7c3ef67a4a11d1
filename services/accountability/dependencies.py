"""nameko extensions of the accountability service: a certification client and the
overdue-sweep timer."""
from __future__ import annotations

import eventlet
from nameko.exceptions import UnknownService
from nameko.rpc import RpcProxy
from nameko.timer import Timer

from services.bus.rpc import UNAVAILABLE, unwrap
from services.common.errors import DomainError

CERTIFICATION_TIMEOUT = 5.0
SWEEP_SECONDS = 300.0


class CertificationClient:
    """certification.* with a deadline: an absent service is SERVICE_UNAVAILABLE (a
    retry for event handlers, a UserError for requests), never a worker hung forever."""

    def __init__(self, proxy, timeout: float):
        self._proxy, self._timeout = proxy, timeout

    def _call(self, method, *args):
        try:
            with eventlet.Timeout(self._timeout):
                reply = getattr(self._proxy, method)(*args)
        except (eventlet.Timeout, UnknownService):
            raise DomainError(UNAVAILABLE, "the certification service did not answer; "
                              "nothing was changed, retry later") from None
        return unwrap(reply)

    def check_many(self, checks: list[dict]) -> list[dict]:
        return self._call("check_many", checks)

    def get_officers(self, ids: list[str], viewer: dict | None = None) -> list:
        return self._call("get_officers", ids, viewer)


class Certification(RpcProxy):
    def __init__(self, timeout: float = CERTIFICATION_TIMEOUT, **kwargs):
        super().__init__("certification", **kwargs)
        self.timeout = timeout

    def get_dependency(self, worker_ctx):
        return CertificationClient(super().get_dependency(worker_ctx), self.timeout)


class SweepTimer(Timer):
    """A nameko timer whose interval comes from the config key ACCOUNTABILITY_SWEEP_SECONDS
    (tests run the real sweep on a short interval)."""

    def setup(self):
        self.interval = float(self.container.config.get("ACCOUNTABILITY_SWEEP_SECONDS",
                                                        self.interval))
        super().setup()


sweep_timer = SweepTimer.decorator
