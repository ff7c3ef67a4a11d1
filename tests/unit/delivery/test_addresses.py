"""Where webhooks may point, and when a failed delivery is tried again."""
import datetime as dt

import pytest

from services.common.errors import DomainError
from services.delivery.domain import addresses
from services.delivery.domain.backoff import CAP, next_attempt


@pytest.mark.parametrize("url,loopback,code", [
    ("http://example.org/h", False, "WEBHOOK_URL_NOT_HTTPS"),
    ("http://127.0.0.1:8080/h", False, "WEBHOOK_URL_NOT_HTTPS"),
    ("https://u:p@example.org/", False, "INVALID_URL"),
    ("https://example.org/#x", False, "INVALID_URL"),
    ("gopher://example.org/", False, "INVALID_URL"),
    ("https://example.org:99999/", False, "INVALID_URL"),
    ("https://" + "a" * 2100 + ".org/", False, "INVALID_URL"),
])
def test_urls_other_than_https_are_refused(url, loopback, code):
    with pytest.raises(DomainError) as refused:
        addresses.parse(url, loopback)
    assert refused.value.code == code


def test_http_to_loopback_only_when_allowed():
    assert addresses.parse("http://127.0.0.1:8080/h", True) == ("http", "127.0.0.1", 8080)
    assert addresses.parse("https://example.org/h", False)[2] == 443


@pytest.mark.parametrize("ip,code", [
    ("10.1.2.3", "WEBHOOK_URL_PRIVATE_ADDRESS"), ("172.16.0.1", "WEBHOOK_URL_PRIVATE_ADDRESS"),
    ("192.168.0.1", "WEBHOOK_URL_PRIVATE_ADDRESS"), ("127.0.0.1", "WEBHOOK_URL_PRIVATE_ADDRESS"),
    ("0.0.0.0", "WEBHOOK_URL_PRIVATE_ADDRESS"), ("100.64.0.1", "WEBHOOK_URL_PRIVATE_ADDRESS"),
    ("224.0.0.1", "WEBHOOK_URL_PRIVATE_ADDRESS"), ("::1", "WEBHOOK_URL_PRIVATE_ADDRESS"),
    ("fe80::1", "WEBHOOK_URL_PRIVATE_ADDRESS"), ("::ffff:10.0.0.1", "WEBHOOK_URL_PRIVATE_ADDRESS"),
    ("169.254.169.254", "WEBHOOK_URL_METADATA_ADDRESS"),
    ("100.100.100.200", "WEBHOOK_URL_METADATA_ADDRESS"),
    ("fd00:ec2::254", "WEBHOOK_URL_METADATA_ADDRESS"),
    ("::ffff:169.254.169.254", "WEBHOOK_URL_METADATA_ADDRESS"),
])
def test_addresses_inside_the_network_are_refused(ip, code):
    assert addresses.refusal(ip, allow_loopback=ip not in ("127.0.0.1", "::1")).code \
        == code


def test_public_and_allowed_loopback_addresses_pass():
    assert addresses.refusal("93.184.216.34", False) is None
    assert addresses.refusal("127.0.0.1", True) is None
    assert addresses.refusal("169.254.169.254", True) is not None  # never, even in dev


def test_retries_double_up_to_a_cap_and_stop_when_the_span_is_used():
    now = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    end, base = now + dt.timedelta(days=3), dt.timedelta(seconds=5)
    delays = [next_attempt(n, now, end, base) - now for n in (1, 2, 3)]
    assert delays == [base, 2 * base, 4 * base]
    assert next_attempt(30, now, end, base) - now == CAP
    assert next_attempt(1, now, now + dt.timedelta(seconds=1), base) is None
