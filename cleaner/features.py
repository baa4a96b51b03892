"""Shallow per-line features, the scorer's only view of a line.

Like boilerpipe's and jusText's: length in words, terminal punctuation, case, stopword
density, digits and URLs, and the words that can tie a line to the rest of the document.
All of it is computed once per line, in one pass over its tokens.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from .language import WORD
from .result import Kind

# Sentence-final punctuation, possibly followed by closing quotes or brackets.
_TERMINAL = regex.compile(r"[.!?…。！？]['\"’”»)\]]*$")
_URL = regex.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.\w+", regex.I)
_DIGIT = regex.compile(r"\d")
_TABLE = regex.compile(r"(?:^|\s)\|(?:\s|$)|\t")
_BULLET = regex.compile(r"^(?:[-*•·▪►–—]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)")


@dataclass(frozen=True, slots=True)
class LineHint:
    """What markup says about a line (HTML input): a kind it implies, and its link share.

    ``kind`` is set when the line sat in an element that names its role (a
    ``<figcaption>``, a block whose class says "related" or "share"); ``reason`` says which.
    """

    kind: Kind | None = None
    reason: str = ""
    link_share: float = 0.0


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
    table: bool
    bullet: bool
    content: frozenset[str]
    opens_lower: bool  # starts with a lower-case letter: may continue the line before
    open_end: bool  # ends mid-sentence (comma, hyphen, a stopword): may go on in the next
    link_share: float = 0.0  # share of the text inside links (HTML input only)

    @property
    def headline_like(self) -> bool:
        """Short and unpunctuated: a title, subhead, headline or menu entry."""
        return not self.terminal and not self.colon_end and self.words <= 20

    @property
    def menu_like(self) -> bool:
        """A very short capitalised label: a menu entry or section link."""
        return self.words <= 4 and not self.terminal and self.title_share >= 0.6

    @property
    def headline(self) -> bool:
        """Shaped like a story headline: a few words of text, not a table row or list item."""
        return (
            self.headline_like
            and self.words >= 3
            and not self.table
            and not self.bullet
            and not self.url
            and self.digit_share < 0.2
        )


def _stem(word: str) -> str:
    """A crude, language-blind stem: enough that "island", "islands" and "island's" meet.

    Scripts written in syllables (Hangul, CJK) carry particles on the word's end, so their
    first two characters stand for the word; elsewhere the first six letters do.
    """
    word = word.removesuffix("'s").removesuffix("’s")
    if "\u1100" <= word[0] <= "\u9fff" or "\uac00" <= word[0] <= "\ud7af":
        return word[:2]
    return word[:6]


def extract(text: str, stopwords: frozenset[str]) -> Features:
    """Compute the features of one line's normalised view.

    Hot path (once per line): each count is a C-level pass (``map``, ``str.count``) and
    the regexes run only when a cheap substring test says they can match.
    """
    tokens = WORD.findall(text)
    n = len(tokens)
    lower = list(map(str.lower, tokens))
    # Long lines repeat their words: count each distinct token once, with its multiplicity.
    counted = Counter(tokens).items() if n > LONG_LINE else [(t, 1) for t in tokens]
    alpha = [(t, k) for t, k in counted if t[0].isalpha()]
    n_alpha = sum(k for _, k in alpha) or 1
    stops = sum(map(stopwords.__contains__, lower))
    min_len = 2 if stopwords else 3
    content = frozenset(
        _stem(t) for t in set(lower) if len(t) > min_len and t not in stopwords and t.isalpha()
    )
    non_space = len(text) - text.count(" ") or 1
    return Features(
        words=n,
        chars=len(text),
        terminal=_terminal(text),
        colon_end=text.endswith(":"),
        stop_density=stops / n if n else 0.0,
        title_share=sum(k for t, k in alpha if t[0].isupper()) / n_alpha,
        upper_share=sum(k for t, k in alpha if len(t) > 1 and t.isupper()) / n_alpha,
        digit_share=_digits(text) / non_space,
        url=_has_url(text),
        table=(("|" in text or "\t" in text) and bool(_TABLE.search(text)))
        or sum(k for t, k in counted if t[0].isdigit()) >= 4,
        bullet=bool(_BULLET.match(text)),
        content=content,
        opens_lower=bool(tokens) and text[:1].islower() and tokens[0].islower(),
        open_end=text.endswith((",", "-", "‐"))
        or bool(lower and len(lower[-1]) <= 3 and lower[-1] in stopwords),
    )


LONG_LINE = 64  # tokens; past this, per-token counts go through a Counter
_ENDERS = ".!?…。！？"
_CLOSERS = "'\"’”»)]"
_ASCII_DIGITS = "0123456789"


def _terminal(text: str) -> bool:
    """``_TERMINAL.search(text)`` without scanning the line: look at its end only."""
    tails = (text, text[:-1]) if text.endswith("\n") else (text,)  # ``$`` allows a final \n
    for tail in tails:
        tail = tail.rstrip(_CLOSERS)
        if tail and tail[-1] in _ENDERS:
            return True
    return False


def _digits(text: str) -> int:
    """How many characters ``\\d`` matches; ASCII lines are counted with ``str.count``."""
    if text.isascii():
        return sum(map(text.count, _ASCII_DIGITS))
    return len(_DIGIT.findall(text))


def _has_url(text: str) -> bool:
    """``_URL.search``, skipped when the line has none of ``://``, ``www.`` or ``@``."""
    if "://" in text or "@" in text or "www." in text.lower():
        return bool(_URL.search(text))
    return False
