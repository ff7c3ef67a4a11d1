"""Checking an officer credential the way any verifier would: the signature against the
issuer keys (offline), then its bits in the signed status lists (online).

The answer says whether the credential is genuine and what it states (masked name,
agency, domains, certificate number) and its status: never a reason, never an ID number.
"""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

from gateway import status_list_cache
from services.contracts.vocabulary import CREDENTIAL_TYPE as TYPE, Agency, EnforcementDomain
from services.common import credential_keys
from services.common import status_list as sl
from services.common.clock import parse_instant, utcnow
from services.common.credential_keys import NotGenuine
from services.common.errors import DomainError

LIST_TYPE = "BitstringStatusListCredential"
# Replicas' clocks differ a little: a credential issued "just now" by another one is fine.
CLOCK_LEEWAY = dt.timedelta(seconds=60)
# A set bit means this status; revocation wins (it is final).
PURPOSE_STATUS = (("revocation", "REVOKED"), ("suspension", "SUSPENDED"))


def keys_of(config):
    """The key set of this gateway's configuration, or None where none is configured."""
    text = getattr(config, "credential_keys", None)
    return credential_keys.from_text(text) if text else None


def _verified(keys, token, vc_type) -> dict:
    header, payload = keys.verify(token)
    types = payload.get("type")
    # Our keys sign status lists too: a list is never accepted as a credential (or back).
    if header.get("typ") != "vc+jwt" or not isinstance(types, list) or vc_type not in types:
        raise NotGenuine(f"not a {vc_type}")
    return payload


def _validity_bound(value) -> dt.datetime | None:
    """A credential's validFrom/validUntil, or None: a credential that names no instant
    there has no known validity (UNKNOWN), which is an answer, not a refusal."""
    try:
        return parse_instant(value)
    except DomainError:
        return None


def _entries(vc) -> dict | None:
    """purpose -> (list id, index) from the credential's status entries."""
    found = {}
    entries = vc.get("credentialStatus")
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, dict):
            continue
        path = urlparse(str(entry.get("statusListCredential", ""))).path
        parsed = sl.parse_list_id(path.rsplit("/", 1)[-1])
        index = str(entry.get("statusListIndex", ""))
        if parsed and parsed[0] == entry.get("statusPurpose") and index.isdigit():
            found[parsed[0]] = (sl.list_id(*parsed), int(index))
    return found if set(found) == set(sl.PURPOSES) else None


def online_status(vc, keys, services, now) -> str:
    valid_from = _validity_bound(vc.get("validFrom"))
    valid_until = _validity_bound(vc.get("validUntil"))
    if valid_from is None or valid_until is None or now + CLOCK_LEEWAY < valid_from:
        return "UNKNOWN"
    if now >= valid_until:
        return "EXPIRED"
    entries = _entries(vc)
    if entries is None:
        return "UNKNOWN"
    try:
        lists = status_list_cache.fetch(services, [e[0] for e in entries.values()])
    except DomainError:  # the lists cannot be read now: say so, guess nothing
        return "UNKNOWN"
    for purpose, status in PURPOSE_STATUS:
        list_id, index = entries[purpose]
        try:
            payload = _verified(keys, lists.get(list_id), LIST_TYPE)
            subject = payload["credentialSubject"]
            if subject.get("statusPurpose") != purpose:
                return "UNKNOWN"
            if sl.bit(sl.decode(subject.get("encodedList")), index):
                return status
        except (NotGenuine, ValueError, KeyError, TypeError, AttributeError):
            return "UNKNOWN"
    return "VALID"


def check(token, config, services, now: dt.datetime | None = None) -> dict:
    now = now or utcnow()
    answer = {"genuine": False, "status": "UNKNOWN", "issuing_agency": None, "domains": [],
              "officer_name": None, "certificate_no": None, "checked_at": now}
    keys = keys_of(config)
    if keys is None:
        return answer
    try:
        vc = _verified(keys, token, TYPE)
        subject = vc["credentialSubject"]
        agency, domains = subject.get("agency"), subject.get("domains") or []
        answer.update(
            genuine=True,
            issuing_agency=agency if agency in Agency.__members__ else None,
            domains=[d for d in domains if d in EnforcementDomain.__members__],
            officer_name=str(subject.get("name") or "") or None,
            certificate_no=str(subject.get("certificateNo") or "") or None)
    except (NotGenuine, KeyError, TypeError, AttributeError):
        return answer
    answer["status"] = online_status(vc, keys, services, now)
    return answer
