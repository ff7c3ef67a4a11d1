"""Does the embedded MongoDB-wire server (SecantusDB) support GridFS well enough to keep
evidence files in it? Run: `.venv/bin/python infra/probe_gridfs.py [MONGO_URI]` (without a
URI it starts a throwaway SecantusDB). Prints one line per check and a verdict.

Checks what evidence storage needs: a GridFS bucket's put/get round trip (with the
indexes GridFS creates on fs.files / fs.chunks), the same inside a multi-document
transaction (the evidence record, its file and its outbox event must commit together),
an abort leaving nothing behind, ranged reads over many chunks, and an in-place edit of
a chunk being visible to a reader (so the record check can notice it).
"""
from __future__ import annotations

import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import gridfs  # noqa: E402
import pymongo  # noqa: E402


def probe(uri: str) -> dict[str, str]:
    client = pymongo.MongoClient(uri)
    db = client["gridfs_probe"]
    client.drop_database(db.name)
    results: dict[str, str] = {}

    def check(name, fn):
        try:
            results[name] = f"ok {fn() or ''}".strip()
        except Exception as exc:  # a probe reports; it does not stop at the first gap
            results[name] = f"FAILED {type(exc).__name__}: {exc}"[:300]

    bucket = gridfs.GridFSBucket(db, bucket_name="probe")
    data = os.urandom(700_000)   # about three chunks of 255 KiB

    def round_trip():
        fid = bucket.upload_from_stream("a.bin", data, metadata={"k": "v"})
        back = bucket.open_download_stream(fid).read()
        assert hashlib.sha256(back).digest() == hashlib.sha256(data).digest()
        return f"{db['probe.chunks'].count_documents({'files_id': fid})} chunks"

    def indexes():
        return ",".join(sorted(db["probe.chunks"].index_information()))

    def in_transaction():
        with client.start_session() as session, session.start_transaction():
            fid = bucket.upload_from_stream("t.bin", data, session=session)
            db["evidence_probe"].insert_one({"_id": str(fid)}, session=session)
        back = bucket.open_download_stream(fid).read()
        assert back == data

    def aborted():
        with client.start_session() as session:
            session.start_transaction()
            fid = bucket.upload_from_stream("x.bin", data, session=session)
            session.abort_transaction()
        left = db["probe.chunks"].count_documents({"files_id": fid})
        assert left == 0, f"{left} chunks left after abort"

    def chunks_in_transaction():
        # what evidence storage does instead: GridFS's layout, written by hand in a session
        with client.start_session() as session, session.start_transaction():
            db["own.chunks"].insert_many([{"files_id": "f1", "n": n, "data": data[n::3]}
                                          for n in range(3)], session=session)
            db["own.files"].insert_one({"_id": "f1", "length": len(data)}, session=session)
        return f"{db['own.chunks'].count_documents({'files_id': 'f1'})} chunks committed"

    def ranged():
        fid = bucket.upload_from_stream("r.bin", data)
        stream = bucket.open_download_stream(fid)
        stream.seek(300_000)
        assert stream.read(1000) == data[300_000:301_000]

    def edit_visible():
        fid = bucket.upload_from_stream("e.bin", data)
        db["probe.chunks"].update_one({"files_id": fid, "n": 1},
                                      {"$set": {"data": bytes(261120)}})
        back = bucket.open_download_stream(fid).read()
        assert back != data

    for name, fn in (("round trip", round_trip), ("chunk indexes", indexes),
                     ("inside a transaction", in_transaction), ("abort leaves nothing", aborted),
                     ("ranged read", ranged),
                     ("own chunk collection inside a transaction", chunks_in_transaction),
                     ("a changed chunk is read back changed", edit_visible)):
        check(name, fn)
    client.drop_database(db.name)
    return results


def main() -> int:
    if len(sys.argv) > 1:
        results = probe(sys.argv[1])
    else:
        from services.cli.infra import throwaway_mongo
        with throwaway_mongo("gridfs-probe") as uri:
            results = probe(uri)
    for name, verdict in results.items():
        print(f"{name}: {verdict}")
    ok = all(v.startswith("ok") for v in results.values())
    stores = results["round trip"].startswith("ok")
    client_side = "InvalidOperation" in results["inside a transaction"]
    if ok:
        print("verdict: GridFS supported, also inside transactions")
    elif stores and client_side and results["own chunk collection inside a transaction"
                                            ].startswith("ok"):
        print("verdict: the server stores GridFS, but pymongo's GridFS cannot join a "
              "transaction: evidence keeps GridFS's layout in a chunk collection of its own, "
              "written in the record's transaction (services/enforcement/files.py)")
    else:
        print("verdict: GridFS NOT supported (see above)")
    return 0 if stores else 1


if __name__ == "__main__":
    sys.exit(main())
