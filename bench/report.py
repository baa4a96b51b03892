"""Markdown helpers and the report header (when, where, with which versions)."""

from __future__ import annotations

import datetime as dt
import os
import platform
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from .metrics import PRF


def f3(x: float | None) -> str:
    """Scores with three decimals, as the upstream tables print them."""
    return "-" if x is None else f"{x:.3f}"


def signed(x: float | None) -> str:
    """A difference, always with its sign."""
    return "-" if x is None else f"{x:+.3f}"


def prf_cells(s: PRF | None) -> list[str]:
    """F1, P, R cells (in that order, F1 first as it is the headline number)."""
    return ["-"] * 3 if s is None else [f3(s.f1), f3(s.precision), f3(s.recall)]


def share(n: int, total: int) -> str:
    """``3.4% (3)``: a share of documents with its count."""
    return "-" if not total else f"{100 * n / total:.1f}% ({n})"


def arrow(a: float | None, b: float | None) -> str:
    """``0.958 → 0.971``: a score before and after."""
    return f"{f3(a)} → {f3(b)}" if b is not None else f3(a)


def details(summary: str, body: str) -> str:
    """A block folded under its summary line when rendered (GitHub markdown)."""
    return f"<details><summary>{summary}</summary>\n\n{body}\n\n</details>"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub markdown table; pipes inside cells are escaped."""

    def cell(x: object) -> str:
        return str(x).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(map(cell, headers)) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(map(cell, r)) + " |" for r in rows]
    return "\n".join(lines)


def clip(text: str, width: int = 140) -> str:
    """One line of scraped text, shortened and made inert inside markdown code spans."""
    text = " ".join(text.split()).replace("`", "'")
    return "`" + (text if len(text) <= width else text[: width - 1] + "…") + "`"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def header(
    cleaner_label: str, cleaner_version: str, data: Sequence[Path], command: str, subject: str
) -> str:
    """Provenance block: numbers are only comparable between runs on like machines and versions."""
    rows = [
        ("date", dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("machine", f"{_cpu()}, {os.cpu_count()} cores, {platform.system()} {platform.machine()}"),
        ("python", platform.python_version()),
        (f"{cleaner_label} (under test)", f"{cleaner_version}, `{subject}`"),
        ("trafilatura", _version("trafilatura")),
        ("html-text", _version("html-text")),
        ("lxml", _version("lxml")),
        ("data", ", ".join(str(p) for p in data)),
        ("command", f"`{command}`"),
    ]
    return "# Benchmarks\n\n" + table(["", ""], rows)
