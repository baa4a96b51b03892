"""The heuristic scorer: what rules cannot list, judged from lines' shapes and context.

Three stages, as in jusText:

1. Context-free (``lineclass``): each line alone gets a class from its shallow features:
   ``good`` (prose), ``near`` (a short sentence), ``short`` (a title, subhead, headline or
   menu entry) or ``bad`` (link, number or keyword debris).
2. Topic (``topic``): each line's overlap with the words of the rest of the document's
   prose, leaving out its immediate neighbours.
3. Context (``span``, ``regions``): the article is the densest run of on-topic prose,
   found once; overlap is then measured again against the article's own words, and the
   article found again. Around it, page furniture, menus and lists of other stories.

``assess`` is pure: it reads a document view and returns the ``Assessments`` of its lines.
Every stage is linear in the number of lines, so a document ten times longer costs ten
times the time.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import compress, repeat
from operator import is_

from .assessment import Assessments
from .document import DocView
from .heuristics import Params
from .lineclass import classify, unwrap
from .regions import FurnitureGaps, surroundings
from .result import Kind
from .span import densest_span, labelled_edges
from .topic import overlaps


def assess(
    view: DocView,
    removed: Sequence[Kind | None],
    has_stoplist: bool,
    gaps: FurnitureGaps,
    p: Params,
) -> Assessments:
    """Assess every line of ``view``; ``removed`` has the kind of the lines already
    removed (by rules, duplicates, captions, markup), which are left out of the topic and
    the article's span. ``gaps`` tells where earlier passes removed furniture."""
    feats = view.feats
    classes = classify(feats, has_stoplist, p.lines)
    wrapped = unwrap(feats, view.after_blank, classes, p.lines)
    out = Assessments(classes, wrapped)
    del wrapped  # in ``out`` now, a byte a line: a list a line less at the peak to come
    # The lines left, as machine integers (not an int object each), for every stage.
    live = array("q", compress(range(len(feats)), map(is_, removed, repeat(None))))
    found = overlaps(feats, classes, live, p.topic)
    known = _any_known(found)  # the document has a topic to be off from
    _set_overlaps(out, found)
    # A second look: once the article is located, judge every line against the article's
    # own words rather than the whole page's (sidebars share generic words).
    span = densest_span(feats, out, live, p)
    if span is not None:
        found = overlaps(feats, classes, live, p.topic, within=span)
        known = known or _any_known(found)
        _set_overlaps(out, found)
    del found
    span = densest_span(feats, out, live, p)
    if span is not None:
        edges = labelled_edges(span, live, feats, p.span)
        surroundings(feats, out, removed, live, edges, gaps, view.structure, known, p)
    return out


def _any_known(found: list[float | None] | None) -> bool:
    """Whether ``topic`` found the overlap of any line: none when the document has too
    little prose, or prose with no single topic (a digest)."""
    return found is not None and found.count(None) < len(found)


def _set_overlaps(out: Assessments, found: list[float | None] | None) -> None:
    """Take the overlaps ``topic`` found (None: too little prose; keep what is known)."""
    if found is not None:
        assert len(found) == len(out)
        out.overlap = found
