"""Where a webhook may point: https only (plain http to loopback in development), and
never at this network's insides: private, loopback, link-local (cloud metadata at
169.254.169.254, 100.100.100.200 and fd00:ec2::254 among them), shared, multicast or
reserved addresses. Checked on each name's resolved addresses, when subscribing and again
before every attempt (a name may be pointed elsewhere after it was accepted)."""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from services.common.errors import DomainError

MAX_URL_CHARS = 2048
METADATA = {ipaddress.ip_address(a) for a in ("169.254.169.254", "100.100.100.200",
                                              "fd00:ec2::254", "169.254.170.2")}
FIELD = ["input", "url"]


def parse(url: str, allow_loopback: bool):
    """(scheme, host, port) of an acceptable URL, or DomainError."""
    if not isinstance(url, str) or not url or len(url) > MAX_URL_CHARS:
        raise DomainError("INVALID_URL", f"the URL must be 1..{MAX_URL_CHARS} characters", FIELD)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise DomainError("INVALID_URL", "the URL cannot be read", FIELD) from None
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise DomainError("INVALID_URL", "the URL needs https:// and a host", FIELD)
    if parts.username or parts.password:
        raise DomainError("INVALID_URL", "the URL may not hold a user name or password",
                          FIELD)
    if parts.fragment:
        raise DomainError("INVALID_URL", "the URL may not have a #fragment", FIELD)
    if parts.scheme == "http" and not (allow_loopback and _loopback_name(parts.hostname)):
        raise DomainError("WEBHOOK_URL_NOT_HTTPS", "webhook endpoints must use https://",
                          FIELD)
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


def _loopback_name(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def refusal(address: str, allow_loopback: bool) -> DomainError | None:
    """Why a resolved address may not be sent to, or None when it may."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in METADATA:
        return DomainError("WEBHOOK_URL_METADATA_ADDRESS", f"{ip} is a cloud metadata "
                           "address", FIELD)
    if ip.is_loopback and allow_loopback:
        return None
    if not ip.is_global or ip.is_multicast:
        return DomainError("WEBHOOK_URL_PRIVATE_ADDRESS", f"{ip} is not a public internet "
                           "address", FIELD)
    return None
