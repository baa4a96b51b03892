"""Bar charts and a histogram as inline SVG: drawn here, from numbers, with every label
escaped; the page needs no script or library to show them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape


@dataclass(frozen=True)
class ChartStyle:
    """Sizes in SVG user units (the charts scale to the page's width)."""

    width: int = 560
    row: int = 22  # height of one bar's row
    bar: int = 14  # height of a bar
    value_width: int = 150  # room for the value written after the longest bar
    char_width: float = 6.6  # average width of a label character at the page's font size
    min_label: int = 90
    max_label: int = 230  # longer labels are cut (the full one is the bar's tooltip)
    column: int = 64  # width of a histogram column
    plot_height: int = 150  # height of the histogram's tallest column


STYLE = ChartStyle()


@dataclass(frozen=True)
class Bar:
    """One bar: its label, length, the value written after it, colour, a link and data
    attributes (for the page's script and its tests)."""

    label: str
    value: int
    text: str
    colour: str
    href: str = ""
    data: Mapping[str, str] = field(default_factory=dict)


def bar_chart(bars: Sequence[Bar], title: str, style: ChartStyle = STYLE) -> str:
    """Horizontal bars, longest value first as given, scaled to the largest."""
    longest = max((len(b.label) for b in bars), default=0)
    label_w = int(min(style.max_label, max(style.min_label, longest * style.char_width + 14)))
    plot = style.width - label_w - style.value_width
    top = max((b.value for b in bars), default=0) or 1
    height = max(1, len(bars)) * style.row + 4
    rows = []
    for i, b in enumerate(bars):
        y = i * style.row + 2
        w = max(1.0, plot * b.value / top) if b.value else 0.0
        label = _fit(b.label, label_w - 8, style)
        data = "".join(f' data-{k}="{escape(v)}"' for k, v in b.data.items())
        row = (
            f'<g class="bar"{data}><title>{escape(b.label)}: {escape(b.text)}</title>'
            f'<text class="label" x="{label_w - 8}" y="{y + style.bar - 2}" '
            f'text-anchor="end">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{style.bar}" rx="2" '
            f'fill="{escape(b.colour)}"/>'
            f'<text class="value" x="{label_w + w + 6:.1f}" y="{y + style.bar - 2}">'
            f"{escape(b.text)}</text></g>"
        )
        if b.href:
            row = f'<a href="{escape(b.href)}">{row}</a>'
        rows.append(row)
    if not bars:
        rows.append(f'<text class="value" x="0" y="{style.bar}">nothing removed</text>')
    return _svg(style.width, height, title, "".join(rows))


def histogram(
    counts: Sequence[int], labels: Sequence[str], colours: Sequence[str], title: str,
    style: ChartStyle = STYLE,
) -> str:  # fmt: skip
    """Vertical columns, one per bin, each with its count above and its label below."""
    top = max(counts, default=0) or 1
    pad, label_h, count_h = 8, 20, 16
    width = len(counts) * style.column + 2 * pad
    base = count_h + style.plot_height
    cols = []
    for i, (n, label, colour) in enumerate(zip(counts, labels, colours, strict=True)):
        x = pad + i * style.column
        h = max(1.0, style.plot_height * n / top) if n else 0.0
        mid = x + style.column / 2
        cols.append(
            f'<g class="bin" data-bin="{escape(label)}" data-documents="{n}">'
            f"<title>{escape(label)} removed: {n:,} documents</title>"
            f'<rect x="{x + 4}" y="{base - h:.1f}" width="{style.column - 8}" height="{h:.1f}" '
            f'rx="2" fill="{escape(colour)}"/>'
            f'<text class="value" x="{mid}" y="{base - h - 4:.1f}" text-anchor="middle">'
            f"{n:,}</text>"
            f'<text class="label" x="{mid}" y="{base + label_h - 6}" text-anchor="middle">'
            f"{escape(label)}</text></g>"
        )
    axis = f'<line class="axis" x1="{pad}" x2="{width - pad}" y1="{base}" y2="{base}"/>'
    return _svg(width, base + label_h, title, "".join(cols) + axis)


def _fit(label: str, room: float, style: ChartStyle) -> str:
    """``label`` cut with an ellipsis to about ``room`` units."""
    most = int(room / style.char_width)
    return label if len(label) <= most else label[: max(1, most - 1)] + "…"


def _svg(width: float, height: float, title: str, body: str) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )
