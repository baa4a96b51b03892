"""The Cleaner: segment -> features -> rules -> score -> decide -> render."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from . import language, tables
from . import rules as rules_mod
from .decide import Verdicts, decide
from .features import Features, LineHint, extract, token_table
from .render import render
from .result import CleanResult, LineDecision, Removal
from .rules import Rule
from .scorer import FURNITURE, Scorer
from .segment import Line, segment

# Passes of decide, the last one confirming that nothing more goes. Of the 1 898 scraped texts
# in the dev benchmarks, 1 055 need one pass, 804 two, 21 three and one whole-page text five
# (each pass sees the page with less furniture and finds the next layer): 8 leaves room and
# still bounds the work on adversarial input to a constant factor.
MAX_PASSES = 8


class Cleaner:
    """Compile the rules once, then clean many documents.

    ``rules`` adds rule files or directories after the built-in packs (``builtin_rules=False``
    leaves those out). ``url`` is the default page address, which switches on per-site rules;
    each call can pass its own. ``language`` forces the stoplist instead of guessing it.
    A Cleaner holds no per-document state, so it is safe to share between threads, and it
    pickles (for process pools) by re-reading nothing: the parsed rules travel with it.
    """

    def __init__(
        self,
        rules: Iterable[str | Path] = (),
        url: str | None = None,
        *,
        builtin_rules: bool = True,
        language: str | None = None,
    ) -> None:
        self.ruleset = rules_mod.load(rules, builtin=builtin_rules)
        self.url = url
        self.language = language
        self.scorer = Scorer(
            self.ruleset.get_list("caption_verbs"), self.ruleset.get_list("months")
        )

    def clean(
        self,
        text: str,
        url: str | None = None,
        *,
        hints: Sequence[LineHint | None] | None = None,
    ) -> CleanResult:
        """Remove the junk lines of ``text``; see ``CleanResult``.

        ``hints`` (one per line of ``text``, from markup) is how ``clean_html`` passes on
        what the HTML said about each line.
        """
        if not text:
            return CleanResult(text, [])
        host = _host(url or self.url)
        lines = segment(text)
        keep = [True] * len(lines)
        decisions: dict[int, LineDecision] = {}
        warnings: list[str] = []
        lang = self.language or language.guess_text(text)
        # Decide again on the output until nothing more goes (at most MAX_PASSES): a second
        # look sees the article without its junk, and this makes clean() idempotent.
        feats, hits = self._analyse(lines, host, lang, warnings, hints)
        stop = bool(language.stoplist(lang))
        current = list(range(len(lines)))
        out = text
        for _ in range(MAX_PASSES):
            verdicts = decide(
                [lines[i] for i in current],
                [feats[i] for i in current],
                [hits[i] for i in current],
                self.scorer,
                stop,
                [hints[i] if i < len(hints) else None for i in current] if hints else None,
                _separated(current, decisions),
            )
            dropped = verdicts.dropped()
            for k in dropped:
                decisions[current[k]] = verdicts.decision(k)
            if not dropped:
                break
            for k in dropped:
                keep[current[k]] = False
            if not any(k and not line.blank for k, line in zip(keep, lines, strict=True)):
                _decide_kept(decisions, verdicts, current)
                return _flagged(text, lang, decisions, lines, warnings)
            decided = current
            out, current = render(lines, keep, bom=text.startswith("\ufeff"))
        else:
            current = decided  # the last pass's lines, which its verdicts are about
        _decide_kept(decisions, verdicts, current)
        ordered = [decisions.get(i) or _kept(lines[i]) for i in range(len(lines))]
        removed = [
            Removal(d.line_no, d.text, d.kind, d.rule or "scorer", d.score, d.reason)
            for d in ordered
            if not d.keep and d.kind is not None
        ]
        return CleanResult(out, removed, language=lang, lines=ordered, warnings=warnings)

    def clean_html(self, html: str | bytes, url: str | None = None) -> CleanResult:
        """Extract the article from ``html`` with trafilatura, then clean it like text.

        ``result.text`` is the extracted article minus junk, one block per line;
        ``result.removed`` numbers lines of that extracted text.
        """
        from .html import extract_blocks

        blocks = extract_blocks(html)
        hints = [b.hint() for b in blocks]
        return self.clean("\n".join(b.text for b in blocks), url, hints=hints)

    def explain(self, text: str, url: str | None = None) -> list[LineDecision]:
        """Every input line with its verdict: keep or drop, kind, rule, score and reason."""
        return self.clean(text, url).lines

    def _analyse(
        self,
        lines: list[Line],
        host: str | None,
        lang: str | None,
        warnings: list[str],
        hints: Sequence[LineHint | None] | None,
    ) -> tuple[list[Features | None], list[Rule | None]]:
        """Features and rule hits of every line, once: later passes reuse them."""
        table = token_table(language.stoplist(lang))
        table.trim()
        matcher = self.ruleset.matcher(host, lang)
        feats: list[Features | None] = []
        hits: list[Rule | None] = []
        for k, line in enumerate(lines):
            if line.blank:
                feats.append(None)
                hits.append(None)
                continue
            f = extract(line.view, table)
            hint = hints[k] if hints and k < len(hints) else None
            if hint is not None:
                f.link_share = hint.link_share
            feats.append(f)
            hits.append(matcher.match(line.view, warnings))
        table_cells, numbers = tables.cells([line.view for line in lines], feats)
        for i in table_cells:
            feats[i].table = feats[i].cell = True  # type: ignore[union-attr]
        for i in numbers:
            hits[i] = None  # a number in a data table is data, not a page number
        return feats, hits


def _host(url: str | None) -> str | None:
    """The page's host name, or None; a malformed URL only loses per-site rules."""
    if not url:
        return None
    try:
        return urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None


def _decide_kept(
    decisions: dict[int, LineDecision], verdicts: Verdicts, current: list[int]
) -> None:
    """Accounts for the lines the last pass kept (removed lines got theirs when they went)."""
    for k, i in enumerate(current):
        if i not in decisions:
            decisions[i] = verdicts.decision(k)


def _kept(line: Line) -> LineDecision:
    return LineDecision(line.no, line.raw, True, None, None, 0.0, "", "blank")


def _flagged(
    text: str,
    lang: str | None,
    decisions: dict[int, LineDecision],
    lines: list[Line],
    warnings: list[str],
) -> CleanResult:
    reason = "every non-blank line would be removed; the document is returned unchanged"
    kept = [
        LineDecision(line.no, line.raw, True, None, None, d.score, d.reason, d.label)
        for line, d in ((line, decisions.get(i) or _kept(line)) for i, line in enumerate(lines))
    ]
    return CleanResult(text, [], True, reason, lang, kept, warnings)


def _separated(current: Sequence[int], decisions: dict[int, LineDecision]) -> list[bool] | None:
    """Per gap between remaining lines (before the first, between each two, after the
    last): whether an earlier pass removed page furniture there; None when none did.

    A later pass no longer sees those lines, but the scorer still needs to know that
    boilerplate separated what remains from the article.
    """
    barriers = {j for j, d in decisions.items() if d.kind in FURNITURE}
    if not barriers:
        return None
    out = []
    prev = -1
    for i in [*current, max(decisions, default=-1) + 1]:
        out.append(any(j in barriers for j in range(prev + 1, i)))
        prev = i
    return out
