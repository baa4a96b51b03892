"""Stage 3 of the scorer, second half: what surrounds the article.

Inside the article short lines are subheads and stay. Walking outward from it, what sits
next to it (title, byline, tables, lists) stays until the rest of that side is mostly
junk-like; from there on it is page furniture. What its own paragraphs found again
farther out enclose is the article's too (an introduction, a checklist, the body). A
tail of off-topic headlines with or without teasers is a related-stories list, and so is
a bulleted run of capitalised headlines, on-topic or not; runs of very short lines are
menus. Every walk is linear in the number of lines.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .assessment import Assessments, Region, Side
from .features import FeatureTable
from .heuristics import SHORT_LINE_WORDS, Params
from .lineclass import LineClass
from .result import Kind
from .span import Span, linked_headline, off_headline
from .structure import Structure

# Kinds that mark the end of the article's surroundings (see ``_outside``).
BARRIERS = frozenset({Kind.RELATED, Kind.NAVIGATION, Kind.COMMENTS, Kind.LEGAL, Kind.SUBSCRIBE})
# Kinds that only page furniture has: one of them on a side of the article shows that the
# junk-looking lines there are furniture rather than the article's own fact box.
FURNITURE = BARRIERS | {Kind.SHARE, Kind.ADVERTISEMENT}
# Furniture that, named by a rule or the markup, separates the article's own lists from
# the page's: ads are left out, since pages set them between an article's paragraphs.
NAMED = FURNITURE - {Kind.ADVERTISEMENT}
# The blocks an extractor keeps right under the article (a share line, a newsletter
# prompt, a list of other stories, the comments), often just below the article's own
# last list: after an extractor's output they show nothing of the lines above them. The
# rest of the furniture (menus, legal lines, ads) is the page's chrome, which does.
ADJACENT = frozenset({Kind.SHARE, Kind.SUBSCRIBE, Kind.RELATED, Kind.COMMENTS})


@dataclass(frozen=True, slots=True)
class FurnitureGaps:
    """Where earlier passes removed furniture: flags per gap between the lines of a view
    (before the first, between each two, after the last).

    A later pass no longer sees those lines, but the furniture walk still needs to know
    that boilerplate separated what remains from the article. ``named`` flags the gaps
    that held a barrier named by a rule or the markup (not the scorer's own guess).
    ``chrome`` and ``chrome_named`` flag the same gaps as far as they held furniture
    other than the ``ADJACENT`` blocks (see ``surroundings``).
    """

    furniture: tuple[bool, ...] = ()
    named: tuple[bool, ...] = ()
    chrome: tuple[bool, ...] = ()
    chrome_named: tuple[bool, ...] = ()

    @classmethod
    def between(
        cls,
        positions: Sequence[int],
        furniture: Sequence[int],
        named: Sequence[int] = (),
        adjacent: Sequence[int] = (),
    ) -> FurnitureGaps:
        """The gaps around the lines at ``positions`` (ascending) that hold one of the
        removed ``furniture`` (or ``named`` barrier) positions of the same document;
        ``adjacent``: those of them that are ``ADJACENT`` blocks."""
        flags, named_flags = _gap_flags(positions, furniture), _gap_flags(positions, named)
        if not adjacent:
            return cls(flags, named_flags, flags, named_flags)
        gone = frozenset(adjacent)
        return cls(
            flags,
            named_flags,
            _gap_flags(positions, [i for i in furniture if i not in gone]),
            _gap_flags(positions, [i for i in named if i not in gone]),
        )

    def farthest(
        self,
        order: Sequence[int],
        edge: int,
        side: Side,
        named: bool = False,
        chrome: bool = False,
    ) -> int:
        """The farthest position in a walk ``order`` away from the article's ``edge`` line
        that removed furniture (``named``: named furniture; ``chrome``: other than the
        ``ADJACENT`` blocks) precedes (``len(order)``: past its last line; -1: none)."""
        if chrome:
            flags = self.chrome_named if named else self.chrome
        else:
            flags = self.named if named else self.furniture
        return max(_preceded(flags, order, edge, side), default=-1)

    def nearest_named(self, order: Sequence[int], edge: int, side: Side) -> int:
        """The nearest position in the walk that a named barrier precedes (past the walk's
        end when none does)."""
        return min(_preceded(self.named, order, edge, side), default=len(order) + 1)


def _gap_flags(positions: Sequence[int], removed: Sequence[int]) -> tuple[bool, ...]:
    if not removed:
        return ()
    found = sorted(removed)
    flags = []
    j = 0
    for pos in positions:
        hit = False
        while j < len(found) and found[j] < pos:
            hit, j = True, j + 1
        flags.append(hit)
    flags.append(j < len(found))
    return tuple(flags)


def _preceded(flags: Sequence[bool], order: Sequence[int], edge: int, side: Side) -> list[int]:
    """The positions in a walk ``order`` away from ``edge`` that a flagged gap precedes.

    ``flags[k]`` is the gap just before line k; the gaps between two neighbours of the
    walk (or the edge and its first line) precede the position of the farther one.
    """
    if not any(flags):
        return []
    cum = [0]
    for flag in flags:
        cum.append(cum[-1] + flag)
    found = []
    prev = edge
    ends = [*order, -1 if side is Side.BEFORE else len(flags) - 1]
    for n, k in enumerate(ends):
        lo, hi = sorted((prev, k))
        if cum[hi + 1] - cum[lo + 1] > 0:  # gaps before lines lo+1 .. hi
            found.append(n)
        prev = k
    return found


def surroundings(
    feats: FeatureTable,
    out: Assessments,
    removed: Sequence[Kind | None],
    idx: Sequence[int],
    span: Span,
    gaps: FurnitureGaps,
    structure: Sequence[Structure | None],
    known: bool,
    p: Params,
) -> None:
    """Judge the lines around the article's ``span`` (and headlines slotted inside it);
    ``idx`` holds the positions of the lines not ``removed``, ascending.

    Lines of the article's own structures (``structure``: lists, code, records) next to
    it, and the lines around it that its own paragraphs enclose (``_enclosed``), are
    neither menus, nor teasers, nor furniture (see ``_named_at``). ``known``: the
    document has a topic (enough prose on one subject); without one, no line is off it."""
    # Positions as slices of ``idx`` or ranges: an int object a line, in each of these,
    # cost a large record its size again.
    first, last = span
    for k in idx:
        out.region[k] = Region.HEAD if k < first else Region.TAIL if k > last else Region.BODY
    lo, hi = bisect_left(idx, first), bisect_right(idx, last)  # ``idx`` ascends
    head, body, tail = idx[:lo], idx[lo:hi], idx[hi:]
    before = range(first - 1, -1, -1)
    after = range(last + 1, len(feats))
    reach_before = _named_at(before, removed, gaps, first, Side.BEFORE)
    reach_after = _named_at(after, removed, gaps, last, Side.AFTER)
    kept = {k for k in before[:reach_before] if structure[k] is not None}
    kept |= {k for k in after[:reach_after] if structure[k] is not None}
    free = [k not in kept for k in range(len(feats))]
    if p.furniture.enclosed:
        # Contiguous stretches next to the article: slices, not a set of their lines.
        n = _enclosed(before, reach_before, feats, out, removed, p)
        free[first - n : first] = [False] * n
        n = _enclosed(after, reach_after, feats, out, removed, p)
        free[last + 1 : last + 1 + n] = [False] * n
    # The text is a page's, not an extractor's output that holds the article alone: a
    # line above the article that a rule or the markup named as furniture (a site's menu,
    # a "Skip to content" link). Without one, a run of short lines after the article is
    # as likely the article's own list (names, items) as a menu, unless a named barrier
    # (a "Related" heading, the comments) stands between them. Furniture at the
    # article's end tells nothing of what comes before it: extractors often keep a share
    # line or a "Related:" link there.
    page = reach_before <= len(before)
    past = after[reach_after] if reach_after < len(after) else len(feats)
    if p.lists.menus:
        _menus(head, feats, out, free, p)
        _menus(tail if page else [k for k in tail if k >= past], feats, out, free, p)
    if p.lists.story_lists:
        article_words = sum(feats.words[k] for k in body)
        paired = _paired(body, feats, out, p)
        # A headline is off a topic only when there is one; without, a page's named
        # furniture still shows that what follows the article is the page's.
        furnished = known or page
        _related_tail(tail, feats, out, free, paired, furnished, page, past, article_words, p)
        _bulleted_headlines(tail, feats, out, free, structure, article_words, p)
        _capital_headlines(body, feats, out, p)
    named = p.furniture.named_only
    for order, edge, side in ((before, first, Side.BEFORE), (after, last, Side.AFTER)):
        # After an extractor's output only the page's chrome shows that the lines above it
        # are furniture, not the blocks an extractor keeps under the article (``ADJACENT``).
        chrome = side is Side.AFTER and not page
        barrier = gaps.farthest(order, edge, side, named, chrome)
        _outside(order, feats, out, removed, barrier, free, side, p, chrome)


def _named_at(
    order: Sequence[int],
    removed: Sequence[Kind | None],
    gaps: FurnitureGaps,
    edge: int,
    side: Side,
) -> int:
    """How far a walk ``order`` away from the article's ``edge`` line goes before a barrier
    named by a rule or the markup (``NAMED``; removed in this pass, or by an earlier one,
    a gap of ``gaps``): the index of the first line past it, ``len(order)`` when it is
    the walk's last, more when there is none.

    The structure lines before it are the article's own lists, code and records; past
    it, a list is the page's (a menu, a list of stories)."""
    limit = gaps.nearest_named(order, edge, side)
    for n, k in enumerate(order[:limit]):
        if removed[k] in NAMED:
            return n
    return limit


def _enclosed(
    order: Sequence[int],
    reach: int,
    feats: FeatureTable,
    out: Assessments,
    removed: Sequence[Kind | None],
    p: Params,
) -> int:
    """How many lines of a walk ``order`` away from the article lie between it and the
    farthest of its own paragraphs (a whole paragraph on the article's topic) found there
    before a named barrier (``reach``, see ``_named_at``), when the article's prose shows
    up ``furniture.enclosed_min_prose`` times or more up to that paragraph.

    The article goes on past the lines between, so they are its own lists, labels and
    records, however junk-like they look (a checklist between an article's introduction
    and its body), not furniture. One paragraph alone past junk-like lines is more likely
    the standfirst above a sidebar, or a site's blurb above its menus. After the article,
    its comments are prose on its topic too: a comment section's heading or form, which
    rules name, is the barrier there.
    """
    far = found = enclosing = 0
    for n, k in enumerate(order[:reach]):
        if removed[k] is not None or not out.cls[k].prose or not out.on_topic(k, p.topic):
            continue
        found += 1
        if feats.terminal[k] != 0 and feats.words[k] >= p.topic.core_min_words:
            far, enclosing = n, found
    return far if enclosing >= p.furniture.enclosed_min_prose else 0


def _outside(
    order: Sequence[int],
    feats: FeatureTable,
    out: Assessments,
    removed: Sequence[Kind | None],
    barrier: int,
    free: Sequence[bool],
    side: Side,
    p: Params,
    chrome: bool = False,
) -> None:
    """Lines before or after the article, walked outward from it.

    Next to the article sit its title, standfirst, byline, tables and lists: those stay.
    The page furniture starts at the first junk-like line from which on the rest of that
    side is mostly junk-like (menus, debris, off-topic headlines, blocks already removed
    as navigation, related, comments...). From there on only prose that is not off the
    article's topic, tables, and the article's own structures (lines not ``free``) stay.

    Lines that merely look like junk (dates, prices, names, a phone number) are furniture
    only when lines of a FURNITURE kind (menus, related lists, comments, legal, subscribe,
    share or ad lines) sit among them or beyond them: without one they are the article's
    own fact box, which an extractor's output often ends with. ``barrier`` is the farthest
    position in ``order`` that furniture removed by an earlier pass reaches (-1: none);
    this pass's own such lines are added to it. ``chrome``: the ``ADJACENT`` kinds are no
    such lines.
    """
    evidence = NAMED if p.furniture.named_only else FURNITURE
    if chrome:
        evidence = evidence - ADJACENT
    flags: list[bool | None] = []  # junk-like, or None for lines removed but not barriers
    for n, k in enumerate(order):
        kind = removed[k] or out.kind[k]
        if kind is not None:
            flags.append(True if kind in BARRIERS else None)
            if (removed[k] or (None if p.furniture.named_only else out.kind[k])) in evidence:
                barrier = max(barrier, n)
            continue
        flags.append(
            free[k]
            and not feats.table[k]
            and not out.on_topic(k, p.topic)
            and (
                out.cls[k] is LineClass.BAD
                or feats.menu_like[k] != 0
                or (out.off_topic(k, p.topic) and feats.headline_like[k] != 0)
            )
        )
    start = _furniture_start(flags, p)
    if start is None or barrier < start:
        return
    for k in order[start:]:
        if removed[k] is not None or out.kind[k] is not None or not free[k]:
            continue
        if (
            (out.cls[k].prose and not out.off_topic(k, p.topic))
            or feats.table[k]
            or _lead(feats, k, out, side, p)
        ):
            continue
        menu = feats.words[k] <= SHORT_LINE_WORDS or out.cls[k] is LineClass.BAD
        out.judge(
            k,
            Kind.NAVIGATION if menu else Kind.RELATED,
            p.furniture.score,
            f"{side} the article, past boilerplate that separates it from the article "
            f"(overlap with the article {out.overlap_text(k)})",
            side_kind=True,
        )


def _lead(feats: FeatureTable, k: int, out: Assessments, side: Side, p: Params) -> bool:
    """Before the article, a whole paragraph is the article's own, whatever its topic:
    one of at least ``core_min_words`` that ends its sentence, or holds two (the last
    without its stop, or with a sign-off after it such as the author's initials). The
    junk above an article is menus, labels and short teasers, while a short article's
    lead may share few words with the longer prose the span took for the article (a
    page's blurbs, its comments)."""
    return (
        side is Side.BEFORE
        and out.cls[k].prose
        and (feats.terminal[k] != 0 or feats.sentences[k] != 0)
        and feats.words[k] >= p.topic.core_min_words
    )


def _furniture_start(flags: Sequence[bool | None], p: Params) -> int | None:
    """Where page furniture begins in a walk away from the article, if anywhere.

    The earliest junk-like position from which on at least ``furniture.share`` of the
    judged lines are junk-like, over at least ``furniture.min_run`` of them. One pass
    from the far end.
    """
    start = None
    junk = judged = 0
    for n in range(len(flags) - 1, -1, -1):
        flag = flags[n]
        if flag is None:
            continue
        judged += 1
        junk += flag
        if flag and junk >= p.furniture.min_run and junk / judged >= p.furniture.share:
            start = n
    return start


def _menus(
    region: Sequence[int],
    feats: FeatureTable,
    out: Assessments,
    free: Sequence[bool],
    p: Params,
) -> None:
    """Runs of very short lines outside the article: menus, tag lists, breadcrumbs. A
    run's last line right over a paragraph that takes up its words is that paragraph's
    headline or subhead (the article's first, under a site's menu or a table of
    contents), not the menu's last entry."""
    for run in _runs(region, lambda k: free[k] and _menu_entry(feats, k)):
        if len(run) >= p.lists.menu_min_run and not _on_topic_run(run, out, p):
            entries = run[:-1] if over_prose(run[-1], feats, out) else run
            for k in entries:
                out.judge(
                    k,
                    Kind.NAVIGATION,
                    p.lists.menu_score,
                    f"outside the article, in a run of {len(run)} very short lines (a menu)",
                )


def over_body_prose(k: int, feats: FeatureTable, assessed: Assessments) -> bool:
    """The line after ``k`` is prose of the article's body that takes up line k's words
    (what both a subhead and the article's headline stand over)."""
    return over_prose(k, feats, assessed) and assessed.region[k + 1] is Region.BODY


def over_prose(k: int, feats: FeatureTable, assessed: Assessments) -> bool:
    """The line after ``k`` is a paragraph of prose that takes up line k's words."""
    after = k + 1
    return (
        after < len(feats)
        and assessed.cls[after] is LineClass.GOOD
        and not set(feats.content[k]).isdisjoint(feats.content[after])
    )


def _menu_entry(feats: FeatureTable, k: int) -> bool:
    """Very short, no sentence, not a number or table row, and no lead-in (a line ending
    in a colon introduces what follows it): a menu entry or a tag."""
    return (
        feats.words[k] <= SHORT_LINE_WORDS
        and not feats.terminal[k]
        and not feats.colon_end[k]
        and not feats.numeric[k]
        and not feats.table[k]
    )


def _on_topic_run(run: Sequence[int], out: Assessments, p: Params) -> bool:
    """A run of short lines half of which (two at least) repeat the article's words is the
    article's own list (a meal plan's items, a spec sheet), not the site's menu."""
    return half_of(run, lambda k: out.on_topic(k, p.topic))


def half_of(items: Sequence[int], test: Callable[[int], bool]) -> bool:
    """At least half of ``items``, and two at least, pass ``test``."""
    passed = sum(1 for k in items if test(k))
    return passed >= 2 and passed * 2 >= len(items)


def _related_tail(
    tail: Sequence[int],
    feats: FeatureTable,
    out: Assessments,
    free: Sequence[bool],
    paired: bool,
    furnished: bool,
    page: bool,
    past: int,
    article_words: int,
    p: Params,
) -> None:
    """After the article: a list of off-topic headlines, with or without teasers.

    The list starts at the earliest line from which on at least ``tail_junk_share`` of
    the lines are junk-like and two or more are off-topic headlines. Lines between the
    article's last paragraph and that start stay: tables, lists and on-topic lines after
    the prose are part of the article more often than not. The list starts at one of its
    items, a headline or a teaser under one: a sentence with no headline above it is no
    teaser, and is the article's last, however few of its words it shares.

    A headline is off-topic only against a topic. When the document has none (too little
    prose, or a digest) and no named furniture shows that it is a page's text rather
    than an extractor's output (``furnished`` false), a headline is another story's only
    when it links away or stands past a named barrier (at ``past`` or later): by its
    shape alone it may as well be an item of the article's own list (a feature, a title,
    a fixture), which an extractor's output often ends with. In an extractor's output,
    so is a headline too short for its topic to be weighed (its overlap unknown) with no
    teaser under it: the list needs ``tail_min_headlines`` that show another story.

    In an extractor's output (``page`` false: no furniture named above the article), a
    list of headlines without teasers that its shape alone shows (no barrier named before
    it) needs headlines that tell stories (``terse``, ``tail_story_words``). In a page's
    text, a list before the barrier under which the article goes on (``_going_on``) needs
    ``tail_min_headlines`` of its own that show another story: the headlines past the
    barrier do not vouch for it.
    """
    q = p.lists
    tail = [k for k in tail if out.kind[k] is None]
    heads_at = [
        free[k]
        and off_headline(feats, k, out, p)
        and (furnished or k >= past or linked_headline(feats, k, p))
        for k in tail
    ]
    shaped_at = [feats.headline[k] for k in tail]
    junk = heads = weighed = shaped = 0
    shown: set[int] = set()  # headlines that show another story, whatever the input
    teaser_after = False  # the line after this one is a teaser (the loop runs backwards)
    start = None
    share = 0.0
    count = 0
    junky: set[int] = set()
    items: set[int] = set()  # the list's headlines and teasers
    for n in range(len(tail) - 1, -1, -1):
        rest = len(tail) - n  # lines from here to the end
        k = tail[n]
        teaser = (
            n > 0
            and shaped_at[n - 1]
            and out.cls[k].prose
            and (not paired or feats.words[k] <= q.teaser_max_words)
            and not out.on_topic(k, p.topic)
            and free[k]
        )
        junkish = (
            heads_at[n]
            or teaser
            or (out.cls[k].prose and out.off_topic(k, p.topic) and not out.wrapped[k])
            or feats.words[k] == 0
        )
        junk += junkish
        heads += heads_at[n]
        # A headline of another story shows it: its words are off the article's, a teaser
        # follows it, it links away or stands past a barrier. One too short to weigh,
        # alone, shows nothing; in a page's text it counts towards the list (``weighed``)
        # all the same, furniture being named above the article.
        shows = heads_at[n] and (
            out.overlap[k] is not None or teaser_after or k >= past or linked_headline(feats, k, p)
        )
        if shows:
            shown.add(k)
        weighed += bool(shows or (page and heads_at[n]))
        teaser_after = bool(teaser)
        shaped += shaped_at[n]
        if junkish:
            junky.add(k)
        if heads_at[n] or teaser:
            items.add(k)
        if (
            junkish
            and (heads_at[n] or teaser)  # the list starts at one of its items
            and heads >= q.tail_min_headlines
            and weighed >= q.tail_min_headlines
            and junk / rest >= q.tail_junk_share
            and shaped / rest >= q.tail_headline_share
        ):
            start = k
            share = junk / rest
            count = heads
    if start is None:
        return
    first = tail.index(start)
    if _listing([k for k in tail[first:] if k in items], feats, article_words, p):
        return
    # Its part before a named barrier (past it, the lines are the page's anyway, and a
    # comment section reads as teasers).
    listed = [(k, head) for k, head in zip(tail[first:], heads_at[first:], strict=True) if k < past]
    headlines = [k for k, head in listed if head]
    teasers = any(k in items for k, head in listed if not head)
    if start < past and (
        (not page and not teasers and terse(headlines, feats, q.tail_story_words))
        or (
            page
            and len(shown.intersection(headlines)) < q.tail_min_headlines
            and _going_on([k for k, _ in listed], feats, out) is not None
        )
    ):
        # The article's own list: an extractor's output ends with a list that names
        # things; in a page's text, the article goes on under the list, and too few of
        # its headlines show another story (those past the barrier vouched for them).
        # What stands past the barrier is still the page's.
        first = next((n for n in range(first, len(tail)) if tail[n] >= past), len(tail))
    elif first > 0 and _label_over(tail[first - 1], tail[first], feats, out, free, p):
        first -= 1  # the list's own heading ("Markets", "More news")
    going_on = _going_on(tail[first:], feats, out)
    for n in range(first, len(tail)):
        k = tail[n]
        # The list as a whole is judged: every headline in it and every teaser under a
        # headline goes, whatever its own topic; other shapes (tables, long paragraphs)
        # are judged on their own.
        shaped_here = feats.headline_like[k] or (
            n > first and feats.headline_like[tail[n - 1]] and k != going_on
        )
        if k not in junky and not (shaped_here and feats.words[k] <= q.teaser_max_words):
            continue
        out.judge(
            k,
            Kind.RELATED,
            round(q.tail_score_base + q.tail_score_weight * share, 3),
            f"after the article's end, in a list of {count} off-topic headlines "
            f"and teasers (overlap {out.overlap_text(k)})",
        )


def _going_on(listed: Sequence[int], feats: FeatureTable, out: Assessments) -> int | None:
    """The sentence under the list's last headline that is no teaser (None if there is
    none): the only sentence in the list under a headline, with no headline after it. The
    list's headlines had no teasers and it ended; the sentence is the article going on
    after a box of links inside it."""
    under = [
        n
        for n in range(1, len(listed))
        if out.cls[listed[n]].prose and feats.headline_like[listed[n - 1]]
    ]
    if len(under) != 1 or any(feats.headline_like[k] for k in listed[under[0] + 1 :]):
        return None
    return listed[under[0]]


def _label_over(
    k: int, below: int, feats: FeatureTable, out: Assessments, free: Sequence[bool], p: Params
) -> bool:
    """Line ``k``, right above line ``below``, is a short label with no sentence in it: the
    heading of the list that starts there. A label in the article's words is the article's
    own (its list's last item, a subhead), not the heading of another list."""
    return (
        k + 1 == below
        and free[k]
        and out.kind[k] is None
        and feats.headline_like[k] != 0
        and feats.words[k] <= SHORT_LINE_WORDS
        and not out.on_topic(k, p.topic)
    )


def terse(lines: Sequence[int], feats: FeatureTable, story_words: float) -> bool:
    """Lines too short, on average, to tell a story (fewer than ``story_words`` words; none
    at all are not): they name things, as the items of the article's own list do."""
    return sum(feats.words[k] for k in lines) < story_words * len(lines)


def _listing(listed: Sequence[int], feats: FeatureTable, article_words: int, p: Params) -> bool:
    """A list found by its shape alone that outweighs the article (``tail_listing_ratio``
    times its words) is the page's content: a listing page's items, a forum's threads,
    after a short introduction the span took for the article."""
    return sum(feats.words[k] for k in listed) > article_words * p.lists.tail_listing_ratio


def _paired(body: Sequence[int], feats: FeatureTable, out: Assessments, p: Params) -> bool:
    """The article itself is told in headed paragraphs: off-topic headlines (a product's,
    an album's name) each over a paragraph, ``body_pairs`` times or more. After it, the
    same shape with a paragraph too long for a teaser is the article going on."""
    pairs = sum(
        1
        for k, j in pairwise(body)
        if j == k + 1 and off_headline(feats, k, out, p) and out.cls[j].prose
    )
    return pairs >= p.lists.body_pairs


def _bulleted_headlines(
    tail: Sequence[int],
    feats: FeatureTable,
    out: Assessments,
    free: Sequence[bool],
    structure: Sequence[Structure | None],
    article_words: int,
    p: Params,
) -> None:
    """After the article: a bulleted run of capitalised headlines is a "more on this" list.

    Such lists name the site's other stories on the same subject, so they share the
    article's words and the topic test cannot catch them; their shape does: every entry a
    bullet, four words or more, in title case, no sentence punctuation. An article's own
    list after its prose is announced by a line ending in a colon or headed by a line of
    its own that no rule names ("Key Features", ``_headed``), its entries are sentences,
    names or quantities rather than capitalised headlines, or they fill in one template
    (records, ``structure``).
    """
    q = p.lists
    entries = _runs(
        tail,
        lambda k: (
            out.kind[k] is None
            and (free[k] or structure[k] is Structure.LIST)
            and structure[k] is not Structure.RECORD
            and _bulleted_headline(feats, k, p)
        ),
    )
    for run in entries:
        if (
            len(run) >= q.bullet_list_min
            and not _announced(run[0], feats)
            and not _headed(run[0], feats, free)
            and not _listing(run, feats, article_words, p)
        ):
            for k in run:
                out.judge(
                    k,
                    Kind.RELATED,
                    q.headline_score,
                    f"after the article, in a bulleted list of {len(run)} capitalised "
                    "headlines: links to more stories",
                )


def _bulleted_headline(feats: FeatureTable, k: int, p: Params) -> bool:
    """A bulleted line shaped as one story's headline: capitalised, a few words, one
    phrase (not a list of things, not sentences), no link text."""
    return (
        feats.bullet[k] != 0
        and feats.headline_like[k] != 0
        and feats.words[k] >= p.lists.bullet_headline_words
        and not feats.url[k]
        and feats.headline_cased[k] != 0
        and not feats.enumeration[k]
        and not feats.sentences[k]
    )


def _headed(first: int, feats: FeatureTable, free: Sequence[bool]) -> bool:
    """The line before ``first`` is the list's own heading ("Key Features", "What Is New
    In This Model"): a capitalised line with no sentence in it that is one of the
    article's structures (``free`` false: before any barrier a rule or the markup names).
    A list of other stories has a heading that a rule names ("More on this story"), or
    none, or stands past such a barrier."""
    k = first - 1
    return (
        k >= 0
        and not free[k]
        and not feats.bullet[k]
        and not feats.opens_lower[k]
        and feats.headline_like[k] != 0
        and feats.words[k] > 0
    )


def _announced(first: int, feats: FeatureTable) -> bool:
    """The line before ``first`` introduces a list (ends in a colon)."""
    return first > 0 and feats.colon_end[first - 1] != 0


def _capital_headlines(
    body: Sequence[int], feats: FeatureTable, out: Assessments, p: Params
) -> None:
    """Inside the article: a long headline set in capitals and off the article's topic.

    Some sites slot links to their other stories between an article's paragraphs, in
    capitals. The article's own subheads in capitals are a few words, or on its topic.
    A line that is one link (HTML input) is left to decide's promotion check, whose
    evidence, the link, is the stronger.
    """
    q = p.lists
    for k in body:
        if (
            out.kind[k] is None
            and feats.words[k] >= q.caps_headline_words
            and feats.upper_share[k] >= q.caps_share
            and feats.headline[k]
            and feats.link_share[k] < q.linked
            and out.overlap[k] is not None
            and not out.on_topic(k, p.topic)
        ):
            out.judge(
                k,
                Kind.RELATED,
                q.headline_score,
                f"a headline in capitals inside the article, off its topic (overlap "
                f"{out.overlap[k]:.2f}): a link to another story",
            )


def _runs(region: Sequence[int], member: Callable[[int], bool]) -> Iterator[list[int]]:
    """The maximal runs of consecutive lines of ``region`` that are members."""
    run: list[int] = []
    for k in region:
        if member(k):
            run.append(k)
        elif run:
            yield run
            run = []
    if run:
        yield run
