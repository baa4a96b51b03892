"""Rule files: load, validate, compile, match.

A rule file is TOML. It may hold ``[lists]`` (named word lists, used in patterns as
``\\L<name>``; lists of the same name in several files are merged), ``disable`` (ids of rules
loaded earlier to switch off), and ``[[rule]]`` tables::

    [[rule]]
    id = "ad.label"                 # unique across all loaded files
    kind = "advertisement"          # one of cleaner.Kind
    pattern = '^advertisement$'     # `regex` syntax, matched against the line's normalised view
    action = "drop"                 # drop | cut (this line and all after) | drop-run
    reason = "a bare ad-slot label" # optional; shown by explain
    ignore_case = true              # optional, default true
    sites = ["example.com"]         # optional: only on these hosts (and their subdomains)
    lang = ["en"]                   # optional: only when the document is in these languages
    examples = ["Advertisement"]    # optional: must match, checked on load
    counter_examples = ["..."]      # optional: must not match, checked on load
    score = 1.0                     # optional: how surely a match is junk
    timeout = 0.05                  # optional: seconds per line before the rule gives up

Matching is filtered for speed (see ``Matcher``): a rule's regex runs only on lines that
start or contain what it needs; the candidates are tried in load order, so the first
listed rule wins.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from . import prefilter
from .result import Kind

ACTIONS = ("drop", "cut", "drop-run")
DEFAULT_TIMEOUT = 0.05
_RULE_KEYS = {
    "id",
    "kind",
    "pattern",
    "action",
    "reason",
    "ignore_case",
    "sites",
    "lang",
    "examples",
    "counter_examples",
    "score",
    "timeout",
}
_FILE_KEYS = {"rule", "lists", "disable", "meta"}


class RuleError(ValueError):
    """A rule file is invalid; the message names the file, the rule id and the fault."""

    def __init__(self, source: str, rule_id: str | None, message: str) -> None:
        where = f"{source}: rule {rule_id!r}" if rule_id else source
        super().__init__(f"{where}: {message}")
        self.source, self.rule_id, self.message = source, rule_id, message

    def __reduce__(self) -> tuple[Any, ...]:
        # Raised inside worker processes (corpus runs, datatrove): it must cross back.
        return (type(self), (self.source, self.rule_id, self.message))


@dataclass(frozen=True)
class Rule:
    """One validated, compiled rule."""

    id: str
    kind: Kind
    pattern: str
    action: str
    reason: str
    source: str
    ignore_case: bool = True
    sites: tuple[str, ...] = ()
    lang: tuple[str, ...] = ()
    score: float = 1.0
    timeout: float = DEFAULT_TIMEOUT
    compiled: regex.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def applies(self, host: str | None, lang: str | None) -> bool:
        """Whether this rule is in force for a document from ``host`` in ``lang``."""
        if self.sites and not (host and any(_host_in(host, s) for s in self.sites)):
            return False
        return not (self.lang and lang not in self.lang)

    def search(self, text: str) -> bool:
        """True when the rule matches ``text``; raises TimeoutError past ``timeout``."""
        assert self.compiled is not None
        return self.compiled.search(text, timeout=self.timeout) is not None


def _host_in(host: str, site: str) -> bool:
    return host == site or host.endswith("." + site)


def normalize_host(host: str | None) -> str | None:
    """Lower-case, no port, no leading ``www.``: the form ``sites`` are compared in."""
    if not host:
        return None
    host = host.lower().split(":")[0].strip(".")
    return host[4:] if host.startswith("www.") else host


@dataclass
class RuleSet:
    """All loaded rules and word lists; picklable, and safe to share between threads."""

    rules: list[Rule]
    lists: dict[str, list[str]]
    docs: list[tuple[str, dict[str, Any]]]

    @cached_property
    def _matchers(self) -> dict[tuple[str | None, str | None], Matcher]:
        return {}

    @cached_property
    def _by_rules(self) -> dict[tuple[str, ...], Matcher]:
        return {}

    def matcher(self, host: str | None, lang: str | None) -> Matcher:
        """The matcher for one (host, language) context, compiled once and cached."""
        key = (normalize_host(host), lang)
        m = self._matchers.get(key)
        if m is None:
            rules = [r for r in self.rules if r.applies(key[0], lang)]
            # Most hosts have no rules of their own: they share one matcher (and its cache).
            m = self._by_rules.get(ids := tuple(r.id for r in rules))
            if m is None:
                m = Matcher(rules, self.lists)
                if len(self._by_rules) < 256:
                    self._by_rules[ids] = m
            if len(self._matchers) < 4096:
                self._matchers[key] = m
        return m

    def get_list(self, name: str) -> list[str]:
        return self.lists.get(name, [])

    def __reduce__(self) -> tuple[Any, ...]:
        # Compiled patterns with named lists do not pickle; rebuilding from the parsed
        # files does, and re-validates them on the way.
        return (build, (self.docs,))


class Matcher:
    """Matches lines against a fixed set of rules: the first rule, in load order, that hits.

    Hot path (one call per line, most lines hit nothing), so a rule's regex runs only on
    lines it could match (see ``prefilter``):

    - a rule anchored at the line's start with enumerable first characters is indexed by
      its possible first characters (up to four; casefolded, digits as 0, spaces as one);
      one dict lookup on the line's own start gives the few rules worth trying;
    - every other rule is tried only when the casefolded line contains one of the literals
      its every match must contain (a rule with none is always tried);
    - a rule that opens by counting words ("at most ten words") is skipped for lines with
      a word count outside its range: long paragraphs skip most rules without a search;
    - a rule that needs one of a few punctuation marks (a menu's bars, a breadcrumb's
      arrows) is skipped for lines without them.

    Each test is a bit mask over the rules (bit i: rule i), so the tests of all rules are
    a few integer operations per line: the literals of every rule are found by one scan
    of the line and one of its casefolded form (``prefilter.LiteralScan``), word ranges
    and line starts are looked up. Candidates are tried in load order, so the answer is
    exactly the first matching rule's. Results are remembered per line text (bounded): the
    pipeline's second pass and boilerplate repeated across documents cost one dict lookup.
    """

    CACHE_SIZE = 8192

    def __init__(self, rules: Sequence[Rule], lists: dict[str, list[str]]) -> None:
        self.rules = list(rules)
        plans = [_plan(r.pattern, r.ignore_case, _list_key(r.pattern, lists)) for r in self.rules]
        self._unkeyed = tuple(i for i, p in enumerate(plans) if p.keys is None)
        self._bounds = [p.words for p in plans]
        self._keyed: dict[str, list[int]] = {}
        for i, p in enumerate(plans):
            for k in p.keys or ():
                self._keyed.setdefault(k, []).append(i)
        self._table = prefilter.key_table() if self._keyed else {}
        self._by_key: dict[str, _Group] = {}
        self._cache: dict[str, Rule | None] = {}
        self._fits: dict[int, int] = {}
        self._every = (1 << len(plans)) - 1
        # What a line meets, two bits per rule: bit i when it holds one of rule i's marks
        # (or the rule needs none), bit n + i when one of its needed literals (or none).
        n = self._n = len(plans)
        cs: dict[str, int] = {}
        ci: dict[str, int] = {}
        self._free = 0
        for i, p in enumerate(plans):
            for bit, need in ((1 << i, p.marks), (1 << (n + i), p.need)):
                if need is None:
                    self._free |= bit
                    continue
                for lit in need[0]:
                    cs[lit] = cs.get(lit, 0) | bit
                for lit in need[1]:
                    ci[lit] = ci.get(lit, 0) | bit
        self._scan_cs = prefilter.LiteralScan(cs)
        self._scan_ci = prefilter.LiteralScan(ci)

    def candidates(self, text: str) -> tuple[int, ...]:
        """Indices (into ``rules``) of the rules that could match at ``text``'s start."""
        return self._group(text).all

    def _group(self, text: str) -> _Group:
        """The candidates for ``text``'s start, remembered per start (bounded)."""
        key = text[: prefilter.MAX_K].casefold()[: prefilter.MAX_K].translate(self._table)
        found = self._by_key.get(key)
        if found is None:
            keyed = (self._keyed.get(key[:n], ()) for n in range(1, len(key) + 1))
            ids = tuple(sorted({*self._unkeyed, *(i for ids in keyed for i in ids)}))
            found = _Group(ids, sum(1 << i for i in ids))
            if len(self._by_key) >= self.CACHE_SIZE:
                self._by_key.clear()
            self._by_key[key] = found
        return found

    def match(self, text: str, warnings: list[str] | None = None) -> Rule | None:
        """The first rule (in load order) matching ``text``, or None.

        A rule that times out counts as not matching and leaves a warning.
        """
        cache = self._cache
        hit = cache.get(text, _MISS)
        if hit is not _MISS:
            return hit  # type: ignore[return-value]
        timed_out = False
        found = None
        for i in self.tried(text):
            rule = self.rules[i]
            try:
                if rule.search(text):
                    found = rule
                    break
            except TimeoutError:
                timed_out = True
                if warnings is not None:
                    warnings.append(
                        f"rule {rule.id!r} ({rule.source}) timed out after {rule.timeout}s"
                    )
        if not timed_out:  # a timeout may not repeat: look again next time
            if len(cache) >= self.CACHE_SIZE:
                cache.clear()
            cache[text] = found
        return found

    def tried(self, text: str) -> list[int]:
        """Indices of the rules whose regex runs on ``text`` (in load order): the candidates
        that its word count and the literals it holds do not rule out."""
        met = self._free | self._scan_cs(text) | self._scan_ci(text.casefold())
        left = self._group(text).mask & self._fitting(prefilter.words(text)) & met & met >> self._n
        out: list[int] = []
        while left:
            low = left & -left
            out.append(low.bit_length() - 1)
            left ^= low
        return out

    def _fitting(self, words: int | None) -> int:
        """The rules whose word range holds ``words`` (every rule when it is None)."""
        if words is None:
            return self._every
        mask = self._fits.get(words)
        if mask is None:
            mask = sum(
                1 << i
                for i, (lo, hi) in enumerate(self._bounds)
                if lo <= words and (hi is None or words <= hi)
            )
            if len(self._fits) < self.CACHE_SIZE:
                self._fits[words] = mask
        return mask


_MISS = object()


@dataclass(frozen=True, slots=True)
class _Group:
    """The candidate rules for one line start, in load order and as a bit mask."""

    all: tuple[int, ...]
    mask: int


def _list_key(pattern: str, lists: dict[str, list[str]]) -> tuple[tuple[str, ...], ...]:
    """The word lists ``pattern`` uses, hashable: part of the analysis cache's key."""
    names = sorted(set(regex.findall(r"\\L<(\w+)>", pattern)))
    return tuple((n, *lists.get(n, [])) for n in names)


@dataclass(frozen=True)
class _Plan:
    """What the Matcher knows of a pattern before running it (see ``prefilter``)."""

    keys: frozenset[str] | None  # normalised line starts it can match at; None: any
    need: tuple[frozenset[str], frozenset[str]] | None  # (raw, casefolded) literals, one needed
    words: tuple[int, int | None]  # fewest and most words of a line it can match
    marks: tuple[frozenset[str], frozenset[str]] | None = None  # see below


@lru_cache(maxsize=4096)
def _plan(pattern: str, ignore_case: bool, list_key: tuple[tuple[str, ...], ...]) -> _Plan:
    """Analyse a pattern once per process.

    ``marks`` are the punctuation marks (raw, casefolded) a match needs, when it needs
    some other than ``need``: a separated menu's bars or bullets, a breadcrumb's arrows.
    Few lines hold them, so most lines rule such a rule out.
    """
    lists = {k[0]: list(k[1:]) for k in list_key}
    keys = prefilter.prefix_keys(pattern, lists)
    words = prefilter.word_bounds(pattern, lists)
    need = None if keys is not None else prefilter.required_literals(pattern, lists, ignore_case)
    marks = prefilter.required_marks(pattern, lists, ignore_case)
    return _Plan(keys, need, words, marks if marks != need else None)


def _lists_for(pattern: str, lists: dict[str, list[str]]) -> dict[str, list[str]]:
    """The named lists a pattern uses, longest entries first so alternation prefers them."""
    names = set(regex.findall(r"\\L<(\w+)>", pattern))
    return {n: sorted(lists.get(n, []), key=len, reverse=True) for n in names}


def builtin_rules_dir() -> Path:
    """The rule packs shipped with cleaner: inside the wheel, or the repository's ``rules/``."""
    packaged = resources.files("cleaner") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rules"


def rule_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and directories (``*.toml`` inside, sorted) into a file list."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(p.glob("*.toml")))
        elif p.is_file():
            files.append(p)
        else:
            raise RuleError(str(p), None, "no such rule file or directory")
    return files


def load(paths: Iterable[str | Path] = (), builtin: bool = True) -> RuleSet:
    """Load the built-in packs (unless ``builtin`` is false) and then ``paths``, in order."""
    files = rule_files([builtin_rules_dir()] if builtin else []) + rule_files(paths)
    raw: list[tuple[str, dict[str, Any]]] = []
    for f in files:
        try:
            data = tomllib.loads(f.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise RuleError(str(f), None, f"not valid TOML: {e}") from e
        raw.append((str(f), data))
    return build(raw)


def build(docs: Sequence[tuple[str, dict[str, Any]]]) -> RuleSet:
    """Validate parsed rule files (``(source, toml_dict)``) and compile them."""
    lists: dict[str, list[str]] = {}
    for source, data in docs:
        unknown = set(data) - _FILE_KEYS
        if unknown:
            raise RuleError(source, None, f"unknown top-level keys {sorted(unknown)}")
        for name, words in _table(source, data.get("lists", {}), "lists").items():
            if not (isinstance(words, list) and all(isinstance(w, str) for w in words)):
                raise RuleError(source, None, f"list {name!r} must be a list of strings")
            lists.setdefault(name, []).extend(w for w in words if w not in lists[name])
    rules: dict[str, Rule] = {}
    for source, data in docs:
        disable = data.get("disable", [])
        if not (isinstance(disable, list) and all(isinstance(d, str) for d in disable)):
            raise RuleError(source, None, "'disable' must be a list of rule ids")
        for rid in disable:
            if rules.pop(rid, None) is None:
                raise RuleError(source, rid, "cannot disable: no rule with this id loaded")
        entries = data.get("rule", [])
        if not isinstance(entries, list):
            raise RuleError(source, None, "'rule' must be an array of tables ([[rule]])")
        for entry in entries:
            rule = _rule(source, entry, lists)
            if rule.id in rules:
                raise RuleError(
                    source, rule.id, f"duplicate id (first defined in {rules[rule.id].source})"
                )
            rules[rule.id] = rule
    return RuleSet(list(rules.values()), lists, list(docs))


def _table(source: str, value: object, name: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise RuleError(source, None, f"{name!r} must be a table")
    return value


def _rule(source: str, entry: object, lists: dict[str, list[str]]) -> Rule:
    if not isinstance(entry, dict):
        raise RuleError(source, None, "each [[rule]] must be a table")
    rid = entry.get("id")
    if not isinstance(rid, str) or not rid:
        raise RuleError(source, None, "a rule has no 'id' (a non-empty string)")

    def fail(msg: str) -> RuleError:
        return RuleError(source, rid, msg)

    unknown = set(entry) - _RULE_KEYS
    if unknown:
        raise fail(f"unknown keys {sorted(unknown)}; allowed: {sorted(_RULE_KEYS)}")
    for key in ("kind", "pattern"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            raise fail(f"missing or empty {key!r}")
    try:
        kind = Kind(entry["kind"])
    except ValueError:
        raise fail(f"unknown kind {entry['kind']!r}; one of {[k.value for k in Kind]}") from None
    action = entry.get("action", "drop")
    if action not in ACTIONS:
        raise fail(f"unknown action {action!r}; one of {list(ACTIONS)}")
    pattern = entry["pattern"]
    ignore_case = _typed(entry, "ignore_case", bool, True, fail)
    score = float(_typed(entry, "score", (int, float), 1.0, fail))
    timeout = float(_typed(entry, "timeout", (int, float), DEFAULT_TIMEOUT, fail))
    if not 0.0 <= score <= 1.0:
        raise fail("'score' must be between 0 and 1")
    if not 0.0 < timeout <= 10.0:
        raise fail("'timeout' must be in (0, 10] seconds")
    if regex.match(r"\(\?[a-zA-Z]+\)", pattern):
        raise fail("global inline flags like (?i) are not allowed; use ignore_case")
    missing = [n for n in regex.findall(r"\\L<(\w+)>", pattern) if n not in lists]
    if missing:
        raise fail(f"pattern uses undefined list(s) {missing}")
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    try:
        compiled = regex.compile(pattern, flags, **_lists_for(pattern, lists))
    except (regex.error, ValueError, TypeError) as e:
        raise fail(f"bad pattern: {e}") from None
    rule = Rule(
        id=rid,
        kind=kind,
        pattern=pattern,
        action=action,
        reason=_typed(entry, "reason", str, "", fail) or f"matches a known {kind.value} line",
        source=source,
        ignore_case=ignore_case,
        sites=tuple(s.lower().removeprefix("www.") for s in _strs(entry, "sites", fail)),
        lang=tuple(_strs(entry, "lang", fail)),
        score=score,
        timeout=timeout,
        compiled=compiled,
    )
    _check_examples(rule, entry, fail)
    return rule


Fail = Callable[[str], RuleError]


def _typed(
    entry: dict[str, Any], key: str, types: type | tuple[type, ...], default: Any, fail: Fail
) -> Any:
    value = entry.get(key, default)
    if not isinstance(value, types) or (types is not bool and isinstance(value, bool)):
        raise fail(f"{key!r} has the wrong type ({type(value).__name__})")
    return value


def _strs(entry: dict[str, Any], key: str, fail: Fail) -> list[str]:
    value = entry.get(key, [])
    if not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
        raise fail(f"{key!r} must be a list of non-empty strings")
    return value


def _check_examples(rule: Rule, entry: dict[str, Any], fail: Fail) -> None:
    from .normalize import view

    for ex in _strs(entry, "examples", fail):
        if not _safe_search(rule, view(ex)):
            raise fail(f"example does not match: {ex!r}")
    for ex in _strs(entry, "counter_examples", fail):
        if _safe_search(rule, view(ex)):
            raise fail(f"counter-example matches: {ex!r}")


def _safe_search(rule: Rule, text: str) -> bool:
    try:
        return rule.search(text)
    except TimeoutError:
        raise RuleError(rule.source, rule.id, f"timed out on its own example {text!r}") from None
