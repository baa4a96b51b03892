"""Learn a site's own boilerplate from a corpus: lines it repeats on many of its pages.

Menus, footers, newsletter prompts and agency lines are the same on every page of a site,
while article prose almost never repeats. So, per site, we count in how many documents
each normalised line occurs (``normalize.view``, casefolded) and turn the lines that recur
in at least ``min_docs`` documents *and* a ``min_share`` of the site's documents into
rules: exact, escaped ``^...$`` patterns, ready to review and commit.

Memory stays bounded on a large corpus: the first pass keeps only 8-byte blake2b digests
with counts, pruned by lossy counting (Manku & Motwani) so that a site keeps only the lines
that recur at a rate near ``min_share``; the second pass counts the surviving candidates
exactly and keeps a sample text only for them.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

import regex

from . import rules as rules_mod
from .corpus import Document
from .normalize import view
from .result import Kind

# Lines repeated on a site's pages that no built-in rule names are page chrome: menus,
# section labels, footer links. That is what ``navigation`` stands for in the taxonomy.
DEFAULT_KIND = Kind.NAVIGATION
# Lines that read like a headline or prose need stronger evidence: twice the documents
# (two pages of the same day share their "top stories" teasers; a template is on pages of
# every day) and, for sentences, most of the site's pages (nearly all for very long lines).
HEADLINE_WORDS = 6
PROSE_WORDS = 12
PROSE_SHARE = 0.8
LONG_CHARS = 200
LONG_SHARE = 0.9
MAX_EXAMPLES = 2
_MASK = (1 << 32) - 1
_HOSTLIKE = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$", re.I)


class SiteFrom(StrEnum):
    DIR = "dir"
    URL_FIELD = "url-field"


@dataclass(frozen=True)
class LearnOptions:
    min_docs: int = 5
    min_share: float = 0.5
    site_from: SiteFrom = SiteFrom.DIR

    def __post_init__(self) -> None:
        if self.min_docs < 2:
            raise ValueError("--min-docs must be at least 2: one document proves nothing")
        if not 0.0 < self.min_share <= 1.0:
            raise ValueError("--min-share must be in (0, 1]")


@dataclass
class Learned:
    """One line a site repeats, with its evidence, and the kind it will be removed as."""

    site: str
    text: str  # the line's normalised view as first seen
    docs: int  # documents of the site that contain it
    site_docs: int
    kind: Kind = DEFAULT_KIND
    builtin: str | None = None  # the built-in rule that already matches it, if any
    examples: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.docs / self.site_docs


@dataclass
class Stats:
    documents: int = 0
    unsited: int = 0  # documents with no site (no URL in the url field)
    sites: int = 0
    small_sites: int = 0  # sites with fewer than min_docs documents: nothing learned there


def site_of(doc: Document, site_from: SiteFrom) -> str | None:
    """The document's site: its host (no ``www.``) or the first directory under its PATH."""
    if site_from is SiteFrom.URL_FIELD:
        if not doc.url:
            return None
        host = urlsplit(doc.url if "//" in doc.url else "//" + doc.url).hostname
        return rules_mod.normalize_host(host)
    parts = doc.rel.parts
    return parts[0] if len(parts) > 1 else (doc.root.name or str(doc.root))


def line_keys(text: str) -> dict[str, str]:
    """The document's distinct lines worth counting: casefolded view -> view as written."""
    keys: dict[str, str] = {}
    for raw in text.splitlines():
        v = view(raw)
        if v and any(ch.isalpha() for ch in v):
            keys.setdefault(v.casefold(), v)
    return keys


def digest(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


class _LossyCounter:
    """Document counts per line digest for one site, pruned by lossy counting.

    Every ``width`` documents, entries whose count plus their possible undercount (the
    bucket they entered in) is no more than the current bucket go. Any line in at least
    ``1/width`` of the documents survives, and its count is short by at most ``docs/width``.
    Count and undercount are packed in one int to keep each entry small.
    """

    __slots__ = ("counts", "docs", "width")

    def __init__(self, width: int) -> None:
        self.width = width
        self.docs = 0
        self.counts: dict[int, int] = {}

    def add(self, digests: Iterable[int]) -> None:
        self.docs += 1
        bucket = -(-self.docs // self.width)
        counts = self.counts
        for d in digests:
            v = counts.get(d)
            counts[d] = (1 << 32 | (bucket - 1)) if v is None else v + (1 << 32)
        if self.docs % self.width == 0:
            self.counts = {d: v for d, v in counts.items() if (v >> 32) + (v & _MASK) > bucket}

    def candidates(self, threshold: int) -> set[int]:
        """Digests that may occur in at least ``threshold`` documents."""
        return {d for d, v in self.counts.items() if (v >> 32) + (v & _MASK) >= threshold}


def threshold(site_docs: int, opts: LearnOptions) -> int:
    return max(opts.min_docs, math.ceil(opts.min_share * site_docs - 1e-9))


def learn(
    documents: Callable[[], Iterable[Document]],
    opts: LearnOptions,
    matcher_for: Callable[[str | None], rules_mod.Matcher] | None = None,
) -> tuple[list[Learned], Stats]:
    """Two passes over ``documents()``: candidates by digest, then exact counts and samples.

    ``matcher_for(host)`` gives the built-in rules for a site; a learned line they match
    takes that rule's kind.
    """
    stats = Stats()
    width = math.ceil(2 / opts.min_share)  # lossy counting with error min_share / 2
    counters: dict[str, _LossyCounter] = {}
    for doc in documents():
        stats.documents += 1
        site = site_of(doc, opts.site_from)
        if site is None:
            stats.unsited += 1
            continue
        counter = counters.get(site) or counters.setdefault(site, _LossyCounter(width))
        counter.add(digest(k) for k in line_keys(doc.text))
    stats.sites = len(counters)
    wanted: dict[str, set[int]] = {}
    for site, counter in counters.items():
        if counter.docs < opts.min_docs:
            stats.small_sites += 1
            continue
        cands = counter.candidates(threshold(counter.docs, opts))
        if cands:
            wanted[site] = cands
    del counters
    found = _exact_counts(documents, opts, wanted)
    return _select(found, opts, matcher_for), stats


def _exact_counts(
    documents: Callable[[], Iterable[Document]],
    opts: LearnOptions,
    wanted: dict[str, set[int]],
) -> dict[str, tuple[int, dict[str, Learned]]]:
    """Second pass: for candidate lines only, exact document counts and sample texts."""
    found: dict[str, tuple[int, dict[str, Learned]]] = {}
    if not wanted:
        return found
    for doc in documents():
        site = site_of(doc, opts.site_from)
        if site is None or site not in wanted:
            continue
        n, lines = found.get(site) or (0, {})
        found[site] = (n + 1, lines)
        cands = wanted[site]
        for key, shown in line_keys(doc.text).items():
            if digest(key) not in cands:
                continue
            item = lines.get(key)
            if item is None:
                item = lines[key] = Learned(site, shown, 0, 0)
            item.docs += 1
            if shown not in item.examples and len(item.examples) < MAX_EXAMPLES:
                item.examples.append(shown)
    return found


def _select(
    found: dict[str, tuple[int, dict[str, Learned]]],
    opts: LearnOptions,
    matcher_for: Callable[[str | None], rules_mod.Matcher] | None,
) -> list[Learned]:
    out: list[Learned] = []
    for site in sorted(found):
        site_docs, lines = found[site]
        host = site if opts.site_from is SiteFrom.URL_FIELD else None
        matcher = matcher_for(host) if matcher_for else None
        for item in lines.values():
            item.site_docs = site_docs
            min_docs, min_share = requirement(item.text, opts)
            if item.docs < max(min_docs, threshold(site_docs, opts)) or item.share < min_share:
                continue
            hit = matcher.match(item.text) if matcher else None
            if hit is not None:
                item.kind, item.builtin = hit.kind, hit.id
            out.append(item)
    return out


def requirement(text: str, opts: LearnOptions) -> tuple[int, float]:
    """The documents and share a line needs: more when it looks like prose."""
    if len(text) > LONG_CHARS:
        return 2 * opts.min_docs, max(opts.min_share, LONG_SHARE)
    words = len(text.split())
    if words >= PROSE_WORDS:
        return 2 * opts.min_docs, max(opts.min_share, PROSE_SHARE)
    if words >= HEADLINE_WORDS:
        return 2 * opts.min_docs, opts.min_share
    return opts.min_docs, opts.min_share


# ---------------------------------------------------------------------------------------
# Writing the rule file


def to_toml(learned: list[Learned], stats: Stats, opts: LearnOptions, command: str) -> str:
    """A rule file with one commented ``[[rule]]`` per learned line, grouped by site."""
    out = [
        f"# Learned by `{command}`",
        f"# from {stats.documents} documents on {stats.sites} site{'s' * (stats.sites != 1)} "
        f"(min {opts.min_docs} documents and {opts.min_share:.0%} of a site's documents).",
        "# Each rule drops one exact line (white space folded, case ignored) that the site",
        "# repeats on many pages. Review before committing: delete rules that match article text.",
        "",
    ]
    ids: set[str] = set()
    current = None
    for item in learned:
        if item.site != current:
            current = item.site
            out += [f"# ---- {item.site}: {item.site_docs} documents ----", ""]
        out += _rule_lines(item, opts, ids)
    if not learned:
        out.append("# nothing recurs often enough: no rules learned")
    return "\n".join(out).rstrip("\n") + "\n"


def _rule_lines(item: Learned, opts: LearnOptions, ids: set[str]) -> list[str]:
    host = item.site if _is_host(item.site, opts) else None
    rid = _unique(f"learned.{_slug(item.site)}.{_slug(item.text, 6)}", ids)
    note = f"; built-in rule {item.builtin} matches it too" if item.builtin else ""
    lines = [
        f"# in {item.docs} of {item.site_docs} {item.site} documents ({item.share:.0%}){note}",
        "[[rule]]",
        f"id = {toml_str(rid)}",
        f"kind = {toml_str(item.kind.value)}",
        f"pattern = {toml_str(exact_pattern(item.text))}",
        f"reason = {toml_str(f'repeated on {item.docs} of {item.site_docs} pages of {item.site}')}",
    ]
    if host:
        lines.append(f"sites = [{toml_str(host)}]")
    else:
        lines.insert(1, f"# no host known for {item.site!r}: applies on every site")
    lines.append(f"examples = [{', '.join(toml_str(e) for e in item.examples)}]")
    return [*lines, ""]


def _is_host(site: str, opts: LearnOptions) -> bool:
    return opts.site_from is SiteFrom.URL_FIELD or bool(_HOSTLIKE.match(site))


def exact_pattern(text: str) -> str:
    """``^text$`` with every regex metacharacter escaped (spaces stay readable)."""
    return "^" + regex.escape(text, special_only=True, literal_spaces=True) + "$"


def _slug(text: str, words: int = 0) -> str:
    parts = re.findall(r"[a-z0-9]+", text.casefold())
    if words:
        parts = parts[:words]
    return "-".join(parts)[:60].strip("-") or "line"


def _unique(rid: str, ids: set[str]) -> str:
    out, n = rid, 2
    while out in ids:
        out, n = f"{rid}-{n}", n + 1
    ids.add(out)
    return out


def toml_str(s: str) -> str:
    """A TOML string: literal ('...') when it can be, which keeps regex escapes readable."""
    if "'" not in s and not any(ord(c) < 32 or ord(c) == 127 for c in s):
        return f"'{s}'"
    return json.dumps(s, ensure_ascii=False).replace("\x7f", "\\u007f")


def validate(text: str, name: str = "<learned>") -> rules_mod.RuleSet:
    """Load the generated file with the built-in rules, as ``cleaner rules check`` does."""
    builtin = rules_mod.load()
    import tomllib  # here: the CLI imports this module at every start

    return rules_mod.build([*builtin.docs, (name, tomllib.loads(text))])
