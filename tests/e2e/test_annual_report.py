"""The annual report as a document, from a small year replayed through every service with
the provincial supervision platform and the credit portal on loopback: the PDF's text holds
the source report's sentences with the year's figures (coverage 100%: every inspection
delivered once), the workbook reads back, page 1 is written to var/reports/ for a
reviewer; the platforms and their deliveries over GraphQL; who may download what."""
import datetime as dt
import io
import re
from pathlib import Path

import httpx
import pytest
from nameko.standalone.rpc import ClusterRpcProxy

from services import registry
from services.common import clock
from services.common.config import load
from services.common.pdf import first_page_png, pdf_text
from services.demo import year as replay
from services.demo.year_plan import plan_year
from services.runner import declare_topology, nameko_config
from tests.conftest import TEST_SECRET, _free_port
from tests.platform_receiver import PlatformReceiver
from tests.support import wait_until

pytestmark = pytest.mark.e2e
YEAR, SCALE = 2023, 0.01
OUT = Path(__file__).resolve().parents[2] / "var" / "reports"
FIGURES = """{ annualFigures(year: 2023, agency: CULTURE) { inspectionsRecorded
  inspectionsReported inspectionPlatformConfigured inspectionsReportedCoverage } }"""
PLATFORMS = """{ platforms { platform configured delivered overdue }
  platformDeliveries(platform: SUPERVISION_INSPECTIONS, first: 100) { totalCount
    edges { node { recordKind status attempts receiptId dueOn late } } } }"""


@pytest.fixture
def stack(rabbit_config, mongo_uri, db_prefix, clean_db, container_factory):
    """Every service and the gateway in demo mode, two platforms on one loopback receiver."""
    platform = PlatformReceiver()
    cfg = load({"JOINTOPS_AMQP_URI": rabbit_config["AMQP_URI"], "JOINTOPS_MONGO_URI": mongo_uri,
                "JOINTOPS_JWT_SECRET": TEST_SECRET, "JOINTOPS_DB_PREFIX": db_prefix,
                "JOINTOPS_RETRY_DELAYS_MS": "50,100", "JOINTOPS_DEMO_MODE": "true",
                "JOINTOPS_DELIVERY_RETRY_BASE_MS": "50",
                "JOINTOPS_PLATFORM_SUPERVISION_INSPECTIONS_URL": platform.url,
                "JOINTOPS_PLATFORM_CREDIT_PORTAL_URL": platform.url + "/decisions"})
    declare_topology(cfg)
    config = nameko_config(cfg)
    for name in registry.SERVICES:
        container_factory(registry.load(registry.SERVICES[name]), config).start()
    from gateway.service import GatewayService

    port = _free_port()
    container_factory(GatewayService, dict(config, WEB_SERVER_ADDRESS=f"127.0.0.1:{port}")
                      ).start()
    yield config, f"http://127.0.0.1:{port}", platform
    clock._set_offset(dt.timedelta(0))  # whatever happened, later tests get real time
    platform.close()


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)  # a sentence may wrap across lines in the PDF


@pytest.mark.timeout(300)
def test_the_annual_report_of_a_replayed_year(stack, token):
    config, base, platform = stack
    plan = plan_year(YEAR, SCALE)
    with ClusterRpcProxy(config, timeout=60) as rpc:
        replay.fit_to(plan, replay.figures(rpc, YEAR, "CULTURE"))
        replay.Replay(rpc, plan).run()
    f = plan.figures
    auth = {"Authorization": f"Bearer {token('planner')}"}

    def gql(query, role="planner"):
        reply = httpx.post(f"{base}/graphql", json={"query": query},
                           headers={"Authorization": f"Bearer {token(role)}"}, timeout=30)
        assert reply.status_code == 200, reply.text
        return reply.json()

    # every inspection of the year delivered to the supervision platform, once
    figures = wait_until(lambda: (lambda d: d["inspectionsReported"] == f[
        "inspections_recorded"] and d)(gql(FIGURES)["data"]["annualFigures"]), timeout=30)
    assert figures["inspectionPlatformConfigured"] and figures["inspectionsReportedCoverage"] == 1
    assert sorted(r["inspection_id"] for r in platform.records() if "inspection_id" in r) \
        == sorted(set(r["inspection_id"] for r in platform.records() if "inspection_id" in r))
    listed = gql(PLATFORMS)["data"]
    state = {p["platform"]: p for p in listed["platforms"]}
    assert state["SUPERVISION_INSPECTIONS"]["delivered"] == f["inspections_recorded"]
    assert not state["TWO_LAW_LINKAGE"]["configured"]
    assert state["CREDIT_PORTAL"]["configured"]
    nodes = [e["node"] for e in listed["platformDeliveries"]["edges"]]
    assert listed["platformDeliveries"]["totalCount"] == f["inspections_recorded"]
    assert all(n["recordKind"] == "INSPECTION" and n["status"] == "DELIVERED"
               and n["receiptId"] for n in nodes)
    refused = gql(PLATFORMS, "cross_agency")
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"

    # the document: PDF text with the figures in the source's sentences
    pdf = httpx.get(f"{base}/reports/annual/{YEAR}.pdf", headers=auth, timeout=120)
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    text = flat(pdf_text(pdf.content))
    for sentence in (f"持证执法人员数量达到{f['certified_officers']}人",
                     f"组织新进{f['new_officers_passed_exams']}名队员",
                     f"法制审核行政处罚案件{f['legally_reviewed_cases']}件",
                     f"双随机抽查行动{f['draw_batches']}批共计{f['draws']}次",
                     f"抽取执法人员{f['inspectors_drawn']}人次，抽查主体{f['entities_drawn']}家次",
                     f"录入行政检查信息{f['inspections_recorded']}条，覆盖率100%",
                     f"共办理{f['first_violation_waivers']}件不予行政处罚案件",
                     f"{YEAR}年度法治政府建设工作情况报告", "未配置"):
        assert sentence in text, sentence
    png = first_page_png(pdf.content, OUT / f"annual-{YEAR}.png")
    assert png.stat().st_size > 10_000
    (OUT / f"annual-{YEAR}.pdf").write_bytes(pdf.content)

    from openpyxl import load_workbook

    xlsx = httpx.get(f"{base}/reports/annual/{YEAR}.xlsx", headers=auth, timeout=60)
    book = load_workbook(io.BytesIO(xlsx.content))
    table = {r[0]: r[1] for r in book["年度法治建设数据"].iter_rows(values_only=True)}
    assert table["持证执法人员"] == f["certified_officers"] and table["抽查次数"] == f["draws"]
    page = httpx.get(f"{base}/reports/annual/{YEAR}.html?agency=CULTURE", headers=auth)
    assert page.status_code == 200 and page.text.count("<svg") == 2

    # who may download what, with the gateway's stable codes
    url = f"{base}/reports/annual/{YEAR}.pdf"
    for headers, status, code in (
            ({}, 401, "UNAUTHENTICATED"),
            ({"Authorization": f"Bearer {token('cross_agency')}"}, 403, "FORBIDDEN"),
            ({"Authorization": f"Bearer {token('certification_admin')}"}, 403, "FORBIDDEN")):
        answer = httpx.get(url, headers=headers)
        assert answer.status_code == status
        assert answer.json()["errors"][0]["extensions"]["code"] == code
    officer = {"Authorization": f"Bearer {token('accountability_officer')}"}
    assert httpx.get(f"{base}/reports/annual/{YEAR}.html", headers=officer).status_code == 200
    for path, status in (("20x3.pdf", 400), (f"{YEAR}.doc", 404),
                         (f"{YEAR}.html?agency=POLICE", 400), ("1800.html", 400)):
        answer = httpx.get(f"{base}/reports/annual/{path}", headers=auth)
        assert answer.status_code == status and "Traceback" not in answer.text, path
