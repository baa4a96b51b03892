"""Start-up: what a command costs before and at its first document.

Wall and CPU time of the real CLI in fresh processes (best of ``ROUNDS``; on a shared
machine the CPU time is the steadier figure): ``cleaner --version``,
and ``cleaner clean`` of one dev document with the start-up cache (``cleaner.memo``) warm
and, once, cold (an empty cache directory: the first run on a machine). Then, in one fresh
process, the first document's clean time against the median of the next ``LATER``.

Every run finds the modules it imports compiled to bytecode, as an installed wheel has
them (pip compiles them on install): an untimed run compiles them first, into a temporary
prefix (``PYTHONPYCACHEPREFIX``), not into the checkout, whatever
``PYTHONDONTWRITEBYTECODE`` says. Without it an editable checkout under that setting
compiles cleaner's modules from source at every start, which no installed copy does.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from ..report import table

ROUNDS = 5
LATER = 60
CLI = [sys.executable, "-m", "cleaner"]

# Run in a fresh interpreter: import, build the Cleaner, then time each document's clean.
_FIRST_AND_LATER = """
import json, statistics, sys, time
t0 = time.perf_counter()
import cleaner
c = cleaner.Cleaner()
t1 = time.perf_counter()
times = []
for text, url in json.load(open(sys.argv[1])):
    t = time.perf_counter()
    c.clean(text, url=url)
    times.append(time.perf_counter() - t)
print(json.dumps([t1 - t0, times[0], statistics.median(times[1:])]))
"""


def _timed(cmd: list[str], env: dict[str, str], rounds: int = ROUNDS) -> tuple[float, float]:
    """Best wall time and best CPU time (user + system) of ``rounds`` runs of ``cmd``."""
    wall = cpu = float("inf")
    for _ in range(rounds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        wall = min(wall, time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        cpu = min(cpu, used)
    return wall, cpu


def _compiled_env(tmp: str, cmd: list[str]) -> dict[str, str]:
    """The environment of the timed runs: every module ``cmd`` imports compiled to bytecode
    under a prefix in ``tmp``, by an untimed run of it with a cache of its own (see the
    module's docstring)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tmp, "pycache"))
    warm_up = env | {"CLEANER_CACHE_DIR": str(Path(tmp, "compile-cache"))}
    subprocess.run(cmd, env=warm_up, check=True, capture_output=True)
    return env


def run(docs: Sequence[tuple[str, str | None]]) -> str:
    """The section: start-up wall times, and the first document against later ones."""
    with tempfile.TemporaryDirectory(prefix="cleaner-startup-") as tmp:
        one = Path(tmp, "one.txt")
        text, _ = sorted(docs, key=lambda d: len(d[0]))[len(docs) // 2]
        one.write_text(text, encoding="utf-8")
        clean_one = [*CLI, "clean", str(one), "-o", str(Path(tmp, "out.txt")), "-q"]
        env = _compiled_env(tmp, clean_one)
        cold_env = env | {"CLEANER_CACHE_DIR": str(Path(tmp, "cold-cache"))}
        cold = _timed(clean_one, cold_env, rounds=1)
        warm_env = env | {"CLEANER_CACHE_DIR": str(Path(tmp, "warm-cache"))}
        _timed(clean_one, warm_env, rounds=1)  # fills the cache
        warm = _timed(clean_one, warm_env)
        version = _timed([*CLI, "--version"], warm_env)
        build = subprocess.run(
            [*CLI, "--version"], env=warm_env, check=True, capture_output=True, text=True
        ).stdout.strip()
        batch = Path(tmp, "docs.json")
        batch.write_text(json.dumps(list(docs[: LATER + 1])), encoding="utf-8")
        out = subprocess.run(
            [sys.executable, "-c", _FIRST_AND_LATER, str(batch)],
            env=warm_env,
            check=True,
            capture_output=True,
            text=True,
        )
        setup, first, later = json.loads(out.stdout)
    rows = [
        ["`cleaner --version`", *version],
        [f"`cleaner clean` of one document ({len(text.encode()) / 1e3:.1f} KB)", *warm],
        ["the same, first run on the machine (empty cache)", *cold],
    ]
    note = (
        f"In one fresh process: import and `Cleaner()` {setup:.2f} s; the first document "
        f"{first * 1e3:.0f} ms, the median of the next {LATER} {later * 1e3:.1f} ms "
        f"({first / later:.1f}× a later one). Target: a one-file clean under 0.5 s, the "
        "first document within about 5× a later one."
    )
    head = ["command", f"wall s (best of {ROUNDS})", "CPU s (best)"]
    cells = [[name, f"{wall:.2f}", f"{cpu:.2f}"] for name, wall, cpu in rows]
    measured = f"Measured: `{build}`, its modules compiled to bytecode as in an installed wheel."
    return "\n\n".join(["### Start-up", measured, table(head, cells), note])
