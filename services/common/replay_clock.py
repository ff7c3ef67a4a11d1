"""The replay clock: a demo-mode service may be told what time it is.

Replaying a past year (`jointops demo year`) goes through the services' own commands, and
several of them stamp the time themselves (a draw's commit and reveal, an officer's
registration, the overdue sweeps). Rather than give every such command a caller-chosen
time, which any client could then abuse, each service process can move its clock
(`services.common.clock`) by an offset, and only when it runs with JOINTOPS_DEMO_MODE=true
(`make run` sets it; docker-compose, the real deployment, does not). Outside demo mode the
request is refused with REPLAY_CLOCK_REFUSED and the clock is untouched.

Every request, granted or refused, is kept in the service's own database (collection
`clock_audit`: who asked, for what time, when by the machine's clock, the outcome) and,
through the same unit of work, announced as `demo.replay_clock_requested.v1`, so the audit
trail has it too: a record stamped in the past can always be told apart from one made then.
"""
from __future__ import annotations

import datetime as dt
import logging

from nameko.extensions import DependencyProvider

from services.bus.rpc import command, rpc
from services.common import clock
from services.common.errors import DomainError, InvalidInput

log = logging.getLogger(__name__)
AUDIT = "clock_audit"
REFUSED = "REPLAY_CLOCK_REFUSED"
REQUESTED = "demo.replay_clock_requested.v1"


def parse_moment(value) -> dt.datetime | None:
    """None (back to the machine's time) or an ISO time with its zone."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput("at must be an ISO 8601 time with its offset, or null", ["at"])
    return clock.parse_instant(value, ["at"])


class _Handle:
    def __init__(self, demo_mode: bool, service: str):
        self.demo_mode, self.service = demo_mode, service

    def set(self, store, at) -> dict:
        """Move this process's clock to `at` (None: back to the machine's time)."""
        wanted = parse_moment(at)
        entry = {"service": self.service, "requested": wanted, "at": clock.wallclock(),
                 "actor": store.actor.subject, "demo_mode": self.demo_mode}
        if not self.demo_mode:
            self._record(store, {**entry, "outcome": REFUSED})
            log.warning("replay clock refused: %s is not in demo mode (asked by %s)",
                        self.service, entry["actor"])
            raise DomainError(REFUSED, "the replay clock can only be set in demo mode "
                              "(JOINTOPS_DEMO_MODE=true); the clock is unchanged", ["at"])
        clock._set_offset(dt.timedelta(0) if wanted is None else wanted - clock.wallclock())
        self._record(store, {**entry, "outcome": "SET",
                             "offset_seconds": clock.offset().total_seconds()})
        return {"service": self.service, "now": clock.utcnow().isoformat(),
                "offset_seconds": clock.offset().total_seconds()}

    @staticmethod
    def _record(store, entry: dict) -> None:
        with store.transaction() as uow:
            uow.run(lambda s: store.db[AUDIT].insert_one(dict(entry), session=s))
            uow.emit(REQUESTED, {
                "service": entry["service"], "outcome": entry["outcome"],
                "requested": entry["requested"].isoformat() if entry["requested"] else None,
                "wallclock": entry["at"].isoformat(),
                "offset_seconds": entry.get("offset_seconds")})


class ReplayClock(DependencyProvider):
    def setup(self):
        self.demo_mode = bool(getattr(self.container.config.get("JOINTOPS"), "demo_mode",
                                      False))

    def get_dependency(self, worker_ctx):
        return _Handle(self.demo_mode, self.container.service_name)


class ReplayClockMixin:
    """`set_replay_clock(at, actor)` for a service class that has a `store` (the request
    is recorded as the caller's, see services.bus.client)."""

    replay_clock = ReplayClock()

    @rpc
    @command
    def set_replay_clock(self, at=None, actor=None) -> dict:
        return self.replay_clock.set(self.store, at)
