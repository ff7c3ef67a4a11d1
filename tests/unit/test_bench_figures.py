"""The README's measured figures are the committed bench report's, rendered honestly."""
import json

from infra import bench_figures as bf


def test_the_readme_shows_the_committed_report():
    report = json.loads(bf.SNAPSHOT.read_text())
    text = bf.README.read_text()
    section = text[text.index(bf.START) + len(bf.START):text.index(bf.END)].strip("\n")
    assert section == bf.render(report).strip("\n")


def test_misses_and_missing_baselines_are_said():
    row = {"bench": "b", "name": "n", "value": 2.0, "unit": "ms", "baseline_name": "raw",
           "baseline": 0, "goal": "<= 3x baseline", "verdict": "<= 3x baseline"}
    assert "NO BASELINE" in bf.verdict(row)
    missed = dict(row, baseline=0.5, ratio=4.0, verdict="<= 3x baseline: MISSED")
    assert bf.verdict(missed) == "<= 3x baseline: MISSED"
    assert bf.verdict({"value": 1}) == "no goal (reported for reference)"
