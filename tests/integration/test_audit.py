"""The audit trail through the real broker and database: every event once, in one intact
hash chain, also with two replicas appending at once; an automatic finding is recorded
by its rule, not by whoever caused the event it reacts to."""
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import kombu
import pytest
from nameko.standalone.rpc import ServiceRpcProxy

from services.accountability.documents import FindingDoc
from services.accountability.service import AccountabilityService
from services.audit.documents import AuditEntryDoc, ChainHead
from services.audit.service import AuditService
from services.bus.envelope import make
from services.bus.relay import publish_envelopes
from services.certification.service import CertificationService
from services.common.actor import Actor
from tests.conftest import TEST_SECRET
from tests.faults.infra import die_with_parent, terminate
from tests.integration.cert_support import day, moment
from tests.integration.test_accountability import certify_trio
from tests.support import wait_until

pytestmark = pytest.mark.integration
PERSON = Actor("officer-chen", ("enforcement_officer",), "CULTURE")


def probe(i, actor=PERSON):
    return make("bus.probe_recorded.v1", {"probe_id": f"p{i}", "seq": i}, producer="test",
                actor=actor)


def trail_check(service_config):
    with ServiceRpcProxy("audit", service_config) as audit:
        return audit.check_trail()["ok"]


@pytest.fixture
def second_replica(jointops_config, service_config, tmp_path):
    """`jointops serve audit` as its own process on the test's vhost and database: a
    replica sharing the audit queue with the one in this process."""
    env = dict(os.environ, JOINTOPS_AMQP_URI=jointops_config.amqp_uri,
               JOINTOPS_MONGO_URI=jointops_config.mongo_uri, JOINTOPS_JWT_SECRET=TEST_SECRET,
               JOINTOPS_DB_PREFIX=jointops_config.db_prefix, JOINTOPS_LOG_LEVEL="INFO")
    log = open(tmp_path / "audit.log", "wb")
    proc = subprocess.Popen([str(Path(sys.executable).parent / "jointops"), "serve", "audit"],
                            env=env, stdout=log, stderr=log, preexec_fn=die_with_parent)

    def consuming():
        assert proc.poll() is None, (tmp_path / "audit.log").read_text()
        with kombu.Connection(jointops_config.amqp_uri) as conn:
            return conn.default_channel.queue_declare("audit.record", passive=True
                                                      ).consumer_count >= 2
    yield proc, consuming
    terminate(proc, 10)
    log.close()


def test_two_replicas_appending_at_once_keep_one_intact_chain(container_factory,
                                                               service_config,
                                                               second_replica):
    container_factory(AuditService, service_config).start()
    proc, consuming = second_replica
    wait_until(consuming, timeout=60)
    events = [probe(i) for i in range(120)]
    publish_envelopes(service_config["AMQP_URI"], events + events[:20])  # with redeliveries
    wait_until(lambda: AuditEntryDoc.objects.count() >= 120, timeout=60)
    assert sorted(AuditEntryDoc.objects.scalar("seq")) == list(range(120))
    assert Counter(AuditEntryDoc.objects.scalar("id")) == Counter(e["event_id"] for e in events)
    check = trail_check(service_config)
    assert check["intact"] and check["entries"] == 120, check
    assert ChainHead.objects.first().seq == 119
    entry = AuditEntryDoc.objects(id=events[7]["event_id"]).first()
    assert entry.actor == PERSON.to_dict() and entry.event_type == "bus.probe_recorded.v1"
    assert entry.correlation_id == events[7]["correlation_id"]


def test_a_cut_tail_fails_the_check(container_factory, service_config):
    container_factory(AuditService, service_config).start()
    publish_envelopes(service_config["AMQP_URI"], [probe(i) for i in range(3)])
    wait_until(lambda: AuditEntryDoc.objects.count() == 3)
    AuditEntryDoc.objects(seq=2).delete()
    assert trail_check(service_config)["reason"] == "HEAD_MISMATCH"


def test_an_automatic_finding_is_recorded_by_its_rule(container_factory, service_config):
    for cls in (CertificationService, AccountabilityService, AuditService):
        container_factory(cls, service_config).start()
    with ServiceRpcProxy("certification", service_config) as cert:
        li, wang, _ = certify_trio(cert)
    decided = make("enforcement.case_decided.v1", {
        "case_id": "case-1", "agency": "CULTURE", "domain": "CULTURE_MARKET",
        "outcome": "PENALTY", "violation_code": "NO_LICENCE", "major": True,
        "legal_review_approved": False, "justice_filing_required": True,
        "filed_at": moment(-120), "decided_at": moment(-5), "decision_due": day(-30),
        "publication_due": day(2), "officer_ids": [li, wang], "fine": 5000},
        producer="culture", actor=PERSON)
    publish_envelopes(service_config["AMQP_URI"], [decided])
    rule = "MAJOR_DECISION_WITHOUT_LEGAL_REVIEW"
    finding = wait_until(lambda: FindingDoc.objects(rule=rule, officer_id=li).first())
    system = {"subject": f"system:accountability.rule.{rule}", "roles": [], "agency": None}
    assert finding.recorded_by == system
    [announced] = [d["envelope"] for d in FindingDoc._get_db()["outbox"].find(
        {"envelope.payload.finding_id": finding.id})]
    assert announced["actor"] == system and announced["causation_id"] == decided["event_id"]
    assert announced["correlation_id"] == decided["correlation_id"]
    audited = wait_until(lambda: AuditEntryDoc.objects(id=announced["event_id"]).first())
    assert audited.actor == system and li in audited.subject_ids and "case-1" in \
        audited.subject_ids
    cause = wait_until(lambda: AuditEntryDoc.objects(id=decided["event_id"]).first())
    assert cause.actor == PERSON.to_dict()
