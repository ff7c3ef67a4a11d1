"""docs/integrators.md runs as written: its Python blocks, in order, against the real
gateway, certification and delivery services, with a loopback webhook receiver."""
import re
from pathlib import Path

import pytest

from tests.e2e.test_machine_clients import new_client, stack  # noqa: F401  (fixture)
from tests.integration.cert_support import ADMIN_CU, ID_CU, certify, ok
from tests.support import wait_until
from tests.webhook_receiver import WebhookReceiver

pytestmark = pytest.mark.e2e
DOC = Path(__file__).resolve().parents[2] / "docs" / "integrators.md"


def test_the_integrators_page_runs_as_written(stack, service_config):  # noqa: F811
    from nameko.standalone.rpc import ClusterRpcProxy

    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 6
    receiver = WebhookReceiver()
    client_id, secret = new_client()
    with ClusterRpcProxy(service_config) as rpc:
        officer = certify(rpc.certification, "Zhou Qi", "CULTURE", ID_CU, ["TOURISM"])["id"]
        scope = {"BASE": stack[0], "CLIENT_ID": client_id, "CLIENT_SECRET": secret,
                 "OFFICER_ID": officer, "RECEIVER_URL": receiver.url}
        try:
            for i, block in enumerate(blocks):
                if i == 3:  # after subscribing: a revocation reaches the receiver
                    ok(rpc.certification.revoke_certificate(
                        {"officer_id": officer, "reason": "doc"}, ADMIN_CU))
                    wait_until(lambda: receiver.requests)
                    scope["RECEIVED"] = [(h, b) for h, b, _ in receiver.requests]
                exec(compile(block, f"{DOC.name} block {i + 1}", "exec"), scope)
        finally:
            receiver.close()
    assert scope["seen"] and len(scope["changes"]) == 2
    assert scope["edges"][0]["node"]["status"] == "DELIVERED"
