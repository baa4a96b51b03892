"""What the integrations share: removals in a form that JSON, items and metadata can hold."""

from __future__ import annotations

from typing import Any

from ..result import CleanResult


def removal_dicts(result: CleanResult) -> list[dict[str, Any]]:
    """Every removal as a plain dict (``kind`` as its string), so any serialiser can store it."""
    return [
        {
            "line_no": r.line_no,
            "text": r.text,
            "kind": r.kind.value,
            "rule": r.rule,
            "score": r.score,
            "reason": r.reason,
        }
        for r in result.removed
    ]
