"""Shallow per-line features, the scorer's only view of a line.

Like boilerpipe's and jusText's: length in words, terminal punctuation, case, stopword
density, digits and URLs, and the words that can tie a line to the rest of the document.
All of it is computed once per line, in one pass over its tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .language import WORD

# Sentence-final punctuation, possibly followed by closing quotes or brackets.
_TERMINAL = regex.compile(r"[.!?…。！？]['\"’”»)\]]*$")
_URL = regex.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.\w+", regex.I)
_DIGIT = regex.compile(r"\d")


@dataclass(slots=True)
class Features:
    """What the scorer knows about one non-blank line."""

    words: int
    chars: int
    terminal: bool
    colon_end: bool
    stop_density: float
    title_share: float
    upper_share: float
    digit_share: float
    url: bool
    content: frozenset[str]

    @property
    def headline_like(self) -> bool:
        """Short and unpunctuated: a title, subhead, headline or menu entry."""
        return not self.terminal and not self.colon_end and self.words <= 20


def extract(text: str, stopwords: frozenset[str]) -> Features:
    """Compute the features of one line's normalised view."""
    tokens = WORD.findall(text)
    n = len(tokens)
    lower = [t.lower() for t in tokens]
    alpha = [t for t in tokens if t[0].isalpha()]
    n_alpha = len(alpha) or 1
    stops = sum(1 for t in lower if t in stopwords)
    if stopwords:
        content = frozenset(t for t in lower if len(t) > 2 and t not in stopwords and t.isalpha())
    else:
        content = frozenset(t for t in lower if len(t) > 3 and t.isalpha())
    non_space = len(text) - text.count(" ") or 1
    return Features(
        words=n,
        chars=len(text),
        terminal=bool(_TERMINAL.search(text)),
        colon_end=text.endswith(":"),
        stop_density=stops / n if n else 0.0,
        title_share=sum(1 for t in alpha if t[0].isupper()) / n_alpha,
        upper_share=sum(1 for t in alpha if len(t) > 1 and t.isupper()) / n_alpha,
        digit_share=len(_DIGIT.findall(text)) / non_space,
        url=bool(_URL.search(text)),
        content=content,
    )
