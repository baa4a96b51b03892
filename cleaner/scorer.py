"""The heuristic scorer: what rules cannot list.

Three stages, as in jusText:

1. Context-free: each line alone gets a class from its shallow features: ``good`` (prose),
   ``near`` (a short sentence), ``short`` (a title, subhead, headline or menu entry) or
   ``bad`` (link, number or keyword debris). Captions are recognised here by their shape.
2. Topic: each line's content words are looked up in the rest of the document's prose,
   leaving out its immediate neighbours (a headline and its own teaser share words, but a
   list of unrelated stories shares none with the article). That gives ``overlap``.
3. Context: the article is the densest run of on-topic prose (a maximum-sum segment, as in
   boilerpipe), found once, then overlap is measured again against the article's own words.
   Inside the article short lines are subheads and stay. Walking outward from it, what sits
   next to it (title, byline, tables, lists) stays until the rest of that side is mostly
   junk-like; from there on it is page furniture. A tail of off-topic headlines with or
   without teasers is a related-stories list, and so is a bulleted run of capitalised
   headlines, on-topic or not; runs of very short lines are menus.

Every pass is linear in the number of lines (counters, one backward scan per side), so a
document ten times longer costs ten times the time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import regex

from .features import Features
from .result import Kind

GOOD_MIN_WORDS = 8
LONG_UNPUNCTUATED = 25
ON_TOPIC = 0.3
OFF_TOPIC = 0.15
TYPICAL_OVERLAP = 0.5
WRAPPED_MIN_WORDS = 16
MIN_MEDIAN_OVERLAP = 0.2
DETACH_RUN = 3
FURNITURE_SHARE = 0.7
TEASER_MAX_WORDS = 45
TAIL_HEADLINE_SHARE = 0.3
TEASER_ON_TOPIC = 0.5
LINKED = 0.8
PROSE_WEIGHT_WORDS = 25
PROSE_WEIGHT_CAP = 3.0
CORE_MIN_WORDS = 25  # a paragraph this long is the article's, not a teaser
TAIL_JUNK_SHARE = 0.6
MIN_CONTENT = 3
MIN_PROSE_FOR_TOPIC = 5
NAV_MAX_WORDS = 4
NAV_MIN_RUN = 4
CAPTION_MIN = 0.7
BULLET_HEADLINE_WORDS = 4
BULLET_LIST_MIN = 2
LABEL_MIN_USES = 2
CAPS_HEADLINE_WORDS = 8
CAPS_SHARE = 0.9
# Kinds that mark the end of the article's surroundings (see Scorer._outside).
_BARRIERS = frozenset({Kind.RELATED, Kind.NAVIGATION, Kind.COMMENTS, Kind.LEGAL, Kind.SUBSCRIBE})
# Kinds that only page furniture has: one of them on a side of the article shows that the
# junk-looking lines there are furniture rather than the article's own fact box.
FURNITURE = _BARRIERS | {Kind.SHARE, Kind.ADVERTISEMENT}

_MARKER = regex.compile(
    r"\((?:L|R|C|CL|CR|C-L|C-R|left|right|centre|center|top|bottom|front|back|above|below|"
    r"inset|pictured|file|\d(?:st|nd|rd|th)?\s?(?:L|R|from\s(?:left|right)))\)",
    regex.I,
)


@dataclass(slots=True)
class Assessment:
    """The scorer's view of one line; ``kind`` is set when the scorer calls it junk."""

    cls: str = "blank"
    overlap: float | None = None
    region: str = "body"
    kind: Kind | None = None
    score: float = 0.0
    reason: str = ""

    @property
    def on_topic(self) -> bool | None:
        return None if self.overlap is None else self.overlap >= ON_TOPIC


class Scorer:
    """Scores one document's lines; word lists come from the rule files' ``[lists]``."""

    def __init__(self, caption_verbs: Sequence[str] = (), months: Sequence[str] = ()) -> None:
        verbs = sorted({v.lower() for v in caption_verbs}, key=len, reverse=True)
        self._verb = (
            regex.compile(r"^(?:\S+\s){1,12}?(?:\L<verbs>)\b", regex.I, verbs=verbs)
            if verbs
            else None
        )
        month_names = sorted({m.lower() for m in months}, key=len, reverse=True)
        self._on_date = (
            regex.compile(
                r"\b(?:on|in)\s(?:\L<months>)\.?\s\d{1,2}\b|\bon\s\d{1,2}\s(?:\L<months>)\b",
                regex.I,
                months=month_names,
            )
            if month_names
            else None
        )

    def assess(
        self,
        feats: Sequence[Features | None],
        removed: Sequence[Kind | None],
        has_stoplist: bool,
        separated: Sequence[bool] | None = None,
    ) -> list[Assessment]:
        """Assess every line; ``removed`` has the kind of lines already removed by rules.

        ``separated`` (a later pass over a document's remaining lines) has one flag per gap
        (before line 0, ..., after the last line): an earlier pass removed a barrier there.
        """
        out = [Assessment() for _ in feats]
        for a, f in zip(out, feats, strict=True):
            if f is not None:
                a.cls = classify(f, has_stoplist)
        _unwrap(feats, out)
        skip = [k is not None for k in removed]
        self._topic(feats, out, skip)
        # A second look: once the article is located, judge every line against the
        # article's own words rather than the whole page's (sidebars share generic words).
        span = self._span(feats, out, removed)
        if span is not None:
            self._topic(feats, out, skip, within=span)
        self._regions(feats, out, removed, separated)
        return out

    def caption_score(self, text: str, f: Features) -> float:
        """How much a line looks like a photo caption, from its shape alone (0..1)."""
        if not 6 <= f.words <= 80:
            return 0.0
        score = 0.0
        if _MARKER.search(text):
            score += 0.45
        if self._verb is not None and self._verb.search(text) and f.title_share > 0.2:
            score += 0.25
        if self._on_date is not None and self._on_date.search(text):
            score += 0.15
        if not f.terminal:
            score += 0.15
        return score if score > 0.3 else 0.0

    # -- stage 2: topic -------------------------------------------------------------------

    def _topic(
        self,
        feats: Sequence[Features | None],
        out: list[Assessment],
        skip: Sequence[bool],
        within: tuple[int, int] | None = None,
    ) -> None:
        """Overlap of each line with the prose (of the lines in ``within``, when given:
        with their long paragraphs, when there are enough of them)."""
        idx = [i for i, f in enumerate(feats) if f is not None and not skip[i]]
        prose = [i for i in idx if out[i].cls in ("good", "near")]
        source = prose
        if within is not None:
            prose = [i for i in prose if within[0] <= i <= within[1]]
            # The article's own words are those of its long paragraphs: on a whole page the
            # densest run can take in a sidebar of headlines and one-sentence teasers,
            # and those would vouch for one another.
            core = [i for i in prose if feats[i].words >= CORE_MIN_WORDS]  # type: ignore[union-attr]
            source = core if len(core) >= MIN_PROSE_FOR_TOPIC else prose
        if len(prose) < MIN_PROSE_FOR_TOPIC:
            return  # too little text to tell on-topic from off-topic: everything is unknown
        for a in out:
            a.overlap = None
        counted = set(source)
        spread = _Spread.of(feats[i].content for i in source)  # type: ignore[union-attr]
        # What each line holds as a source line (nothing when it is not one).
        lent = [feats[i].content if i in counted else _NONE for i in idx]  # type: ignore[union-attr]
        for k, i in enumerate(idx):
            content = feats[i].content  # type: ignore[union-attr]
            if len(content) < MIN_CONTENT:
                continue
            before = lent[k - 1] if k > 0 else _NONE
            after = lent[k + 1] if k + 1 < len(lent) else _NONE
            missed = spread.missed(content, before, after, i in counted)
            out[i].overlap = (len(content & spread.seen) - missed) / len(content)
        _rescale(out, prose)

    # -- stage 3: regions -----------------------------------------------------------------

    def _span(
        self,
        feats: Sequence[Features | None],
        out: list[Assessment],
        removed: Sequence[Kind | None],
    ) -> tuple[int, int] | None:
        """First and last line index of the densest run of on-topic prose, if any."""
        idx = [i for i, f in enumerate(feats) if f is not None and removed[i] is None]
        start, end = _densest_run(self._weights(idx, feats, out))
        if start is None or end is None:
            return None
        return idx[start], idx[end]

    def _weights(
        self, idx: list[int], feats: Sequence[Features | None], out: list[Assessment]
    ) -> list[float]:
        weights = [_weight(out[i], feats[i]) for i in idx]  # type: ignore[arg-type]
        for k in range(1, len(idx)):
            # A sentence under another story's headline is its teaser until proven on-topic.
            i, prev = idx[k], idx[k - 1]
            if _off_headline(feats[prev], out[prev]) and _teaser_like(feats[i], out[i]):  # type: ignore[arg-type]
                weights[k] = min(weights[k], -0.2)
        return weights

    def _regions(
        self,
        feats: Sequence[Features | None],
        out: list[Assessment],
        removed: Sequence[Kind | None],
        separated: Sequence[bool] | None,
    ) -> None:
        span = self._span(feats, out, removed)
        if span is None:
            return
        idx = [i for i, f in enumerate(feats) if f is not None and removed[i] is None]
        first, last = _labelled_edges(span, idx, feats)
        for i in idx:
            out[i].region = "head" if i < first else "tail" if i > last else "body"
        head = [i for i in idx if i < first]
        tail = [i for i in idx if i > last]
        self._menus(head, feats, out)
        self._menus(tail, feats, out)
        self._related_tail(tail, feats, out)
        _bulleted_headlines(tail, feats, out)
        _capital_headlines([i for i in idx if first <= i <= last], feats, out)
        around = [i for i, f in enumerate(feats) if f is not None]
        before = [i for i in reversed(around) if i < first]
        after = [i for i in around if i > last]
        for order, edge, side in ((before, first, "before"), (after, last, "after")):
            barrier = -1 if separated is None else _gap_barrier(order, edge, separated, side)
            self._outside(order, feats, out, removed, barrier, side)

    def _outside(
        self,
        order: list[int],
        feats: Sequence[Features | None],
        out: list[Assessment],
        removed: Sequence[Kind | None],
        barrier: int,
        side: str,
    ) -> None:
        """Lines before or after the article, walked outward from it.

        Next to the article sit its title, standfirst, byline, tables and lists: those stay.
        The page furniture starts at the first junk-like line from which on the rest of that
        side is mostly junk-like (menus, debris, off-topic headlines, blocks already removed
        as navigation, related, comments...). From there on only prose that is not off the
        article's topic, and tables, stay. A list-shaped end of an article (a recipe's
        steps, a meal plan) keeps enough on-topic lines to stay attached.

        Lines that merely look like junk (dates, prices, names, a phone number) are furniture
        only when lines of a FURNITURE kind (menus, related lists, comments, legal,
        subscribe, share or ad lines) sit among them or beyond them: without one they are
        the article's own fact box, which an extractor's output often ends with.
        ``barrier`` is the farthest position in ``order`` that furniture removed by an
        earlier pass reaches (-1: none); this pass's own such lines are added to it.
        """
        flags: list[bool | None] = []  # junk-like, or None for lines removed but not barriers
        for p, i in enumerate(order):
            f, a = feats[i], out[i]
            assert f is not None
            kind = removed[i] or a.kind
            if kind is not None:
                flags.append(True if kind in _BARRIERS else None)
                if kind in FURNITURE:
                    barrier = max(barrier, p)
                continue
            on_topic = a.overlap is not None and a.overlap >= ON_TOPIC
            off = a.overlap is not None and a.overlap < OFF_TOPIC
            flags.append(
                not f.table
                and not on_topic
                and (a.cls == "bad" or f.menu_like or (off and f.headline_like))
            )
        start = _furniture_start(flags)
        if start is None or barrier < start:
            return
        for i in order[start:]:
            f, a = feats[i], out[i]
            assert f is not None
            if removed[i] is not None or a.kind is not None:
                continue
            off = a.overlap is not None and a.overlap < OFF_TOPIC
            if (a.cls in ("good", "near") and not off) or f.table:
                continue
            self._detach([i], feats, out, side)

    @staticmethod
    def _detach(
        lines: list[int], feats: Sequence[Features | None], out: list[Assessment], side: str
    ) -> None:
        for i in lines:
            f, a = feats[i], out[i]
            assert f is not None
            menu = f.words <= NAV_MAX_WORDS or a.cls == "bad"
            a.kind = Kind.NAVIGATION if menu else Kind.RELATED
            a.score = 0.7
            ov = "unknown" if a.overlap is None else f"{a.overlap:.2f}"
            a.reason = (
                f"{side} the article, past boilerplate that separates it from the article "
                f"(overlap with the article {ov})"
            )

    def _menus(
        self, region: list[int], feats: Sequence[Features | None], out: list[Assessment]
    ) -> None:
        """Runs of very short lines outside the article: menus, tag lists, breadcrumbs."""
        for run in _runs(region, lambda i: _menu_entry(feats[i])):  # type: ignore[arg-type]
            if len(run) >= NAV_MIN_RUN and not _on_topic_run(run, out):
                for j in run:
                    out[j].kind, out[j].score = Kind.NAVIGATION, 0.8
                    out[
                        j
                    ].reason = (
                        f"outside the article, in a run of {len(run)} very short lines (a menu)"
                    )

    def _related_tail(
        self, tail: list[int], feats: Sequence[Features | None], out: list[Assessment]
    ) -> None:
        """After the article: a list of off-topic headlines, with or without teasers.

        The list starts at the earliest line from which on at least TAIL_JUNK_SHARE of the
        lines are junk-like and two or more are off-topic headlines. Lines between the
        article's last paragraph and that start stay: tables, lists and on-topic lines
        after the prose are part of the article more often than not.
        """
        tail = [i for i in tail if out[i].kind is None]
        heads_at = [_off_headline(feats[i], out[i]) for i in tail]  # type: ignore[arg-type]
        shaped_at = [feats[i].headline for i in tail]  # type: ignore[union-attr]
        junk = heads = shaped = 0
        start = None
        junky: set[int] = set()
        for k in range(len(tail) - 1, -1, -1):
            n = len(tail) - k  # lines from here to the end
            i = tail[k]
            f, a = feats[i], out[i]
            assert f is not None
            off = a.overlap is not None and a.overlap < OFF_TOPIC
            teaser = (
                k > 0
                and shaped_at[k - 1]
                and a.cls in ("good", "near")
                and (a.overlap is None or a.overlap < ON_TOPIC)
            )
            junkish = heads_at[k] or teaser or (a.cls in ("good", "near") and off) or f.words == 0
            junk += junkish
            heads += heads_at[k]
            shaped += shaped_at[k]
            if junkish:
                junky.add(i)
            if (
                junkish
                and heads >= 2
                and junk / n >= TAIL_JUNK_SHARE
                and shaped / n >= TAIL_HEADLINE_SHARE
            ):
                start = i
                share = junk / n
                count = heads
        if start is None:
            return
        first = tail.index(start)
        for k in range(first, len(tail)):
            i = tail[k]
            f = feats[i]
            assert f is not None
            # The list as a whole is judged: every headline in it and every teaser under a
            # headline goes, whatever its own topic; other shapes (tables, long paragraphs)
            # are judged on their own.
            shaped = f.headline_like or (k > first and feats[tail[k - 1]].headline_like)  # type: ignore[union-attr]
            if i not in junky and not (shaped and f.words <= TEASER_MAX_WORDS):
                continue
            a = out[i]
            a.kind = Kind.RELATED
            a.score = round(0.5 + 0.5 * share, 3)
            ov = "unknown" if a.overlap is None else f"{a.overlap:.2f}"
            a.reason = (
                f"after the article's end, in a list of {count} off-topic headlines "
                f"and teasers (overlap {ov})"
            )


_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Spread:
    """The source lines' words by how many source lines hold them, for ``Scorer._topic``.

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
    def of(contents: Iterable[frozenset[str]]) -> _Spread:
        """Count with set operations, per line rather than per word."""
        one: set[str] = set()  # the words of one line or more so far
        two: set[str] = set()  # of two or more
        three: set[str] = set()
        four: set[str] = set()
        for c in contents:  # the highest first: each reads the count before this line
            four |= c & three
            three |= c & two
            two |= c & one
            one |= c
        return _Spread(one, one - two, two - three, three - four)

    def missed(
        self, content: frozenset[str], before: frozenset[str], after: frozenset[str], own: bool
    ) -> int:
        """How many of ``content``'s words only the line (when ``own``: it is a source line)
        and its source neighbours ``before`` and ``after`` hold."""
        twice = content & self.twice
        if own:  # the line holds one copy of each of its words
            thrice = content & self.thrice
            return (
                len(content & self.once)
                + len(twice & before | twice & after)
                + len(thrice & before & after)
            )
        once = content & self.once
        return len(once & before | once & after) + len(twice & before & after)


def _gap_barrier(order: Sequence[int], edge: int, separated: Sequence[bool], side: str) -> int:
    """The farthest position in a walk ``order`` away from the article's ``edge`` line
    that furniture removed by an earlier pass precedes (``len(order)``: past its last line;
    -1: none).

    ``separated[k]`` is the gap just before line k; the gaps between two neighbours of the
    walk (or the edge and its first line) precede the position of the farther one.
    """
    cum = [0]
    for flag in separated:
        cum.append(cum[-1] + flag)
    far = -1
    prev = edge
    ends = [*order, -1 if side == "before" else len(separated) - 1]
    for p, i in enumerate(ends):
        lo, hi = sorted((prev, i))
        if cum[hi + 1] - cum[lo + 1] > 0:  # gaps before lines lo+1 .. hi
            far = p
        prev = i
    return far


def _labelled_edges(
    span: tuple[int, int], idx: list[int], feats: Sequence[Features | None]
) -> tuple[int, int]:
    """The article's span, grown over the lines next to it that open with a label used
    twice or more inside it: an interview's "Q:" and "A:", a transcript's speakers.

    Short answers far from the article's topic ("A: Trip to Disney World") would otherwise
    read as off-topic lines after the article's end.
    """
    first, last = span
    counts = Counter(
        feats[i].label  # type: ignore[union-attr]
        for i in idx
        if first <= i <= last and feats[i].label  # type: ignore[union-attr]
    )
    labels = {label for label, n in counts.items() if n >= LABEL_MIN_USES}
    if not labels:
        return span
    for i in (i for i in reversed(idx) if i < first):
        if feats[i].label not in labels:  # type: ignore[union-attr]
            break
        first = i
    for i in (i for i in idx if i > last):
        if feats[i].label not in labels:  # type: ignore[union-attr]
            break
        last = i
    return first, last


def _bulleted_headlines(
    tail: list[int], feats: Sequence[Features | None], out: list[Assessment]
) -> None:
    """After the article: a bulleted run of capitalised headlines is a "more on this" list.

    Such lists name the site's other stories on the same subject, so they share the
    article's words and the topic test cannot catch them; their shape does: every entry a
    bullet, four words or more, in title case, no sentence punctuation. An article's own
    list after its prose is announced by a line ending in a colon, and its entries are
    sentences, names or quantities rather than capitalised headlines.
    """
    entries = _runs(tail, lambda i: out[i].kind is None and _bulleted_headline(feats[i]))  # type: ignore[arg-type]
    for run in entries:
        if len(run) >= BULLET_LIST_MIN and not _announced(run[0], feats):
            for j in run:
                out[j].kind, out[j].score = Kind.RELATED, 0.7
                out[j].reason = (
                    f"after the article, in a bulleted list of {len(run)} capitalised "
                    "headlines: links to more stories"
                )


def _capital_headlines(
    body: list[int], feats: Sequence[Features | None], out: list[Assessment]
) -> None:
    """Inside the article: a long headline set in capitals and off the article's topic.

    Some sites slot links to their other stories between an article's paragraphs, in
    capitals. The article's own subheads in capitals are a few words, or on its topic.
    A line that is one link (HTML input) is left to decide's promotion check, whose
    evidence, the link, is the stronger.
    """
    for i in body:
        f, a = feats[i], out[i]
        assert f is not None
        if (
            a.kind is None
            and f.words >= CAPS_HEADLINE_WORDS
            and f.upper_share >= CAPS_SHARE
            and f.headline
            and f.link_share < LINKED
            and a.overlap is not None
            and a.overlap < ON_TOPIC
        ):
            a.kind, a.score = Kind.RELATED, 0.7
            a.reason = (
                f"a headline in capitals inside the article, off its topic (overlap "
                f"{a.overlap:.2f}): a link to another story"
            )


def _runs(region: Sequence[int], member: Callable[[int], bool]) -> Iterator[list[int]]:
    """The maximal runs of consecutive lines of ``region`` that are members."""
    run: list[int] = []
    for i in region:
        if member(i):
            run.append(i)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _menu_entry(f: Features) -> bool:
    """Very short, no sentence, not a number or table row: a menu entry or a tag."""
    return f.words <= NAV_MAX_WORDS and not f.terminal and f.digit_share < 0.2 and not f.table


def _bulleted_headline(f: Features) -> bool:
    return (
        f.bullet
        and f.headline_like
        and f.words >= BULLET_HEADLINE_WORDS
        and not f.url
        and f.headline_cased
    )


def _announced(first: int, feats: Sequence[Features | None]) -> bool:
    """The nearest non-blank line before ``first`` introduces a list (ends in a colon)."""
    for j in range(first - 1, -1, -1):
        f = feats[j]
        if f is not None:
            return f.colon_end
    return False


def _on_topic_run(run: Sequence[int], out: Sequence[Assessment]) -> bool:
    """A run of short lines half of which (two at least) repeat the article's words is the
    article's own list (a meal plan's items, a spec sheet), not the site's menu."""
    on = sum(1 for j in run if out[j].on_topic)
    return on >= 2 and on * 2 >= len(run)


def _furniture_start(flags: Sequence[bool | None]) -> int | None:
    """Where page furniture begins in a walk away from the article, if anywhere.

    The earliest junk-like position from which on at least FURNITURE_SHARE of the judged
    lines are junk-like, over at least DETACH_RUN of them. One pass from the far end.
    """
    start = None
    junk = judged = 0
    for p in range(len(flags) - 1, -1, -1):
        flag = flags[p]
        if flag is None:
            continue
        judged += 1
        junk += flag
        if flag and junk >= DETACH_RUN and junk / judged >= FURNITURE_SHARE:
            start = p
    return start


def _unwrap(feats: Sequence[Features | None], out: list[Assessment]) -> None:
    """Hard-wrapped text: lines that continue one another form one paragraph.

    A line that ends mid-sentence followed by one that opens in lower case (or after a
    comma, hyphen or stopword) is a piece of a wrapped paragraph, and a paragraph of
    enough words is prose, whatever its pieces look like alone.
    """
    chain: list[int] = []
    words = 0
    prev: Features | None = None
    for i, f in enumerate([*feats, None]):
        joined = (
            f is not None
            and prev is not None
            and chain
            and not prev.terminal
            and not prev.colon_end
            and (f.opens_lower or prev.open_end)
        )
        if joined:
            chain.append(i)
            words += f.words  # type: ignore[union-attr]
        else:
            if len(chain) >= 2 and words >= WRAPPED_MIN_WORDS:
                for j in chain:
                    out[j].cls = "good"
            chain, words = ([i], f.words) if f is not None else ([], 0)
        prev = f


def _rescale(out: list[Assessment], prose: list[int]) -> None:
    """Express overlap relative to the document's own level, or drop it when meaningless.

    Languages that glue particles to words (Korean, Turkish, Finnish) or documents without
    a stoplist repeat fewer exact words, so raw overlap runs lower everywhere in them;
    scaling by the median overlap of the prose makes the thresholds mean the same in every
    language. A document whose prose hardly repeats itself at all (a list of products, a
    digest of unrelated items) has no single topic to be off: there overlap is unknown.
    """
    values = sorted(out[i].overlap for i in prose if out[i].overlap is not None)  # type: ignore[misc]
    median = values[len(values) // 2] if values else 0.0
    if len(values) < MIN_PROSE_FOR_TOPIC or median < MIN_MEDIAN_OVERLAP:
        for a in out:
            a.overlap = None
        return
    if median >= TYPICAL_OVERLAP:
        return
    factor = TYPICAL_OVERLAP / median
    for a in out:
        if a.overlap is not None:
            a.overlap = min(1.0, a.overlap * factor)


def classify(f: Features, has_stoplist: bool) -> str:
    """The context-free class of one line."""
    if f.url and f.words <= 6:
        return "bad"
    if f.digit_share > 0.4 and not f.terminal:
        return "bad"
    if f.words >= GOOD_MIN_WORDS and (f.terminal or f.words >= LONG_UNPUNCTUATED):
        if has_stoplist and f.stop_density < 0.1:
            return "bad"
        return "good"
    if f.terminal and f.words >= 4:
        return "near"
    return "short"


def _off_headline(f: Features, a: Assessment) -> bool:
    """A headline that does not share the article's words, or links away: another story's."""
    if f.headline_like and f.link_share >= LINKED:
        return True
    return f.headline and (a.overlap is None or a.overlap < OFF_TOPIC)


def _teaser_like(f: Features, a: Assessment) -> bool:
    """One or two sentences that do not clearly belong to the article."""
    return (
        a.cls in ("good", "near")
        and f.words <= TEASER_MAX_WORDS
        and (a.overlap is None or a.overlap < TEASER_ON_TOPIC)
    )


def _weight(a: Assessment, f: Features) -> float:
    """A line's pull towards being inside the article, for the densest-run search.

    Prose pulls in, more so when it shares the article's words; clearly off-topic prose,
    debris and short lines push out, gently enough that a subhead or a table inside the
    article does not split it.
    """
    ov = a.overlap
    if f.table:
        return 0.0
    if a.cls in ("good", "near"):
        # Long paragraphs weigh more: the article is where the long prose is, while
        # teasers in a sidebar are prose too, but one or two short sentences each.
        full = min(PROSE_WEIGHT_CAP, f.words / PROSE_WEIGHT_WORDS) if a.cls == "good" else 0.3
        if ov is None:
            return 0.7 * full
        if ov >= ON_TOPIC:
            return full
        return 0.3 * full if ov >= OFF_TOPIC else -0.3
    if a.cls == "bad":
        return -0.3
    return -0.5 if f.headline and ov is not None and ov < OFF_TOPIC else -0.1


def _densest_run(weights: Sequence[float]) -> tuple[int | None, int | None]:
    """The maximum-sum segment (Kadane), earliest on ties; None when nothing is positive."""
    best, best_span = 0.0, (None, None)
    run, run_start = 0.0, 0
    for k, w in enumerate(weights):
        if run <= 0:
            run, run_start = w, k
        else:
            run += w
        if run > best:
            best, best_span = run, (run_start, k)
    return best_span
