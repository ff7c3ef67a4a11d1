"""The enumerated words of the domain, defined once: each context's model imports its own
from here, and the gateway builds its GraphQL enums from them. Values equal the GraphQL
enum names and the stored strings (never rename one)."""
from __future__ import annotations

from enum import Enum


class Agency(str, Enum):
    CULTURE = "CULTURE"
    TRANSPORT = "TRANSPORT"


class EnforcementDomain(str, Enum):
    CULTURE_MARKET = "CULTURE_MARKET"
    PUBLICATION = "PUBLICATION"
    RADIO_TV = "RADIO_TV"
    TOURISM = "TOURISM"
    ROAD_TRANSPORT = "ROAD_TRANSPORT"


DOMAIN_AGENCY = {
    EnforcementDomain.CULTURE_MARKET: Agency.CULTURE,
    EnforcementDomain.PUBLICATION: Agency.CULTURE,
    EnforcementDomain.RADIO_TV: Agency.CULTURE,
    EnforcementDomain.TOURISM: Agency.CULTURE,
    EnforcementDomain.ROAD_TRANSPORT: Agency.TRANSPORT,
}

# ---- certification (the qualification contract)
class OfficerStatus(str, Enum):
    ACTIVE = "ACTIVE"
    OFF_POST_TRAINING = "OFF_POST_TRAINING"
    REMOVED_FROM_POST = "REMOVED_FROM_POST"


class CertificateStatus(str, Enum):
    VALID = "VALID"
    SUSPENDED = "SUSPENDED"
    REVOKED = "REVOKED"
    EXPIRED = "EXPIRED"


class Reason(str, Enum):
    """Declaration order is the contract's order; answers list reasons in it."""
    UNKNOWN_OFFICER = "UNKNOWN_OFFICER"
    NOT_CERTIFIED = "NOT_CERTIFIED"
    CERTIFICATE_NOT_YET_VALID = "CERTIFICATE_NOT_YET_VALID"
    CERTIFICATE_EXPIRED = "CERTIFICATE_EXPIRED"
    CERTIFICATE_SUSPENDED = "CERTIFICATE_SUSPENDED"
    CERTIFICATE_REVOKED = "CERTIFICATE_REVOKED"
    DOMAIN_NOT_COVERED = "DOMAIN_NOT_COVERED"
    OFF_POST_TRAINING = "OFF_POST_TRAINING"
    REMOVED_FROM_POST = "REMOVED_FROM_POST"
    ANNUAL_REVIEW_OVERDUE = "ANNUAL_REVIEW_OVERDUE"  # added to the contract enum


# ---- enforcement (the case core of both agencies)
CASE_STATES = ("FILED", "UNDER_INVESTIGATION", "RIGHTS_NOTIFIED", "LEGAL_REVIEW", "DECIDED",
               "SERVED", "PUBLISHED", "CLOSED")
JUSTICE_FILED = "JUSTICE_FILED"  # the record step of a filing with the justice bureau
DECISION_OUTCOMES = ("PENALTY", "NO_PENALTY_FIRST_VIOLATION", "NO_PENALTY_NOT_ESTABLISHED",
                     "ADMINISTRATIVE_GUIDANCE", "MEDIATION", "TRANSFER")
DECISION_MEASURES = ("WARNING", "CONFISCATION", "LICENCE_SUSPENSION", "LICENCE_REVOCATION",
                     "CLOSURE_ORDER")
CIRCUMSTANCES = ("MITIGATED", "LIGHTER", "STANDARD", "HEAVIER")
SERVICE_METHODS = ("IN_PERSON", "POST", "EMAIL", "FAX")
# 立案、调查终结、处罚决定、结案: the stages at which legal-affairs staff review a case
REVIEW_STAGES = ("FILING", "INVESTIGATION_END", "DECISION", "CLOSING")
CASE_KINDS = ("PENALTY", "SUMMARY")  # 普通程序 penalty cases, 简易程序 on-the-spot ones
COMPULSORY_MEASURES = ("SEAL_UP", "SEIZE", "FREEZE", "OTHER")  # 查封、扣押、冻结 …
INSPECTION_KINDS = ("PLANNED", "AD_HOC")
CHECK_RESULTS = ("PASS", "FAIL", "NOT_APPLICABLE")
RISK_LEVELS = ("LOW", "MEDIUM", "HIGH", "FLAGGED")
# Each agency's entity categories (its catalogue holds their rules; a test keeps them equal).
ENTITY_CATEGORIES = {
    "CULTURE": ("ENTERTAINMENT_VENUE", "INTERNET_CAFE", "PERFORMANCE_VENUE",
                "PUBLICATION_OUTLET", "TRAVEL_AGENCY", "SCENIC_SPOT"),
    "TRANSPORT": ("PASSENGER_OPERATOR", "COACH_OPERATOR", "VEHICLE", "DRIVER"),
}
# Inspection, case, body and power ids carry their agency: "<prefix>-<kind>-<hex>".
ID_PREFIXES = {"CULTURE": "CUL", "TRANSPORT": "TRA"}
BODY_KINDS = ("AGENCY", "TOWNSHIP", "SUB_DISTRICT")  # an agency, or a body under it
# 不予处罚、从轻处罚、减轻处罚、免予行政强制 清单
LIST_KINDS = ("NO_PENALTY", "LIGHTER", "MITIGATED", "NO_COMPULSORY")
# Evidence attached to an inspection or a case (证据): a video interview (视频询问) is a
# video with its participants and time
EVIDENCE_KINDS = ("PHOTO", "VIDEO", "AUDIO", "DOCUMENT", "VIDEO_INTERVIEW")
EVIDENCE_MAX_BYTES = 16 * 1024 * 1024  # the largest evidence file of any kind
# 说理式文书: 告知书, 行政处罚决定书, 不予行政处罚决定书, 行政指导书
CASE_DOCUMENT_KINDS = ("RIGHTS_NOTICE", "PENALTY_DECISION", "NO_PENALTY_DECISION",
                       "GUIDANCE_LETTER")


def agency_of(ident) -> str | None:
    """CULTURE / TRANSPORT for an inspection, case, body or power id; None otherwise."""
    if not isinstance(ident, str):
        return None
    return {v: k for k, v in ID_PREFIXES.items()}.get(ident.partition("-")[0])


def agency_of_body(ident) -> str | None:
    """The agency of a body id: the agency code itself (the agency as a body) or an id."""
    return ident if ident in ID_PREFIXES else agency_of(ident)


# ---- accountability
FINDING_SOURCES = ("COMPLAINT", "CASE_REVIEW", "AUDIT", "AUTOMATIC")
SANCTION_MEASURES = ("CRITICISM_EDUCATION", "OFF_POST_TRAINING", "REMOVAL_FROM_POST",
                     "QUALIFICATION_REVOKED")  # graded from lightest to heaviest
LEDGER_STATUSES = ("OPEN", "RECTIFIED", "VERIFIED", "OVERDUE")
# How a finding is graded (按过错形式、危害大小、情节轻重): each lightest first
FAULT_FORMS = ("NEGLIGENCE", "INTENT")                  # 过失 / 故意
HARM_LEVELS = ("NONE", "MINOR", "SERIOUS")              # 无危害 / 较小 / 严重
GRAVITY_LEVELS = ("MINOR", "ORDINARY", "SERIOUS")       # 情节轻微 / 一般 / 严重
# Complaints about officers' conduct (投诉): from the public (anonymous allowed) or staff
COMPLAINT_ORIGINS = ("PUBLIC", "STAFF")
COMPLAINT_STATUSES = ("RECEIVED", "ACKNOWLEDGED")

# ---- operations
OPERATION_STATUSES = ("DRAFT", "LAUNCHED", "COMPLETED", "CANCELLED")

# ---- draws
DRAW_STATUSES = ("CREATED", "COMMITTED", "REVEALED", "RESULTS_PUBLISHED")
DRAW_KINDS = ("AGENCY_BATCH", "JOINT_OPERATION")

# ---- certification
CREDENTIAL_TYPE = "EnforcementOfficerCredential"

# ---- the register of rule-of-law activities (accountability)
ACTIVITY_KINDS = {
    "MEETING": "法治建设会议 / rule-of-law meeting",
    "STUDY_SESSION": "集中学法 / study session",
    "PUBLICITY_EVENT": "普法宣传活动 / legal publicity event",
    "TRAINING": "执法培训 / enforcement training",
    "NORMATIVE_DOCUMENT_FILED": "规范性文件备案 / normative document filed",
    "NORMATIVE_DOCUMENT_CLEARED": "规范性文件清理废止 / normative document cleared",
    "NORMATIVE_DOCUMENT_KEPT": "规范性文件保留 / normative document kept",
    "FAIR_COMPETITION_REVIEW": "公平竞争审查 / fair-competition review",
    "GOVERNMENT_SERVICE_ITEM": "政务服务事项 / government-service item",
}
MAX_ACTIVITY_QUANTITY = 10_000
MAX_TITLE = 200  # an activity's or a draw plan's title

# ---- the platforms that receive records by law (services/delivery/platforms.py)
# target -> (record kind it receives, "中文名 / English name"). A target is configured by
# JOINTOPS_PLATFORM_<TARGET>_URL (and _TOKEN); unset means off ("未配置 / not configured").
PLATFORM_TARGETS = {
    "SUPERVISION_INSPECTIONS": (
        "INSPECTION", "河南省互联网+监管系统（行政检查） / provincial Internet+ supervision "
        "platform (inspections)"),
    "CREDIT_PORTAL": ("DECISION", "信用信阳 / city credit portal"),
    "TWO_LAW_LINKAGE": ("DECISION", "两法衔接平台 / two-law linkage platform"),
    "SUPERVISION_PENALTIES": (
        "DECISION", "河南省互联网+监管系统（行政处罚） / provincial Internet+ supervision "
        "platform (penalty decisions)"),
    "ENTERPRISE_CREDIT": (
        "DECISION", "国家企业信用信息公示系统 / national enterprise credit publicity system"),
    "CULTURE_MARKET_SUPERVISION": (
        "DRAW_RESULT", "全国文化市场技术监管与服务平台 / national culture-market technical "
        "supervision and service platform"),
}
PLATFORM_RECORD_KINDS = ("INSPECTION", "DECISION", "DRAW_RESULT")
PLATFORM_DELIVERY_STATUSES = ("PENDING", "DELIVERED", "FAILED")
# Who answers for a platform delivery missed by its deadline: the agency's legal-affairs
# unit (法制科), owner of the ledger item the overdue delivery opens.
LEGAL_AFFAIRS_UNIT = {"CULTURE": "CULTURE:法制科", "TRANSPORT": "TRANSPORT:法制科"}

# ---- Chinese labels for documents (the annual report, the joint-operation report)
AGENCY_NAMES = {"CULTURE": "市文化市场综合行政执法支队", "TRANSPORT": "市交通运输综合行政执法支队"}
OUTCOME_LABELS = {"PENALTY": "行政处罚", "NO_PENALTY_FIRST_VIOLATION": "首违不罚",
                  "NO_PENALTY_NOT_ESTABLISHED": "违法事实不成立不予处罚",
                  "ADMINISTRATIVE_GUIDANCE": "行政指导", "MEDIATION": "行政调解",
                  "TRANSFER": "移送", "UNDECIDED": "尚未决定"}
OPERATION_STATUS_LABELS = {"DRAFT": "草拟", "LAUNCHED": "实施中", "COMPLETED": "已完成",
                           "CANCELLED": "已取消"}
SANCTION_LABELS = {"CRITICISM_EDUCATION": "批评教育", "OFF_POST_TRAINING": "离岗培训",
                   "REMOVAL_FROM_POST": "调离执法岗位", "QUALIFICATION_REVOKED": "取消执法资格"}
NOT_CONFIGURED = "未配置 / not configured"
