"""Damage: how much of what a cleaner removes is article text, and which documents lost it.

Words are ``metrics.tokenize`` tokens (``\\w+`` runs), casefolded where sequences are matched.

**Against an article text** (article-extraction-benchmark ``articleBody``, WCXB
``main_content``): a removed line is *article* when its casefolded word sequence, of
``MIN_WORDS`` or more words, occurs in the ground truth's, **net of repeats**: if the ground
truth holds the sequence ``g`` times and the cleaned output still holds it ``o`` times, at most
``g - o`` of the removed copies are losses (the first ones, in line order). A repeat that the
output still holds as many times as the ground truth has it is not a loss. Lines of fewer than
``MIN_WORDS`` words never count as article: a lone "Read more", a name or a date occurs in most
articles, so their presence there says nothing.

**Against segments** (trafilatura-eval's ``with`` segments, which is all it has): a ``with``
segment is *missing* when the segment metric no longer finds it in the output (whitespace-
normalised substring, case-sensitive, as ``metrics.SegmentCounts``); a removed line is article
when it overlaps a missing segment: it contains one (the metric's own test, applied to the
line), or its casefolded word sequence of ``MIN_WORDS`` or more words occurs in one (the test
above, with the segment as the ground truth). Net of repeats follows: a segment the output
still holds is no loss.

Per document, the **recall drop** is recall as-is minus recall after cleaning: the shingle
recall of ``metrics.shingle_score`` against an article text; the share of ``with`` segments
found against segments. **Removal precision** over a set is the share of removed words that
are not article: ``1 - article words / removed words``, words pooled over its documents.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .metrics import normalize_ws, tokenize

MIN_WORDS = 3  # a removed line needs this many words to be recognised as article text
DROP_THRESHOLDS = (0.01, 0.05)  # recall drops reported: share of documents losing more
EPSILON = 1e-9  # float slack, so that 1.0 - 0.99 is not "more than 0.01"
GENERIC_RULES = ("scorer", "html")  # rule ids shared by many reasons: split by the reason
_NUMBER = re.compile(r"\d+(?:\.\d+)?|\bunknown\b")  # a count, score or overlap (or none)


def words(text: str) -> list[str]:
    """The casefolded word sequence of ``text``."""
    return [t.casefold() for t in tokenize(text)]


class WordText:
    """A text's casefolded word sequence, searched for runs of consecutive words."""

    def __init__(self, text: str) -> None:
        self._joined = " " + " ".join(words(text)) + " "

    def count(self, seq: Sequence[str]) -> int:
        """Occurrences of ``seq`` as consecutive words (overlapping ones included)."""
        if not seq:
            return 0
        needle = " " + " ".join(seq) + " "
        n, at = 0, self._joined.find(needle)
        while at >= 0:
            n += 1
            at = self._joined.find(needle, at + 1)
        return n


@dataclass(frozen=True, slots=True)
class Removed:
    """A removed line as the harness sees it (``rule`` already grouped by ``rule_key``)."""

    line_no: int
    text: str
    kind: str
    rule: str


def rule_key(rule: str, reason: str) -> str:
    """The group a removal counts under in "by rule" tables: the rule id, or for the ids
    that many reasons share (the scorer's, the HTML roles') the id and its reason with
    numbers masked, so one kind of decision is one row (an HTML role's reason names the
    role word, from the cleaner's vocabulary, not the page's own class)."""
    if rule not in GENERIC_RULES:
        return rule
    return f"{rule}: {_NUMBER.sub('N', reason)}"


def article_in_text(truth: str, removed: Sequence[Removed], output: str) -> list[bool]:
    """Which removed lines are article text of ``truth`` (see the module doc)."""
    copies: dict[tuple[str, ...], list[int]] = {}
    for i, line in enumerate(removed):
        seq = tuple(words(line.text))
        if len(seq) >= MIN_WORDS:
            copies.setdefault(seq, []).append(i)
    flags = [False] * len(removed)
    if not copies:
        return flags
    in_truth, in_output = WordText(truth), WordText(output)
    for seq, idx in copies.items():
        lost = in_truth.count(seq) - in_output.count(seq)
        for i in idx[: max(0, lost)]:
            flags[i] = True
    return flags


def article_in_segments(
    with_: Sequence[str], removed: Sequence[Removed], output: str
) -> list[bool]:
    """Which removed lines overlap a ``with`` segment missing from ``output``."""
    found_in = normalize_ws(output)
    missing = [s for s in map(normalize_ws, with_) if s not in found_in]
    if not missing:
        return [False] * len(removed)
    texts = [WordText(s) for s in missing]
    flags = []
    for line in removed:
        flat, seq = normalize_ws(line.text), words(line.text)
        long_enough = len(seq) >= MIN_WORDS
        flags.append(
            any(
                s in flat or (long_enough and t.count(seq) > 0)
                for s, t in zip(missing, texts, strict=True)
            )
        )
    return flags


@dataclass(frozen=True)
class DocDamage:
    """One document's damage: its removals (words by kind and rule), the article among them,
    and its recall before and after cleaning (None where the truth is empty)."""

    removed_lines: int
    removed_words: int
    article_words: int
    by_rule: dict[tuple[str, str], tuple[int, int]]  # (kind, rule) -> (removed, article) words
    article_lines: tuple[Removed, ...]  # the removed lines judged article, for listings
    recall_before: float | None
    recall_after: float | None

    @property
    def drop(self) -> float:
        """Recall lost by cleaning (0 when recall is undefined or went up)."""
        if self.recall_before is None or self.recall_after is None:
            return 0.0
        return max(0.0, self.recall_before - self.recall_after)

    def dropped_more_than(self, threshold: float) -> bool:
        """Whether the recall drop exceeds ``threshold`` (with float slack)."""
        return self.drop > threshold + EPSILON


def doc_damage(
    removed: Sequence[Removed],
    article: Sequence[bool],
    recall_before: float | None,
    recall_after: float | None,
) -> DocDamage:
    """Count one document's removed and article words, by (kind, rule)."""
    by_rule: dict[tuple[str, str], tuple[int, int]] = {}
    lines = []
    removed_words = article_words = 0
    for line, is_article in zip(removed, article, strict=True):
        n = len(tokenize(line.text))
        a = n if is_article else 0
        removed_words += n
        article_words += a
        r, aw = by_rule.get((line.kind, line.rule), (0, 0))
        by_rule[(line.kind, line.rule)] = (r + n, aw + a)
        if is_article:
            lines.append(line)
    return DocDamage(
        len(removed),
        removed_words,
        article_words,
        by_rule,
        tuple(lines),
        recall_before,
        recall_after,
    )


@dataclass
class Damage:
    """Damage pooled over documents: words, recall drops, words by kind and by rule."""

    docs: int = 0
    removed_lines: int = 0
    removed_words: int = 0
    article_words: int = 0
    dropped: Counter[float] = field(default_factory=Counter)  # threshold -> documents
    removed_by_rule: Counter[tuple[str, str]] = field(default_factory=Counter)
    article_by_rule: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, doc: DocDamage) -> None:
        """Count one more document."""
        self.docs += 1
        self.removed_lines += doc.removed_lines
        self.removed_words += doc.removed_words
        self.article_words += doc.article_words
        for t in DROP_THRESHOLDS:
            self.dropped[t] += doc.dropped_more_than(t)
        for key, (r, a) in doc.by_rule.items():
            self.removed_by_rule[key] += r
            self.article_by_rule[key] += a

    @classmethod
    def of(cls, docs: Iterable[DocDamage]) -> Damage:
        """Pool ``docs``."""
        total = cls()
        for d in docs:
            total.add(d)
        return total

    @property
    def precision(self) -> float | None:
        """Share of removed words that are not article; None when nothing was removed."""
        if not self.removed_words:
            return None
        return 1.0 - self.article_words / self.removed_words

    def share_dropped(self, threshold: float) -> float | None:
        """Share of documents whose recall dropped by more than ``threshold``."""
        return self.dropped[threshold] / self.docs if self.docs else None

    def by_kind(self) -> dict[str, tuple[int, int]]:
        """(removed, article) words per kind."""
        out: dict[str, tuple[int, int]] = {}
        for (kind, _), r in self.removed_by_rule.items():
            prev = out.get(kind, (0, 0))
            out[kind] = (prev[0] + r, prev[1])
        for (kind, _), a in self.article_by_rule.items():
            prev = out[kind]
            out[kind] = (prev[0], prev[1] + a)
        return out
