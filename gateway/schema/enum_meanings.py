"""What each value of the served enums means, by GraphQL enum name (the words themselves
are services/contracts/vocabulary.py's). `base.enum_of` / `base.enum_from` read them here
when a module does not pass its own; `"": ...` is the enum's own description when none is
given where it is declared."""
from __future__ import annotations

MEANINGS: dict[str, dict[str, str]] = {
    "PlatformTarget": {
        "SUPERVISION_INSPECTIONS": "河南省互联网+监管系统（行政检查） / provincial Internet+ supervision platform (inspections); receives inspection records.",
        "CREDIT_PORTAL": "信用信阳 / city credit portal; receives penalty decisions.",
        "TWO_LAW_LINKAGE": "两法衔接平台 / two-law linkage platform; receives penalty decisions.",
        "SUPERVISION_PENALTIES": "河南省互联网+监管系统（行政处罚） / provincial Internet+ supervision platform (penalty decisions); receives penalty decisions.",
        "ENTERPRISE_CREDIT": "国家企业信用信息公示系统 / national enterprise credit publicity system; receives penalty decisions.",
        "CULTURE_MARKET_SUPERVISION": "全国文化市场技术监管与服务平台 / national culture-market technical supervision and service platform; receives draw results.",
    },
    "PlatformRecordKind": {
        "INSPECTION": "An inspection record (行政检查记录), due 7 working days after the inspection.",
        "DECISION": "A published penalty decision (行政处罚决定公示), due by its publication deadline "
                    "(7 working days after the decision).",
        "DRAW_RESULT": "A random draw's published results (双随机抽查结果), due 7 working days "
                       "after publication.",
    },
    "PlatformDeliveryStatus": {
        "PENDING": "Not yet accepted by the platform: waiting for its next attempt.",
        "DELIVERED": "Accepted by the platform (its receipt id kept).",
        "FAILED": "Given up after the retry span (or refused for good by the platform); "
                  "replayable by id.",
    },
    "EvidenceKind": {
        "PHOTO": "A photograph (JPEG, PNG or WebP), at most 8 MiB.",
        "VIDEO": "A video recording (MP4 or WebM), at most 16 MiB.",
        "AUDIO": "A sound recording (MP3, M4A or WAV), at most 16 MiB.",
        "DOCUMENT": "A document (PDF), at most 8 MiB.",
        "VIDEO_INTERVIEW": "A video interview (视频询问) with its participants and time, at most "
                           "16 MiB.",
    },
    "CaseDocumentKind": {
        "RIGHTS_NOTICE": "The notice of rights before a penalty (行政处罚事先告知书).",
        "PENALTY_DECISION": "The penalty decision (行政处罚决定书).",
        "NO_PENALTY_DECISION": "The decision not to impose a penalty (不予行政处罚决定书).",
        "GUIDANCE_LETTER": "The administrative guidance letter (行政指导书).",
    },
    "ComplaintOrigin": {
        "PUBLIC": "From a member of the public (群众投诉), anonymous unless named.",
        "STAFF": "From a signed-in member of staff.",
    },
    "ComplaintStatus": {
        "RECEIVED": "Received, not yet acknowledged to the complainant.",
        "ACKNOWLEDGED": "Acknowledged to the complainant (已告知受理).",
    },
    "FaultForm": {
        "INTENT": "Intentional fault (故意).",
        "NEGLIGENCE": "Negligent fault (过失).",
    },
    "HarmLevel": {
        "NONE": "No harm resulted (未造成危害后果).",
        "MINOR": "Minor harm (危害后果较轻).",
        "SERIOUS": "Serious harm (危害后果严重).",
    },
    "GravityLevel": {
        "MINOR": "Minor circumstances (情节轻微).",
        "ORDINARY": "Ordinary circumstances (情节一般).",
        "SERIOUS": "Serious circumstances (情节严重).",
    },
    "OfficerStatus": {
        "ACTIVE": "On the enforcement post (在岗).",
        "OFF_POST_TRAINING": "In off-post training (离岗培训) under a sanction: not qualified "
                             "until the training is completed.",
        "REMOVED_FROM_POST": "Removed from the enforcement post (调离执法岗位): not qualified "
                             "until reinstated.",
    },
    "CertificateStatus": {
        "VALID": "In force: within its validity, not suspended or revoked.",
        "SUSPENDED": "Suspended (暂扣): not qualified until reinstated.",
        "REVOKED": "Revoked (吊销/注销) for good.",
        "EXPIRED": "Past its last valid day (validUntil).",
    },
    "QualificationReason": {
        "UNKNOWN_OFFICER": "No officer has this id.",
        "NOT_CERTIFIED": "The officer holds no certificate (无证).",
        "CERTIFICATE_NOT_YET_VALID": "The certificate's first valid day is later.",
        "CERTIFICATE_EXPIRED": "The certificate's last valid day has passed.",
        "CERTIFICATE_SUSPENDED": "The certificate is suspended (暂扣).",
        "CERTIFICATE_REVOKED": "The certificate is revoked (吊销).",
        "DOMAIN_NOT_COVERED": "The certificate does not cover the domain asked about.",
        "OFF_POST_TRAINING": "The officer is in off-post training (离岗培训).",
        "REMOVED_FROM_POST": "The officer was removed from the enforcement post (调离执法岗位).",
        "ANNUAL_REVIEW_OVERDUE": "The certificate's annual review (年度审验) is overdue.",
    },
    "CredentialStatus": {
        "VALID": "Genuine and in force: the certificate is valid now.",
        "SUSPENDED": "Genuine, but the certificate is suspended (暂扣) now.",
        "REVOKED": "Genuine, but the certificate was revoked (吊销).",
        "EXPIRED": "Genuine, but past its validity.",
        "UNKNOWN": "Not a credential this system issued (bad signature, unknown key or form).",
    },
    "CaseState": {
        "": "Where an enforcement case (案件) is in its lifecycle, in order: filing, "
            "investigation, notice of rights, legal review, decision, service, publication, "
            "closing.",
        "FILED": "Filed (立案); investigation not started.",
        "UNDER_INVESTIGATION": "Being investigated: evidence gathered (调查取证).",
        "RIGHTS_NOTIFIED": "The party was notified of its rights (告知).",
        "LEGAL_REVIEW": "Decision proposal under legal review (法制审核).",
        "DECIDED": "Decided (作出决定); the decision is to be served.",
        "SERVED": "The decision was served on the party (送达).",
        "PUBLISHED": "The decision was published (公示).",
        "CLOSED": "Closed (结案): the case is finished; its record stays.",
    },
    "ChecklistResult": {
        "": "The result of one checklist item of an inspection.",
        "PASS": "The item was checked and found compliant.",
        "FAIL": "The item was checked and found non-compliant (a finding).",
        "NOT_APPLICABLE": "The item does not apply to this entity.",
    },
    "CompulsoryMeasureKind": {
        "SEAL_UP": "Sealing up premises, facilities or property (查封).",
        "SEIZE": "Seizing property (扣押).",
        "FREEZE": "Freezing deposits or remittances (冻结).",
        "OTHER": "Another administrative compulsory measure the law provides.",
    },
    "DeadlineKind": {
        "": "Which legal deadline of a case.",
        "DECISION": "The decision deadline: 90 days from filing by default (art. 60).",
        "PUBLICATION": "The publication deadline: 7 working days after the decision by "
                       "default.",
    },
    "DecisionCircumstance": {
        "": "The discretion circumstance (自由裁量基准) a penalty decision applies; each sets "
            "a fine range in the agency's catalogue.",
        "MITIGATED": "Mitigated penalty (减轻处罚): below the statutory range; only for "
                     "violations on the MITIGATED list.",
        "LIGHTER": "Lighter penalty (从轻处罚): the low part of the range; only for violations "
                   "on the LIGHTER list.",
        "STANDARD": "The ordinary part of the range.",
        "HEAVIER": "Heavier penalty (从重处罚): the high part of the range.",
    },
    "DecisionOutcome": {
        "": "What a case's decision decides.",
        "PENALTY": "An administrative penalty (行政处罚): a fine and/or measures.",
        "NO_PENALTY_FIRST_VIOLATION": "No penalty: first violation, minor harm, corrected in "
                                      "time (首违不罚, art. 33); checked against the entity's "
                                      "own cases and the NO_PENALTY list.",
        "NO_PENALTY_NOT_ESTABLISHED": "No penalty: the violation was not established.",
        "ADMINISTRATIVE_GUIDANCE": "Administrative guidance (行政指导) instead of a penalty.",
        "MEDIATION": "Administrative mediation (行政调解).",
        "TRANSFER": "Transferred to another authority (移送).",
    },
    "DrawKind": {
        "AGENCY_BATCH": "An agency's own draw (本部门抽查), as opposed to a joint one.",
        "JOINT_OPERATION": "A cross-department draw for a joint operation (跨部门联合抽查): "
                           "entities and inspectors of every participating agency.",
    },
    "DrawStatus": {
        "CREATED": "Created: rules and scope set, no seed committed yet.",
        "COMMITTED": "The seed's commitment (a hash) is recorded; the result cannot be chosen "
                     "any more.",
        "REVEALED": "The seed is revealed and the entities and inspectors drawn.",
        "RESULTS_PUBLISHED": "The inspections' results are published (一公开).",
    },
    "EnforcementBodyKind": {
        "AGENCY": "The agency itself; it holds every power of its catalogue by law.",
        "TOWNSHIP": "A township (乡镇) body: holds only powers delegated to it.",
        "SUB_DISTRICT": "A sub-district (街道办事处) body: holds only powers delegated to it.",
    },
    "EnforcementCaseKind": {
        "PENALTY": "A general-procedure penalty case (普通程序): legal review at the "
                   "configured stages.",
        "SUMMARY": "A summary-procedure case (简易程序), decided on the spot: no stage reviews.",
    },
    "EntityCategory": {
        "": "What kind of inspectable entity (检查对象); each category belongs to one agency.",
        "ENTERTAINMENT_VENUE": "Entertainment venue (娱乐场所), e.g. KTV. CULTURE.",
        "INTERNET_CAFE": "Internet cafe (网吧). CULTURE.",
        "PERFORMANCE_VENUE": "Performance venue (演出场所). CULTURE.",
        "PUBLICATION_OUTLET": "Publication outlet (出版物经营单位). CULTURE.",
        "TRAVEL_AGENCY": "Travel agency (旅行社). CULTURE.",
        "SCENIC_SPOT": "Scenic spot (景区). CULTURE.",
        "PASSENGER_OPERATOR": "Road passenger transport operator (客运经营者). TRANSPORT.",
        "COACH_OPERATOR": "Tourist coach operator (旅游包车经营者). TRANSPORT.",
        "VEHICLE": "A vehicle (车辆). TRANSPORT.",
        "DRIVER": "A driver (驾驶员), a natural person. TRANSPORT.",
    },
    "FindingSource": {
        "": "Where a finding of illegal or improper enforcement came from.",
        "COMPLAINT": "A complaint (投诉举报).",
        "CASE_REVIEW": "A review of case files (案卷评查).",
        "AUDIT": "An audit or supervision check (执法监督).",
        "AUTOMATIC": "A rule of the system (e.g. a late publication, an unqualified officer "
                     "acting), recorded by itself.",
    },
    "InspectionKind": {
        "": "Why an inspection (行政检查) took place.",
        "PLANNED": "Planned: a task of a joint operation or a draw.",
        "AD_HOC": "Ad hoc: on a complaint, a lead or the officers' own initiative.",
    },
    "JointOperationStatus": {
        "DRAFT": "Being planned: teams and targets may change; nothing assigned yet.",
        "LAUNCHED": "Launched: tasks assigned to teams; progress is followed live.",
        "COMPLETED": "Completed: the joint result report is final.",
        "CANCELLED": "Cancelled before completion.",
    },
    "LedgerItemStatus": {
        "": "Where a rectification ledger item (整改台账) stands.",
        "OPEN": "Open: to be rectified by its owner before the deadline.",
        "RECTIFIED": "Rectified by its owner (with evidence); awaits verification.",
        "VERIFIED": "Verified by another person: done.",
        "OVERDUE": "Not rectified by its deadline (逾期).",
    },
    "LegalReviewOutcome": {
        "": "What legal-affairs staff decided on a review.",
        "APPROVED": "Approved: the stage may be left (the decision taken).",
        "REJECTED": "Rejected: the stage needs a new review.",
    },
    "LegalReviewStage": {
        "FILING": "At filing (立案).",
        "INVESTIGATION_END": "At the end of investigation (调查终结).",
        "DECISION": "Before the decision (处罚决定), with the decision proposal; always for "
                    "major cases.",
        "CLOSING": "At closing (结案).",
    },
    "PenaltyMeasure": {
        "": "A measure a penalty decision imposes beside or instead of a fine.",
        "WARNING": "A warning (警告).",
        "CONFISCATION": "Confiscation of illegal gains or property (没收).",
        "LICENCE_SUSPENSION": "Suspension of a licence (暂扣许可证件); makes the case major.",
        "LICENCE_REVOCATION": "Revocation of a licence (吊销许可证件); makes the case major.",
        "CLOSURE_ORDER": "An order to close (责令关闭); makes the case major.",
    },
    "PlannedInspectionStatus": {
        "": "Whether a planned inspection task was carried out.",
        "OPEN": "Not yet inspected.",
        "DONE": "Inspected (its inspection is recorded).",
    },
    "RiskLevel": {
        "": "An entity's risk level, which sets its draw rate (stratified draws).",
        "LOW": "Low risk: the lowest draw rate.",
        "MEDIUM": "Medium risk.",
        "HIGH": "High risk: a higher draw rate.",
        "FLAGGED": "Flagged (重点监管): drawn at the flagged rate, often every time.",
    },
    "RuleOfLawActivityKind": {},   # filled from the vocabulary's titles (activities.py)
    "SanctionMeasure": {
        "": "An accountability measure (问责), graded from lightest to heaviest.",
        "CRITICISM_EDUCATION": "Criticism and education (批评教育): no effect on qualification.",
        "OFF_POST_TRAINING": "Off-post training (离岗培训): not qualified until completed.",
        "REMOVAL_FROM_POST": "Removal from the enforcement post (调离执法岗位): not qualified "
                             "until reinstated.",
        "QUALIFICATION_REVOKED": "Enforcement qualification revoked (取消执法资格): the "
                                 "certificate is revoked.",
    },
    "ServiceMethod": {
        "": "How a document was served (送达).",
        "IN_PERSON": "Handed over in person (直接送达).",
        "POST": "By post (邮寄送达).",
        "EMAIL": "By e-mail (电子送达): only with the party's recorded consent (art. 61).",
        "FAX": "By fax (传真送达): only with the party's recorded consent (art. 61).",
    },
    "SupervisionList": {
        "NO_PENALTY": "不予处罚清单: violations a first-violation waiver may be decided for.",
        "LIGHTER": "从轻处罚清单: violations that may get a LIGHTER fine.",
        "MITIGATED": "减轻处罚清单: violations that may get a MITIGATED fine.",
        "NO_COMPULSORY": "免予行政强制清单: violations for which no compulsory measure may be "
                         "recorded.",
    },
    "WebhookDeliveryStatus": {
        "PENDING": "Not yet accepted by the endpoint; retried with backoff.",
        "DELIVERED": "The endpoint answered 2xx.",
        "FAILED": "Still refused when the retry span (default 3 days) ran out; may be "
                  "replayed.",
        "CANCELLED": "The subscription ended or the endpoint answered 410 Gone.",
    },
}
