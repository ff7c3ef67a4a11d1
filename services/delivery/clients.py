"""Machine clients: other agencies' systems with OAuth 2.0 client credentials.

A secret is 256 random bits shown once; only its SHA-256 is stored (a slow password hash
adds nothing to a secret nobody chose, and would slow every token request). The gateway
keeps each replica's copy of a client's record and drops it on `client_changed`, so a
revocation stops its tokens within moments."""
from __future__ import annotations

import hashlib
import secrets

from services.common.clock import utcnow
from services.common.errors import DomainError, InvalidInput, NotFound
from services.delivery.documents import ClientDoc

CHANGED = "delivery.client_changed.v1"
ROLES = ("planner", "certification_admin", "accountability_officer", "enforcement_officer",
         "cross_agency")
AGENCIES = ("CULTURE", "TRANSPORT")
ACTIVE, REVOKED = "ACTIVE", "REVOKED"
MAX_DOCUMENTS = 500
MAX_DOCUMENT_CHARS = 20_000


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def document_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def view(doc, with_internals: bool = False) -> dict:
    out = {"id": doc.id, "name": doc.name, "agency": doc.agency, "roles": list(doc.roles),
           "status": doc.status, "rate_per_second": doc.rate_per_second, "burst": doc.burst,
           "trusted_only": doc.trusted_only, "documents": len(doc.documents or {}),
           "created_at": doc.created_at.isoformat(), "changed_at": doc.changed_at.isoformat()}
    if with_internals:  # for the gateway only: never printed or returned to a caller
        out.update(secret_hash=doc.secret_hash, documents=dict(doc.documents or {}))
    return out


def _save(store, doc, change: str, insert: bool = False) -> None:
    doc.changed_at = utcnow()
    with store.transaction() as uow:
        uow.insert(doc) if insert else uow.save(doc)
        uow.emit(CHANGED, {"client_id": doc.id, "agency": doc.agency, "roles": list(doc.roles),
                           "status": doc.status, "change": change,
                           "at": doc.changed_at.isoformat()})


def _get(client_id) -> ClientDoc:
    doc = ClientDoc.objects(id=str(client_id)).first()
    if doc is None:
        raise NotFound("client", client_id, ["client_id"])
    return doc


def add(store, data: dict) -> dict:
    name = str(data.get("name") or "").strip()
    if not 1 <= len(name) <= 100:
        raise InvalidInput("a name of 1..100 characters", ["name"])
    roles = data.get("roles") or ["cross_agency"]
    if not isinstance(roles, list) or not set(roles) <= set(ROLES):
        raise InvalidInput(f"roles must be among {', '.join(ROLES)}", ["roles"])
    agency = data.get("agency")
    if agency is not None and agency not in AGENCIES:
        raise InvalidInput(f"agency must be one of {', '.join(AGENCIES)}", ["agency"])
    rate, burst = float(data.get("rate_per_second", 10)), int(data.get("burst", 20))
    if not (0 < rate <= 10_000 and 1 <= burst <= 100_000):
        raise InvalidInput("rate 0..10000 per second, burst 1..100000", ["rate_per_second"])
    secret, now = "jos_" + secrets.token_urlsafe(32), utcnow()
    doc = ClientDoc(id="cl_" + secrets.token_hex(8), name=name, agency=agency,
                    roles=sorted(set(roles)), secret_hash=hash_secret(secret), status=ACTIVE,
                    rate_per_second=rate, burst=burst,
                    trusted_only=bool(data.get("trusted_only")), documents={},
                    created_at=now, changed_at=now)
    _save(store, doc, "ADDED", insert=True)
    return {"client": view(doc), "secret": secret}


def rotate(store, client_id) -> dict:
    doc = _get(client_id)
    if doc.status != ACTIVE:
        raise DomainError("CLIENT_REVOKED", "a revoked client cannot get a new secret")
    secret = "jos_" + secrets.token_urlsafe(32)
    doc.secret_hash = hash_secret(secret)
    _save(store, doc, "ROTATED")
    return {"client": view(doc), "secret": secret}


def revoke(store, client_id) -> dict:
    doc = _get(client_id)
    if doc.status != REVOKED:
        doc.status = REVOKED
        _save(store, doc, "REVOKED")
    return {"client": view(doc)}


def set_documents(store, client_id, documents: dict) -> dict:
    """Replace the client's trusted-documents manifest: {"sha256:<hex>": text}; each id
    must be its text's hash."""
    doc = _get(client_id)
    if not isinstance(documents, dict) or len(documents) > MAX_DOCUMENTS:
        raise InvalidInput(f"a manifest of at most {MAX_DOCUMENTS} documents", ["documents"])
    for key, text in documents.items():
        if not isinstance(text, str) or len(text) > MAX_DOCUMENT_CHARS \
                or document_id(text) != key:
            raise DomainError("DOCUMENT_ID_MISMATCH", f"{key} is not the sha256 of its "
                              "document", ["documents", str(key)])
    doc.documents = dict(documents)
    _save(store, doc, "DOCUMENTS_CHANGED")
    return {"client": view(doc)}


def listing() -> list[dict]:
    return [view(d) for d in ClientDoc.objects.order_by("created_at")]


def for_gateway(client_id) -> dict | None:
    doc = ClientDoc.objects(id=str(client_id)).first()
    return view(doc, with_internals=True) if doc else None
