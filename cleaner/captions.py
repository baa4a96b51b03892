"""Photo captions recognised by their shape, where no rule names them.

A caption is a sentence or two about a picture: a position marker ("(L)", "(2nd R)"),
a present-tense verb near its start ("speaks with"), a date ("on March 3"), and often
no final stop. Each sign adds its weight (``CaptionParams``); the word lists come from
the rule files' ``[lists]`` (``caption_verbs``, ``months``), so users extend them there.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from . import memo
from .features import FeatureTable
from .heuristics import DEFAULT, CaptionParams
from .rule import compiled_pattern

_MARKER = memo.compiled_regex(
    r"\((?:L|R|C|CL|CR|C-L|C-R|left|right|centre|center|top|bottom|front|back|above|below|"
    r"inset|pictured|file|\d(?:st|nd|rd|th)?\s?(?:L|R|from\s(?:left|right)))\)",
    regex.I,
)


class CaptionScorer:
    """How much a line looks like a photo caption (0..1), from its shape alone."""

    def __init__(
        self,
        caption_verbs: Sequence[str] = (),
        months: Sequence[str] = (),
        params: CaptionParams = DEFAULT.captions,
    ) -> None:
        self.params = params
        # Without a position marker "(L)" the other signs may fall short of a caption;
        # then a line without a bracket need not be scored at all.
        self._needs_marker = params.verb + params.date + params.unterminated < params.min_score
        # Longest first, ties in a fixed order: one cache key in every process.
        verbs = sorted({v.lower() for v in caption_verbs}, key=lambda v: (-len(v), v))
        # Compiled as rules are, and kept across processes alike (``compiled_pattern``).
        self._verb = (
            compiled_pattern(r"^(?:\S+\s){1,12}?(?:\L<verbs>)\b", True, (("verbs", tuple(verbs)),))
            if verbs
            else None
        )
        month_names = sorted({m.lower() for m in months}, key=lambda m: (-len(m), m))
        self._on_date = (
            compiled_pattern(
                r"\b(?:on|in)\s(?:\L<months>)\.?\s\d{1,2}\b|\bon\s\d{1,2}\s(?:\L<months>)\b",
                True,
                (("months", tuple(month_names)),),
            )
            if month_names
            else None
        )

    def score(self, text: str, feats: FeatureTable, k: int) -> float:
        """The caption evidence of line ``k`` (0 when there is next to none)."""
        p = self.params
        if not p.min_words <= feats.words[k] <= p.max_words:
            return 0.0
        score = 0.0
        if _MARKER.search(text):
            score += p.marker
        if (
            self._verb is not None
            and self._verb.search(text)
            and feats.title_share[k] > p.verb_title_share
        ):
            score += p.verb
        if self._on_date is not None and self._on_date.search(text):
            score += p.date
        if not feats.terminal[k]:
            score += p.unterminated
        return score if score > p.floor else 0.0

    def is_caption(self, text: str, feats: FeatureTable, k: int) -> float | None:
        """The caption score of line ``k`` (its view is ``text``) when it is one, else None."""
        if not self.params.enabled or (self._needs_marker and "(" not in text):
            return None
        c = self.score(text, feats, k)
        return c if c >= self.params.min_score else None

    @staticmethod
    def reason(score: float) -> str:
        return (
            "shaped like a photo caption (position marker, caption verb, date, no final stop: "
            f"{score:.2f})"
        )
