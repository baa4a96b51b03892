"""The documents shown: the table of those that lost the most, and each document's lines
with the removed ones struck through in place, coloured by kind, with their rule, score
and reason. Their text is scraped and untrusted: every piece of it is escaped."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from html import escape

from .model import Doc, Line


def anchor(i: int) -> str:
    """The id of the ``i``-th document shown (from 1)."""
    return f"doc-{i}"


def percent(share: float) -> str:
    """A share as the page writes it: ``12.3%``; under 0.1% but not 0 as ``<0.1%``."""
    if 0 < share < 0.001:
        return "<0.1%"
    return f"{share:.1%}"


def kind_chips(counts: Counter[str]) -> str:
    """A coloured chip per kind, most lines first, each with its count."""
    return "".join(
        f'<span class="chip k-{escape(k)}">{escape(k)} {n}</span>'
        for k, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    )


def removed_kinds(doc: Doc) -> Counter[str]:
    """Removed lines per kind among the lines the view shows."""
    return Counter(line.kind for line in doc.view if line.kind)


def worst_table(docs: Sequence[Doc]) -> str:
    """The documents shown for their loss, most lost first, linked to their view."""
    rows = []
    for i, d in enumerate(docs, 1):
        if "worst" not in d.why:
            continue
        rows.append(
            f"<tr><td class=num>{i}</td>"
            f'<td class=path><a href="#{anchor(i)}">{escape(d.name)}</a></td>'
            f'<td class=num data-share="{d.share:.4f}"><span class=meter>'
            f'<i style="width:{min(100.0, 100 * d.share):.1f}%"></i></span>'
            f"<span class=pct>{percent(d.share)}</span></td>"
            f"<td class=num>{d.words_removed:,} of {d.words:,}</td>"
            f"<td class=num>{d.lines_removed:,} of {d.lines:,}</td>"
            f"<td>{kind_chips(removed_kinds(d))}</td></tr>"
        )
    if not rows:
        return '<p class="muted">No document lost anything.</p>'
    head = (
        "<tr><th class=num>#</th><th>document</th><th class=num>share removed</th>"
        "<th class=num>words removed</th><th class=num>lines removed</th><th>kinds</th></tr>"
    )
    return f'<table id="worst-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def count(n: int, word: str) -> str:
    """``1 line``, ``2 lines``, ``1,234 lines``."""
    return f"{n:,} {word}{'s' * (n != 1)}"


def document_view(i: int, doc: Doc, context: int) -> str:
    """One document: a header saying what it lost, then its lines."""
    tags = "".join(
        f'<span class="tag {escape(w)}">{"worst #" + str(i) if w == "worst" else escape(w)}</span>'
        for w in doc.why
    )
    meta = (
        f"{tags}{percent(doc.share)} of its words removed: {doc.words_removed:,} of "
        f"{doc.words:,} words, {doc.lines_removed:,} of {doc.lines:,} lines"
    )
    lines = "".join(_folded(doc.view, context))
    return (
        f'<article class="doc" id="{anchor(i)}" data-why="{escape(" ".join(doc.why))}">'
        f"<header><h3>{escape(doc.name)}</h3><p class=meta>{meta}</p></header>"
        f'<ol class="lines">{lines}</ol></article>'
    )


def _folded(view: Sequence[Line], context: int) -> Iterator[str]:
    """The lines as list items; of each run of kept lines, those more than ``context``
    lines from a removal (or from the top) fold away under a summary that opens them."""
    run: list[Line] = []
    after = True  # the top counts as a removal: a document's first lines name it
    for line in (*view, None):
        if line is not None and not line.kind and not line.hidden:
            run.append(line)
            continue
        before = line is not None and bool(line.kind)
        head = run[:context] if after else []
        tail = run[len(head) :][-context:] if before and context else []
        middle = run[len(head) : len(run) - len(tail)]
        if len(middle) < 2:
            head, middle, tail = run, [], []
        yield from map(_line, head)
        if middle:
            span = f"{middle[0].line_no}–{middle[-1].line_no}"
            yield (
                f'<li class="fold"><details><summary>{count(len(middle), "kept line")} '
                f'({span})</summary><ol class="lines">{"".join(map(_line, middle))}</ol>'
                "</details></li>"
            )
        yield from map(_line, tail)
        if line is not None:
            yield _line(line)
        run, after = [], before


def _line(line: Line) -> str:
    if line.hidden:
        s = "s" * (line.hidden != 1)
        return (
            f'<li class="gap"><span class=n>{line.line_no}</span>'
            f"<span class=t>… {line.hidden:,} kept line{s} not shown</span></li>"
        )
    more = f'<span class="more"> … {line.cut:,} more characters</span>' if line.cut else ""
    if not line.kind:
        text = f"<span class=t>{escape(line.text)}{more}</span>"
        return f"<li><span class=n>{line.line_no}</span>{text}</li>"
    kind, rule = escape(line.kind), escape(line.rule)
    title = escape(line.reason)  # kind, rule and score are written beside the line
    return (
        f'<li class="rm k-{kind}" data-kind="{kind}" data-rule="{rule}" title="{title}">'
        f"<span class=n>{line.line_no}</span>"
        f"<span class=t><del>{escape(line.text)}</del>{more}</span>"
        f'<span class="why"><b>{kind}</b> {rule} {line.score:.2f}</span></li>'
    )
