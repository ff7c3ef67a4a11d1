"""Correlation ids and structured (JSON) logs.

One correlation id follows a request from the gateway through RPC calls (nameko
forwards worker context data as message headers) and into every event it causes.
The id of the running worker is kept in a greenlet-local so every log line has it.
"""
from __future__ import annotations

import json
import logging
import sys
import uuid

from eventlet import corolocal
from nameko.extensions import DependencyProvider

_local = corolocal.local()


def current_correlation_id() -> str | None:
    return getattr(_local, "correlation_id", None)


def bind(correlation_id: str | None, service: str | None = None) -> None:
    _local.correlation_id = correlation_id
    _local.service = service


class Tracing(DependencyProvider):
    """Gives every worker a correlation id (the caller's, or a new one)."""

    # nameko injects dependencies before worker_setup, so the id is made here.
    def get_dependency(self, worker_ctx):
        cid = worker_ctx.data.get("correlation_id") or str(uuid.uuid4())
        worker_ctx.data["correlation_id"] = cid
        return cid

    def worker_setup(self, worker_ctx):
        bind(worker_ctx.data["correlation_id"], worker_ctx.service_name)

    def worker_teardown(self, worker_ctx):
        bind(None)


class JsonFormatter(logging.Formatter):
    def format(self, record):
        line = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "service": getattr(_local, "service", None),
            "correlation_id": current_correlation_id(),
            "msg": record.getMessage(),
        }
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("pymongo", "kombu", "amqp", "nameko", "pika", "httpx"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
