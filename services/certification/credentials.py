"""Officer credentials in the certification service: issuing one (its status-list index
allocated here, in the same transaction), keeping every credential's status in step with
the officer's record, and the signed W3C Bitstring Status Lists built from those statuses.

How status follows the record: credential_status.py.
"""
from __future__ import annotations

import uuid

from services.certification import repository
from services.certification.access import actor_name, ensure_manages
from services.certification.credential_status import credentials, ms_ceil
from services.certification.documents import CounterDocument, CredentialDocument
from services.certification.domain import credentials as cc
from services.common import status_list as sl
from services.common.clock import utcnow
from services.common.errors import DomainError

CREDENTIAL_ISSUED = "certification.credential_issued.v1"
COUNTER = "credential-status-index"
BITS = {"revocation": cc.REVOCATION_BIT, "suspension": cc.SUSPENSION_BIT}


def status_url(public_url: str, purpose: str, number: int) -> str:
    return f"{public_url}/credentials/status/{sl.list_id(purpose, number)}"


def _entries(public_url, number, index) -> list[dict]:
    return [{"type": "BitstringStatusListEntry", "statusPurpose": p,
             "statusListIndex": str(index),
             "statusListCredential": status_url(public_url, p, number)} for p in sl.PURPOSES]


def _signing_keys(creds):
    if creds.keys is None:
        raise DomainError("CREDENTIALS_NOT_CONFIGURED", "no credential signing key is "
                          "configured (JOINTOPS_CREDENTIAL_KEYS or _FILE)", None)
    return creds.keys


def issue(store, data: dict, actor, config, creds) -> dict:
    keys = _signing_keys(creds)
    officer_id = (data or {}).get("officer_id")

    def attempt():
        record, version = repository.load(officer_id, ["officerId"])
        ensure_manages(actor, record.agency)
        now = utcnow()
        cert = cc.issuable(record, now)
        valid_until = cc.expires_at(cert)
        if cc.status(record, cert.number, valid_until, now, config) is not \
                cc.CredentialStatus.VALID:
            raise DomainError("NOT_QUALIFIED", "the annual review is overdue", ["officerId"])
        credential_id = str(uuid.uuid4())
        with store.transaction() as uow:
            number, index = divmod(repository.claim_number(uow, COUNTER) - 1, sl.LIST_SIZE)
            number += 1
            token = keys.sign(cc.claims(
                record, cert, credential_id=credential_id, issuer=creds.public_url, issued_at=now,
                status_entries=_entries(creds.public_url, number, index)))
            # Saved again unchanged (version + 1): a status change racing this issue
            # conflicts here, so the new credential never misses it.
            repository.write(uow, record, record, version)
            uow.insert(CredentialDocument(
                id=credential_id, officer_id=record.id, certificate_no=cert.number,
                list=number, index=index, status=cc.CredentialStatus.VALID.value,
                next_change_at=ms_ceil(cc.next_change(record, cert.number, valid_until, now,
                                                       config)),
                issued_at=now, valid_until=valid_until, kid=keys.active_kid,
                issued_by=actor_name(actor)))
            uow.emit(CREDENTIAL_ISSUED, {
                "officer_id": record.id, "agency": record.agency.value,
                "credential_id": credential_id, "certificate_no": cert.number, "list": number,
                "index": index, "issued_at": now.isoformat(),
                "valid_until": valid_until.isoformat(), "kid": keys.active_kid})
        return {"officer_id": record.id, "credential_id": credential_id, "token": token,
                "issued_at": now.isoformat(), "expires_at": valid_until.isoformat()}
    return repository.on_conflict(attempt)


def sweep_due(store, config, now=None) -> int:
    """Credentials whose status may have changed by time alone: re-sync their officers."""
    now = now or utcnow()
    due = {d["officer_id"] for d in credentials().find(
        {"next_change_at": {"$lte": now}}, {"officer_id": 1})}
    for officer_id in sorted(due):
        repository.change(store, officer_id, lambda record, uow: (record, []),
                      ["officerId"], config=config)
    return len(due)


MAX_LISTS_PER_CALL = 4


def status_lists(list_ids, creds) -> dict:
    """list id -> its signed BitstringStatusListCredential (compact JWS), or None for a
    list that does not exist. One query for all the lists asked."""
    keys = _signing_keys(creds)
    if not isinstance(list_ids, list) or len(list_ids) > MAX_LISTS_PER_CALL:
        raise DomainError("INVALID_INPUT", f"ask for 1..{MAX_LISTS_PER_CALL} lists", None)
    counter = CounterDocument._get_collection().find_one({"_id": COUNTER}) or {"seq": 0}
    lists = -(-counter["seq"] // sl.LIST_SIZE)  # lists holding at least one credential
    wanted = {str(i): sl.parse_list_id(str(i)) for i in list_ids}
    wanted = {i: p for i, p in wanted.items() if p is not None and p[1] <= lists}
    marked = {}  # (purpose, number) -> indices whose bit is set
    if wanted:
        for doc in credentials().find(
                {"list": {"$in": sorted({p[1] for p in wanted.values()})},
                 "status": {"$nin": [cc.CredentialStatus.VALID.value]}},
                {"list": 1, "index": 1, "status": 1}):
            for purpose, statuses in BITS.items():
                if cc.CredentialStatus(doc["status"]) in statuses:
                    marked.setdefault((purpose, doc["list"]), []).append(doc["index"])
    return {i: _signed_list(keys, creds.public_url, wanted[i], marked.get(wanted[i], []))
            if i in wanted else None for i in map(str, list_ids)}


def _signed_list(keys, public_url, parsed, indices) -> str:
    purpose, number = parsed
    url = status_url(public_url, purpose, number)
    return keys.sign({
        "@context": [cc.CONTEXT], "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": public_url, "validFrom": utcnow().isoformat(),
        "credentialSubject": {"id": f"{url}#list", "type": "BitstringStatusList",
                              "statusPurpose": purpose, "encodedList": sl.encode(indices)}})
