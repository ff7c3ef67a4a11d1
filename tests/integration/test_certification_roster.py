"""The roster list through the certification service: it pages over its read model
(officer_listings), yet answers an officer with a future-effective entry as of now, and
an officer stored before the read model existed once the service has started again."""
import pytest
from nameko.standalone.rpc import ServiceRpcProxy

from services.certification.documents import OfficerListing
from services.certification.service import CertificationService
from tests.integration.cert_support import ADMIN_CU, certify, moment, ok, valid_id

pytestmark = pytest.mark.integration
REVIEW_DUE = {"review_due_within_days": 330}  # certify() issues 40 days ago: due in 325


def names(page) -> list[str]:
    return [o["name"] for o in page["items"]]


def test_a_future_effective_suspension_counts_only_from_its_moment(container_factory,
                                                                  service_config):
    container_factory(CertificationService, service_config).start()
    with ServiceRpcProxy("certification", service_config) as cert:
        later = certify(cert, "王一", "CULTURE", valid_id("41150219800101001"),
                        ["CULTURE_MARKET"])
        certify(cert, "李二", "CULTURE", valid_id("41150219800101002"), ["CULTURE_MARKET"])
        ok(cert.suspend_certificate({"officer_id": later["id"], "reason": "待查",
                                     "effective_at": moment(2)}))
        # its certificate is valid today, so its review is due like the other's
        due = ok(cert.list_officers(REVIEW_DUE, {"first": 10}, ADMIN_CU))
        assert (names(due), due["total"]) == (["李二", "王一"], 2)
        assert due["items"][1]["certificate"]["status"] == "VALID"
        held = ok(cert.list_officers({"domain": "CULTURE_MARKET", "expiring_within_days": 300},
                                     {"first": 1}, ADMIN_CU))
        assert (names(held), held["total"], held["has_next_page"]) == (["李二"], 2, True)
        after = ok(cert.list_officers({"domain": "CULTURE_MARKET", "expiring_within_days": 300},
                                      {"first": 1, "after": held["cursors"][0]}, ADMIN_CU))
        assert names(after) == ["王一"]


def test_an_officer_stored_before_the_read_model_is_listed_after_a_restart(
        container_factory, service_config):
    first = container_factory(CertificationService, service_config)
    first.start()
    with ServiceRpcProxy("certification", service_config) as cert:
        old = certify(cert, "张三", "CULTURE", valid_id("41150219800101003"),
                      ["CULTURE_MARKET"])
        certify(cert, "赵四", "CULTURE", valid_id("41150219800101004"), ["CULTURE_MARKET"])
    # as an officer written before officer_listings existed: no row of its own
    OfficerListing._get_collection().delete_many({"_id": old["id"]})
    first.stop()
    container_factory(CertificationService, service_config).start()
    with ServiceRpcProxy("certification", service_config) as cert:
        roster = ok(cert.list_officers({}, {"first": 10}, ADMIN_CU))
        assert (names(roster), roster["total"]) == (["张三", "赵四"], 2)
        due = ok(cert.list_officers({"status": "ACTIVE", **REVIEW_DUE}, {"first": 10},
                                    ADMIN_CU))
        assert names(due) == ["张三", "赵四"]
        assert roster["items"][0]["id_number"] == valid_id("41150219800101003")
