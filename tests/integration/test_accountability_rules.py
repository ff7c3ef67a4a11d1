"""Automatic findings through the real broker, with the real certification service
answering the past-moment qualification checks: each rule fires once however often its
event is delivered, with one check_qualifications call per delivered action event."""
from collections import Counter

import pytest
from nameko.standalone.rpc import ServiceRpcProxy

from services.accountability import automatic
from services.accountability.documents import FindingDoc
from services.accountability.service import AccountabilityService
from services.bus.client import Clients
from services.bus.deadletters import list_dead_letters, replay
from services.bus.envelope import make
from services.bus.relay import publish_envelopes
from services.certification.service import CertificationService
from tests.integration.cert_support import day, moment
from tests.integration.test_accountability import certify_trio
from tests.support import wait_until

pytestmark = pytest.mark.integration


@pytest.fixture
def officers(container_factory, service_config):
    container_factory(CertificationService, service_config).start()
    container_factory(AccountabilityService, service_config).start()
    with ServiceRpcProxy("certification", service_config) as cert:
        return certify_trio(cert)


@pytest.fixture
def handled(monkeypatch):
    """Deliveries each handler has finished (also those the inbox stopped), and calls to
    certification.check_qualifications."""
    done = Counter()

    def counting(name, fn):
        def wrapper(*args):
            try:
                return fn(*args)
            finally:
                done[name] += 1
        monkeypatch.setattr(automatic, name, wrapper)
    counting("on_case_event", automatic.on_case_event)
    counting("on_action_event", automatic.on_action_event)
    real_start = Clients.start

    def start(self, service, operation, *args):
        done.update([operation])
        return real_start(self, service, operation, *args)
    monkeypatch.setattr(Clients, "start", start)
    return done


def event(event_type, **payload):
    return make(event_type, payload, producer="culture")


def rules_fired():
    return Counter((f.rule, f.officer_id) for f in FindingDoc.objects(source="AUTOMATIC"))


def test_each_rule_fires_once_on_duplicated_events(officers, handled, service_config):
    li, wang, zhao = officers
    uri = service_config["AMQP_URI"]
    decided = event("enforcement.case_decided.v1", case_id="case-1", agency="CULTURE",
                    domain="CULTURE_MARKET", outcome="PENALTY", violation_code="NO_LICENCE",
                    major=True, legal_review_approved=False, justice_filing_required=True,
                    filed_at=moment(-120), decided_at=moment(-5), decision_due=day(-30),
                    publication_due=day(2), officer_ids=[li, wang], fine=5000)
    published = event("enforcement.decision_published.v1", case_id="case-1", agency="CULTURE",
                      decided_at=moment(-5), published_at=moment(-1), publication_due=day(-3),
                      late=True)
    inspection = event("enforcement.inspection_recorded.v1", inspection_id="insp-1",
                       agency="CULTURE", domain="CULTURE_MARKET", entity_id="ktv-1",
                       officer_ids=[li, "ghost"], performed_at=moment(-2), operation_id=None,
                       task_id=None, findings_count=0, violation_found=False)
    early_step = event("enforcement.case_step_recorded.v1", case_id="case-1", agency="CULTURE",
                       domain="CULTURE_MARKET", step="INVESTIGATION", officer_ids=[li, wang],
                       at=moment(-45))  # before their certificates (issued 40 days ago)
    fine_step = event("enforcement.case_step_recorded.v1", case_id="case-1", agency="CULTURE",
                      domain="CULTURE_MARKET", step="RIGHTS_NOTICE", officer_ids=[li, wang],
                      at=moment(-3))
    task = event("operations.inspection_task_assigned.v1", operation_id="op-1", task_id="t-1",
                 agency="CULTURE", entity_id="ktv-2", domain="CULTURE_MARKET", team="A",
                 officer_ids=[li, wang, zhao])  # zhao: no CULTURE_MARKET in his certificate
    actions = [inspection, early_step, fine_step, task]
    publish_envelopes(uri, [decided, decided, *actions, *actions, inspection])
    wait_until(lambda: handled["on_case_event"] == 2 and handled["on_action_event"] == 9)
    publish_envelopes(uri, [published, published])
    wait_until(lambda: handled["on_case_event"] == 4, timeout=15)

    assert rules_fired() == Counter({
        ("MAJOR_DECISION_WITHOUT_LEGAL_REVIEW", li): 1, ("MAJOR_DECISION_WITHOUT_LEGAL_REVIEW", wang): 1,
        ("DECISION_DEADLINE_MISSED", li): 1, ("DECISION_DEADLINE_MISSED", wang): 1,
        ("DECISION_PUBLISHED_LATE", li): 1, ("DECISION_PUBLISHED_LATE", wang): 1,
        # inspection: ghost unknown, so one qualified officer; early step: neither certified
        ("UNQUALIFIED_OR_UNDERSTAFFED_ACTION", li): 2, ("UNQUALIFIED_OR_UNDERSTAFFED_ACTION", "ghost"): 1,
        ("UNQUALIFIED_OR_UNDERSTAFFED_ACTION", wang): 1,
        # task: two qualified officers, only zhao is named
        ("UNQUALIFIED_OR_UNDERSTAFFED_ACTION", zhao): 1})
    assert handled["check_qualifications"] == 9  # one call per delivered action event
    ghost = FindingDoc.objects(officer_id="ghost").first()
    assert ghost.inspection_id == "insp-1" and ghost.trigger_event_ids == [inspection["event_id"]]
    assert "UNKNOWN_OFFICER" in ghost.description
    outbox = FindingDoc._get_db()["outbox"]
    assert outbox.count_documents({"type": "accountability.finding_recorded.v1"}) == 11


def test_late_publication_before_its_case_waits_then_replays(officers, service_config):
    li, wang, _ = officers
    uri = service_config["AMQP_URI"]
    published = event("enforcement.decision_published.v1", case_id="case-2", agency="CULTURE",
                      decided_at=moment(-9), published_at=moment(-1), publication_due=day(-2),
                      late=False)  # the producer's flag is wrong; our date check catches it
    publish_envelopes(uri, [published])
    wait_until(lambda: any(d.message_id == published["event_id"]
                           for d in list_dead_letters(uri)))
    assert FindingDoc.objects.count() == 0
    publish_envelopes(uri, [event(
        "enforcement.case_decided.v1", case_id="case-2", agency="CULTURE", domain="TOURISM",
        outcome="NO_PENALTY_FIRST_VIOLATION", violation_code=None, major=False,
        legal_review_approved=False, justice_filing_required=False, filed_at=moment(-20),
        decided_at=moment(-9), decision_due=day(60), publication_due=day(-2),
        officer_ids=[wang, li], fine=None)])
    wait_until(lambda: FindingDoc._get_db()["case_officers"].find_one({"_id": "case-2"}))
    replay(uri, {published["event_id"]})
    wait_until(lambda: rules_fired() == Counter({("DECISION_PUBLISHED_LATE", wang): 1,
                                                 ("DECISION_PUBLISHED_LATE", li): 1}))
