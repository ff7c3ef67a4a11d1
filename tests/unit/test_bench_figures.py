"""The README's performance section is generated from a bench report
(infra/bench_figures.py): misses read MISSED, a missing or zero baseline is said, and the
README quotes exactly what docs/bench-report.json renders."""
import json
from pathlib import Path

from infra import bench_figures as figures

ROOT = Path(__file__).resolve().parents[2]

REPORT = {
    "machine": {"nproc": 2, "cpu": "AMD EPYC 7B13", "memory": "24 GB", "python": "3.11.7",
                "rabbitmq": "3.10.8", "commit": "abc1234", "load average at start": "1.50",
                "date": "2026-12-02T06:00:00+00:00"},
    "scripts": [{"script": "bench_load.py", "status": "ok"},
                {"script": "bench_bus.py", "status": "timed out after 1200 s"}],
    "figures": [
        {"bench": "load", "name": "mixed throughput", "value": 228.0, "unit": "requests/s",
         "baseline": 880.0, "baseline_name": "GET /healthz"},
        {"bench": "bus", "name": "reliable path", "value": 280.0, "unit": "events/s",
         "baseline": 1000.0, "baseline_name": "raw pika", "goal": ">= 0.5x baseline"},
        {"bench": "qualification", "name": "check p99", "value": 15.0, "unit": "ms",
         "baseline": 4.0, "baseline_name": "ping", "goal": "<= 3x baseline"},
        {"bench": "load", "name": "certification RSS", "value": 104.0, "unit": "MB",
         "baseline": 86.0, "baseline_name": "first quarter",
         "goal": "growth < 10%: +20.3% MISSED"},
        {"bench": "audit", "name": "append rate", "value": 50.0, "unit": "events/s",
         "baseline": 0, "baseline_name": "raw insert", "goal": ">= 0.5x baseline"},
        {"bench": "draw", "name": "draw time", "value": 1.5, "unit": "s",
         "baseline_name": "sort of the same entities"},
        {"bench": "console", "name": "bundle", "value": 300.0, "unit": "KB",
         "goal": "<= 350 KB"},
    ]}


def test_misses_and_missing_baselines_are_said_in_the_table():
    text = figures.render(REPORT)
    rows = {line.split(" | ")[1]: line for line in text.splitlines()
            if line.startswith("| ") and not line.startswith("| benchmark")
            and not line.startswith("|---")}
    assert ">= 0.5x baseline: MISSED" in rows["reliable path"] and "| 0.28 |" in rows[
        "reliable path"]
    assert "<= 3x baseline: MISSED" in rows["check p99"]
    assert "+20.3% MISSED" in rows["certification RSS"]
    assert figures.NO_BASELINE in rows["append rate"] and "| — |" in rows["append rate"]
    assert figures.NO_BASELINE in rows["draw time"]
    assert "<= 350 KB: no verdict given" in rows["bundle"]
    assert "no goal" in rows["mixed throughput"]
    # the machine, the date and the script that did not finish are named
    assert "2 cores (AMD EPYC 7B13)" in text and "2026-12-02T06:00:00+00:00" in text
    assert "`bench_bus.py` (timed out after 1200 s)" in text
    assert "3 of 7 figures MISSED" in text


def test_the_readme_section_is_what_the_kept_report_renders():
    readme = (ROOT / "README.md").read_text()
    assert figures.START in readme and figures.END in readme
    report = json.loads(figures.SNAPSHOT.read_text())
    assert figures.updated(readme, report) == readme, \
        "run: .venv/bin/python infra/bench_figures.py docs/bench-report.json"
