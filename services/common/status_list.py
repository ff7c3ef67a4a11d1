"""W3C Bitstring Status List v1.0: the bitstring, its encoding, and list ids.

A list is at least 16 KB (131,072 entries) so that one credential's index hides among
many (the spec's herd-privacy minimum); index 0 is the most significant bit of the first
byte. `encodedList` is the multibase base64url (prefix `u`, no padding) of the GZIP of
the bitstring.
"""
from __future__ import annotations

import base64
import gzip
import re

LIST_SIZE = 131_072  # entries (bits) per list: the spec's minimum of 16 KB
PURPOSES = ("revocation", "suspension")
_LIST_ID = re.compile(r"^(revocation|suspension)-([1-9][0-9]{0,8})$")


def list_id(purpose: str, number: int) -> str:
    return f"{purpose}-{number}"


def parse_list_id(value) -> tuple[str, int] | None:
    """("revocation", 3) for "revocation-3"; None for anything else."""
    found = _LIST_ID.match(value) if isinstance(value, str) else None
    return (found.group(1), int(found.group(2))) if found else None


def encode(indices, size: int = LIST_SIZE) -> str:
    bits = bytearray(size // 8)
    for i in indices:
        bits[i // 8] |= 0x80 >> (i % 8)
    # mtime=0: the same bits always encode to the same text (cache- and diff-friendly).
    return "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits), mtime=0)) \
        .rstrip(b"=").decode()


def decode(encoded: str) -> bytes:
    """The bitstring; ValueError for anything that is not a valid encoded list."""
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise ValueError("encodedList must be multibase base64url (prefix 'u')")
    body = encoded[1:]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        bits = gzip.decompress(raw)
    except (ValueError, OSError, EOFError) as exc:
        raise ValueError(f"encodedList does not decode: {exc}") from None
    if len(bits) * 8 < LIST_SIZE:
        raise ValueError("the bitstring is shorter than 16 KB")
    return bits


def bit(bits: bytes, index: int) -> bool:
    if not 0 <= index < len(bits) * 8:
        raise ValueError("statusListIndex is outside the list")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))
