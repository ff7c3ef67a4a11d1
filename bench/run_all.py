"""`make bench`: run every bench/bench_*.py, each bounded by a timeout, and write one report:
var/bench/report.md and var/bench/report.json, every figure next to its baseline from the
same run, the ratio and the goal, and the machine it ran on. A script that fails or times
out is reported as such; the others still run. Nothing here asserts: it measures. The
verdicts are infra/bench_figures.py's, which then writes the README's performance section
from report.json (make bench runs it).

    .venv/bin/python bench/run_all.py [NAME ...]      # e.g. bench_bus bench_load
    BENCH_TIMEOUT=1200 (seconds per script; the soak gets its minutes on top),
    BENCH_LOAD_SECONDS=120, BENCH_SOAK_MINUTES=10
"""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from infra.bench_figures import ratio, verdict  # noqa: E402  (one verdict: README's too)

OUT = ROOT / "var" / "bench"
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", 1200))
# bench_soak.py runs steady load for this long (its own --minutes when run alone)
SOAK_MINUTES = float(os.environ.get("BENCH_SOAK_MINUTES", 10))
RABBIT_API = "http://127.0.0.1:15672/api/overview"


def machine() -> dict:
    def first(path, key):
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
        return "?"
    try:
        rabbit = httpx.get(RABBIT_API, auth=("guest", "guest"), timeout=5).json()[
            "rabbitmq_version"]
    except (httpx.HTTPError, ValueError, KeyError):
        rabbit = "unknown (management API did not answer)"
    # "-dirty": the run measured uncommitted changes on top of that commit
    commit = subprocess.run(["git", "describe", "--always", "--dirty", "--abbrev=7"],
                            cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "memory": first("/proc/meminfo", "MemTotal"),
            "cpu": first("/proc/cpuinfo", "model name"), "python": platform.python_version(),
            "rabbitmq": rabbit, "os": platform.platform(), "commit": commit,
            "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
            "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}


def run(script: Path, results: Path) -> dict:
    """One script in its own process, its output kept in var/bench/<name>.log."""
    env = dict(os.environ, BENCH_JSON=str(results), PYTHONUNBUFFERED="1",
               BENCH_SOAK_MINUTES=str(SOAK_MINUTES))
    limit = TIMEOUT + (SOAK_MINUTES * 60 if script.stem == "bench_soak" else 0)
    log = OUT / f"{script.stem}.log"
    started = time.monotonic()
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, str(script)], cwd=script.parent, env=env,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            code = proc.wait(limit)
            status = "ok" if code == 0 else f"failed (exit {code})"
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)  # the script and whatever it started
            proc.wait()
            status = f"timed out after {limit:.0f} s"
    seconds = time.monotonic() - started
    print(f"{script.stem}: {status} in {seconds:.0f} s (log: {log.relative_to(ROOT)})",
          flush=True)
    return {"script": script.name, "status": status, "seconds": round(seconds, 1),
            "log": str(log.relative_to(ROOT))}


def fmt(value) -> str:
    return "" if value is None else f"{value:.4g}" if isinstance(value, float) else str(value)


def markdown(info, scripts, rows) -> str:
    lines = ["# jointops benchmark report", "",
             "Every figure is measured next to its baseline in the same run; ratio = value / "
             "baseline. A benchmark measures, it does not assert.", "", "## Machine", ""]
    lines += [f"- {k}: {v}" for k, v in info.items()]
    lines += ["", "## Scripts", "", "| script | status | seconds | log |", "|---|---|---|---|"]
    lines += [f"| {s['script']} | {s['status']} | {s['seconds']} | {s['log']} |"
              for s in scripts]
    lines += ["", "## Figures", "",
              "| benchmark | figure | value | unit | baseline | baseline value | ratio | goal |",
              "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append("| " + " | ".join([
            r["bench"], r["name"], fmt(r["value"]), r["unit"], r.get("baseline_name", ""),
            fmt(r.get("baseline")), ratio(r), verdict(r)]) + " |")
    return "\n".join(lines) + "\n"


def main(names):
    OUT.mkdir(parents=True, exist_ok=True)
    results = OUT / "results.jsonl"
    results.unlink(missing_ok=True)
    scripts = sorted((ROOT / "bench").glob("bench_*.py"))
    if names:
        scripts = [s for s in scripts if s.stem in names or s.name in names]
    info = machine()
    ran = [run(script, results) for script in scripts]
    rows = [json.loads(line) for line in results.read_text().splitlines()] \
        if results.exists() else []
    for row in rows:
        row["verdict"] = verdict(row)
    (OUT / "report.json").write_text(json.dumps(
        {"machine": info, "scripts": ran, "figures": rows}, indent=2, default=str))
    (OUT / "report.md").write_text(markdown(info, ran, rows))
    print(f"\nreport: {(OUT / 'report.md').relative_to(ROOT)} and report.json "
          f"({len(rows)} figures, {sum(s['status'] != 'ok' for s in ran)} script(s) failed)")
    return 0 if all(s["status"] == "ok" for s in ran) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
