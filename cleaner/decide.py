"""Turn rule hits, markup hints and the scorer's assessments into one verdict per line.

decide is the one orchestrator of judgement. Per pass (``decide``), in order of
authority: a rule hit wins (it names its kind and id), then a role named by the markup
(HTML input), then repeats (``duplicates``), then a caption's shape (``captions``), then
the scorer's context verdicts (``scorer.assess``), and for HTML a linked headline set
between the paragraphs (a promotion). Rule actions that reach beyond their own line
(``cut``, ``drop-run``) are expanded last, once the scorer knows which lines are article
prose: a ``cut`` that would take on-topic prose with it is a false end marker and only
drops its own line.

Then again (``decide_document``): each pass sees the document without what the passes
before it removed, until one removes nothing (at most ``max_passes``). A second look
sees the article without its junk, and this makes cleaning idempotent.
"""

from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import accumulate, takewhile

from .assessment import Assessments, Mark, Region
from .captions import CaptionScorer
from .document import DocView
from .duplicates import mark_duplicates
from .features import FeatureTable, LineHint
from .heuristics import Params
from .lineclass import LineClass
from .regions import ADJACENT, FURNITURE, NAMED, FurnitureGaps, half_of, over_body_prose, terse
from .render import kept_lines
from .result import Kind, LineDecision, Removal
from .rules import Rule
from .scorer import assess
from .segment import Line
from .structure import Structure, introduced
from .sums import RunningSums


@dataclass(frozen=True, slots=True)
class Judges:
    """What judges a document's lines besides what is found in them: fixed per Cleaner."""

    captions: CaptionScorer
    params: Params


@dataclass(frozen=True, slots=True)
class PassInput:
    """What a pass knows of the lines left, as a fresh clean of that text would find it:
    the features of the non-blank lines, the row of ``feats`` each line is (-1 for blank
    lines), rule hits (None for blank lines), and whether the language guessed for that
    text has a stoplist (prose has stopwords)."""

    feats: FeatureTable
    rows: Sequence[int]
    hits: Sequence[Rule | None]
    has_stoplist: bool


# The analysis of the lines left (their positions, in order): language, features, tables
# and rule hits, as ``Cleaner`` finds them.
Analyse = Callable[[Sequence[int]], PassInput]


@dataclass(slots=True)
class Verdicts:
    """The verdicts on the lines of one view; a line's ``LineDecision`` is built on request.

    The document is decided several times over shrinking text and only some verdicts of
    each pass are kept, so building every line's account each time would be wasted work.
    """

    view: DocView
    marks: list[Mark | None]
    assessed: Assessments

    def decision(self, k: int) -> LineDecision:
        view = self.view
        mark, score = self.marks[k], self.assessed.score[k]
        return _decision(view.no(k), view.lines[k], mark, self.label(k), score)

    def label(self, k: int) -> str:
        """The scorer's label of the line at ``k``, as ``explain`` shows it."""
        return _label(self.view.feats, k, self.assessed)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The document's verdicts: what stays, and why each removed line went.

    Per input line, the mark that removed it (None: kept) and the scorer's label of it in
    the pass that removed it: two references a line, where a decision a removed line
    weighed more than the line's text. ``removals()`` and ``decisions()`` are built
    from them on request.

    ``emptied``: every non-blank line would go, so nothing is removed (the caller flags
    the document).
    """

    lines: Sequence[Line]
    keep: bytearray  # a byte a line: 1 kept, 0 removed
    emptied: bool
    marks: list[Mark | None]
    labels: list[str]
    last: Verdicts  # the last pass's verdicts, which the kept lines keep
    at: array[int]  # the input position of each line of the last pass's view

    def removals(self) -> list[Removal]:
        """The removed lines, in order (``CleanResult.removed``)."""
        lines = self.lines
        return [
            Removal(i + 1, lines[i].raw, m.kind, m.rule or "scorer", m.score, m.reason)
            for i, m in enumerate(self.marks)
            if m is not None
        ]

    def decisions(self) -> list[LineDecision]:
        """One decision per input line, in order: built on request (``explain``), as most
        callers read the removed lines only. Blank lines are kept as they are."""
        found: list[LineDecision | None] = [None] * len(self.lines)
        for k, i in enumerate(self.at):
            if self.marks[i] is None:
                found[i] = self.last.decision(k)
        out: list[LineDecision] = []
        rows = zip(self.lines, found, self.marks, self.labels, strict=True)
        for no, (line, d, mark, label) in enumerate(rows, 1):
            if mark is not None:
                d = _decision(no, line, mark, label, None)
            out.append(d or _blank(no, line))
        return out


def decide_document(
    lines: Sequence[Line],
    hints: Sequence[LineHint | None] | None,
    judges: Judges,
    analyse: Analyse,
) -> Outcome:
    """Decide pass after pass over what is left, until a pass removes nothing.

    Each pass analyses the lines left afresh (``analyse``), as a clean of the text they
    make would: so the last pass, which removes nothing, is a clean of the output, and
    cleaning the output again removes nothing either. Only where earlier passes removed
    page furniture is handed on (a fresh clean would know less, and so remove no more).
    """
    n = len(lines)
    # What each input line became: made once a pass removes something, not before the
    # first pass's scoring, when a large record's memory peaks.
    keep = bytearray()
    marks: list[Mark | None] = []
    labels: list[str] = []
    # Positions as machine integers, not an int object each (a record may hold millions).
    furniture = array("q")  # lines removed as page furniture, for later passes' walks
    named = array("q")  # of those, the ones a rule or the markup named
    adjacent = array("q")  # of those, the blocks an extractor keeps under the article
    scorer_names = judges.params.furniture.scorer_names
    current: Sequence[int] = range(n)
    passes = judges.params.decide.max_passes
    for done in range(1, passes + 1):
        verdicts, at = _pass(lines, hints, judges, analyse, current, (furniture, named, adjacent))
        dropped = False
        for k, mark in enumerate(verdicts.marks):
            if mark is None:
                continue
            if not marks:
                keep, marks, labels = _untouched(n)
            dropped = True
            i = at[k]
            marks[i], labels[i], keep[i] = mark, verdicts.label(k), False
            if mark.kind in FURNITURE:
                furniture.append(i)
            if mark.kind in NAMED and (mark.rule != "scorer" or scorer_names):
                named.append(i)
            if mark.kind in ADJACENT:
                adjacent.append(i)
        emptied = dropped and not any(
            kept and not line.blank for kept, line in zip(keep, lines, strict=True)
        )
        if not dropped or emptied or done == passes:
            if not marks:  # nothing went
                keep, marks, labels = _untouched(n)
            return Outcome(lines, keep, emptied, marks, labels, verdicts, at)
        del verdicts, at  # this pass's view and verdicts go before the next builds its own
        current = kept_lines(lines, keep)
    raise ValueError(f"max_passes must be at least 1, not {passes}")


def _untouched(n: int) -> tuple[bytearray, list[Mark | None], list[str]]:
    """``n`` lines' outcome before anything goes: each kept, with no mark and no label."""
    return bytearray(b"\x01") * n, [None] * n, [""] * n


def _pass(
    lines: Sequence[Line],
    hints: Sequence[LineHint | None] | None,
    judges: Judges,
    analyse: Analyse,
    current: Sequence[int],
    gone: tuple[Sequence[int], Sequence[int], Sequence[int]],
) -> tuple[Verdicts, array[int]]:
    """One pass over the lines at ``current``: its verdicts, and the input position of
    each line of its view. ``gone``: where earlier passes removed furniture, named
    furniture and the blocks an extractor keeps under the article (see ``FurnitureGaps``)."""
    found = analyse(current)
    view, at = DocView.of(
        lines, found.feats, found.rows, found.hits, hints, current, judges.params.structure
    )
    gaps = FurnitureGaps.between(at, *gone)
    return decide(view, judges, gaps, found.has_stoplist), at


def _blank(no: int, line: Line) -> LineDecision:
    return LineDecision(no, line.raw, True, None, None, 0.0, "", "blank")


def decide(view: DocView, judges: Judges, gaps: FurnitureGaps, has_stoplist: bool) -> Verdicts:
    """One pass: the verdict on every line of ``view``; a line goes when it gets a mark."""
    p = judges.params
    # A rule's shape is a line of prose or page text: inside a code block a match is
    # program text that happens to look like it ("image: nginx:1.2", "(c) = a + b").
    made: dict[int, Mark] = {}
    marks: list[Mark | None] = [
        _rule_mark(rule, made)
        if rule is not None
        and code is not Structure.CODE
        and not _field_label(view, k, rule)
        and not _list_item(view, k, rule, p)
        else None
        for k, (rule, code) in enumerate(zip(view.hits, view.structure, strict=True))
    ]
    for k in _label_headings(view, p):
        marks[k] = None  # left to the scorer, with the article's labels under it
    for k, hint in enumerate(view.hints):
        if hint is not None and hint.kind is not None and marks[k] is None:
            marks[k] = Mark(hint.kind, "html", p.decide.hint_score, hint.reason)
    mark_duplicates(view, marks, p.duplicates)
    for k in range(len(view)):
        if marks[k] is None:
            c = judges.captions.is_caption(view.lines[k].view, view.feats, k)
            if c is not None:
                marks[k] = Mark(Kind.CAPTION, "scorer", round(c, 3), CaptionScorer.reason(c))
    removed = [m.kind if m else None for m in marks]
    assessed = assess(view, removed, has_stoplist, gaps, p)
    _expand(view, marks, assessed, p)
    _take_assessments(view, marks, assessed, p)
    return Verdicts(view, marks, assessed)


def _field_label(view: DocView, k: int, rule: Rule) -> bool:
    """A ``related`` rule hits a field of a fact box: a record whose label differs from
    those of the records next to it ("Video: 4K at 60 fps" between "Camera: ..." and
    "Audio: ..."), a spec sheet's entry, not a link to another story ("Video: ...").
    A label that recurs ("Video: ...", "Video: ...") is a list of such links. (A
    caption's or a credit's rule reads more than the label: "Foto: © Name/Agency" in a
    box of facts is a credit still.)"""
    if rule.kind is not Kind.RELATED or view.structure[k] is not Structure.RECORD:
        return False
    label = view.feats.label
    near = [
        j for j in (k - 1, k + 1) if 0 <= j < len(label) and view.structure[j] is Structure.RECORD
    ]
    return bool(label[k]) and bool(near) and all(label[j] and label[j] != label[k] for j in near)


def _list_item(view: DocView, k: int, rule: Rule, p: Params) -> bool:
    """A rule of a kind in ``introduced_exempt`` hits an item of a list that the article
    introduces with a lead-in line, among others of that kind: the dates of a schedule
    ("The dates are:" over dates and venues), not the page's time stamp, which no lead-in
    announces. One such line under a lead-in is a reply's date under its header ("Jane
    Doe says:"), not a list."""
    kinds = p.decide.introduced_exempt
    if rule.kind.value not in kinds:
        return False
    items = introduced(k, view.feats, view.structure, view.named, view.raw, p.structure)
    if items is None:
        return False
    alike = sum(1 for j in items if (hit := view.hits[j]) is not None and hit.kind.value in kinds)
    return alike >= p.decide.introduced_min_alike


def _rule_mark(rule: Rule, made: dict[int, Mark]) -> Mark:
    """The mark of a line ``rule`` hits: one for the rule (by ``id`` in ``made``), not one
    a line (a rule may hit thousands of a record's lines)."""
    mark = made.get(id(rule))
    if mark is None:
        mark = made[id(rule)] = Mark(rule.kind, rule.id, rule.score, rule.reason)
    return mark


def _take_assessments(
    view: DocView, marks: list[Mark | None], assessed: Assessments, p: Params
) -> None:
    """The scorer's verdicts, for lines no rule, repeat or caption took; for HTML, the
    article's own lists stay and linked headlines between paragraphs go."""
    feats = view.feats
    for k, kind in enumerate(assessed.kind):
        if marks[k] is not None:
            continue
        if kind is None:
            if view.is_html and p.decide.promotions and _promo(view, k, assessed, p):
                marks[k] = Mark(Kind.RELATED, "scorer", p.decide.promo_score, _PROMO_REASON)
        elif not _unlinked_list(kind, feats, k, view.is_html, p):
            marks[k] = Mark(kind, "scorer", assessed.score[k], assessed.reason[k])
        elif k > 0 and _teaser(feats, k, marks[k - 1], p):
            reason = assessed.reason[k] + _TEASER_REASON
            marks[k] = Mark(kind, "scorer", assessed.score[k], reason)


def _expand(view: DocView, marks: list[Mark | None], assessed: Assessments, p: Params) -> None:
    """Apply ``drop-run`` and ``cut`` beyond the matching line."""
    q = p.decide
    left: _Left | None = None  # made for the first cut: most documents have none
    for k, rule in enumerate(view.hits):
        if rule is None or rule.action == "drop" or view.structure[k] is Structure.CODE:
            continue
        own = marks[k]
        if own is None:  # a heading over the article's own labels (``_label_headings``)
            continue
        beyond = round(rule.score * q.beyond_line_factor, 3)
        if rule.action == "cut":
            if left is None:
                left = _Left(view, marks, assessed, p)
            veto = _cut_veto(k, left, p)
            if veto:
                marks[k] = replace(own, reason=f"{own.reason}; not cutting what follows: {veto}")
                continue
            # One mark for each kind the cut takes, not one per line (a record may cut
            # 100 000): a mark is never changed once made.
            why = f"after line {view.no(k)} ({rule.reason}), which ends the article"
            cut: dict[Kind, Mark] = {}
            for j in _unmarked(marks, k + 1):
                # What the line is, where markup or the scorer tells (a footer's menu, a
                # sidebar's stories); prose, and anything else, is what the rule says
                # follows it (a comment, a comment form's field).
                hint = view.hint(j)
                scored = (
                    None if assessed.cls[j].prose or assessed.side_kind[j] else assessed.kind[j]
                )
                kind = (hint.kind if hint is not None else None) or scored or rule.kind
                mark = cut.get(kind)
                if mark is None:
                    mark = cut[kind] = Mark(kind, rule.id, beyond, why)
                marks[j] = mark
            return
        if q.run_stops_at_subhead and _subhead(k, view.feats, assessed, p):
            # The heading itself heads the article's next paragraph, which takes up its
            # words ("More from the survey" over more of the survey): a subhead.
            marks[k] = None
            if left is not None:
                left.freed(k)
            continue
        why = f"in the run of headline-like lines under line {view.no(k)} ({rule.reason})"
        mark = Mark(rule.kind, rule.id, beyond, why)  # one for the whole run
        for j in _run(view, k, marks, assessed, p):
            marks[j] = mark
            if left is not None:
                left.taken(j)


# What a list of other stories holds under each headline besides its teaser.
ITEM_MARKS = frozenset({Kind.TIMESTAMP, Kind.CREDIT, Kind.COUNTER})


def _run(
    view: DocView, k: int, marks: Sequence[Mark | None], assessed: Assessments, p: Params
) -> list[int]:
    """The headline-like lines right under the ``drop-run`` heading at ``k``, up to a
    line already marked, a line of prose, or a subhead of the article. A story's own
    stamps (``ITEM_MARKS``: its date, byline, reading time) are of the list and go on
    it; what else a mark took (a share bar, a comment heading) ends it."""
    run = []
    for j in range(k + 1, len(view)):
        taken = marks[j]
        if taken is not None:
            if taken.kind in ITEM_MARKS:
                continue
            break
        entry = (
            view.feats.headline_like[j]
            or assessed.cls[j] is LineClass.BAD
            or _question_headline(view.lines[j], view.feats.words[j], p)
        )
        if not entry:
            break
        if p.decide.run_stops_at_subhead and _subhead(j, view.feats, assessed, p):
            break
        if _headline_over_article(j, view.feats, assessed, p):
            break
        run.append(j)
    return run


def _named(view: DocView, k: int) -> bool:
    """A rule or the markup names line ``k`` as page furniture."""
    hit, hint = view.hits[k], view.hint(k)
    return (hit is not None and hit.kind in NAMED) or (
        hint is not None and hint.kind is not None and hint.kind in NAMED
    )


def _label_headings(view: DocView, p: Params) -> list[int]:
    """The ``drop-run`` headings over the article's own list of labels (pros and cons,
    features, a spec sheet), not over other stories' headlines: the labels are too short,
    on average, to tell a story (``run_label_words``), and half of them (two at least)
    are records (a spec sheet's fields, ``structure``) or take up a word of the
    document's long paragraphs (a menu's labels name the site's sections). Such a
    heading introduces them, and is no barrier.

    Only in an extractor's output: below furniture a rule or the markup names (a page's
    text, or a heading under another), short lines on the article's subject are the
    site's own guides. Judged before the scorer, which takes a heading that goes for a
    barrier, so on features alone: labels are too short for an overlap of their own, so
    each is looked up in the paragraphs' words."""
    found: list[int] = []
    prose = cache(lambda: _paragraph_words(view.feats, p))  # once, if a heading asks
    for k, rule in enumerate(view.hits):
        if rule is not None and rule.action == "drop-run":
            run = list(
                takewhile(
                    lambda j: bool(view.feats.headline_like[j]) and view.hits[j] is None,
                    range(k + 1, len(view)),
                )
            )
            if terse(run, view.feats, p.decide.run_label_words) and (
                _records(view, run) or _on_words(run, view.feats, prose())
            ):
                found.append(k)
        if _named(view, k):
            break  # below named furniture (this heading included), it is a page's text
    return found


def _records(view: DocView, lines: Sequence[int]) -> bool:
    """Half of ``lines`` (two at least) are records: fields of a spec sheet or a fact box
    ("Weight: 310 g"), lines of one template. A record is no headline of another story."""
    return half_of(lines, lambda j: view.structure[j] is Structure.RECORD)


def _on_words(lines: Sequence[int], feats: FeatureTable, words: set[str]) -> bool:
    """Half of ``lines`` (two at least) take up one of ``words``."""
    return half_of(lines, lambda j: not words.isdisjoint(feats.content[j]))


def _paragraph_words(feats: FeatureTable, p: Params) -> set[str]:
    """The content words of the document's long paragraphs."""
    return {
        stem
        for j in range(len(feats))
        if feats.words[j] >= p.topic.core_min_words
        for stem in feats.content[j]
    }


class _Left:
    """What stands around a cut while ``_expand`` makes marks: the words before it (of
    any line), and the words of the article's prose (``_prose``) in the lines no mark
    took yet, before it and after it. Kept as marks are made, not summed afresh for each
    cut: a page of many false end markers ("Comments" over each reader's letter) took
    time in the square of its length."""

    def __init__(
        self, view: DocView, marks: Sequence[Mark | None], assessed: Assessments, p: Params
    ) -> None:
        feats = view.feats
        self._prose = [
            feats.words[j] if _prose(j, feats, assessed, p) else 0 for j in range(len(marks))
        ]
        self.words = list(accumulate(feats.words, initial=0))  # words before each line
        left = [w if m is None else 0 for w, m in zip(self._prose, marks, strict=True)]
        self.prose = RunningSums(left)

    def taken(self, j: int) -> None:
        """A mark took line ``j``."""
        self.prose.set(j, 0)

    def freed(self, j: int) -> None:
        """Line ``j``'s mark was taken back."""
        self.prose.set(j, self._prose[j])


def _cut_veto(k: int, left: _Left, p: Params) -> str:
    """Why the ``cut`` at ``k`` is no end of the article ('' when it is one): nothing
    stands before it for it to end, or the article's prose goes on after it. Prose on
    either side is what no mark took: a disclaimer or a copyright line above the cut is
    no article for it to end."""
    q = p.decide
    head = left.words[k]
    if head < q.cut_min_before:
        return f"only {head} words come before it, so there is no article for it to end"
    prose_before = left.prose.before(k)
    prose_after = left.prose.before(len(left.prose)) - left.prose.before(k + 1)
    if prose_after >= q.cut_veto_words and prose_before < q.cut_veto_share * prose_after:
        return (
            f"{prose_after} words of prose come after it and only {prose_before} before, "
            "so this is not where an article ends"
        )
    return ""


def _unmarked(marks: Sequence[Mark | None], start: int) -> Iterator[int]:
    """Positions from ``start`` on of the lines no mark took yet (not listed: a cut may
    take most of a record's lines)."""
    return (j for j in range(start, len(marks)) if marks[j] is None)


def _subhead(k: int, feats: FeatureTable, assessed: Assessments, p: Params) -> bool:
    """The line heads a paragraph of the article: the next line is a long paragraph of
    the article's body, not off its topic, that takes up the line's words. A list of
    other stories under a heading holds headlines and teasers, so the run it names ends
    before the article goes on; a headline of another story says nothing of the
    paragraph after it."""
    after = k + 1
    return (
        after < len(feats)
        and feats.words[after] >= p.topic.core_min_words
        and not assessed.off_topic(after, p.topic)
        and over_body_prose(k, feats, assessed)
    )


def _headline_over_article(k: int, feats: FeatureTable, assessed: Assessments, p: Params) -> bool:
    """The line is the article's own headline: the last line before the article, right
    above its first line of prose, on its topic and taking up its words. A run of
    headlines under a heading above the article (a site's "Latest news" menu entry, then
    its sections) ends before the article's headline, which shares the words of the
    article's first lines where other stories' headlines share none."""
    return (
        k + 1 < len(feats)
        and assessed.region[k] is Region.HEAD
        and assessed.on_topic(k, p.topic)
        and assessed.on_topic(k + 1, p.topic)
        and over_body_prose(k, feats, assessed)
    )


_QUESTION = re.compile(r"^[^.!?]*\?['\"’”»)\]]*$")


def _question_headline(line: Line, words: int, p: Params) -> bool:
    """A headline that asks ("Who will make the Hall of Fame in 2020?"): one short
    question and nothing else, so its terminal mark does not make it a sentence of prose."""
    return words <= p.decide.question_max_words and _QUESTION.match(line.view.strip()) is not None


def _unlinked_list(kind: Kind, feats: FeatureTable, k: int, is_html: bool, p: Params) -> bool:
    """HTML input: a menu or related list the extractor left in is made of links.

    Lines that look like list items but link nowhere (ingredients, a spec table, the
    steps of a how-to) are the article's own lists, so the scorer leaves them alone.
    """
    return (
        is_html
        and kind in (Kind.NAVIGATION, Kind.RELATED)
        and feats.link_share[k] < p.decide.list_linked
    )


_NOTE = re.compile(r"\[\d{1,3}\]")
_PROMO_REASON = (
    "a headline in title case or capitals that is one link: a promotion of another story"
)


def _promo(view: DocView, k: int, assessed: Assessments, p: Params) -> bool:
    """HTML input: a whole line that is one link, shaped and cased like a headline, set
    between paragraphs, that the next paragraph does not go on about.

    Sites set links to their other stories between an article's paragraphs as headlines
    (often in capitals). The article's own subheads are not links, and a sentence that
    links somewhere is not cased like a headline; a numbered note ("[2] ...") is the
    article's reference list. A digest or a listicle links its entries' names and then
    writes about them (a paragraph that shares the linked line's words is its section,
    a list under it its specs); a table of contents or a run of product names under
    labels stands between no paragraphs. A linked headline on the article's topic is
    its own subhead or a contents entry: a promotion is of another story.
    """
    if k == 0 or not assessed.cls[k - 1].prose or view.structure[k - 1] is not None:
        return False
    feats = view.feats
    if not (
        not _NOTE.match(view.lines[k].view)
        and feats.headline[k]
        and feats.words[k] >= p.decide.promo_min_words
        and feats.link_share[k] >= p.lists.linked
        and feats.headline_cased[k]
        and not assessed.on_topic(k, p.topic)
    ):
        return False
    if k + 1 < len(view):
        if view.structure[k + 1] is not None:
            return False
        return feats.link_share[k + 1] >= p.lists.linked or set(feats.content[k]).isdisjoint(
            feats.content[k + 1]
        )
    return True


_TEASER_REASON = "; unlinked, but the teaser of the linked headline above it"


def _teaser(feats: FeatureTable, k: int, mark: Mark | None, p: Params) -> bool:
    """An unlinked sentence under a linked headline removed as part of a related list: the
    entry's teaser. Not a list item itself (ingredients, steps), nor a mere label."""
    return (
        not feats.bullet[k]
        and feats.words[k] >= p.decide.teaser_min_words
        and feats.link_share[k - 1] >= p.decide.list_linked
        and mark is not None
        and mark.kind in (Kind.NAVIGATION, Kind.RELATED)
    )


def _prose(j: int, feats: FeatureTable, assessed: Assessments, p: Params) -> bool:
    """Line ``j`` is prose on the article's topic (or unjudged)."""
    return assessed.cls[j] is LineClass.GOOD and (
        assessed.overlap[j] is None or assessed.on_topic(j, p.topic)
    )


def _label(feats: FeatureTable, k: int, assessed: Assessments) -> str:
    """What the scorer saw in line ``k``: its class, overlap, region, and whether a
    table's."""
    label = f"{assessed.cls[k]}"
    overlap = assessed.overlap[k]
    if overlap is not None:
        label += f" ov={overlap:.2f}"
    label += f" {assessed.region[k]}"
    if feats.table[k]:
        label += " table"
    return sys.intern(label)  # a few hundred labels, shared by a large document's lines


def _decision(
    no: int, line: Line, mark: Mark | None, label: str, score: float | None
) -> LineDecision:
    """The decision on line ``no``: removed by ``mark``, or kept with its assessment's
    ``score``."""
    if mark is None:
        assert score is not None  # a kept line's decision tells its assessment's score
        return LineDecision(no, line.raw, True, None, None, score, "", label)
    return LineDecision(no, line.raw, False, mark.kind, mark.rule, mark.score, mark.reason, label)
