"""The system under test, kept pluggable: the real ``cleaner`` or the identity (as-is) baseline.

``--cleaner module:Factory`` names a zero-argument factory whose instance has
``clean(text, url=None)`` (and optionally ``clean_html(html, url=None)``); results need ``.text``
and ``.removed``. ``identity`` returns the input unchanged, so the whole harness can be checked
while the library does not exist yet: its "after" rows must equal the as-is rows.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = "cleaner:Cleaner"


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

    def clean(self, text: str, url: str | None = None) -> IdentityResult:
        return IdentityResult(text)


@dataclass
class Loaded:
    """The subject (None when the default ``cleaner`` is not importable yet) and how to name it."""

    subject: Subject | None
    label: str
    version: str
    note: str = ""


def load(spec: str) -> Loaded:
    """Build the subject; only a missing default ``cleaner`` is tolerated (as-is rows only)."""
    if spec == "identity":
        return Loaded(Identity(), "identity", "-")
    module_name, _, attr = spec.partition(":")
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if spec != DEFAULT_SPEC or exc.name != module_name:
            raise
        return Loaded(None, "cleaner", "n/a", f"`{module_name}` is not importable ({exc}).")
    factory = getattr(module, attr or "Cleaner")
    version = str(getattr(module, "__version__", "n/a"))
    return Loaded(factory(), module_name, version)


def kind_name(removal: Any) -> str:
    """``Removal.kind`` is a str-valued enum; fall back to ``str`` for anything else."""
    kind = getattr(removal, "kind", "?")
    return str(getattr(kind, "value", kind))


def result_text(result: Any) -> str:
    """``clean_html`` may return a result object or a plain string (or None for no article)."""
    if result is None:
        return ""
    return result if isinstance(result, str) else str(getattr(result, "text", "") or "")
