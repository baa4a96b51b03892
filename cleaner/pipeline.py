"""The Cleaner: segment -> features -> rules -> decide (passes of the scorer) -> render."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from . import language, tables
from . import rules as rules_mod
from .captions import CaptionScorer
from .decide import Judges, decide_document
from .features import Features, LineHint, extract, token_table
from .heuristics import DEFAULT, Params
from .render import render
from .result import CleanResult, LineDecision, Removal
from .rules import Rule
from .segment import Line, segment


class Cleaner:
    """Compile the rules once, then clean many documents.

    ``rules`` adds rule files or directories after the built-in packs (``builtin_rules=False``
    leaves those out). ``url`` is the default page address, which switches on per-site rules;
    each call can pass its own. ``language`` forces the stoplist instead of guessing it.
    ``params`` sets the heuristics' thresholds (see ``cleaner.heuristics``; the defaults are
    the tool's behaviour). A Cleaner holds no per-document state, so it is safe to share
    between threads, and it pickles (for process pools) by re-reading nothing: the parsed
    rules travel with it.
    """

    def __init__(
        self,
        rules: Iterable[str | Path] = (),
        url: str | None = None,
        *,
        builtin_rules: bool = True,
        language: str | None = None,
        params: Params = DEFAULT,
    ) -> None:
        self.ruleset = rules_mod.load(rules, builtin=builtin_rules)
        self.url = url
        self.language = language
        self.params = params
        self.captions = CaptionScorer(
            self.ruleset.get_list("caption_verbs"), self.ruleset.get_list("months"), params.captions
        )

    def clean(self, text: str, url: str | None = None) -> CleanResult:
        """Remove the junk lines of ``text``; see ``CleanResult``."""
        return self._clean(text, url, None)

    def clean_html(self, html: str | bytes, url: str | None = None) -> CleanResult:
        """Extract the article from ``html`` with trafilatura, then clean it like text.

        ``result.text`` is the extracted article minus junk, one block per line;
        ``result.removed`` numbers lines of that extracted text. The markup tells each
        line's share of text inside links and the role its element names (see ``html``).
        """
        from .html import extract_blocks

        blocks = extract_blocks(html, self.params)
        hints = [b.hint() for b in blocks]
        return self._clean("\n".join(b.text for b in blocks), url, hints)

    def explain(self, text: str, url: str | None = None) -> list[LineDecision]:
        """Every input line with its verdict: keep or drop, kind, rule, score and reason."""
        return self.clean(text, url).lines

    def _clean(
        self, text: str, url: str | None, hints: Sequence[LineHint | None] | None
    ) -> CleanResult:
        """Clean ``text``; ``hints`` (HTML input only: one per line) say what the markup
        said about each line."""
        if not text:
            return CleanResult(text, [])
        lines = segment(text)
        warnings: list[str] = []
        lang = self.language or language.guess_text(text)
        feats, hits = self._analyse(lines, _host(url or self.url), lang, warnings, hints)
        judges = Judges(self.captions, self.params, bool(language.stoplist(lang)))
        outcome = decide_document(lines, feats, hits, hints, judges)
        if outcome.emptied:
            return _flagged(text, lang, outcome.decisions, warnings)
        out = text if all(outcome.keep) else render(lines, outcome.keep, text.startswith("\ufeff"))
        removed = [
            Removal(d.line_no, d.text, d.kind, d.rule or "scorer", d.score, d.reason)
            for d in outcome.decisions
            if not d.keep and d.kind is not None
        ]
        return CleanResult(out, removed, language=lang, lines=outcome.decisions, warnings=warnings)

    def _analyse(
        self,
        lines: list[Line],
        host: str | None,
        lang: str | None,
        warnings: list[str],
        hints: Sequence[LineHint | None] | None,
    ) -> tuple[list[Features | None], list[Rule | None]]:
        """Features and rule hits of every line (None for blank lines), once: every pass
        of decide reuses them."""
        table = token_table(language.stoplist(lang))
        table.trim()
        matcher = self.ruleset.matcher(host, lang)
        shape = self.params.shape
        at: list[int] = []  # positions of the non-blank lines
        found: list[Features] = []
        hits: list[Rule | None] = [None] * len(lines)
        for i, line in enumerate(lines):
            if line.blank:
                continue
            f = extract(line.view, table, shape)
            hint = hints[i] if hints and i < len(hints) else None
            at.append(i)
            found.append(f if hint is None else f.with_link_share(hint.link_share))
            hits[i] = matcher.match(line.view, warnings)
        table_cells, numbers = tables.cells([lines[i].view for i in at], found, self.params.tables)
        for k in table_cells:
            found[k] = found[k].as_cell()
        for k in numbers:
            hits[at[k]] = None  # a number in a data table is data, not a page number
        feats: list[Features | None] = [None] * len(lines)
        for i, f in zip(at, found, strict=True):
            feats[i] = f
        return feats, hits


def _host(url: str | None) -> str | None:
    """The page's host name, or None; a malformed URL only loses per-site rules."""
    if not url:
        return None
    try:
        return urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None


def _flagged(
    text: str, lang: str | None, decisions: list[LineDecision], warnings: list[str]
) -> CleanResult:
    reason = "every non-blank line would be removed; the document is returned unchanged"
    kept = [
        LineDecision(d.line_no, d.text, True, None, None, d.score, d.reason, d.label)
        for d in decisions
    ]
    return CleanResult(text, [], True, reason, lang, kept, warnings)
