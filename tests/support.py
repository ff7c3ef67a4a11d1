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
