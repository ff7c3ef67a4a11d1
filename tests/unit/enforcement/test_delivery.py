import pytest

from services.common.errors import DomainError
from services.enforcement.domain import case_model as m
from services.enforcement.domain.delivery import attempt_service, record_consent, record_receipt

from .builders import advance_to, at, new_case, team


def _decided():
    case = new_case()
    advance_to(case, m.DECIDED)
    return case


@pytest.mark.parametrize("method", ["EMAIL", "FAX"])
def test_electronic_service_needs_consent(method):
    case = _decided()
    with pytest.raises(DomainError) as err:
        attempt_service(case, team(), at(5), "DECISION", method, "x@example.cn")
    assert err.value.code == "CONSENT_REQUIRED" and case.service == []


def test_consent_is_for_one_address():
    case = _decided()
    record_consent(case, team(), at(4), "EMAIL", "boss@cafe.cn", ["consent-form-1"])
    with pytest.raises(DomainError) as err:
        attempt_service(case, team(), at(5), "DECISION", "EMAIL", "other@cafe.cn")
    assert err.value.code == "CONSENT_REQUIRED"
    with pytest.raises(DomainError):
        attempt_service(case, team(), at(5), "DECISION", "FAX")    # consent was to e-mail


def test_zero_contact_service_records_attempts_and_receipt():
    case = _decided()
    record_consent(case, team(), at(4), "FAX", "025-8888")
    attempt_service(case, team(), at(5), "DECISION", "FAX")
    attempt_service(case, team(), at(5.1), "DECISION", "FAX")
    assert case.state == m.DECIDED and case.service[0].address == "025-8888"
    (kind, payload), = record_receipt(case, 1, at(5.2))
    assert kind == "enforcement.document_served.v1"
    assert payload["electronic"] and payload["method"] == "FAX"
    assert case.state == m.SERVED and case.service[1].received_at == at(5.2)
    assert [e.action for e in case.record[-4:]] == [
        "SERVICE_CONSENT_RECORDED", "SERVICE_ATTEMPTED", "SERVICE_ATTEMPTED",
        "SERVICE_RECEIVED"]


@pytest.mark.parametrize("method", ["IN_PERSON", "POST"])
def test_in_person_and_post_always_allowed(method):
    case = _decided()
    attempt_service(case, team(), at(5), "DECISION", method, "1 Zhongshan Rd")
    record_receipt(case, 0, at(6))
    assert case.state == m.SERVED


def test_other_documents_are_served_without_moving_the_case():
    case = new_case()
    advance_to(case, m.UNDER_INVESTIGATION)
    attempt_service(case, team(), at(2), "INQUIRY_NOTICE", "POST")
    record_receipt(case, 0, at(3))
    assert case.state == m.UNDER_INVESTIGATION


def test_receipt_refusals():
    case = _decided()
    attempt_service(case, team(), at(5), "DECISION", "POST")
    for index in (-1, 1):
        with pytest.raises(DomainError) as err:
            record_receipt(case, index, at(6))
        assert err.value.code == "NOT_FOUND"
    record_receipt(case, 0, at(6))
    with pytest.raises(DomainError) as err:
        record_receipt(case, 0, at(7))
    assert err.value.code == "ALREADY_RECEIVED"


@pytest.mark.parametrize("method, address", [("PIGEON", "x"), ("POST", "x"), ("EMAIL", "")])
def test_consent_input_checked(method, address):
    with pytest.raises(DomainError) as err:
        record_consent(_decided(), team(), at(4), method, address)
    assert err.value.code == "INVALID_INPUT"


def test_closed_case_takes_no_more_steps():
    case = new_case()
    advance_to(case, m.CLOSED)
    with pytest.raises(DomainError) as err:
        record_consent(case, team(), at(20), "EMAIL", "a@b.cn")
    assert err.value.code == "INVALID_TRANSITION" and "CLOSED" in err.value.message
