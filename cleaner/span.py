"""Stage 3 of the scorer, first half: where the article is.

The article is the densest run of on-topic prose: a maximum-sum segment over the lines'
weights, as in boilerpipe, found in one linear pass (Kadane). Prose pulls in, more so
when long and on-topic; debris and off-topic headlines push out, gently enough that a
subhead or a table inside the article does not split it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .assessment import Assessments
from .features import FeatureTable
from .heuristics import ListParams, Params, SpanParams, TopicParams
from .lineclass import LineClass

Span = tuple[int, int]  # first and last position of the article's lines


def densest_span(
    feats: FeatureTable, out: Assessments, idx: Sequence[int], p: Params
) -> Span | None:
    """First and last position (of ``idx``'s) of the densest run of on-topic prose."""
    start, end = densest_run(weights(feats, out, idx, p))
    if start is None or end is None:
        return None
    return idx[start], idx[end]


def weights(feats: FeatureTable, out: Assessments, idx: Sequence[int], p: Params) -> list[float]:
    """Each line's pull towards being inside the article."""
    ws = [weight(out, feats, k, p.span, p.topic) for k in idx]
    for n in range(1, len(idx)):
        # A sentence under another story's headline is its teaser until proven on-topic.
        k, prev = idx[n], idx[n - 1]
        if off_headline(feats, prev, out, p) and teaser_like(feats, k, out, p.lists):
            ws[n] = min(ws[n], p.span.teaser_weight)
    return ws


def weight(out: Assessments, feats: FeatureTable, k: int, p: SpanParams, t: TopicParams) -> float:
    """Line ``k``'s pull towards being inside the article, for the densest-run search.

    Prose pulls in, more so when it shares the article's words; clearly off-topic prose,
    debris and short lines push out, gently enough that a subhead or a table inside the
    article does not split it.
    """
    if feats.table[k]:
        return 0.0
    if out.cls[k].prose:
        # Long paragraphs weigh more: the article is where the long prose is, while
        # teasers in a sidebar are prose too, but one or two short sentences each.
        full = (
            min(p.prose_weight_cap, feats.words[k] / p.prose_weight_words)
            if out.cls[k] is LineClass.GOOD
            else p.near_weight
        )
        if out.overlap[k] is None:
            return p.unknown_topic_share * full
        if out.on_topic(k, t):
            return full
        return p.undecided_topic_share * full if not out.off_topic(k, t) else p.off_topic_weight
    if out.cls[k] is LineClass.BAD:
        return p.debris_weight
    return p.off_headline_weight if feats.headline[k] and out.off_topic(k, t) else p.short_weight


def densest_run(ws: Sequence[float]) -> tuple[int | None, int | None]:
    """The maximum-sum segment (Kadane), earliest on ties; None when nothing is positive."""
    best_span: tuple[int | None, int | None] = (None, None)
    best = 0.0
    run, run_start = 0.0, 0
    for k, w in enumerate(ws):
        if run <= 0:
            run, run_start = w, k
        else:
            run += w
        if run > best:
            best, best_span = run, (run_start, k)
    return best_span


def off_headline(feats: FeatureTable, k: int, out: Assessments, p: Params) -> bool:
    """Line ``k`` is a headline that does not share the article's words, or links away:
    another story's."""
    if out.wrapped[k]:
        return False
    if linked_headline(feats, k, p):
        return True
    return bool(feats.headline[k]) and (out.overlap[k] is None or out.off_topic(k, p.topic))


def linked_headline(feats: FeatureTable, k: int, p: Params) -> bool:
    """Line ``k`` is a headline whose text is a link (HTML input): it leads to another
    page."""
    return bool(feats.headline_like[k]) and feats.link_share[k] >= p.lists.linked


def teaser_like(feats: FeatureTable, k: int, out: Assessments, p: ListParams) -> bool:
    """Line ``k`` is one or two sentences that do not clearly belong to the article."""
    overlap = out.overlap[k]
    return (
        out.cls[k].prose
        and not out.wrapped[k]
        and feats.words[k] <= p.teaser_max_words
        and (overlap is None or overlap < p.teaser_on_topic)
    )


def labelled_edges(span: Span, idx: Sequence[int], feats: FeatureTable, p: SpanParams) -> Span:
    """The article's span, grown over the lines next to it that open with a label used
    twice or more inside it: an interview's "Q:" and "A:", a transcript's speakers.

    Short answers far from the article's topic ("A: Trip to Disney World") would otherwise
    read as off-topic lines after the article's end.
    """
    first, last = span
    label = feats.label
    counts = Counter(label[k] for k in idx if first <= k <= last and label[k])
    labels = {label for label, n in counts.items() if n >= p.label_min_uses}
    if not labels:
        return span
    for k in (k for k in reversed(idx) if k < first):
        if label[k] not in labels:
            break
        first = k
    for k in (k for k in idx if k > last):
        if label[k] not in labels:
            break
        last = k
    return first, last
