"""Certification consuming accountability's sanction events (idempotent, out-of-order
retried) and announcing expiries through the sweep, with the real broker and database."""
import pytest
from nameko.standalone.rpc import ServiceRpcProxy

from services.bus.deadletters import list_dead_letters, replay
from services.bus.envelope import make
from services.bus.relay import publish_envelopes
from services.certification.service import CertificationService
from tests.integration.cert_support import ID_CU, ID_CU2, certify, moment, ok, outbox_types
from tests.support import wait_until

pytestmark = pytest.mark.integration
QUEUE = "certification.on_training_completed"


@pytest.fixture
def cert(container_factory, service_config):
    container_factory(CertificationService, service_config).start()
    with ServiceRpcProxy("certification", service_config) as proxy:
        yield proxy


def reasons(cert, oid, at=None):
    return ok(cert.check_qualifications([{"officer_id": oid, "domain": "TOURISM", "at": at}]))[0]["reasons"]


def kinds(cert, oid):
    return [e["kind"] for e in ok(cert.officer_history(oid))["history"]]


def event(kind, **payload):
    return make(f"accountability.{kind}.v1", payload, producer="accountability")


def test_sanction_applies_once_and_an_early_completion_is_retried(cert, service_config):
    uri = service_config["AMQP_URI"]
    oid = certify(cert, "Sun Li", "CULTURE", ID_CU, ["TOURISM"])["id"]
    done = event("training_completed", sanction_id="s-1", officer_id=oid,
                 completed_at=moment(-2))
    publish_envelopes(uri, [done])  # before the sanction it completes: refused, retried
    letter = wait_until(lambda: [d for d in list_dead_letters(uri) if d.message_id ==
                                 done["event_id"]])[0]
    assert letter.queue == QUEUE and letter.attempts == 2 and "INVALID_TRANSITION" in letter.reason
    imposed = event("sanction_imposed", sanction_id="s-1", finding_id="f-1", officer_id=oid,
                    measure="OFF_POST_TRAINING", effective_at=moment(-5))
    publish_envelopes(uri, [imposed, imposed])  # delivered twice: one effect
    wait_until(lambda: reasons(cert, oid) == ["OFF_POST_TRAINING"])
    assert reasons(cert, oid, moment(-6)) == []  # effective-dated: not before it took effect
    replay(uri, {done["event_id"]})
    wait_until(lambda: reasons(cert, oid) == [])
    assert reasons(cert, oid, moment(-3)) == ["OFF_POST_TRAINING"]
    assert kinds(cert, oid).count("TRAINING_STARTED") == 1
    assert "certification.officer_status_changed.v1" in outbox_types()


def test_removal_from_post_and_reinstatement(cert, service_config):
    uri = service_config["AMQP_URI"]
    oid = certify(cert, "Ma Jun", "CULTURE", ID_CU2, ["TOURISM"])["id"]
    publish_envelopes(uri, [event("sanction_imposed", sanction_id="s-2", finding_id="f-2",
                                  officer_id=oid, measure="REMOVAL_FROM_POST",
                                  effective_at=moment(-1))])
    wait_until(lambda: reasons(cert, oid) == ["REMOVED_FROM_POST"])
    assert ok(cert.get_officers([oid]))[0]["status"] == "REMOVED_FROM_POST"
    publish_envelopes(uri, [event("reinstated_to_post", sanction_id="s-2", officer_id=oid,
                                  reinstated_at=moment(0, hour=0))])
    wait_until(lambda: reasons(cert, oid) == [])


def test_expiry_needs_no_sweep_and_the_sweep_announces_it_once(cert):
    oid = certify(cert, "Hu Yan", "CULTURE", ID_CU, ["TOURISM"], valid=(-400, -10),
                  issued=-410)["id"]
    assert reasons(cert, oid) == ["CERTIFICATE_EXPIRED"]
    assert ok(cert.sweep()) >= 1
    assert "certification.certificate_expired.v1" in outbox_types()
    assert ok(cert.sweep()) == 0
    assert ok(cert.get_officers([oid]))[0]["certificate"]["status"] == "EXPIRED"
