"""The system under test, kept pluggable: the real ``cleaner`` or the identity (as-is) baseline.

``--cleaner module:Factory`` names a factory whose instance has ``clean(text, url=None)`` (and
optionally ``clean_html(html, url=None)``); results need ``.text`` and ``.removed`` and may have
``.lines`` (every line's decision, as ``cleaner.CleanResult``). ``--set key=value`` options are
passed to the factory as keyword arguments (values read as JSON when they parse, else as
strings), so settings can be compared without editing the harness. ``identity`` returns the
input unchanged, so the whole harness can be checked without the library: its "after" rows
must equal the as-is rows.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = "cleaner:Cleaner"
_EOL = re.compile(r"\r\n|\n|\r")  # the line endings a cleaner numbers lines by


class Subject(Protocol):
    """What the harness calls; ``clean_html`` is feature-detected with ``hasattr``."""

    def clean(self, text: str, url: str | None = None) -> Any: ...


@dataclass
class IdentityResult:
    """Shape of a cleaner result with nothing removed."""

    text: str
    removed: list[Any] = field(default_factory=list)


class Identity:
    """Baseline that removes nothing (no ``clean_html``: HTML mode has no identity)."""

    def __init__(self, **settings: object) -> None:
        if settings:
            raise TypeError(f"identity takes no settings, got {sorted(settings)}")

    def clean(self, text: str, url: str | None = None) -> IdentityResult:
        return IdentityResult(text)


@dataclass(frozen=True)
class Spec:
    """How to build the subject: picklable, so every worker process builds its own."""

    name: str = DEFAULT_SPEC
    settings: tuple[tuple[str, object], ...] = ()

    def describe(self) -> str:
        """``cleaner:Cleaner`` or ``cleaner:Cleaner(mode='conservative')``."""
        if not self.settings:
            return self.name
        args = ", ".join(f"{k}={v!r}" for k, v in self.settings)
        return f"{self.name}({args})"


def parse_settings(items: list[str]) -> tuple[tuple[str, object], ...]:
    """``["mode=conservative", "n=3"]`` -> ``(("mode", "conservative"), ("n", 3))``."""
    out: dict[str, object] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip().isidentifier():
            raise ValueError(f"--set wants key=value with a Python name as key, got {item!r}")
        try:
            value: object = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        out[key.strip()] = value
    return tuple(out.items())


@dataclass
class Loaded:
    """The subject (None when the default ``cleaner`` is not importable yet) and how to name it."""

    subject: Subject | None
    label: str
    version: str
    note: str = ""


def load(spec: Spec) -> Loaded:
    """Build the subject; only a missing default ``cleaner`` is tolerated (as-is rows only)."""
    kwargs: Mapping[str, object] = dict(spec.settings)
    if spec.name == "identity":
        return Loaded(Identity(**kwargs), "identity", "-")
    module_name, _, attr = spec.name.partition(":")
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if spec.name != DEFAULT_SPEC or exc.name != module_name:
            raise
        return Loaded(None, "cleaner", "n/a", f"`{module_name}` is not importable ({exc}).")
    factory = getattr(module, attr or "Cleaner")
    version = str(getattr(module, "__version__", "n/a"))
    return Loaded(factory(**kwargs), module_name, version)


def kind_name(removal: Any) -> str:
    """``Removal.kind`` is a str-valued enum; fall back to ``str`` for anything else."""
    kind = getattr(removal, "kind", "?")
    return str(getattr(kind, "value", kind))


def result_text(result: Any) -> str:
    """``clean_html`` may return a result object or a plain string (or None for no article)."""
    if result is None:
        return ""
    return result if isinstance(result, str) else str(getattr(result, "text", "") or "")


@dataclass(frozen=True, slots=True)
class Decision:
    """One input line's verdict, whatever the subject: ``cleaner.LineDecision``'s fields."""

    line_no: int
    text: str
    keep: bool
    kind: str | None
    rule: str | None
    score: float | None
    reason: str
    label: str


def decisions(result: Any, text: str | None) -> list[Decision] | None:
    """Every line's decision: from ``result.lines`` when the subject gives them, else built
    from ``text`` (split as a cleaner numbers lines: CR, LF, CRLF) and ``result.removed``.
    None when neither is known (an HTML result without ``lines``)."""
    lines = getattr(result, "lines", None)
    if lines:
        return [
            Decision(
                int(d.line_no),
                str(d.text),
                bool(d.keep),
                None if d.kind is None else kind_name(d),
                d.rule,
                d.score,
                str(d.reason or ""),
                str(getattr(d, "label", "") or ""),
            )
            for d in lines
        ]
    if text is None:
        return None
    removed = {int(r.line_no): r for r in getattr(result, "removed", None) or []}
    parts = _EOL.split(text)
    if parts and not parts[-1]:
        parts.pop()  # a final line ending starts no line
    out = []
    for no, line in enumerate(parts, 1):
        r = removed.get(no)
        out.append(
            Decision(no, line, True, None, None, None, "", "")
            if r is None
            else Decision(
                no,
                line,
                False,
                kind_name(r),
                str(getattr(r, "rule", "?")),
                getattr(r, "score", None),
                str(getattr(r, "reason", "")),
                "",
            )
        )
    return out
