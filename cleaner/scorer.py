"""The heuristic scorer: what rules cannot list.

Three stages, as in jusText:

1. Context-free: each line alone gets a class from its shallow features: ``good`` (prose),
   ``near`` (a short sentence), ``short`` (a title, subhead, headline or menu entry) or
   ``bad`` (link, number or keyword debris). Captions are recognised here by their shape.
2. Topic: each line's content words are looked up in the rest of the document's prose,
   leaving out its immediate neighbours (a headline and its own teaser share words, but a
   list of unrelated stories shares none with the article). That gives ``overlap``.
3. Context: the article is the densest run of on-topic prose (a maximum-sum segment, as in
   boilerpipe); inside it short lines are subheads and stay. Before and after it, lines are
   judged against it: a menu-like run of short lines is navigation, and a tail made of
   headline-like lines and off-topic teasers is a related-stories list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .features import Features
from .result import Kind

GOOD_MIN_WORDS = 8
LONG_UNPUNCTUATED = 25
ON_TOPIC = 0.3
MIN_CONTENT = 3
MIN_PROSE_FOR_TOPIC = 5
NAV_MAX_WORDS = 4
NAV_MIN_RUN = 4
CAPTION_MIN = 0.7

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
    caption: float = 0.0
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
        self, feats: Sequence[Features | None], skip: Sequence[bool], has_stoplist: bool
    ) -> list[Assessment]:
        """Assess every line; ``skip`` marks lines already removed (rules, duplicates)."""
        out = [Assessment() for _ in feats]
        for a, f in zip(out, feats, strict=True):
            if f is not None:
                a.cls = classify(f, has_stoplist)
        self._topic(feats, out, skip)
        self._regions(feats, out, skip)
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
        self, feats: Sequence[Features | None], out: list[Assessment], skip: Sequence[bool]
    ) -> None:
        idx = [i for i, f in enumerate(feats) if f is not None and not skip[i]]
        prose = [i for i in idx if out[i].cls in ("good", "near")]
        if len(prose) < MIN_PROSE_FOR_TOPIC:
            return  # too little text to tell on-topic from off-topic: everything is unknown
        counted = {i for i in prose}
        df: Counter[str] = Counter()
        for i in prose:
            df.update(feats[i].content)  # type: ignore[union-attr]
        for k, i in enumerate(idx):
            f = feats[i]
            assert f is not None
            if len(f.content) < MIN_CONTENT:
                continue
            near = [idx[j] for j in (k - 1, k + 1) if 0 <= j < len(idx) and idx[j] in counted]
            if i in counted:
                near.append(i)
            hits = 0
            for w in f.content:
                own = sum(1 for j in near if w in feats[j].content)  # type: ignore[union-attr]
                if df[w] - own > 0:
                    hits += 1
            out[i].overlap = hits / len(f.content)

    # -- stage 3: regions -----------------------------------------------------------------

    def _regions(
        self, feats: Sequence[Features | None], out: list[Assessment], skip: Sequence[bool]
    ) -> None:
        idx = [i for i, f in enumerate(feats) if f is not None and not skip[i]]
        if not idx:
            return
        start, end = _densest_run([_weight(out[i]) for i in idx])
        if start is None or end is None:
            return
        for k, i in enumerate(idx):
            out[i].region = "head" if k < start else "tail" if k > end else "body"
        head, tail = idx[:start], idx[end + 1 :]
        self._menus(head, feats, out)
        self._menus(tail, feats, out)
        self._related_tail([i for i in tail if out[i].kind is None], feats, out)

    def _menus(
        self, region: list[int], feats: Sequence[Features | None], out: list[Assessment]
    ) -> None:
        """Runs of very short lines outside the article: menus, tag lists, breadcrumbs."""
        run: list[int] = []
        for i in [*region, -1]:
            f = feats[i] if i >= 0 else None
            if f is not None and f.words <= NAV_MAX_WORDS and not f.terminal:
                run.append(i)
                continue
            if len(run) >= NAV_MIN_RUN:
                for j in run:
                    out[j].kind, out[j].score = Kind.NAVIGATION, 0.8
                    out[
                        j
                    ].reason = (
                        f"outside the article, in a run of {len(run)} very short lines (a menu)"
                    )
            run = []

    def _related_tail(
        self, tail: list[int], feats: Sequence[Features | None], out: list[Assessment]
    ) -> None:
        """After the article: headline-like lines mixed with off-topic teasers."""
        if not tail:
            return
        headlines = [i for i in tail if feats[i].headline_like and not out[i].on_topic]  # type: ignore[union-attr]
        off = [i for i in tail if out[i].on_topic is not True]
        share = len(off) / len(tail)
        if len(headlines) < 2 or share < 0.6:
            return
        for i in tail:
            a = out[i]
            a.kind = Kind.RELATED
            a.score = round(0.5 + 0.5 * share, 3)
            ov = "unknown" if a.overlap is None else f"{a.overlap:.2f}"
            a.reason = (
                f"after the article's end, in a list of {len(headlines)} headline-like lines "
                f"and teasers off the article's topic (overlap {ov})"
            )


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


def _weight(a: Assessment) -> float:
    """A line's pull towards being inside the article, for the densest-run search."""
    if a.cls == "good":
        return 1.0 if a.on_topic is not False else -0.5
    if a.cls == "near":
        return 0.3 if a.on_topic is not False else -0.2
    if a.cls == "bad":
        return -0.5
    return -0.1


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
