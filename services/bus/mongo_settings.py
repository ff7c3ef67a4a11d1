"""How every context talks to MongoDB: the settings for a replica set in production."""
from __future__ import annotations

import traceback

from pymongo import ReadPreference
from pymongo.client_session import TransactionOptions
from pymongo.read_concern import ReadConcern
from pymongo.write_concern import WriteConcern

# Production settings for a replica set (and accepted by SecantusDB, which the tests run
# on): a write is acknowledged once a majority of members has it (it survives a primary's
# loss), a write that fails on a primary election is retried once by the driver, reads go
# to the primary, and a transaction reads one snapshot of the majority-committed data.
CLIENT_SETTINGS = {"w": "majority", "retryWrites": True, "retryReads": True,
                   "read_preference": ReadPreference.PRIMARY}
TRANSACTIONS = TransactionOptions(read_concern=ReadConcern("snapshot"),
                                  write_concern=WriteConcern("majority"))


def session(client):
    """A session whose transactions use the production settings (TRANSACTIONS)."""
    return client.start_session(default_transaction_options=TRANSACTIONS)


def in_transaction(session, callback):
    """`session.with_transaction(callback)`, whose failure frees what the callback held
    once the caller lets go of the error. pymongo keeps the error in a local of
    with_transaction, a frame the error's traceback holds: that cycle kept every failed
    transaction's objects (units of work, their documents, a service's records) until
    the cycle collector ran (bench_soak.py). The frames' locals are cleared; the
    traceback keeps its files and lines."""
    try:
        return session.with_transaction(callback)
    except BaseException as exc:
        traceback.clear_frames(exc.__traceback__)
        raise
