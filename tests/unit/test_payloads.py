"""The typed payloads (services/contracts/payloads.py) are the schemas' Python side: every
event type a handler reads has a class, and each class has its schema's fields, required
ones without a default, with compatible types. A payload that does not fit is refused with
the field and the reason (the subscriber dead-letters it with that text)."""
import json
import uuid

import pytest

from services.bus import schemas
from services.contracts import payloads, topology

NULL = "null"


def read_schema(event_type: str) -> dict:
    return json.loads((schemas.SCHEMA_DIR / "events" / f"{event_type}.json").read_text())


def kinds(spec: dict, defs: dict) -> frozenset[str]:
    """The JSON kinds a (JSON Schema) property admits: "string", "null", "array<string>"."""
    if "$ref" in spec:
        return kinds(defs[spec["$ref"].split("/")[-1]], defs)
    if "anyOf" in spec or "oneOf" in spec:
        return frozenset().union(*(kinds(s, defs) for s in spec.get("anyOf", spec.get("oneOf"))))
    if "enum" in spec:
        names = {str: "string", int: "integer", bool: "boolean", type(None): NULL}
        return frozenset(names[type(v)] for v in spec["enum"])
    declared = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    found = set()
    for kind in declared:
        if kind == "array":
            found |= {f"array<{k}>" for k in kinds(spec.get("items", {"type": "string"}), defs)}
        else:
            found.add(kind)
    return frozenset(found)


def consumed_types() -> set[str]:
    """Every event type some handler (other than the VERBATIM ones) is bound to."""
    known = schemas.event_types()
    return {t for handler, keys in topology.HANDLERS.items() if handler not in topology.VERBATIM
            for key in keys for t in known if topology._matches(key, t)}


def test_every_consumed_event_type_has_its_class():
    missing = consumed_types() - set(payloads.PAYLOADS)
    assert not missing, f"no class in services/contracts/payloads.py for {sorted(missing)}"


@pytest.mark.parametrize("event_type", sorted(payloads.PAYLOADS))
def test_each_class_matches_its_schema(event_type):
    schema, model = read_schema(event_type), payloads.PAYLOADS[event_type]
    assert schema["additionalProperties"] is False
    assert model.model_config["extra"] == "forbid"
    assert set(model.model_fields) == set(schema["properties"]), "field names"
    required = {n for n, f in model.model_fields.items() if f.is_required()}
    assert required == set(schema.get("required", ())), "required fields"
    generated = model.model_json_schema()
    for name, spec in schema["properties"].items():
        ours = kinds(generated["properties"][name], generated.get("$defs", {}))
        theirs = kinds(spec, {})
        if name not in required:  # optional: absent on the wire, None in the class
            ours -= {NULL}
        assert ours == theirs, f"{event_type}.{name}: class {set(ours)} schema {set(theirs)}"


def test_the_public_webhook_fields_name_fields_of_their_source_class():
    for name, spec in topology.PUBLIC_EVENTS.items():
        fields = payloads.PAYLOADS[spec["source"]].model_fields
        assert set(spec["fields"].values()) <= set(fields), name


def envelope(event_type: str, payload: dict) -> dict:
    return {"event_id": str(uuid.uuid4()), "type": event_type,
            "occurred_at": "2026-03-01T02:00:00+00:00", "producer": "test",
            "correlation_id": "c", "causation_id": None, "actor": None, "payload": payload}


SANCTION = {"sanction_id": "s1", "finding_id": "f1", "officer_id": "o1",
            "measure": "OFF_POST_TRAINING", "effective_at": "2026-03-01T02:00:00+00:00"}


def test_a_handler_receives_the_envelope_with_its_payload_as_the_class():
    event = payloads.receive(envelope("accountability.sanction_imposed.v1", SANCTION))
    assert isinstance(event.payload, payloads.SanctionImposed)
    assert event.payload.officer_id == "o1" and event.occurred_at == "2026-03-01T02:00:00+00:00"
    assert event.payload.wire() == SANCTION  # as it was on the wire
    with pytest.raises(Exception):
        event.payload.officer_id = "o2"  # frozen: a handler cannot change what it was given


def test_an_optional_field_left_out_stays_out_on_the_wire():
    probe = payloads.receive(envelope("bus.probe_recorded.v1", {"probe_id": "p", "seq": 1}))
    assert probe.payload.note is None and probe.payload.wire() == {"probe_id": "p", "seq": 1}


@pytest.mark.parametrize("payload, reason", [
    ({k: v for k, v in SANCTION.items() if k != "measure"}, "measure: Field required"),
    ({**SANCTION, "extra": 1}, "extra: Extra inputs are not permitted"),
    ({**SANCTION, "officer_id": 7}, "officer_id: Input should be a valid string"),
])
def test_a_payload_that_does_not_fit_is_refused_with_the_field_and_why(payload, reason):
    with pytest.raises(payloads.PayloadMismatch) as refused:
        payloads.receive(envelope("accountability.sanction_imposed.v1", payload))
    assert str(refused.value) == f"payload does not fit SanctionImposed: {reason}"


def test_an_event_type_without_a_class_is_refused():
    with pytest.raises(payloads.PayloadMismatch, match="no payload class"):
        payloads.receive(envelope("draws.draw_committed.v1", {}))
