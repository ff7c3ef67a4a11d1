"""Small helpers shared by integration and end-to-end tests."""
import time


def wait_until(predicate, timeout=10.0, interval=0.02):
    """Poll until `predicate()` is truthy; fail with the last value otherwise."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout}s (last: {value!r})")
        time.sleep(interval)


class _Answered:
    """A reply already in hand, as nameko's `call_async(...).result()` gives it later."""

    def __init__(self, call, args, kwargs):
        self._reply = call(*args, **kwargs)

    def result(self):
        return self._reply


class _Immediate:
    def __init__(self, call):
        self._call = call

    def __call__(self, *args, **kwargs):
        return self._call(*args, **kwargs)

    def call_async(self, *args, **kwargs):
        return _Answered(self._call, args, kwargs)


class ImmediateProxy:
    """A fake service proxy (methods answering `{"ok": ...}` / `{"error": ...}` at once)
    seen through the port the one service client uses (`call_async`)."""

    def __init__(self, fake):
        self._fake = fake

    def __getattr__(self, method):
        return _Immediate(getattr(self._fake, method))


def fake_clients(proxies: dict):
    from services.bus.client import Clients

    return Clients({name: ImmediateProxy(p) for name, p in proxies.items()}, {})
