"""Demo bodies: the culture agency's 5 penalty powers delegated to the townships and
sub-districts of Xinyang's central districts (the report's "将5项…处罚权下放到中心城区各乡镇、
办事处行使"). Idempotent: a body is matched by its name."""
from __future__ import annotations

from services.bus.rpc import unwrap

# 5项文化和旅游行政执法处罚权下放到中心城区各乡镇、办事处
DELEGATED = ("NETCAFE_ADMITS_MINORS", "NETCAFE_NO_ID_CHECK", "VENUE_OUTSIDE_HOURS",
             "PIRATED_PUBLICATIONS", "UNAUTHORISED_SATELLITE_RECEIVER")
BODIES = [("浉河区老城街道办事处", "SUB_DISTRICT", "浉河区"),
          ("浉河区五里墩街道办事处", "SUB_DISTRICT", "浉河区"),
          ("浉河区十三里桥乡人民政府", "TOWNSHIP", "浉河区"),
          ("平桥区羊山街道办事处", "SUB_DISTRICT", "平桥区"),
          ("平桥区平桥街道办事处", "SUB_DISTRICT", "平桥区")]
DELEGATION = {"document_no": "信文广旅〔2023〕15号", "effective_from": "2023-03-01"}
MAINTAINER = {"sub": "demo-loader", "roles": ["certification_admin"], "agency": "CULTURE"}


def load(rpc, effective_from: str = DELEGATION["effective_from"]) -> int:
    """The township bodies and their delegated powers, once (matched by name); the
    replayed year (services/demo/year.py) delegates from its own year's 1 March."""
    svc, added = rpc.culture, 0
    known = {b["name"] for b in unwrap(svc.list_bodies())}
    for name, kind, area in BODIES:
        if name in known:
            continue
        body = unwrap(svc.register_body({"name": name, "kind": kind, "area": area},
                                        MAINTAINER))
        for code in DELEGATED:
            unwrap(svc.delegate_power({"body_id": body["id"], "violation_code": code,
                                       **DELEGATION, "effective_from": effective_from},
                                      MAINTAINER))
        added += 1
    return added
