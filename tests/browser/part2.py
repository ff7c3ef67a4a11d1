"""Console part 2 (cases, accountability, operations log, reports): shared helpers and a
small world for its screens, made through the services' RPC with Chinese names."""
import re

from nameko.standalone.rpc import ClusterRpcProxy

from tests.integration.cert_support import certify, ok, valid_id

# route -> (roles that may open it, heading in Chinese, in English), as in
# test_every_screen.ROUTES, which takes these in; mirrors console/src/lib/roles.ts.
CASE_ROLES = ("planner", "enforcement_officer", "accountability_officer")
ROUTES = {
    "/cases": (CASE_ROLES, "行政处罚案件", "Enforcement cases"),
    "/cases/new": (("enforcement_officer",), "立案登记", "File a case"),
    "/cases/{case}": (CASE_ROLES, "信阳市浉河区星空网吧 · 网吧接纳未成年人",
                      "信阳市浉河区星空网吧 · Internet cafe admitting minors"),
    "/accountability": (("accountability_officer",), "执法监督问责", "Accountability"),
    "/entities": (CASE_ROLES, "检查对象名录", "Entity directory"),
    "/entities/CULTURE/{entity}": (CASE_ROLES, "信阳市浉河区星空网吧", "信阳市浉河区星空网吧"),
    "/inspections": (CASE_ROLES, "行政检查", "Inspections"),
    "/inspections/new": (("enforcement_officer",), "记录行政检查", "Record an inspection"),
    "/audit": (("accountability_officer",), "操作日志", "Operations log"),
    "/reports": (("planner", "certification_admin", "accountability_officer",
                  "enforcement_officer", "cross_agency"), "统计报表", "Reports"),
}
# Files the page hands to the browser (a blob link), captured as data: URLs.
CAPTURE = """window.__downloads = [];
const made = URL.createObjectURL.bind(URL);
URL.createObjectURL = (blob) => {
  const reader = new FileReader();
  reader.onload = () => window.__downloads.push(reader.result);
  reader.readAsDataURL(blob);
  return made(blob);
};"""
TEAM_NAMES = ["王建国", "李秀英"]
SOLE_TRADER = "刘志强"          # a sole proprietor's internet cafe: masked when published
LEGAL_SUB = "fazhi-zhangmin"    # the legal-affairs reviewer, independent of the case


def button(scope, name):
    """antd puts a space between the two characters of a two-character Chinese label."""
    spaced = " ".join(name) if len(name) == 2 and re.match(r"^[\u4e00-\u9fff]+$", name) else name
    return scope.get_by_role("button", name=name, exact=True).or_(
        scope.get_by_role("button", name=spaced, exact=True))


def pick(page, label, option, scope=None):
    """Choose `option` in the antd select labelled `label` (within `scope`)."""
    (scope or page).get_by_label(label, exact=True).click()
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text=option).first.click()


def field_error(scope, label):
    page = getattr(scope, "page", scope)   # `has` is relative to the item: no scope in it
    item = scope.locator(".ant-form-item", has=page.get_by_label(label, exact=True))
    return item.locator(".ant-form-item-explain-error")


def culture_team_and_cafe(rpc) -> dict:
    """Two certified culture officers and a sole proprietor's internet cafe."""
    # certified since well before the back-dated filings of the deadline test
    team = [certify(rpc.certification, name, "CULTURE", valid_id(f"41150219860203{i:03d}"),
                    ["CULTURE_MARKET"], valid=(-200, 300), issued=-210)["id"]
            for i, name in enumerate(TEAM_NAMES)]
    cafe = ok(rpc.culture.import_entities([{
        "registration_no": "92411502MA9XLZQ01", "category": "INTERNET_CAFE",
        "name": SOLE_TRADER, "sole_proprietor": "是", "licence": "豫文网4115020017",
        "id_number": valid_id("41150219800612003"), "address": "信阳市浉河区民权路18号"}]))
    return {"team": team, "cafe": cafe["entity_ids"][0]}


def world(service_config) -> dict:
    """Ids the route test needs: a culture case against a company (its name is shown
    to every role; a sole proprietor's is masked for other agencies and planners)."""
    with ClusterRpcProxy(service_config) as rpc:
        made = culture_team_and_cafe(rpc)
        company = ok(rpc.culture.import_entities([{
            "registration_no": "91411502MA44XKWB2T", "category": "INTERNET_CAFE",
            "name": "信阳市浉河区星空网吧", "licence": "豫文网4115020023",
            "address": "信阳市浉河区中山路66号"}]))["entity_ids"][0]
        case = ok(rpc.culture.file_case(
            {"entity_id": company, "officer_ids": made["team"],
             "violation_code": "NETCAFE_ADMITS_MINORS"},
            {"sub": "tester", "roles": ["enforcement_officer"], "agency": "CULTURE"},
            {"sub": "tester", "roles": ["enforcement_officer"], "agency": "CULTURE"}))
    return {"case": case["id"], "entity": company}
