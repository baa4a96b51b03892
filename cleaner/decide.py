"""Turn rule hits and the scorer's assessments into one verdict per line.

Order of authority: a rule hit wins (it names its kind and id), then exact repeats of an
earlier line and the page's title tag (another line joined to the site's name), both
``duplicate``, then a caption's shape, then the scorer's context verdicts
(and, for HTML, a linked headline set between the paragraphs: a promotion).
Rule actions that reach beyond their own line (``cut``, ``drop-run``) are expanded last,
once the scorer knows which lines are article prose: a ``cut`` that would take on-topic
prose with it is a false end marker and only drops its own line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .features import Features, LineHint
from .result import Kind, LineDecision
from .rules import Rule
from .scorer import CAPTION_MIN, LINKED, Assessment, Scorer
from .segment import Line

DUP_MIN_WORDS = 3
DUP_MIN_CHARS = 20
DUP_NEAR = 4
DUP_LONG_WORDS = 25
DUP_STRUCTURE = 3  # a line this frequent is the article's structure, not an echo
CUT_VETO_WORDS = 40
CUT_VETO_SHARE = 0.2
HINT_SCORE = 0.8
HTML_LIST_LINKED = 0.5


@dataclass(slots=True)
class _Mark:
    kind: Kind
    rule: str
    score: float
    reason: str


@dataclass(slots=True)
class Verdicts:
    """The verdicts on a sequence of lines; a line's ``LineDecision`` is built on request.

    The pipeline decides several times over shrinking text and keeps only some verdicts
    of each pass, so building every line's account each time would be wasted work.
    """

    lines: Sequence[Line]
    feats: Sequence[Features | None]
    marks: list[_Mark | None]
    assessed: list[Assessment]

    def dropped(self) -> list[int]:
        """Positions (into ``lines``) of the lines to remove."""
        return [k for k, m in enumerate(self.marks) if m is not None]

    def decision(self, k: int) -> LineDecision:
        return _decision(self.lines[k], self.feats[k], self.marks[k], self.assessed[k])


def decide(
    lines: Sequence[Line],
    feats: Sequence[Features | None],
    hits: Sequence[Rule | None],
    scorer: Scorer,
    has_stoplist: bool,
    hints: Sequence[LineHint | None] | None = None,
    separated: Sequence[bool] | None = None,
) -> Verdicts:
    """The verdict on every line: a line is removed when it gets a mark (kind and reason).

    ``hints`` (HTML input) carry what the markup said about each line; a role named by
    the markup (a figcaption, a "related" block) counts like a rule hit. ``separated``
    (a later pass) flags the gaps between lines where an earlier pass removed furniture.
    """
    marks: list[_Mark | None] = [None] * len(lines)
    for i, rule in enumerate(hits):
        if rule is not None:
            marks[i] = _Mark(rule.kind, rule.id, rule.score, rule.reason)
    for i, hint in enumerate(hints or ()):
        if hint is not None and hint.kind is not None and marks[i] is None and feats[i]:
            marks[i] = _Mark(hint.kind, "html", HINT_SCORE, hint.reason)
    keys = _duplicates(lines, feats, marks)
    _page_titles(lines, feats, marks, keys)
    for i, f in enumerate(feats):
        # Without a position marker "(L)" a caption's shape cannot reach CAPTION_MIN.
        if f is not None and marks[i] is None and "(" in lines[i].view:
            c = scorer.caption_score(lines[i].view, f)
            if c >= CAPTION_MIN:
                marks[i] = _Mark(Kind.CAPTION, "scorer", round(c, 3), _caption_reason(c))
    assessed = scorer.assess(feats, [m.kind if m else None for m in marks], has_stoplist, separated)
    _expand(lines, feats, hits, marks, assessed)
    prev = None  # the previous non-blank line
    for i, a in enumerate(assessed):
        if (
            marks[i] is None
            and a.kind is None
            and hints is not None
            and _promo(feats[i], lines[i].view)
        ):
            marks[i] = _Mark(Kind.RELATED, "scorer", PROMO_SCORE, _PROMO_REASON)
        elif marks[i] is None and a.kind is not None:
            if not _unlinked_list(a, feats[i], hints):
                marks[i] = _Mark(a.kind, "scorer", a.score, a.reason)
            elif prev is not None and _teaser(feats[i], feats[prev], marks[prev]):
                marks[i] = _Mark(a.kind, "scorer", a.score, a.reason + _TEASER_REASON)
        if feats[i] is not None:
            prev = i
    return Verdicts(lines, feats, marks, assessed)


def _duplicates(
    lines: Sequence[Line], feats: Sequence[Features | None], marks: list[_Mark | None]
) -> list[str | None]:
    """Later exact repeats (case-folded view) of a substantial line are ``duplicate``.

    Only where a repeat is junk: the title again (a repeat of the first line), or a line
    seen twice, echoed within a few lines or as a whole paragraph. A line that recurs
    ``DUP_STRUCTURE`` times or more is the article's structure (a recipe's "Eat every 2 hours", an
    interview's recurring question) and stays. Returns the casefolded view of every line
    it compared (None for the others).
    """
    keys: list[str | None] = [None] * len(lines)
    count: dict[str, int] = {}
    first_key = None
    for i, f in enumerate(feats):
        if f is None or marks[i] is not None or f.cell:
            continue  # a table's cells repeat values by nature
        if f.words < DUP_MIN_WORDS and f.chars < DUP_MIN_CHARS:
            continue
        key = keys[i] = lines[i].view.casefold()
        count[key] = count.get(key, 0) + 1
        if first_key is None:
            first_key = key
    last: dict[str, tuple[int, int]] = {}  # key -> (position among non-blank lines, index)
    k = -1
    prev = -1  # the non-blank line before
    for i, f in enumerate(feats):
        if f is None:
            continue
        k += 1
        prev, before = i, prev
        key = keys[i]
        if key is None:
            continue
        seen = last.get(key)
        last[key] = (k, i)
        if seen is None:
            continue
        title = key == first_key
        echo = (
            count[key] < DUP_STRUCTURE
            and (k - seen[0] <= DUP_NEAR or f.words >= DUP_LONG_WORDS)
            and not _in_structure(before, feats, keys, count)
        )
        if title or echo:
            marks[i] = _Mark(Kind.DUPLICATE, "scorer", 0.9, f"repeats line {lines[seen[1]].no}")
    return keys


def _in_structure(
    before: int,
    feats: Sequence[Features | None],
    keys: Sequence[str | None],
    count: dict[str, int],
) -> bool:
    """Whether the line before is structure (``DUP_STRUCTURE``; not a menu entry): a repeat
    after it is an entry of that structure too (a recipe's "Eat every 2 hours" recurs, and
    so do some of the meals listed under it)."""
    key = keys[before] if before >= 0 else None
    f = feats[before] if before >= 0 else None
    return key is not None and f is not None and count[key] >= DUP_STRUCTURE and not f.menu_like


TITLE_SITE_WORDS = 6
_TITLE_SEP = re.compile(r"\s[|–—-]\s")


def _page_titles(
    lines: Sequence[Line],
    feats: Sequence[Features | None],
    marks: list[_Mark | None],
    keys: Sequence[str | None],
) -> None:
    """A line that is another line of the document plus a few words after a bar or dash is
    the page's title ("Headline | Site"): the headline itself stays where it stands.

    Whole-page text starts with the ``<title>``, the article's headline joined to the site's
    name (or section); the headline is in the page again, so the joined copy adds nothing.
    ``keys`` are the casefolded lines ``_duplicates`` compared.
    """
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key is not None and marks[i] is None and feats[i].words >= DUP_MIN_WORDS:  # type: ignore[union-attr]
            first.setdefault(key, i)
    for i, f in enumerate(feats):
        view = lines[i].view
        if f is None or marks[i] is not None or not _TITLE_SEP.search(view):
            continue
        parts = [p.strip() for p in _TITLE_SEP.split(view.casefold())]
        for k, part in enumerate(parts):
            j = first.get(part)
            if j is None or j == i:
                continue
            rest = sum(len(p.split()) for q, p in enumerate(parts) if q != k)
            if rest <= TITLE_SITE_WORDS:
                marks[i] = _Mark(
                    Kind.DUPLICATE,
                    "scorer",
                    0.9,
                    f"the page's title: line {lines[j].no} joined to the site's or section's name",
                )
                break


def _expand(
    lines: Sequence[Line],
    feats: Sequence[Features | None],
    hits: Sequence[Rule | None],
    marks: list[_Mark | None],
    assessed: Sequence[Assessment],
) -> None:
    """Apply ``drop-run`` and ``cut`` beyond the matching line."""
    n = len(lines)
    for i, rule in enumerate(hits):
        if rule is None or rule.action == "drop":
            continue
        if rule.action == "cut":
            after = [j for j in range(i + 1, n) if feats[j] is not None and marks[j] is None]
            prose_after = _prose_words(after, feats, assessed)
            prose_before = _prose_words(range(i), feats, assessed)
            if prose_after >= CUT_VETO_WORDS and prose_before < CUT_VETO_SHARE * prose_after:
                marks[i].reason += (  # type: ignore[union-attr]
                    f"; not cutting what follows: {prose_after} words of prose come after it "
                    f"and only {prose_before} before, so this is not where an article ends"
                )
                continue
            for j in after:
                marks[j] = _Mark(
                    rule.kind,
                    rule.id,
                    round(rule.score * 0.9, 3),
                    f"after line {lines[i].no} ({rule.reason}), which ends the article",
                )
            return
        for j in range(i + 1, n):  # drop-run
            f = feats[j]
            if f is None:
                continue
            entry = f.headline_like or assessed[j].cls == "bad" or _question_headline(lines[j], f)
            if marks[j] is not None or not entry:
                break
            marks[j] = _Mark(
                rule.kind,
                rule.id,
                round(rule.score * 0.9, 3),
                f"in the run of headline-like lines under line {lines[i].no} ({rule.reason})",
            )


QUESTION_MAX_WORDS = 15
_QUESTION = re.compile(r"^[^.!?]*\?['\"’”»)\]]*$")


def _question_headline(line: Line, f: Features) -> bool:
    """A headline that asks ("Who will make the Hall of Fame in 2020?"): one short
    question and nothing else, so its terminal mark does not make it a sentence of prose."""
    return f.words <= QUESTION_MAX_WORDS and _QUESTION.match(line.view.strip()) is not None


def _unlinked_list(
    a: Assessment, f: Features | None, hints: Sequence[LineHint | None] | None
) -> bool:
    """HTML input: a menu or related list the extractor left in is made of links.

    Lines that look like list items but link nowhere (ingredients, a spec table, the
    steps of a how-to) are the article's own lists, so the scorer leaves them alone.
    """
    return (
        hints is not None
        and a.kind in (Kind.NAVIGATION, Kind.RELATED)
        and f is not None
        and f.link_share < HTML_LIST_LINKED
    )


PROMO_MIN_WORDS = 5
PROMO_SCORE = 0.75
_NOTE = re.compile(r"\[\d{1,3}\]")
_PROMO_REASON = (
    "a headline in title case or capitals that is one link: a promotion of another story"
)


def _promo(f: Features | None, view: str) -> bool:
    """HTML input: a whole line that is one link, shaped and cased like a headline.

    Sites set links to their other stories between an article's paragraphs as headlines
    (often in capitals). The article's own subheads are not links, and a sentence that
    links somewhere is not cased like a headline; a numbered note ("[2] ...") is the
    article's reference list.
    """
    return (
        f is not None
        and not _NOTE.match(view)
        and f.headline
        and f.words >= PROMO_MIN_WORDS
        and f.link_share >= LINKED
        and f.headline_cased
    )


TEASER_MIN_WORDS = 4
_TEASER_REASON = "; unlinked, but the teaser of the linked headline above it"


def _teaser(f: Features | None, above: Features | None, mark: _Mark | None) -> bool:
    """An unlinked sentence under a linked headline removed as part of a related list: the
    entry's teaser. Not a list item itself (ingredients, steps), nor a mere label."""
    return (
        f is not None
        and above is not None
        and not f.bullet
        and f.words >= TEASER_MIN_WORDS
        and above.link_share >= HTML_LIST_LINKED
        and mark is not None
        and mark.kind in (Kind.NAVIGATION, Kind.RELATED)
    )


def _prose_words(
    idx: Iterable[int], feats: Sequence[Features | None], assessed: Sequence[Assessment]
) -> int:
    """Words in on-topic (or unjudged) prose lines among ``idx``."""
    return sum(
        feats[j].words  # type: ignore[union-attr]
        for j in idx
        if feats[j] is not None and assessed[j].cls == "good" and assessed[j].on_topic is not False
    )


def _caption_reason(score: float) -> str:
    return (
        "shaped like a photo caption (position marker, caption verb, date, no final stop: "
        f"{score:.2f})"
    )


def _decision(line: Line, f: Features | None, mark: _Mark | None, a: Assessment) -> LineDecision:
    label = a.cls if line.view else "blank"
    if a.overlap is not None:
        label += f" ov={a.overlap:.2f}"
    if line.view:
        label += f" {a.region}"
    if f is not None and f.table:
        label += " table"
    if mark is None:
        return LineDecision(line.no, line.raw, True, None, None, a.score, "", label)
    return LineDecision(
        line.no, line.raw, False, mark.kind, mark.rule, mark.score, mark.reason, label
    )
