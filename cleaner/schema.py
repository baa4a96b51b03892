"""The JSON form of what was removed: one schema for the CLI's ``--report`` and
``--annotate``, ``explain --format json``, and the Scrapy and datatrove integrations.

A removal is ``{"line_no", "text", "kind", "rule", "score", "reason"}``: the fields of
``cleaner.Removal``, by the same names, with ``kind`` as its string. A document's account
is ``{"removed": [removal, ...], "flagged": bool}``.
"""

from __future__ import annotations

from typing import Any

from .result import CleanResult, Removal


def removal_dict(r: Removal) -> dict[str, Any]:
    """One removal as a plain dict, so that any serialiser can store it."""
    return {
        "line_no": r.line_no,
        "text": r.text,
        "kind": r.kind.value,
        "rule": r.rule,
        "score": r.score,
        "reason": r.reason,
    }


def removal_dicts(result: CleanResult) -> list[dict[str, Any]]:
    """Every removal of ``result``, in document order."""
    return [removal_dict(r) for r in result.removed]


def account(result: CleanResult) -> dict[str, Any]:
    """What was done to one document: its removals, and whether it was flagged (left
    unchanged because everything in it would have gone)."""
    return {"removed": removal_dicts(result), "flagged": result.flagged}
