"""How a joint operation is stored: the whole aggregate in one document (it is always
read and changed as a whole), plus the fields other queries select by."""
from __future__ import annotations

from mongoengine import DateTimeField, DictField, Document, IntField, ListField, StringField
from pymongo.errors import DuplicateKeyError

from services.bus.unit_of_work import ConcurrentUpdate
from services.common.errors import NotFound
from services.operations.domain.model import STATUSES, JointOperation, parse


class OperationDocument(Document):
    id = StringField(primary_key=True)
    name = StringField(required=True)
    status = StringField(required=True, choices=STATUSES)
    changed_by = DictField(null=True)  # the Actor of the last write (UnitOfWork stamps it)
    agencies = ListField(StringField())
    starts_at = DateTimeField(required=True)
    ends_at = DateTimeField(required=True)
    # Current team members: "which launched operations is this officer on?" without a scan.
    officer_ids = ListField(StringField())
    planned_at = DateTimeField()
    version = IntField(required=True, default=0)  # optimistic concurrency
    body = DictField(required=True)  # JointOperation.to_dict()
    meta = {"db_alias": "operations", "collection": "operations",
            "indexes": ["officer_ids", ("status", "-starts_at"), "-starts_at"]}


def to_document(op: JointOperation, version: int) -> OperationDocument:
    return OperationDocument(
        id=op.operation_id, name=op.name, status=op.status, agencies=list(op.agencies),
        starts_at=op.starts_at, ends_at=op.ends_at,
        officer_ids=[m.officer_id for t in op.teams for m in t.members],
        planned_at=op.planned_at, version=version, body=op.to_dict())


class OfficerGuard(Document):
    """One per officer ever put on a launched operation. A change that puts officers on
    a launched operation reads their seq before its busy check and bumps it only if
    unchanged, in its own transaction: of two changes racing for one officer, one
    commits and the other conflicts, re-reads and is refused with OFFICER_BUSY."""
    id = StringField(primary_key=True)
    seq = IntField(required=True, default=0)
    meta = {"db_alias": "operations", "collection": "officer_guards"}


def guard_seqs(officer_ids) -> dict[str, int]:
    """officer_id -> seq now (0 for an officer never guarded)."""
    ids = sorted({str(i) for i in officer_ids})
    found = {d["_id"]: d["seq"] for d in OfficerGuard._get_collection().find(
        {"_id": {"$in": ids}})} if ids else {}
    return {i: found.get(i, 0) for i in ids}


def bump_guard(officer_id: str, seq: int):
    """A raw unit-of-work write: the guard moves from `seq` to seq + 1, or the officer's
    busy state changed since it was read (ConcurrentUpdate: the command re-runs)."""
    def write(session):
        guards = OfficerGuard._get_collection()
        try:
            if seq == 0:
                guards.insert_one({"_id": officer_id, "seq": 1}, session=session)
                return
            if guards.update_one({"_id": officer_id, "seq": seq}, {"$inc": {"seq": 1}},
                                 session=session).matched_count:
                return
        except DuplicateKeyError:
            pass
        raise ConcurrentUpdate(f"officer {officer_id}'s operations")
    return write


def _raw(**query):
    # Raw dicts: the domain copies its operations, which mongoengine's tracked lists refuse.
    return OperationDocument.objects(**query).as_pymongo()


def to_operation(raw: dict) -> JointOperation:
    return JointOperation.from_dict(raw["body"])


def find(operation_id: str) -> tuple[JointOperation, int] | None:
    raw = _raw(id=str(operation_id)).first()
    return None if raw is None else (to_operation(raw), raw["version"])


def load(operation_id: str) -> tuple[JointOperation, int]:
    """(operation, version). Raises NOT_FOUND."""
    found = find(operation_id)
    if found is None:
        raise NotFound("joint operation", operation_id, ["id"])
    return found


def launched_with(officer_ids, starts_at=None, ends_at=None) -> list[tuple[JointOperation, int]]:
    """(operation, version) of LAUNCHED operations that have any of `officer_ids` on a
    team, overlapping the window when one is given."""
    query = {"status": "LAUNCHED", "officer_ids__in": list(officer_ids)}
    if starts_at is not None:
        query.update(starts_at__lt=parse(ends_at), ends_at__gt=parse(starts_at))
    return [(to_operation(raw), raw["version"]) for raw in _raw(**query)]


def matching(status=None, agency=None, officer_id=None):
    """Raw operations, newest window first."""
    query = {}
    if status:
        query["status"] = str(status)
    if agency:
        query["agencies"] = str(agency)
    if officer_id:
        query["officer_ids"] = str(officer_id)
    return _raw(**query).order_by("-starts_at", "id")
