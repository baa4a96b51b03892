"""Stage 1 of the scorer, context-free: each line's class from its shallow features.

``good`` is prose, ``near`` a short sentence, ``short`` a title, subhead, headline or menu
entry, ``bad`` link, number or keyword debris. Hard-wrapped pieces of one paragraph are
judged together (``unwrap``): a paragraph of enough words is prose whatever its pieces
look like alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from .features import Features
from .heuristics import LineClassParams


class LineClass(StrEnum):
    """What a line is by its own shape (``blank`` only for lines with no text)."""

    GOOD = "good"
    NEAR = "near"
    SHORT = "short"
    BAD = "bad"
    BLANK = "blank"

    @property
    def prose(self) -> bool:
        """A sentence or more of running text."""
        return self is LineClass.GOOD or self is LineClass.NEAR


def classify(f: Features, has_stoplist: bool, p: LineClassParams) -> LineClass:
    """The context-free class of one line."""
    if f.url and f.words <= p.url_debris_words:
        return LineClass.BAD
    if f.digit_share > p.digit_debris_share and not f.terminal:
        return LineClass.BAD
    if f.words >= p.good_min_words and (f.terminal or f.words >= p.long_unpunctuated):
        if has_stoplist and f.stop_density < p.min_stop_density:
            return LineClass.BAD
        return LineClass.GOOD
    if f.terminal and f.words >= p.near_min_words:
        return LineClass.NEAR
    return LineClass.SHORT


def unwrap(
    feats: Sequence[Features],
    after_blank: Sequence[bool],
    classes: list[LineClass],
    p: LineClassParams,
) -> list[bool]:
    """Hard-wrapped text: lines that continue one another form one paragraph.

    A line that ends mid-sentence followed by one that opens in lower case (or after a
    comma, hyphen or stopword) is a piece of a wrapped paragraph, and a paragraph of
    enough words is prose, whatever its pieces look like alone. A blank line ends it,
    unless the paragraph already has that many words and the next line opens in lower
    case: an extractor that ends a line at every link leaves a blank line after each.
    Returns, per line, whether it is a piece of such a paragraph (it is judged with the
    paragraph, never as a headline or teaser of its own).
    """
    wrapped = [False] * len(feats)
    chain: list[int] = []
    words = 0
    prev: Features | None = None
    for k, f in enumerate(feats):
        # Across a blank line only a paragraph's worth of words goes on in lower case (an
        # extractor that breaks a sentence at its links): short pieces are a menu's.
        joined = (
            prev is not None
            and not prev.terminal
            and not prev.colon_end
            and (
                (not after_blank[k] and (f.opens_lower or prev.open_end))
                or (f.opens_lower and words >= p.wrapped_min_words)
            )
        )
        if joined:
            chain.append(k)
            words += f.words
        else:
            _promote(chain, words, classes, wrapped, p)
            chain, words = [k], f.words
        prev = f
    _promote(chain, words, classes, wrapped, p)
    return wrapped


def _promote(
    chain: list[int],
    words: int,
    classes: list[LineClass],
    wrapped: list[bool],
    p: LineClassParams,
) -> None:
    if len(chain) >= 2 and words >= p.wrapped_min_words:
        for j in chain:
            classes[j] = LineClass.GOOD
            wrapped[j] = True
