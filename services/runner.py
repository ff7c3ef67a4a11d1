"""Running one service (or the gateway) as its own process."""
from __future__ import annotations

import logging
import signal
import tempfile
import time
from pathlib import Path

import eventlet
from nameko.runners import ServiceRunner

from services import registry
from services.bus import topology
from services.bus.tracing import configure_logging
from services.common import memory_report
from services.common.config import Config

log = logging.getLogger(__name__)


def nameko_config(cfg: Config, web_port: int | None = None) -> dict:
    config = {"AMQP_URI": cfg.amqp_uri, "max_workers": cfg.max_workers,
              "PREFETCH_COUNT": cfg.max_workers, "JOINTOPS": cfg,
              "serializer": "json", "LOGGING": None}
    if web_port is not None:
        config["WEB_SERVER_ADDRESS"] = f"0.0.0.0:{web_port}"
    return config


HEARTBEAT_SECONDS = 5.0


def heartbeat_file(name: str) -> Path:
    """Touched by a running process every few seconds; `jointops alive` reads its age (the
    Kubernetes liveness probe: local, so a broker outage does not fail it)."""
    return Path(tempfile.gettempdir()) / f"jointops-{name}.alive"


def _heartbeat(path: Path) -> None:
    while True:  # stops beating only if the process's event loop is stuck
        path.touch()
        eventlet.sleep(HEARTBEAT_SECONDS)


def declare_topology(cfg: Config) -> list[str]:
    from kombu import Connection

    with Connection(cfg.amqp_uri, connect_timeout=5) as conn:
        conn.ensure_connection(max_retries=3)
        return topology.declare(conn, cfg.retry_delays_ms, cfg.queue_type)


def serve(name: str, cfg: Config) -> None:
    configure_logging(cfg.log_level)
    if name == "gateway":
        cls, port = registry.load(registry.GATEWAY), cfg.gateway_port
    else:
        cls, port = registry.load(registry.SERVICES[name]), None
    declare_topology(cfg)
    events = eventlet.queue.LightQueue()  # "stop" (a signal) or "died" (the container)

    def _stop(signum, frame):  # graceful: finish in-flight workers, then exit
        events.put("stop")

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    eventlet.spawn(_heartbeat, heartbeat_file(name))
    memory_report.start(name)  # only when JOINTOPS_MEMORY_REPORT names a directory
    delay = 0.5
    while True:
        runner = ServiceRunner(nameko_config(cfg, port))
        runner.add_service(cls)
        runner.start()
        started = time.monotonic()
        log.info("%s started", name)
        # nameko kills a container whose worker cannot reply or settle a message (the
        # broker went away mid-request); the process would live on serving nothing.
        watcher = eventlet.spawn(runner.wait)
        watcher.link(lambda _: events.put("died"))
        if events.get() == "stop":
            log.info("%s stopping", name)
            runner.stop()
            return
        try:
            watcher.wait()
        except Exception as exc:  # noqa: BLE001 - logged, then started again
            log.error("%s died (%s: %s); starting it again", name, type(exc).__name__, exc)
        delay = 1.0 if time.monotonic() - started > 60 else min(delay * 2, 30.0)
        eventlet.sleep(delay)
