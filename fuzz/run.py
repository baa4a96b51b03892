"""Run one fuzz target under atheris: ``python -m fuzz.run TARGET [libFuzzer args] [DIR...]``.

TARGET is ``clean``, ``clean_html`` or ``rules`` (see ``fuzz.invariants``). Arguments are
libFuzzer's: ``-runs=N``, ``-seed=N``, ``-max_total_time=S``, corpus directories (the
first one gains the new inputs), ``-artifact_prefix=DIR/`` (where a crashing input is
written). An input that breaks an invariant known not to hold yet (``invariants.KNOWN``)
is written to ``fuzz/findings/TARGET/`` and the run goes on; ``--strict`` stops on it too.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import atheris

# The rule analyses run once per rule set (at start-up) for the document targets: left
# uninstrumented there, they start several times faster; the rules target needs them.
ANALYSES = ["cleaner.prefilter", "cleaner.wordbounds", "cleaner.pattern_tree", "cleaner.casefold"]


def load(target_name: str) -> ModuleType:
    """``fuzz.invariants``, with cleaner instrumented for coverage."""
    exclude = [] if target_name == "rules" else ANALYSES
    with atheris.instrument_imports(include=["cleaner"], exclude=exclude):
        from fuzz import invariants
    return invariants


FINDINGS = Path(__file__).parent / "findings"


def target(invariants: ModuleType, name: str, strict: bool) -> Callable[[bytes], None]:
    """The function atheris calls with each input."""
    check = invariants.TARGETS[name]
    known = frozenset() if strict else frozenset(invariants.KNOWN)

    def one(data: bytes) -> None:
        try:
            check(data)
        except invariants.Broken as e:
            if e.name not in known:
                raise
            _record(name, e.name, data, invariants.KNOWN[e.name])

    return one


def _record(name: str, invariant: str, data: bytes, why: str) -> None:
    """Keep an input that breaks a known-open invariant (each content once)."""
    folder = Path(os.environ.get("CLEANER_FUZZ_FINDINGS", FINDINGS)) / name
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{invariant}-{hashlib.sha1(data).hexdigest()[:16]}"
    if not path.exists():
        path.write_bytes(data)
        print(f"known-open invariant {invariant!r} broken ({why}): {path}")


NAMES = ("clean", "clean_html", "rules")


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[1] not in NAMES:
        sys.exit(f"usage: python -m fuzz.run {{{','.join(NAMES)}}} [--strict] [libFuzzer args]")
    name = argv[1]
    strict = "--strict" in argv
    rest = [a for a in argv[2:] if a != "--strict"]
    atheris.Setup([argv[0], *rest], target(load(name), name, strict))
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
