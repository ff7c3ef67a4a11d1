"""The decision form's discretion through the gateway: the culture catalogue's fine range per
circumstance and what the lists in force allow; an unknown violation is refused by code."""
import pytest

pytestmark = pytest.mark.e2e
QUERY = """query($code: String!, $on: Date) {
  violationDiscretion(agency: CULTURE, violationCode: $code, on: $on) {
    violationCode on noPenaltyListed ranges { circumstance min max list allowed } } }"""
LEGAL = dict(roles=("accountability_officer",), sub="lawyer-1")


def test_ranges_and_lists_of_a_violation_on_a_day(start_services, gql):
    start_services("culture")
    body = gql(QUERY, {"code": "UNAUTHORISED_SATELLITE_RECEIVER", "on": "2025-06-03"},
               **LEGAL)
    found = body["data"]["violationDiscretion"]
    assert found["on"] == "2025-06-03" and found["noPenaltyListed"] is True
    ranges = {r["circumstance"]: r for r in found["ranges"]}
    assert list(ranges) == ["MITIGATED", "LIGHTER", "STANDARD", "HEAVIER"]
    assert ranges["MITIGATED"]["allowed"] is False and ranges["LIGHTER"]["allowed"] is True
    assert all(r["min"] <= r["max"] for r in ranges.values())

    unknown = gql(QUERY, {"code": "NO_SUCH_VIOLATION"}, **LEGAL)
    assert unknown["data"]["violationDiscretion"] is None
    assert unknown["errors"][0]["extensions"]["code"] == "UNKNOWN_VIOLATION"
