"""Officer credentials: what a signed credential says, and what its status is at a moment.

A credential is the officer's certificate as a W3C Verifiable Credential (2.0, secured as a
compact JWS): masked name, agency, domains, certificate number, validity and two status
entries (revocation and suspension lists). It carries no ID number and no reasons. Its
status follows the officer's record:
- REVOKED: the certificate was revoked (a sanction included) or superseded by a newer one;
- EXPIRED: the credential's validity (the certificate's, when issued) has ended;
- SUSPENDED: the certificate is suspended, the officer is off post (training, removal) or
  the annual review is overdue: all of which can end;
- VALID otherwise.
"""
from __future__ import annotations

import datetime as dt
from enum import Enum

from services.contracts.vocabulary import CREDENTIAL_TYPE
from services.common.clock import as_utc, local_date
from services.common.errors import DomainError

from .config import DEFAULT_CONFIG, CertificationConfig
from .enums import CertificateStatus as CS
from .record import OfficerRecord, iso
from .replay import local_midnight, snapshot

CONTEXT = "https://www.w3.org/ns/credentials/v2"
TYPE = CREDENTIAL_TYPE


class CredentialStatus(str, Enum):
    VALID = "VALID"
    SUSPENDED = "SUSPENDED"
    REVOKED = "REVOKED"
    EXPIRED = "EXPIRED"


# Which list's bit a status sets. An expired credential is also marked revoked: expiry is
# as final as revocation, and a verifier that reads only the list then sees it too.
REVOCATION_BIT = {CredentialStatus.REVOKED, CredentialStatus.EXPIRED}
SUSPENSION_BIT = {CredentialStatus.SUSPENDED}


def mask_name(name: str) -> str:
    """`张**`: the first character (the surname in a Chinese name) and one star for each
    other character; enough to match the face in front of you, not to look a person up."""
    name = (name or "").strip()
    return name[:1] + "*" * max(len(name) - 1, 1) if name else "*"


def issuable(record: OfficerRecord, now: dt.datetime):
    """The certificate a credential may be issued for now, or DomainError."""
    snap = snapshot(record, now)
    cert = snap.current
    if cert is None:
        raise DomainError("NO_CERTIFICATE", "the officer holds no certificate",
                          ["officerId"])
    if local_date(now) < cert.valid_from:
        raise DomainError("CERTIFICATE_NOT_YET_VALID", f"certificate {cert.number} is not "
                          "valid yet", ["officerId"])
    if cert.status(now) is not CS.VALID or snap.in_training or snap.removed:
        raise DomainError("NOT_QUALIFIED", "a credential is issued only for a valid "
                          "certificate of an officer on post", ["officerId"])
    return cert


def expires_at(cert) -> dt.datetime:
    """The end of the certificate's last valid day (Asia/Shanghai)."""
    return local_midnight(cert.valid_until + dt.timedelta(days=1))


def claims(record: OfficerRecord, cert, *, credential_id: str, issuer: str,
           status_entries: list[dict], issued_at: dt.datetime) -> dict:
    """The credential's payload (VC 2.0 data model; the JWS secures it as it is). Kept
    short: it is printed as a QR code, whose size grows with every byte."""
    return {
        "@context": [CONTEXT],
        "id": f"urn:uuid:{credential_id}",
        "type": ["VerifiableCredential", TYPE],
        "issuer": issuer,
        "validFrom": iso(as_utc(issued_at)),
        "validUntil": iso(expires_at(cert)),
        "credentialSubject": {"name": mask_name(record.name), "agency": record.agency.value,
                              "domains": [d.value for d in cert.domains],
                              "certificateNo": cert.number},
        "credentialStatus": status_entries,
    }


def status(record: OfficerRecord, certificate_no: str, valid_until: dt.datetime,
           at: dt.datetime, config: CertificationConfig = DEFAULT_CONFIG) -> CredentialStatus:
    at = as_utc(at)
    if at >= as_utc(valid_until):
        return CredentialStatus.EXPIRED
    snap = snapshot(record, at)
    cert = snap.certificates.get(certificate_no)
    if cert is None or cert is not snap.current or cert.lifecycle is CS.REVOKED:
        return CredentialStatus.REVOKED
    if cert.status(at) is CS.EXPIRED:
        return CredentialStatus.EXPIRED
    if (cert.lifecycle is CS.SUSPENDED or snap.in_training or snap.removed
            or local_date(at) > cert.review_due(config)):
        return CredentialStatus.SUSPENDED
    return CredentialStatus.VALID


def next_change(record: OfficerRecord, certificate_no: str, valid_until: dt.datetime,
                now: dt.datetime, config: CertificationConfig = DEFAULT_CONFIG
                ) -> dt.datetime | None:
    """The next moment the status may change by time alone (an entry effective in the
    future, the review deadline, the end of validity); None once nothing can change it."""
    now, valid_until = as_utc(now), as_utc(valid_until)
    if now >= valid_until:
        return None
    moments = [valid_until] + [e.effective_at for e in record.history if e.effective_at > now]
    cert = snapshot(record, now).certificates.get(certificate_no)
    if cert is not None:
        moments.append(local_midnight(cert.review_due(config) + dt.timedelta(days=1)))
        moments.append(local_midnight(cert.valid_until + dt.timedelta(days=1)))
    return min(m for m in moments if m > now)
