"""kill -9 of each process in turn in the middle of a run, each started again at once:
nothing committed is lost, nothing is done twice."""
import pytest

from tests.faults.conftest import SERVICES
from tests.faults.workload import Workload

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]  # kills and restarts every process: a hang guard, not a speed limit


def test_kill_9_of_each_service_in_turn_mid_run(stack):
    run = Workload(stack, probes=600, sanctions=40).start()
    for n, name in enumerate(SERVICES):
        run.until_sent((n + 1) / (len(SERVICES) + 2))
        stack.services.kill9(name)
        stack.restart(name)
    run.wait()
    figures = run.reconcile(f"kill -9 then restart of {', '.join(SERVICES)}")
    assert all(stack.services.alive().values())
    assert figures["probe mutations accepted"] >= 400
