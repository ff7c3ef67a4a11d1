"""Stored files (evidence, generated documents): bytes in chunks of GridFS's layout in
the context's `file_chunks` collection, written in the same unit of work as the record
entry that names their SHA-256, and read back to check that hash."""
from __future__ import annotations

import hashlib

from bson.binary import Binary

CHUNK = 255 * 1024  # GridFS's default chunk size


def store(uow, docs, file_id: str, data: bytes) -> int:
    """Add the file's chunks to the unit of work; returns the chunk count."""
    coll = docs.FileChunk._get_collection()
    rows = [{"_id": f"{file_id}:{n}", "files_id": file_id, "n": n,
             "data": Binary(data[start:start + CHUNK])}
            for n, start in enumerate(range(0, len(data), CHUNK))]
    uow.run(lambda s: coll.insert_many(rows, ordered=True, session=s))
    return len(rows)


def read(docs, file_id: str) -> bytes | None:
    """The file's bytes as stored now; None when no chunk of it is stored."""
    chunks = list(docs.FileChunk._get_collection().find({"files_id": file_id},
                                                         sort=[("n", 1)]))
    if not chunks:
        return None
    return b"".join(bytes(c["data"]) for c in chunks)


def sha256_of(docs, file_id: str) -> str | None:
    data = read(docs, file_id)
    return None if data is None else hashlib.sha256(data).hexdigest()


def check_record_files(docs, entries) -> dict | None:
    """The first record entry naming a stored file whose bytes no longer hash as the entry
    says (FILE_CHANGED) or are gone (FILE_MISSING); None when every file holds."""
    for entry in entries:
        for ref in (entry.get("data") or {}).get("files") or ():
            found = sha256_of(docs, ref["id"])
            if found != ref["sha256"]:
                return {"index": entry.get("seq"), "file_id": ref["id"],
                        "reason": "FILE_MISSING" if found is None else "FILE_CHANGED"}
    return None
