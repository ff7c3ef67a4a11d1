"""The console's weight on the wire: gzip bytes of the JavaScript the first route (the
dashboard, /console/) loads, from the build's manifest: the entry, its static imports, the
dashboard's lazy chunk and its imports. Baseline: react + react-dom + antd's smallest
shared chunk are not separable here, so the goal (350 KB) is the reference.

    .venv/bin/python bench/bench_console.py      (after `make console`)
"""
from __future__ import annotations

import json

from _support import ROOT, report

DIST = ROOT / "console" / "dist"


def chunks(manifest: dict, key: str, seen: set) -> set:
    if key in seen:
        return seen
    seen.add(key)
    for imported in manifest[key].get("imports", []):
        chunks(manifest, imported, seen)
    return seen


def main() -> None:
    manifest = json.loads((DIST / ".vite" / "manifest.json").read_text())
    entry = next(k for k, v in manifest.items() if v.get("isEntry"))
    first = chunks(manifest, "src/pages/Dashboard.tsx", chunks(manifest, entry, set()))
    files = {manifest[k]["file"] for k in first if manifest[k]["file"].endswith(".js")}
    gz = sum((DIST / f"{name}.gz").stat().st_size for name in files)
    raw = sum((DIST / name).stat().st_size for name in files)
    report("bench_console", [
        {"name": "first route JS (gzip)", "value": gz / 1024, "unit": "KiB",
         "goal": "<= 350 KB", "better": "lower"},
        {"name": "first route JS (uncompressed)", "value": raw / 1024, "unit": "KiB",
         "better": "lower"},
        {"name": "first route JS files", "value": len(files), "unit": "files",
         "better": "lower"},
    ])


if __name__ == "__main__":
    main()
