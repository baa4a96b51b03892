"""The HTML report: one self-contained page showing what a run removed, made from the
JSON report's summary and documents (``Summary.report()``, or ``read_report`` of a saved
``--report`` file). It loads nothing: its style, charts (SVG) and filter script are inline.

Modules: ``model`` (the report, checked and typed), ``charts`` (SVG bar charts and the
histogram), ``documents`` (the document views and the table of the worst), ``assets``
(colours, style, script), ``page`` (the sections, put together).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model import ReportFormatError, parse
from .page import page


def render(report: Mapping[str, Any]) -> str:
    """The page for a JSON report (``{"summary": ..., "documents": [...]}``);
    ReportFormatError if it lacks what the page shows."""
    return page(parse(report))


__all__ = ["ReportFormatError", "render"]
