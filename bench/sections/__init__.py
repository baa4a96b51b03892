"""Registry of report sections, in report order.

A section is ``run(ctx: Context) -> str`` returning markdown (starting with a ``##`` heading).
To add one (e.g. ``speed``): write ``bench/sections/speed.py`` with such a ``run`` and add it to
``SECTIONS``; ``--sections speed`` then selects it and ``make bench`` runs it by default.
"""

from __future__ import annotations

from collections.abc import Callable

from ..context import Context
from . import html, speed, text

Section = Callable[[Context], str]

SECTIONS: dict[str, Section] = {
    "text": text.run,
    "html": html.run,
    "speed": speed.run,
}
