"""Bulk roster import through the CLI (`jointops officers import FILE`) and the demo
loader, both over RPC to a running certification service."""
import re

import pytest
from nameko.standalone.rpc import ClusterRpcProxy
from typer.testing import CliRunner

from services.certification import demo
from services.certification.cli import app
from services.certification.service import CertificationService
from tests.integration.cert_support import ID_CU, ID_CU2, ID_TR, day, ok

pytestmark = pytest.mark.integration
HEADER = ("name,agency,id_number,public_law_score,professional_law_score,exams_taken_on,"
          "domains,valid_from,valid_until,issued_on,reviewed_on")


@pytest.fixture
def rpc(container_factory, service_config):
    container_factory(CertificationService, service_config).start()
    with ClusterRpcProxy(service_config) as proxy:
        yield proxy


def names(rpc):
    page = ok(rpc.certification.list_officers({}, {"first": 100}, None))
    return sorted(o["name"] for o in page["items"])


def test_import_reports_bad_rows_and_never_half_imports_one(rpc, service_config, tmp_path):
    exams, cert = f"80,75,{day(-60)}", f"{day(-30)},{day(700)},{day(-30)},"
    path = tmp_path / "roster.csv"
    path.write_text("\n".join([
        HEADER,
        f"Li Wei,CULTURE,{ID_CU},{exams},TOURISM;RADIO_TV,{cert}",
        f"Wang Fang,TRANSPORT,{ID_TR},,,,,,,,",
        f"Bad Digit,CULTURE,{ID_CU2[:-1]}{'0' if ID_CU2[-1] != '0' else '1'},{exams},,,,,",
        f"No Score,CULTURE,{ID_CU2},eighty,75,{day(-60)},,,,,",
        f"Wrong Domain,CULTURE,{ID_CU2},{exams},ROAD_TRANSPORT,{cert}",  # refused by the service
        f"Twin,CULTURE,{ID_CU},{exams},,,,,",
    ]) + "\n", encoding="utf-8")
    env = {"JOINTOPS_AMQP_URI": service_config["AMQP_URI"]}
    result = CliRunner().invoke(app, ["import", str(path)], env=env)
    assert result.exit_code == 1, result.output
    for line, code in [(4, "INVALID_ID_NUMBER"), (5, "INVALID_INPUT"),
                       (6, "DOMAIN_NOT_IN_AGENCY")]:
        assert re.search(rf"│ {line}\s+│ {code}\s", result.output), result.output
    assert "2 imported, 1 already on the roster, 3 refused" in result.output
    # the refused certificate row left no officer behind: its ID number is still free
    assert names(rpc) == ["Li Wei", "Wang Fang"]
    again = CliRunner().invoke(app, ["import", str(path)], env=env)
    assert "0 imported, 3 already on the roster, 3 refused" in again.output


def test_unreadable_file_is_a_clear_error(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("who,what\n1,2\n")
    result = CliRunner().invoke(app, ["import", str(path)])
    assert result.exit_code == 2 and "missing ['name', 'agency', 'id_number']" in result.output


def test_demo_roster_loads_once_at_the_reports_scale(rpc):
    assert demo.load(rpc).startswith("46 officers added")
    assert demo.load(rpc).startswith("0 officers added")
    culture = ok(rpc.certification.qualified_roster("CULTURE_MARKET", None, None))
    transport = ok(rpc.certification.qualified_roster("ROAD_TRANSPORT", None, None))
    assert (len(culture), len(transport)) == (30, 14)
    suspended = ok(rpc.certification.list_officers({"agency": "TRANSPORT"}, {"first": 20}, None))
    statuses = [o["certificate"]["status"] for o in suspended["items"]]
    assert statuses.count("SUSPENDED") == 1 and statuses.count("VALID") == 14
