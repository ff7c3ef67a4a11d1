"""nameko extensions of the accountability service: the overdue-sweep timer."""
from __future__ import annotations

from services.bus.timer import LeaseTimer

# certification answers within this, or a request is refused SERVICE_UNAVAILABLE and an
# event handler retried (services.bus.client).
CERTIFICATION_TIMEOUT = 5.0
SWEEP_SECONDS = 300.0


class SweepTimer(LeaseTimer):
    """A nameko timer whose interval comes from the config key ACCOUNTABILITY_SWEEP_SECONDS
    (tests run the real sweep on a short interval)."""

    def setup(self):
        self.interval = float(self.container.config.get("ACCOUNTABILITY_SWEEP_SECONDS",
                                                        self.interval))
        super().setup()


sweep_timer = SweepTimer.decorator
