"""Stage 2 of the scorer: how much each line shares the words of the article's prose.

Each line's content words are looked up in the rest of the document's prose, leaving out
its immediate neighbours (a headline and its own teaser share words, but a list of
unrelated stories shares none with the article), unless both are long paragraphs, which
no teaser is: those are one text. Once the article is located, overlap is
measured again against the article's own long paragraphs (``within``).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .features import FeatureTable, shared
from .heuristics import TopicParams
from .lineclass import LineClass

Overlaps = list[float | None]  # per line: its share of content words found, None: unknown
Stems = tuple[str, ...]  # a line's distinct content-word stems (``FeatureTable.content``)
_NONE: Stems = ()


def overlaps(
    feats: FeatureTable,
    classes: Sequence[LineClass],
    idx: Sequence[int],
    p: TopicParams,
    within: tuple[int, int] | None = None,
) -> Overlaps | None:
    """Overlap of each line with the prose (of the lines in ``within``, when given: with
    their long paragraphs, when there are enough of them); None when there is too little
    prose to tell on-topic from off-topic (then the caller keeps what it knew). ``idx``:
    the positions of the lines left (ascending), the others are not looked at."""
    # Positions as machine integers and source lines as flags: an int object a line, and
    # a set of them, cost a large record most of its size again.
    prose = array("q", [k for k in idx if classes[k].prose])  # a list is faster to fill
    source = prose
    if within is not None:
        prose = prose[bisect_left(prose, within[0]) : bisect_right(prose, within[1])]
        # The article's own words are those of its long paragraphs: on a whole page the
        # densest run can take in a sidebar of headlines and one-sentence teasers, and
        # those would vouch for one another.
        core = array("q", [k for k in prose if feats.words[k] >= p.core_min_words])
        source = core if len(core) >= p.min_prose else prose
    if len(prose) < p.min_prose:
        return None
    out: Overlaps = [None] * len(feats)
    counted = bytearray(len(feats))
    for k in source:
        counted[k] = 1
    contents, words = feats.content, feats.words
    spread = _Spread.of(contents[k] for k in source)
    # What each line holds as a source line (nothing when it is not one).
    lent = [contents[k] if counted[k] else _NONE for k in idx]
    for n, k in enumerate(idx):
        content = contents[k]
        if len(content) < p.min_content:
            continue
        before = lent[n - 1] if n > 0 else _NONE
        after = lent[n + 1] if n + 1 < len(lent) else _NONE
        if words[k] >= p.neighbour_words:  # long paragraphs vouch for each other
            if before and words[idx[n - 1]] >= p.neighbour_words:
                before = _NONE
            if after and words[idx[n + 1]] >= p.neighbour_words:
                after = _NONE
        missed = spread.missed(content, before, after, counted[k] == 1)
        out[k] = shared((spread.hits(content) - missed) / len(content))
    return _rescale(out, prose, p)


def _rescale(out: Overlaps, prose: Sequence[int], p: TopicParams) -> Overlaps:
    """Express overlap relative to the document's own level, or drop it when meaningless.

    Languages that glue particles to words (Korean, Turkish, Finnish) or documents without
    a stoplist repeat fewer exact words, so raw overlap runs lower everywhere in them;
    scaling by the median overlap of the prose makes the thresholds mean the same in every
    language. A document whose prose hardly repeats itself at all (a list of products, a
    digest of unrelated items) has no single topic to be off: there overlap is unknown.
    """
    values = sorted(v for k in prose if (v := out[k]) is not None)
    median = values[len(values) // 2] if values else 0.0
    if len(values) < p.min_prose or median < p.min_median_overlap:
        return [None] * len(out)
    if median >= p.typical_overlap:
        return out
    factor = p.typical_overlap / median
    for k, v in enumerate(out):  # in place: a second list of floats a line
        if v is not None:
            out[k] = shared(min(1.0, v * factor))
    return out


@dataclass(frozen=True, slots=True)
class _Spread:
    """The source lines' words by how many source lines hold them.

    A word of a line is a hit when some source line other than the line and its two
    neighbours (those that are source lines) holds it. So a word in four or more source
    lines is a hit from any line, and the others miss when the line and its neighbours
    hold every copy: that is a few set intersections per line, done in C, instead of
    counting neighbours word by word.
    """

    seen: set[str]  # in one source line or more
    once: set[str]  # in exactly one
    twice: set[str]  # in exactly two
    thrice: set[str]  # in exactly three

    @staticmethod
    def of(contents: Iterable[Stems]) -> _Spread:
        """Count with set operations, per line rather than per word."""
        one: set[str] = set()  # the words of one line or more so far
        two: set[str] = set()  # of two or more
        three: set[str] = set()
        four: set[str] = set()
        for c in contents:  # the highest first: each reads the count before this line
            four.update(three.intersection(c))
            three.update(two.intersection(c))
            two.update(one.intersection(c))
            one.update(c)
        return _Spread(one, one - two, two - three, three - four)

    def hits(self, content: Stems) -> int:
        """How many of ``content``'s words some source line holds."""
        return len(self.seen.intersection(content))

    def missed(self, content: Stems, before: Stems, after: Stems, own: bool) -> int:
        """How many of ``content``'s words only the line (when ``own``: it is a source line)
        and its source neighbours ``before`` and ``after`` hold."""
        twice = self.twice.intersection(content)
        if own:  # the line holds one copy of each of its words
            thrice = self.thrice.intersection(content)
            return (
                len(self.once.intersection(content))
                + _in_either(twice, before, after)
                + (len(thrice.intersection(before, after)) if thrice else 0)
            )
        once = self.once.intersection(content)
        return _in_either(once, before, after) + (
            len(twice.intersection(before, after)) if twice else 0
        )


def _in_either(words: set[str], before: Stems, after: Stems) -> int:
    """How many of ``words`` ``before`` or ``after`` holds."""
    return len(words) - len(words.difference(before, after)) if words else 0
