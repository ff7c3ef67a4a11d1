"""Evidence files (证据): photos, videos, audio recordings, documents and video interviews
(视频询问, the report's "zero-contact" case) attached to an inspection or a case.

What a file is comes from its first bytes (magic numbers), never from its name or the
content type a client claims; the name is kept for people only and may not carry a path.
Each kind has a size limit (config knobs below). The file's SHA-256 enters the record of
the inspection or case it belongs to, so the record check fails if the stored bytes change.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass, field

from services.common.errors import DomainError, InvalidInput
from services.contracts.vocabulary import EVIDENCE_KINDS, EVIDENCE_MAX_BYTES
from services.enforcement.domain.serial import Plain

MIB = 1024 * 1024
# Config knobs: the largest file of each kind. The whole file travels in one RPC message
# and commits in one transaction, which bounds them (a longer recording is split).
MAX_BYTES = {"PHOTO": 8 * MIB, "DOCUMENT": 8 * MIB, "AUDIO": EVIDENCE_MAX_BYTES,
             "VIDEO": EVIDENCE_MAX_BYTES, "VIDEO_INTERVIEW": EVIDENCE_MAX_BYTES}
LARGEST = max(MAX_BYTES.values())
MAX_NAME = 120
MAX_PARTICIPANTS = 20
# content type -> the kinds it may be evidence of
TYPES = {"image/jpeg": ("PHOTO",), "image/png": ("PHOTO",), "image/webp": ("PHOTO",),
         "application/pdf": ("DOCUMENT",),
         "video/mp4": ("VIDEO", "VIDEO_INTERVIEW"), "video/webm": ("VIDEO", "VIDEO_INTERVIEW"),
         "audio/mpeg": ("AUDIO",), "audio/wav": ("AUDIO",), "audio/mp4": ("AUDIO",)}
_FORBIDDEN_NAMES = {".", "..", "con", "nul", "prn", "aux"}


def sniff(data: bytes) -> str | None:
    """The content type the first bytes say, among TYPES; None for anything else."""
    head = data[:16]
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head[4:8] == b"ftyp":  # ISO base media: the brand tells audio (M4A) from video
        return "audio/mp4" if head[8:11] == b"M4A" else "video/mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF
                                   and head[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    return None


def check_name(name) -> str:
    """A file name for people to read: no directories, no parent or hidden parts, no
    control characters, not empty, not too long (EVIDENCE_NAME_INVALID)."""
    def bad(why):
        raise DomainError("EVIDENCE_NAME_INVALID", f"file name refused: {why}",
                          ["input", "filename"])
    if not isinstance(name, str) or not name.strip():
        bad("empty")
    name = unicodedata.normalize("NFC", name.strip())
    if len(name) > MAX_NAME:
        bad(f"longer than {MAX_NAME} characters")
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in name):
        bad("control characters")
    if "/" in name or "\\" in name or ":" in name or "\x00" in name:
        bad("a path (/, \\ or :) where a name belongs")
    if name.startswith(".") or name.split(".")[0].lower() in _FORBIDDEN_NAMES:
        bad("a hidden or reserved name")
    return name


def check_size(kind: str, size: int) -> None:
    limit = MAX_BYTES[kind]
    if size > limit:
        raise DomainError("EVIDENCE_TOO_LARGE", f"{kind} files are at most {limit // MIB} MiB "
                          f"({size} bytes sent)", ["input", "file"], limit=limit, size=size)


@dataclass
class Interview(Plain):
    """A video interview's participants (names or officer ids) and its time."""
    participants: list[str]
    started_at: dt.datetime
    ended_at: dt.datetime | None = None


@dataclass
class EvidenceFile(Plain):
    id: str
    subject_id: str                  # the inspection or case it belongs to
    kind: str
    filename: str
    content_type: str
    size: int
    sha256: str
    attached_at: dt.datetime
    description: str = ""
    interview: Interview | None = None
    attached_by: dict | None = None  # the Actor (services.common.actor)
    chunks: int = 0
    labels: list[str] = field(default_factory=list)


def interview(kind: str, participants, started_at, ended_at) -> Interview | None:
    if kind != "VIDEO_INTERVIEW":
        if participants or started_at:
            raise InvalidInput("participants and times belong to a VIDEO_INTERVIEW",
                               ["input", "participants"])
        return None
    names = [p.strip() for p in participants or [] if isinstance(p, str) and p.strip()]
    if len(names) < 2 or len(names) > MAX_PARTICIPANTS or any(len(n) > 100 for n in names):
        raise InvalidInput(f"a video interview has 2..{MAX_PARTICIPANTS} participants",
                           ["input", "participants"])
    if started_at is None:
        raise InvalidInput("a video interview needs its start time", ["input", "startedAt"])
    if ended_at is not None and ended_at < started_at:
        raise InvalidInput("it cannot end before it starts", ["input", "endedAt"])
    return Interview(list(dict.fromkeys(names)), started_at, ended_at)


def check(evidence_id: str, subject_id: str, kind, filename, data: bytes, now: dt.datetime,
          description: str = "", participants=None, started_at=None, ended_at=None
          ) -> EvidenceFile:
    """The file's record, or a refusal: EVIDENCE_TOO_LARGE, EVIDENCE_TYPE_NOT_ALLOWED
    (its bytes are not a type allowed for the kind), EVIDENCE_NAME_INVALID, INVALID_INPUT."""
    if kind not in EVIDENCE_KINDS:
        raise InvalidInput(f"kind must be one of {', '.join(EVIDENCE_KINDS)}", ["input", "kind"])
    name = check_name(filename)
    if not data:
        raise InvalidInput("the file is empty", ["input", "file"])
    check_size(kind, len(data))
    found = sniff(data)
    if found is None or kind not in TYPES[found]:
        allowed = sorted(t for t, kinds in TYPES.items() if kind in kinds)
        raise DomainError("EVIDENCE_TYPE_NOT_ALLOWED",
                          f"the file's content is {found or 'of no allowed type'}; a {kind} "
                          f"must be one of {', '.join(allowed)}", ["input", "file"])
    return EvidenceFile(evidence_id, subject_id, kind, name, found, len(data),
                        hashlib.sha256(data).hexdigest(), now, description,
                        interview(kind, participants, started_at, ended_at))
