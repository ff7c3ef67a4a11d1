"""Configuration from environment variables, checked once at start.

A bad or missing value stops the process with one line naming the variable
(`ConfigError`), never a traceback: `jointops` entry points catch it and exit 2.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlparse

DEFAULTS = {
    "JOINTOPS_AMQP_URI": "amqp://guest:guest@127.0.0.1:5672/",
    "JOINTOPS_MONGO_URI": "mongodb://127.0.0.1:27017/?directConnection=true",
    "JOINTOPS_GATEWAY_PORT": "8000",
    "JOINTOPS_DB_PREFIX": "jointops",
    "JOINTOPS_QUEUE_TYPE": "classic",
    "JOINTOPS_RETRY_DELAYS_MS": "200,1000,5000",
    "JOINTOPS_LOG_LEVEL": "INFO",
    "JOINTOPS_MAX_WORKERS": "20",
    "JOINTOPS_OUTBOX_RETENTION_HOURS": "168",
    "JOINTOPS_PUBLICITY_URL": "",
    "JOINTOPS_PUBLIC_URL": "",
    "JOINTOPS_DEMO_MODE": "false",
    "JOINTOPS_REDIS_URL": "",
    "JOINTOPS_ALLOW_LOOPBACK_WEBHOOKS": "0",
    "JOINTOPS_WEBHOOK_RETRY_HOURS": "72",
    "JOINTOPS_DELIVERY_RETRY_BASE_MS": "5000",
    "JOINTOPS_ACCESS_TOKEN_TTL_SECONDS": "300",
    "JOINTOPS_DEV_LOGIN": "0",
    "JOINTOPS_DELIVERY_TIMEOUT_MS": "10000",
    "JOINTOPS_PLATFORM_RETRY_DAYS": "30",
}


class ConfigError(Exception):
    """One-line, user-facing configuration problem."""


@dataclass(frozen=True)
class Config:
    amqp_uri: str
    mongo_uri: str
    gateway_port: int
    jwt_secret: str | None
    db_prefix: str
    queue_type: str
    retry_delays_ms: tuple[int, ...]
    log_level: str
    max_workers: int
    publicity_url: str
    outbox_retention_hours: int = 168
    # The officer-credential JWK Set as JSON text (services.common.credential_keys), or
    # None where it is not configured (issuing credentials is then refused).
    credential_keys: str | None = None
    public_url: str = "http://127.0.0.1:8000"  # where the public reaches the gateway
    demo_mode: bool = False      # only then may the replay clock be moved
    redis_url: str = ""  # machine clients' rate limits shared by every gateway; "" = in memory
    allow_loopback_webhooks: bool = False  # development and tests only
    webhook_retry_hours: int = 72  # a delivery is retried with backoff this long
    delivery_retry_base_ms: int = 5000  # the first retry's delay; each next one doubles
    access_token_ttl_seconds: int = 300  # machine clients' access tokens
    dev_login: bool = False  # the console's role picker that mints tokens (make run only)
    delivery_timeout_ms: int = 10000  # one delivery attempt's read timeout
    # The platforms that receive records by law: target -> {"url", "token"}, only the
    # configured ones (JOINTOPS_PLATFORM_<TARGET>_URL / _TOKEN; services/delivery/platforms)
    platforms: dict = field(default_factory=dict)
    platform_retry_days: int = 30  # a platform delivery is retried with backoff this long
    extra: dict = field(default_factory=dict)

    def db_name(self, context: str) -> str:
        """Each bounded context owns its own database on the shared server."""
        return f"{self.db_prefix}_{context}"


def _get(env, name):
    return env.get(name, DEFAULTS.get(name, ""))


def number(name: str, raw, kind=int, low=None, high=None):
    """`raw` (the value of variable `name`) as `kind` (int or float) within low..high, or
    a one-line ConfigError naming the variable."""
    try:
        value = kind(raw)
    except (TypeError, ValueError):
        what = "a whole number" if kind is int else "a number"
        raise ConfigError(f"{name}={raw!r} is not {what}") from None
    if not low <= value <= high:
        raise ConfigError(f"{name}={value} is outside {low}..{high}")
    return value


def _int(env, name, low, high):
    return number(name, _get(env, name), int, low, high)


def _uri(env, name, schemes):
    raw = _get(env, name)
    parsed = urlparse(raw)
    if parsed.scheme not in schemes or not parsed.hostname:
        raise ConfigError(f"{name}={raw!r} is not a {'/'.join(schemes)}:// URI with a host")
    return raw


def amqp_nodes(uri: str) -> list[str]:
    """The broker nodes of JOINTOPS_AMQP_URI: one URI, or several joined by `;` (kombu's
    failover syntax, which nameko and the relay use as it is); a client that loses its
    node connects to the next one."""
    return [node.strip() for node in uri.split(";") if node.strip()]


def _amqp_uri(env) -> str:
    name = "JOINTOPS_AMQP_URI"
    nodes = amqp_nodes(_get(env, name))
    if not nodes:
        raise ConfigError(f"{name} is empty")
    for node in nodes:
        _uri({name: node}, name, ("amqp", "amqps"))
    return ";".join(nodes)


def load(env=None, require_secret: bool = True) -> Config:
    env = os.environ if env is None else env
    secret = env.get("JOINTOPS_JWT_SECRET") or None
    if require_secret and not secret:
        raise ConfigError("JOINTOPS_JWT_SECRET is required (HS256 key for bearer tokens); "
                          "`make run` sets a development value")
    if secret and len(secret) < 32:
        raise ConfigError("JOINTOPS_JWT_SECRET must be at least 32 characters (HS256 key)")
    delays = _get(env, "JOINTOPS_RETRY_DELAYS_MS")
    try:
        retry = tuple(int(x) for x in delays.split(",") if x.strip())
    except ValueError:
        raise ConfigError(f"JOINTOPS_RETRY_DELAYS_MS={delays!r} must be comma-separated "
                          "milliseconds") from None
    if not retry or any(d <= 0 for d in retry):
        raise ConfigError("JOINTOPS_RETRY_DELAYS_MS needs at least one positive delay")
    queue_type = _get(env, "JOINTOPS_QUEUE_TYPE")
    if queue_type not in ("classic", "quorum"):
        raise ConfigError(f"JOINTOPS_QUEUE_TYPE={queue_type!r} must be classic or quorum")
    level = _get(env, "JOINTOPS_LOG_LEVEL").upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"JOINTOPS_LOG_LEVEL={level!r} must be DEBUG, INFO, WARNING or ERROR")
    prefix = _get(env, "JOINTOPS_DB_PREFIX")
    if not prefix.replace("_", "").isalnum():
        raise ConfigError(f"JOINTOPS_DB_PREFIX={prefix!r} must be letters, digits and _")
    demo = _get(env, "JOINTOPS_DEMO_MODE").lower()
    if demo not in ("true", "false", "1", "0"):
        raise ConfigError(f"JOINTOPS_DEMO_MODE={demo!r} must be true or false")
    publicity = _get(env, "JOINTOPS_PUBLICITY_URL")
    if publicity:
        _uri(env, "JOINTOPS_PUBLICITY_URL", ("http", "https"))
    port = _int(env, "JOINTOPS_GATEWAY_PORT", 1, 65535)
    public_url = _get(env, "JOINTOPS_PUBLIC_URL") or f"http://127.0.0.1:{port}"
    _uri({"JOINTOPS_PUBLIC_URL": public_url}, "JOINTOPS_PUBLIC_URL", ("http", "https"))
    dev_login = _get(env, "JOINTOPS_DEV_LOGIN")
    if dev_login not in ("0", "1"):
        raise ConfigError(f"JOINTOPS_DEV_LOGIN={dev_login!r} must be 0 or 1")
    return Config(
        amqp_uri=_amqp_uri(env),
        mongo_uri=_uri(env, "JOINTOPS_MONGO_URI", ("mongodb", "mongodb+srv")),
        gateway_port=port,
        jwt_secret=secret, db_prefix=prefix, queue_type=queue_type, retry_delays_ms=retry,
        log_level=level, max_workers=_int(env, "JOINTOPS_MAX_WORKERS", 1, 1000),
        publicity_url=publicity,
        outbox_retention_hours=_int(env, "JOINTOPS_OUTBOX_RETENTION_HOURS", 1, 24 * 3660),
        credential_keys=_credential_keys(env), public_url=public_url.rstrip("/"),
        demo_mode=demo in ("true", "1"),
        redis_url=_get(env, "JOINTOPS_REDIS_URL") and _uri(env, "JOINTOPS_REDIS_URL",
                                                           ("redis", "rediss")),
        allow_loopback_webhooks=_flag(env, "JOINTOPS_ALLOW_LOOPBACK_WEBHOOKS"),
        webhook_retry_hours=_int(env, "JOINTOPS_WEBHOOK_RETRY_HOURS", 1, 24 * 30),
        delivery_retry_base_ms=_int(env, "JOINTOPS_DELIVERY_RETRY_BASE_MS", 10, 3600 * 1000),
        access_token_ttl_seconds=_int(env, "JOINTOPS_ACCESS_TOKEN_TTL_SECONDS", 30, 3600),
        dev_login=dev_login == "1",
        delivery_timeout_ms=_int(env, "JOINTOPS_DELIVERY_TIMEOUT_MS", 100, 120_000),
        platforms=_platforms(env, publicity),
        platform_retry_days=_int(env, "JOINTOPS_PLATFORM_RETRY_DAYS", 1, 365),
    )


def _platforms(env, publicity: str) -> dict:
    """target -> {"url", "token"} of every configured platform; JOINTOPS_PUBLICITY_URL (the
    one publicity URL of old) is the credit portal's unless that is set itself."""
    from services.contracts.vocabulary import PLATFORM_TARGETS

    out = {}
    for target in PLATFORM_TARGETS:
        name = f"JOINTOPS_PLATFORM_{target}_URL"
        url = env.get(name) or (publicity if target == "CREDIT_PORTAL" else "")
        if url:
            _uri({name: url}, name, ("http", "https"))
            out[target] = {"url": url, "token": env.get(f"JOINTOPS_PLATFORM_{target}_TOKEN")
                           or None}
    return out


def _flag(env, name) -> bool:
    raw = _get(env, name)
    if raw not in ("0", "1"):
        raise ConfigError(f"{name}={raw!r} must be 0 or 1")
    return raw == "1"


def _credential_keys(env) -> str | None:
    """The key set's JSON: the secret JOINTOPS_CREDENTIAL_KEYS itself, or the file named by
    JOINTOPS_CREDENTIAL_KEYS_FILE; checked here so a bad one stops the process at start."""
    from services.common import credential_keys

    text, name = env.get("JOINTOPS_CREDENTIAL_KEYS"), "JOINTOPS_CREDENTIAL_KEYS"
    path = env.get("JOINTOPS_CREDENTIAL_KEYS_FILE")
    if not text and path:
        name = "JOINTOPS_CREDENTIAL_KEYS_FILE"
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as exc:
            raise ConfigError(f"{name}={path!r} cannot be read: {exc.strerror}") from None
    if not text:
        return None
    try:
        credential_keys.from_text(text)
    except credential_keys.KeyConfigError as exc:
        raise ConfigError(f"{name}: {exc}") from None
    return text
