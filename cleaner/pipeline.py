"""The Cleaner: segment -> features -> rules -> decide (passes of the scorer) -> render."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Generic, TypeVar
from urllib.parse import urlsplit

from . import language, tables
from . import rules as rules_mod
from .captions import CaptionScorer
from .decide import Judges, PassInput, decide_document
from .features import FeatureTable, LineHint, TableFiller, token_table
from .heuristics import Params, preset
from .render import render
from .result import CleanResult, LineDecision, LineDecisions
from .rules import Rule
from .segment import Line, segment

S = TypeVar("S", str, bytes)  # what a Handover holds

NOTHING_EXTRACTED = (
    "no article text could be extracted from a page that has text (trafilatura found "
    "nothing: the markup may be nested too deeply for the parser)"
)


class Cleaner:
    """Compile the rules once, then clean many documents.

    ``rules`` adds rule files or directories after the built-in packs (``builtin_rules=False``
    leaves those out). ``url`` is the default page address, which switches on per-site rules;
    each call can pass its own. ``language`` forces the stoplist instead of guessing it.
    ``mode`` trades recall for precision: ``conservative``, ``balanced`` (the default) or
    ``aggressive`` (see ``heuristics.preset``); ``params`` sets every threshold instead
    (see ``cleaner.heuristics``; a mode's preset is the starting point). A Cleaner holds no
    per-document state, so it is safe to share between threads, and it pickles (for
    process pools) by re-reading nothing: the parsed rules travel with it.
    """

    def __init__(
        self,
        rules: Iterable[str | Path] = (),
        url: str | None = None,
        *,
        builtin_rules: bool = True,
        language: str | None = None,
        mode: str = "balanced",
        params: Params | None = None,
    ) -> None:
        if params is not None and mode != "balanced":
            raise ValueError("give a mode or params, not both: params can start from preset(mode)")
        self.ruleset = rules_mod.load(rules, builtin=builtin_rules)
        self.url = url
        self.language = language
        self.mode = mode
        self.params = params if params is not None else preset(mode)
        self.captions = CaptionScorer(
            self.ruleset.get_list("caption_verbs"),
            self.ruleset.get_list("months"),
            self.params.captions,
        )

    def clean(self, text: str, url: str | None = None) -> CleanResult:
        """Remove the junk lines of ``text``; see ``CleanResult``."""
        if not isinstance(text, str):
            hint = (
                ": decode it first (data.decode('utf-8'), or cleaner.files.decode(data).text "
                "to detect the encoding), or pass HTML to clean_html()"
                if isinstance(text, bytes | bytearray)
                else ""
            )
            raise TypeError(f"clean() takes the text as a str, not {type(text).__name__}{hint}")
        return self._clean(text, url, None)

    def clean_handed(self, handover: Handover[str], url: str | None = None) -> CleanResult:
        """``clean`` of the text in ``handover``, which the cleaner takes out of it once it
        has split it into lines: a caller that keeps no other reference to the text (the
        field of a JSONL record, which may be tens of megabytes) has it freed for the
        clean, the text of a document that holds one emoji costing 4 bytes a character."""
        return self._clean(handover, url, None)

    def clean_html(self, html: str | bytes, url: str | None = None) -> CleanResult:
        """Extract the article from ``html`` with trafilatura, then clean it like text.

        ``result.text`` is the extracted article minus junk, one block per line;
        ``result.removed`` numbers lines of that extracted text. The markup tells each
        line's share of text inside links and the role its element names (see ``html``).
        """
        if not isinstance(html, str | bytes):
            raise TypeError(f"clean_html() takes str or bytes, not {type(html).__name__}")
        from .html import extract_blocks, has_text

        blocks = extract_blocks(html, self.params)
        if not blocks and has_text(html):
            return CleanResult("", [], True, NOTHING_EXTRACTED, warnings=[NOTHING_EXTRACTED])
        hints = [b.hint() for b in blocks]
        return self._clean("\n".join(b.text for b in blocks), url, hints)

    def explain(self, text: str, url: str | None = None) -> list[LineDecision]:
        """Every input line with its verdict: keep or drop, kind, rule, score and reason."""
        return list(self.clean(text, url).lines)

    def _clean(
        self, source: str | Handover[str], url: str | None, hints: Sequence[LineHint | None] | None
    ) -> CleanResult:
        """Clean ``source``'s text; ``hints`` (HTML input only: one per line) say what the
        markup said about each line."""
        text = source.take() if isinstance(source, Handover) else source
        if not text:
            return CleanResult(text, [])
        lines = segment(text)
        bom = text.startswith("\ufeff")
        # A handed text goes now: the lines hold it (see ``clean_handed``). A text passed
        # as such is the caller's anyway: kept, it is the output when nothing goes.
        whole = None if isinstance(source, Handover) else text
        del text
        warnings: list[str] = []
        analysis = _Analysis(self, lines, _host(url or self.url), hints, warnings)
        lang = analysis.lang
        outcome = decide_document(lines, hints, Judges(self.captions, self.params), analysis)
        # The document's features and rule hits go before its output and removals are
        # built (the last pass's view holds its own lines' features).
        del analysis
        if outcome.emptied:
            return _flagged(whole or _joined(lines), lang, outcome.decisions(), warnings)
        kept_all = all(outcome.keep)
        out = (whole or _joined(lines)) if kept_all else render(lines, outcome.keep, bom)
        removed = outcome.removals()
        decisions = LineDecisions(outcome.decisions, lambda: (line.raw for line in lines))
        return CleanResult(out, removed, language=lang, lines=decisions, warnings=warnings)


class Handover(Generic[S]):
    """A value handed over by its holder, whose receiver takes it out (``take``): a large
    one (a document's text, a JSONL record's line) is then held by the receiver alone, which
    can let it go or shrink it while the holder still holds the handover."""

    __slots__ = ("_value",)

    def __init__(self, value: S) -> None:
        self._value: S = value

    def __len__(self) -> int:
        return len(self._value)

    def take(self) -> S:
        """The value, which this handover no longer holds (it holds an empty one)."""
        value = self._value
        self._value = value[:0]
        return value


def _joined(lines: Sequence[Line]) -> str:
    """The text ``lines`` were split from, as it was."""
    return "".join([s for line in lines for s in (line.raw, line.end)])


class _Analysis:
    """What a clean of the lines left would find in them: the language guessed from their
    text, each line's features and rule hit (computed once per language: they do not
    depend on the other lines), and the tables they form (found again every pass, since
    removing a line can break a table's rows)."""

    def __init__(
        self,
        cleaner: Cleaner,
        lines: list[Line],
        host: str | None,
        hints: Sequence[LineHint | None] | None,
        warnings: list[str],
    ) -> None:
        self.cleaner, self.lines, self.host, self.hints = cleaner, lines, host, hints
        self.warnings = warnings
        self._by_lang: dict[str | None, tuple[FeatureTable, array[int], list[Rule | None]]] = {}
        self._words: dict[int, list[str]] = {}
        self._guesses: dict[tuple[str, ...], str | None] = {}
        self.lang = cleaner.language or self._guess(range(len(lines)))

    def __call__(self, positions: Sequence[int]) -> PassInput:
        lang = self.lang
        if self.cleaner.language is None and len(positions) < len(self.lines):
            lang = self._guess(positions)
        feats, rows, hits = self._lines(lang)
        cells, numbers = _tables(self.lines, feats, rows, positions, self.cleaner.params)
        if cells:
            feats = feats.with_cells(rows[i] for i in cells)
            hits = list(hits)
            for i in numbers:
                hits[i] = None  # a number in a data table is data, not a page number
        return PassInput(feats, rows, hits, bool(language.stoplist(lang)))

    def _guess(self, positions: Iterable[int]) -> str | None:
        """``language.guess_text`` of the lines at ``positions`` joined by newlines.

        The same sample, the text's first ``SAMPLE_WORDS`` lower-cased tokens, is taken
        from each line's own tokens (no token spans a line), tokenised once per document;
        a pass whose sample is that of an earlier one (its removals came after it) takes
        that pass's guess.
        """
        sample: list[str] = []
        for i in positions:
            words = self._words.get(i)
            if words is None:
                words = self._words[i] = language.lower_tokens(self.lines[i].raw)
            sample += words
            if len(sample) >= language.SAMPLE_WORDS:
                break
        key = tuple(sample[: language.SAMPLE_WORDS])
        if key not in self._guesses:
            self._guesses[key] = language.guess(key)
        return self._guesses[key]

    def _lines(self, lang: str | None) -> tuple[FeatureTable, array[int], list[Rule | None]]:
        """Features of every non-blank line under ``lang``, the row of the table each
        line is (-1 for blank lines), and every line's rule hit (None for blank lines)."""
        found = self._by_lang.get(lang)
        if found is not None:
            return found
        table = token_table(language.stoplist(lang))
        table.trim()
        matcher = self.cleaner.ruleset.matcher(self.host, lang)
        shape = self.cleaner.params.shape
        editorial = self.cleaner.params.decide.editorial_rules
        hints = self.hints
        # Rule timeouts are reported once, for the first language only.
        warnings = self.warnings if not self._by_lang else None
        filler = TableFiller(table, shape)
        rows = array("i", [-1]) * len(self.lines)
        hits: list[Rule | None] = [None] * len(self.lines)
        for i, line in enumerate(self.lines):
            if line.blank:
                continue
            hint = hints[i] if hints and i < len(hints) else None
            rows[i] = filler.add(line.view, 0.0 if hint is None else hint.link_share)
            hit = matcher.match(line.view, warnings)
            hits[i] = hit if hit is None or editorial or not hit.editorial else None
        found = self._by_lang[lang] = filler.done(), rows, hits
        return found


def _tables(
    lines: list[Line],
    feats: FeatureTable,
    rows: Sequence[int],
    positions: Sequence[int],
    params: Params,
) -> tuple[list[int], list[int]]:
    """The lines (of those at ``positions``) that are cells of a table printed one cell per
    line, and those of them that are numbers."""
    at = [i for i in positions if rows[i] >= 0]
    found = [rows[i] for i in at]
    cells, numbers = tables.cells([lines[i].view for i in at], feats, found, params.tables)
    return [at[k] for k in sorted(cells)], [at[k] for k in sorted(numbers)]


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
