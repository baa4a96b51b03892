"""Registry of report sections, in report order.

A section is ``run(ctx: Context) -> Part``: a summary (markdown starting with a ``##``
heading) and optional listings. The report prints every section's summary first, then all
listings, so the figures are read before the long lists. To add one: write
``bench/sections/<name>.py`` with such a ``run`` and add it to ``SECTIONS``; ``--sections
<name>`` then selects it and ``make bench`` runs it by default.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..context import Context


@dataclass(frozen=True)
class Part:
    """What a section adds to the report: figures first, listings at the end."""

    summary: str
    listings: str = ""


Section = Callable[["Context"], Part]


def sections() -> dict[str, Section]:
    """Name -> section, in report order (imported here to keep this module import-light)."""
    from . import damage, html, memory, modes, speed, text

    return {
        "damage": damage.run,
        "modes": modes.run,
        "text": text.run,
        "html": html.run,
        "speed": speed.run,
        "memory": memory.run,
    }


ACCURACY = ("damage", "modes", "text", "html")  # the sections --quick runs (no timing)
