"""The broker goes away in the middle of a run: stopped and started, or every connection
closed at once. Every accepted mutation's events arrive, no effect happens twice, and the
services reconnect by themselves (no process is restarted)."""
import eventlet
import pytest

from tests.faults.workload import Workload

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]


def test_broker_stopped_and_started_mid_run(stack):
    before = stack.services.alive()
    # Enough traffic that the outage (stop, 3 s, start: ~10 s) falls mid-run with work in
    # flight on every queue, and no more: the suite's time is the gate's.
    run = Workload(stack, probes=1000, sanctions=60).start()
    run.until_sent(0.3)
    stack.rabbit.ctl("stop_app")
    eventlet.sleep(3)
    stack.rabbit.ctl("start_app")
    run.wait()
    figures = run.reconcile("rabbitmqctl stop_app / start_app")
    assert stack.services.alive() == before  # nobody restarted a process
    assert figures["probe mutations accepted"] >= 750


def test_all_connections_closed_at_once_mid_run(stack):
    before = stack.services.alive()
    run = Workload(stack, probes=600, sanctions=40).start()
    for share in (0.3, 0.6):
        run.until_sent(share)
        stack.rabbit.ctl("close_all_connections", "--global", "fault test")
    run.wait()
    figures = run.reconcile("rabbitmqctl close_all_connections (twice)")
    assert stack.services.alive() == before
    assert figures["probe mutations accepted"] >= 450
