"""The page: the summary (counts, charts by kind and rule, the histogram of the share
removed), the documents that lost the most, each document shown, and the files that
could not be read. One HTML file, its style and script inline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from html import escape
from urllib.parse import urlencode

from .. import __version__
from ..corpus.review import LIMITS, ReviewLimits
from .assets import (
    CSS,
    HIGH_SHARE_BIN,
    HISTOGRAM,
    HISTOGRAM_HIGH,
    SCRIPT,
    colour,
    kind_css,
)
from .charts import STYLE, Bar, bar_chart, histogram
from .documents import count, document_view, kind_chips, percent, removed_kinds, worst_table
from .model import Count, Report

WIDE = replace(STYLE, width=800, value_width=190)  # the rules' chart: long labels
HALF = replace(STYLE, width=440, value_width=100)  # the kinds' charts, side by side


def page(r: Report, limits: ReviewLimits = LIMITS) -> str:
    """The whole page for report ``r``."""
    sections = [
        _summary(r),
        _by_kind(r),
        _rules(r, limits.rules_shown),
        _shares(r),
        f'<section id="worst"><h2>Documents that lost the most</h2>'
        f'<p class="muted">The {sum("worst" in d.why for d in r.docs)} documents that lost the '
        f"largest share of their words: look here first for article text that went.</p>"
        f"{worst_table(r.docs)}</section>",
        _documents(r, limits),
        _problems(r, limits.messages_shown),
    ]
    title = f"cleaner report: {r.files_read:,} files, {r.lines_removed:,} lines removed"
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}{kind_css()}</style></head><body><main>"
        + "".join(sections)
        + f"<footer>cleaner {escape(__version__)} · a self-contained page: it loads nothing"
        f"</footer></main><script>{SCRIPT}</script></body></html>\n"
    )


def _of(part: int, whole: int) -> str:
    return percent(part / whole) if whole else "0%"


def _card(key: str, value: int, label: str, warn: bool = False) -> str:
    cls = "card warn" if warn and value else "card"
    return (
        f'<div class="{cls}" id="stat-{key}"><b data-value="{value}">{value:,}</b>'
        f"<span>{escape(label)}</span></div>"
    )


def _summary(r: Report) -> str:
    cards = [
        _card("files_read", r.files_read, "files read"),
        _card("files_changed", r.files_changed, "files changed"),
        _card("files_unchanged", r.files_unchanged, "files unchanged"),
        _card("files_skipped", r.files_skipped, "files skipped"),
        _card("flagged", r.flagged, "documents flagged", warn=True),
        _card("errors", len(r.errors), "errors", warn=True),
    ]
    if r.records:
        cards.insert(1, _card("records", r.records, "JSONL records"))
    cards += [
        _card("lines_removed", r.lines_removed, f"lines removed ({_of(r.lines_removed, r.lines)})"),
        _card("words_removed", r.words_removed, f"words removed ({_of(r.words_removed, r.words)})"),
    ]
    lede = (
        f"Removed {r.lines_removed:,} of {r.lines:,} lines with text "
        f"({_of(r.lines_removed, r.lines)}) and {r.words_removed:,} of {r.words:,} words "
        f"({_of(r.words_removed, r.words)}) from {r.documents_changed:,} of "
        f"{r.documents_read:,} documents."
    )
    flagged = (
        f" {r.flagged:,} documents were left unchanged (flagged): everything in them would "
        "have gone."
        if r.flagged
        else ""
    )
    return (
        f'<section id="summary"><h1>What cleaner removed</h1><p class="lede">{lede}{flagged}'
        f'</p><div class="cards" style="margin-top:14px">{"".join(cards)}</div></section>'
    )


def _filter_link(**what: str) -> str:
    return "#" + urlencode(what)


def _by_kind(r: Report) -> str:
    lines = [_kind_bar(c, c.lines, count(c.lines, "line")) for c in r.kinds]
    by_words = sorted(r.kinds, key=lambda c: (-c.words, c.name))
    words = [_kind_bar(c, c.words, count(c.words, "word")) for c in by_words]
    return (
        '<section id="kinds"><h2>What was removed, by kind</h2><div class="grid2">'
        f'<figure id="chart-kind-lines">{bar_chart(lines, "Lines removed, by kind", HALF)}'
        "<figcaption>Lines removed</figcaption></figure>"
        f'<figure id="chart-kind-words">{bar_chart(words, "Words removed, by kind", HALF)}'
        "<figcaption>Words removed: long lines weigh more</figcaption></figure>"
        "</div></section>"
    )


def _kind_bar(c: Count, value: int, text: str) -> Bar:
    data = {"kind": c.name, "lines": str(c.lines), "words": str(c.words)}
    return Bar(c.name, value, text, colour(c.kind), _filter_link(kind=c.name), data)


def _rules(r: Report, shown: int) -> str:
    bars = [
        Bar(
            c.name if c.name.startswith(f"{c.kind}.") else f"{c.name} ({c.kind})",
            c.lines,
            f"{count(c.lines, 'line')} · {count(c.words, 'word')}",
            colour(c.kind),
            _filter_link(kind=c.kind, rule=c.name),
            {"rule": c.name, "kind": c.kind, "lines": str(c.lines), "words": str(c.words)},
        )
        for c in r.rules[:shown]
    ]
    more = len(r.rules) - shown
    note = f" The other {more:,} rules removed fewer lines." if more > 0 else ""
    return (
        '<section id="rules"><h2>Rules that fired most</h2><figure id="chart-rules">'
        f"{bar_chart(bars, 'Lines removed, by rule', WIDE)}<figcaption>Lines removed by each rule "
        "(<code>scorer</code>: the scorer, <code>html</code>: the page's markup), "
        f"coloured by kind; click a bar to show only its lines in the documents below.{note}"
        "</figcaption></figure></section>"
    )


def _shares(r: Report) -> str:
    n = len(r.histogram)
    labels = [f"{100 * i // n}–{100 * (i + 1) // n}%" for i in range(n)]
    colours = [HISTOGRAM_HIGH if i >= HIGH_SHARE_BIN else HISTOGRAM for i in range(n)]
    chart = histogram(r.histogram, labels, colours, "Documents by share of words removed")
    unchanged = r.documents_read - r.documents_changed
    return (
        '<section id="shares"><h2>How much of each document went</h2>'
        f'<figure id="chart-shares">{chart}<figcaption>Documents that lost something, by the '
        f"share of their words removed; red: more than half, where article text may have "
        f"gone. {unchanged:,} documents lost nothing and are not counted here."
        "</figcaption></figure></section>"
    )


def _documents(r: Report, limits: ReviewLimits) -> str:
    if not r.docs:
        none = '<p class="muted">No document lost anything.</p>'
        return f'<section id="documents"><h2>Documents</h2>{none}</section>'
    kinds: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    for d in r.docs:
        kinds.update(removed_kinds(d))
        rules.update(line.rule for line in d.view if line.kind)
    # Every kind and rule a chart links to can be chosen, even if no line shown has it
    # (its count, 0, says so), so the filter the address asks for is the one selected.
    kinds_shown = {c.name: kinds[c.name] for c in r.kinds} | kinds
    rules_shown = {c.name: rules[c.name] for c in r.rules[: limits.rules_shown]} | rules
    form = (
        '<form id="filter" class="filter" hidden>'
        f"<label>Kind {_select('kind', 'all kinds', kinds_shown)}</label>"
        f"<label>Rule {_select('rule', 'all rules', rules_shown)}</label>"
        f"<label>Shown as {_select('why', 'worst or sample', {'worst': None, 'sample': None})}"
        "</label>"
        '<span id="shown" class="muted"></span></form>'
        '<noscript><p class="muted">The filters need JavaScript: every document is shown.'
        "</p></noscript>"
    )
    views = "".join(document_view(i, d, limits.context) for i, d in enumerate(r.docs, 1))
    return (
        '<section id="documents"><h2>Documents</h2><p class="muted">The documents that lost the '
        "most, then a sample of all that lost something. Removed lines are struck through in "
        "place, coloured by kind, with their rule and score beside them; hover for the reason. "
        f"In all: {kind_chips(kinds)}</p>{form}{views}</section>"
    )


def _select(name: str, everything: str, counts: Mapping[str, int | None]) -> str:
    """A select of ``counts``' keys, most lines first, each with its count of lines in the
    documents shown (None: no count)."""
    options = "".join(
        f'<option value="{escape(k)}">{escape(k)}{_lines(n)}</option>'
        for k, n in sorted(counts.items(), key=lambda x: (-(x[1] or 0), x[0]))
    )
    return f'<select name="{name}"><option value="">{escape(everything)}</option>{options}</select>'


def _lines(n: int | None) -> str:
    return "" if n is None else f" ({count(n, 'line')})"


def _problems(r: Report, shown: int) -> str:
    if not r.errors and not r.skipped:
        return ""
    parts = [
        _messages("Errors", r.errors, shown, "errors"),
        _messages("Skipped (not text)", r.skipped, shown, "skipped"),
    ]
    return f'<section id="problems"><h2>Files not cleaned</h2>{"".join(parts)}</section>'


def _messages(title: str, messages: Sequence[str], shown: int, key: str) -> str:
    if not messages:
        return ""
    items = "".join(f"<li>{escape(m)}</li>" for m in messages[:shown])
    more = len(messages) - shown
    rest = (
        f'<p class="muted">… and {more:,} more (all are in the JSON report).</p>'
        if more > 0
        else ""
    )
    return (
        f'<h3>{escape(title)}: {len(messages):,}</h3><ul class="msgs" id="{key}">{items}</ul>{rest}'
    )
