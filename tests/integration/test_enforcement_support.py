"""Helpers for the enforcement integration and end-to-end tests (no tests here): officers
certified through the real certification service, directory rows, a publicity receiver.

Dates are relative to now, so the tests mean the same whatever day the suite runs."""
import datetime as dt
import json
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from services.certification.domain.idnumber import check_digit
from services.enforcement.documents import bind
from tests.integration.test_operations_support import day, moment, ok

OFFICER = {"sub": "officer-1", "roles": ["enforcement_officer"], "agency": "CULTURE"}
DOMAIN_OF = {"CULTURE": "CULTURE_MARKET", "TRANSPORT": "ROAD_TRANSPORT"}
CULTURE_DOMAINS = ["CULTURE_MARKET", "PUBLICATION", "RADIO_TV", "TOURISM"]
CULTURE, TRANSPORT = bind("culture"), bind("transport")


def certify(cert, officer_id, agency, seq, domains=None, since_days=200):
    """Register `officer_id`, pass both exams, and certify them from `since_days` ago for
    a year ahead, so steps dated in the past (overdue cases) find them qualified."""
    first17 = f"32010219800101{seq % 1000:03d}"
    ok(cert.register_officer({"officer_id": officer_id, "name": f"Officer {officer_id}",
                              "agency": agency, "id_number": first17 + check_digit(first17)}))
    for exam in ("PUBLIC_LAW", "PROFESSIONAL_LAW"):
        ok(cert.record_exam({"officer_id": officer_id, "exam": exam, "score": 85,
                             "taken_on": day(-since_days - 10)}))
    return ok(cert.issue_certificate({
        "officer_id": officer_id, "domains": domains or [DOMAIN_OF[agency]],
        "valid_from": day(-since_days), "valid_until": day(365),
        "effective_at": moment(-since_days)}))


def cafe_row(reg="91320100MA1ABCDE1X", name="Star Net Cafe", **extra):
    return {"registration_no": reg, "category": "INTERNET_CAFE", "name": name,
            "risk_level": "MEDIUM", "licence": "NC-001", "address": "1 Zhongshan Rd", **extra}


def driver_row(reg="DRV-0001", name="张三", seq=7):
    first17 = f"32010219900307{seq:03d}"
    return {"registration_no": reg, "category": "DRIVER", "name": name,
            "id_number": first17 + check_digit(first17)}


def coach_row(reg="91320100COACH0001", name="Jinling Tourist Coach Co."):
    return {"registration_no": reg, "category": "COACH_OPERATOR", "name": name,
            "licence": "RT-320100-001", "risk_level": "HIGH"}


class Receiver:
    """A publicity platform on loopback: records what it is sent; answers 503 while
    `down` is set; dedupes on the Idempotency-Key like a well-behaved receiver."""

    def __init__(self):
        self.received, self.attempts, self.down = {}, 0, False
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                receiver.attempts += 1
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if receiver.down:
                    self.send_response(503)
                else:
                    receiver.received[self.headers["Idempotency-Key"]] = json.loads(body)
                    self.send_response(201)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/decisions"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def ago(days: float) -> str:
    return (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=days)).isoformat()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def config(service_config, receiver):
    return dict(service_config, JOINTOPS=replace(
        service_config["JOINTOPS"], delivery_retry_base_ms=50,
        platforms={"CREDIT_PORTAL": {"url": receiver.url, "token": None},
                   "ENTERPRISE_CREDIT": {"url": receiver.url, "token": "tok"}}))


@pytest.fixture
def rpc(container_factory, config):
    """The real certification, culture and transport services, with certified officers
    cu-1..3 (every culture domain) and tr-1..2 (road transport); a cluster RPC proxy."""
    from services.certification.service import CertificationService
    from services.culture.service import CultureService
    from services.transport.service import TransportService

    for cls in (CertificationService, CultureService, TransportService):
        container_factory(cls, config).start()
    with ClusterRpcProxy(config) as proxy:
        for seq, officer in enumerate(("cu-1", "cu-2", "cu-3")):
            certify(proxy.certification, officer, "CULTURE", seq, CULTURE_DOMAINS)
        for seq, officer in enumerate(("tr-1", "tr-2"), start=10):
            certify(proxy.certification, officer, "TRANSPORT", seq)
        yield proxy


def outbox(docs, event_type):
    return [d["envelope"]["payload"] for d in docs.Case._get_db()["outbox"].find(
        {"type": event_type}).sort("_id", 1)]
