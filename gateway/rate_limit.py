"""Per-client rate limits: a token bucket (`rate` tokens a second, at most `burst`) per
machine client. With JOINTOPS_REDIS_URL every gateway replica takes from one bucket in
Redis (one atomic script, Redis's clock); without it each replica keeps its own. If Redis
is away a replica falls back to its own buckets rather than refusing everyone."""
from __future__ import annotations

import logging
import threading
import time

log = logging.getLogger(__name__)
KEY_PREFIX = "jointops:ratelimit:"

# KEYS[1] the bucket; ARGV rate, burst. Returns the seconds to wait ("0": allowed).
TAKE = """
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1]) or burst
local ts = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) / rate end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return tostring(wait)
"""


class MemoryBuckets:
    def __init__(self):
        self._buckets, self._lock = {}, threading.Lock()

    def take(self, key: str, rate: float, burst: int) -> float:
        now = time.monotonic()
        with self._lock:
            tokens, ts = self._buckets.get(key, (float(burst), now))
            tokens = min(burst, tokens + (now - ts) * rate)
            wait = 0.0
            if tokens >= 1:
                tokens -= 1
            else:
                wait = (1 - tokens) / rate
            self._buckets[key] = (tokens, now)
        return wait


class RedisBuckets:
    def __init__(self, url: str, prefix: str = KEY_PREFIX):
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=0.5,
                                           socket_connect_timeout=0.5)
        self.script = self.client.register_script(TAKE)
        self.prefix, self.fallback = prefix, MemoryBuckets()

    def take(self, key: str, rate: float, burst: int) -> float:
        try:
            return float(self.script(keys=[self.prefix + key], args=[rate, burst]))
        except Exception as exc:  # noqa: BLE001 - redis errors of every kind
            log.warning("rate limits: Redis unavailable (%s); this replica counts alone", exc)
            return self.fallback.take(key, rate, burst)


_limiters: dict = {}


def limiter(redis_url: str):
    """This process's buckets for a configuration (one per Redis URL)."""
    found = _limiters.get(redis_url)
    if found is None:
        found = _limiters[redis_url] = RedisBuckets(redis_url) if redis_url \
            else MemoryBuckets()
    return found
