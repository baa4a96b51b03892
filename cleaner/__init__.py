"""cleaner: strip web-scraped news text of its boilerplate and keep the article.

The one obvious entry point is :func:`clean`; :func:`explain` tells, line by line, what it
did and why. For many documents build a :class:`Cleaner` once and reuse it.
"""

from __future__ import annotations

import threading

# First: it decides whether the compiled modules (``make accel``) may load.
from . import accel
from .accel import ACCELERATED
from .pipeline import Cleaner
from .result import CleanResult, Kind, LineDecision, Removal
from .rules import RuleError

accel.make_picklable()

__version__ = "0.1.0"
__all__ = [
    "ACCELERATED",
    "CleanResult",
    "Cleaner",
    "Kind",
    "LineDecision",
    "Removal",
    "RuleError",
    "__version__",
    "clean",
    "clean_html",
    "explain",
]

_default: Cleaner | None = None
_lock = threading.Lock()


def default_cleaner() -> Cleaner:
    """The shared Cleaner with the built-in rules, built on first use."""
    global _default
    with _lock:
        if _default is None:
            _default = Cleaner()
        return _default


def clean(text: str, url: str | None = None) -> CleanResult:
    """Return ``text`` minus its junk lines, with the reason for every removal.

    ``url`` (the page's address) switches on rules limited to that site.
    """
    return default_cleaner().clean(text, url)


def clean_html(html: str | bytes, url: str | None = None) -> CleanResult:
    """Extract the article from ``html`` (trafilatura) and clean it; see ``Cleaner.clean_html``."""
    return default_cleaner().clean_html(html, url)


def explain(text: str, url: str | None = None) -> list[LineDecision]:
    """Every line of ``text`` with its verdict (keep/drop), kind, rule, score and reason."""
    return default_cleaner().explain(text, url)
