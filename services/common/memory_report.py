"""What grows in a process's memory, for soak runs (bench/bench_soak.py --trace): with
JOINTOPS_MEMORY_REPORT=<directory>, the process traces its allocations (tracemalloc, which
slows it down: never in production) and every minute writes `<name>.memory.txt` there:
RSS beside the traced, pymalloc and malloc totals and RSS by kind of mapping, the
collector's work, the object types whose count grew, the cyclic garbage waiting for the
collector (counted by collecting it: one more reason such a run is not comparable) and
the allocation sites that grew most since the first minute (warm-up). With
JOINTOPS_MEMORY_REPORT_TRACE=0 it does not trace (the process keeps its speed): totals
and object counts only."""
from __future__ import annotations

import collections
import ctypes
import ctypes.util
import gc
import linecache
import os
import sys
import tracemalloc
from pathlib import Path

import eventlet

EVERY, TOP = 60.0, 25


def start(name: str) -> None:
    folder = os.environ.get("JOINTOPS_MEMORY_REPORT")
    only = os.environ.get("JOINTOPS_MEMORY_REPORT_ONLY")  # e.g. "certification,gateway"
    if not folder or (only and name not in only.split(",")):
        return
    if os.environ.get("JOINTOPS_MEMORY_REPORT_TRACE") != "0":
        tracemalloc.start(8)
    eventlet.spawn(_report, Path(folder) / f"{name}.memory.txt")


def _counts() -> collections.Counter:
    """Live objects the collector tracks (containers, class instances), by type."""
    return collections.Counter(type(o).__qualname__ for o in gc.get_objects())


def _cyclic_garbage() -> collections.Counter:
    """What the collector would free now (unreachable reference cycles), by type: kept
    aside for counting (DEBUG_SAVEALL) instead of freed, then freed. Garbage that only
    the cycle collector can free waits for it, so a steady stream of it keeps the heap
    above what is live."""
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        found = collections.Counter(type(o).__qualname__ for o in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.collect()
    return found


def _snapshot():
    if not tracemalloc.is_tracing():
        return None
    # what the report itself allocates (snapshots, source lines) is not the process's
    return tracemalloc.take_snapshot().filter_traces([
        tracemalloc.Filter(False, f) for f in (tracemalloc.__file__, linecache.__file__,
                                               __file__)])


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(f, ctypes.c_size_t) for f in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _mappings() -> str:
    """RSS by kind of mapping (/proc/self/smaps): glibc's heap (brk), anonymous mappings
    (pymalloc's arenas, which the kernel merges when adjacent, large blocks, thread
    stacks) and files (code, libraries). Anonymous memory growing while Python's block
    count stays flat is pymalloc keeping arenas that a few live objects pin."""
    kinds, name = collections.Counter(), None
    try:
        lines = Path("/proc/self/smaps").read_text().splitlines()
    except OSError:
        return ""
    for line in lines:
        head = line.split()
        if "-" in head[0] and not head[0].endswith(":"):
            name = head[5] if len(head) > 5 else ""
        elif head[0] == "Rss:":
            kind = ("heap" if name == "[heap]" else "anonymous"
                    if not name or name.startswith("[") else "files")
            kinds[kind] += int(head[1]) * 1024
    return (f"; RSS in glibc's heap {kinds['heap'] / 2**20:.1f} MB, anonymous "
            f"{kinds['anonymous'] / 2**20:.1f} MB, files {kinds['files'] / 2**20:.1f} MB")


def _pymalloc() -> str:
    """pymalloc's own account (sys._debugmallocstats, which writes to the C stderr):
    arenas held, bytes in live blocks and in free blocks inside them."""
    import tempfile

    with tempfile.TemporaryFile() as out:
        saved = os.dup(2)
        try:
            sys.stderr.flush()
            os.dup2(out.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        out.seek(0)
        stats = {}
        for line in out.read().decode(errors="replace").splitlines():
            key, _, value = line.partition("=")
            if key.startswith("#") and value.strip().replace(",", "").isdigit():
                stats[key.strip("# ").strip()] = int(value.strip().replace(",", ""))
    return (f"; pymalloc arenas {stats.get('arenas allocated current', 0)}, live blocks "
            f"{stats.get('bytes in allocated blocks', 0) / 2**20:.1f} MB, free blocks "
            f"{stats.get('bytes in available blocks', 0) / 2**20:.1f} MB")


def _totals() -> str:
    """RSS beside what Python holds (tracemalloc) and what glibc's malloc holds: in use
    against free inside its arenas. RSS growing with the traced total flat is the
    allocator (fragmentation, arenas), not the Python heap."""
    out = f"RSS {_rss_mb():.1f} MB, Python blocks {sys.getallocatedblocks()}"
    if tracemalloc.is_tracing():
        out += (f", traced {tracemalloc.get_traced_memory()[0] / 2**20:.1f} MB (tracing "
                f"itself {tracemalloc.get_tracemalloc_memory() / 2**20:.1f} MB)")
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        libc.mallinfo2.restype = _Mallinfo2
        info = libc.mallinfo2()
        out += (f", malloc in use {info.uordblks / 2**20:.1f} MB, free in arenas "
                f"{info.fordblks / 2**20:.1f} MB, mmapped {info.hblkhd / 2**20:.1f} MB")
    except (OSError, AttributeError):  # not glibc
        pass
    gens = gc.get_stats()
    out += (f"; collections by generation {'/'.join(str(g['collections']) for g in gens)}"
            f" (objects freed {'/'.join(str(g['collected']) for g in gens)}), frozen "
            f"{gc.get_freeze_count()}")
    return out + _pymalloc() + _mappings()


def _report(path: Path) -> None:
    eventlet.sleep(EVERY)
    timeline = [f"minute 1: {_totals()}"]  # before the snapshot: it is not the process's
    first, counted, minutes = _snapshot(), _counts(), 1
    while True:
        eventlet.sleep(EVERY)
        minutes += 1
        timeline.append(f"minute {minutes}: {_totals()}")
        counts = _counts()
        counts.subtract(counted)
        lines = timeline + [f"after {minutes} min, live objects grown since minute 1:"]
        lines += [f"{n:+d} {kind}" for kind, n in counts.most_common(TOP) if n > 0]
        garbage = _cyclic_garbage()
        lines.append(f"cyclic garbage waiting for the collector now: {sum(garbage.values())} "
                     "objects, by type:")
        lines += [f"{n} {kind}" for kind, n in garbage.most_common(TOP)]
        now = _snapshot()
        if now is not None:
            lines.append(f"after {minutes} min, growth since minute 1 by allocation site:")
            for stat in now.compare_to(first, "traceback")[:TOP]:
                lines.append(f"{stat.size_diff / 1024:+.0f} KiB in {stat.count_diff:+d} blocks")
                lines += [f"    {frame}" for frame in stat.traceback.format()[-12:]]
        path.write_text("\n".join(lines) + "\n")
