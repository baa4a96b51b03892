"""Stage 1 of the scorer, context-free: each line's class from its shallow features.

``good`` is prose, ``near`` a short sentence, ``short`` a title, subhead, headline or menu
entry, ``bad`` link, number or keyword debris. Hard-wrapped pieces of one paragraph are
judged together (``unwrap``): a paragraph of enough words is prose whatever its pieces
look like alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from .features import FeatureTable
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


def classify(feats: FeatureTable, has_stoplist: bool, p: LineClassParams) -> list[LineClass]:
    """The context-free class of each line."""
    out: list[LineClass] = []
    url, digit_share, terminal = feats.url, feats.digit_share, feats.terminal
    for k, words in enumerate(feats.words):
        if (url[k] and words <= p.url_debris_words) or (
            digit_share[k] > p.digit_debris_share and not terminal[k]
        ):
            out.append(LineClass.BAD)
        elif words >= p.good_min_words and (terminal[k] or words >= p.long_unpunctuated):
            bad = has_stoplist and feats.stop_density[k] < p.min_stop_density
            out.append(LineClass.BAD if bad else LineClass.GOOD)
        elif terminal[k] and words >= p.near_min_words:
            out.append(LineClass.NEAR)
        else:
            out.append(LineClass.SHORT)
    return out


def unwrap(
    feats: FeatureTable,
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
    terminal, colon_end = feats.terminal, feats.colon_end
    opens_lower, open_end = feats.opens_lower, feats.open_end
    for k, n in enumerate(feats.words):
        # Across a blank line only a paragraph's worth of words goes on in lower case (an
        # extractor that breaks a sentence at its links): short pieces are a menu's.
        joined = (
            k > 0
            and not terminal[k - 1]
            and not colon_end[k - 1]
            and (
                (not after_blank[k] and (opens_lower[k] or open_end[k - 1]))
                or (opens_lower[k] and words >= p.wrapped_min_words)
            )
        )
        if joined:
            chain.append(k)
            words += n
        else:
            _promote(chain, words, classes, wrapped, p)
            chain, words = [k], n
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
