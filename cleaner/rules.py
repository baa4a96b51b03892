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

Matching is a two-step filter for speed: one combined pattern of all rules tells whether
any rule matches a line (most lines: none); only then are the rules tried one by one, in
load order, so the first listed rule wins.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import regex

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
# Patterns with back-references or named groups cannot share one combined pattern.
_SOLO = regex.compile(r"\\[1-9]|\\g<|\(\?P[=>]|\(\?P?<[A-Za-z_]|\(\?&|\(\?\w*\)")


class RuleError(ValueError):
    """A rule file is invalid; the message names the file, the rule id and the fault."""

    def __init__(self, source: str, rule_id: str | None, message: str) -> None:
        where = f"{source}: rule {rule_id!r}" if rule_id else source
        super().__init__(f"{where}: {message}")
        self.source, self.rule_id, self.message = source, rule_id, message


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

    @property
    def sources(self) -> list[str]:
        return [s for s, _ in self.docs]

    @cached_property
    def _matchers(self) -> dict[tuple[str | None, str | None], Matcher]:
        return {}

    def matcher(self, host: str | None, lang: str | None) -> Matcher:
        """The matcher for one (host, language) context, compiled once and cached."""
        key = (normalize_host(host), lang)
        m = self._matchers.get(key)
        if m is None:
            m = Matcher([r for r in self.rules if r.applies(key[0], lang)], self.lists)
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
    """Matches lines against a fixed set of rules, fast path first.

    Hot path: most lines match no rule, so one combined pattern answers that first.
    Rules anchored at the start of the line (nearly all) are combined into a pattern tried
    only at position 0 (``match``); the others into one that is searched. Only a line that
    hits (rare) is tried rule by rule, to report the first rule in load order.
    """

    def __init__(self, rules: Sequence[Rule], lists: dict[str, list[str]]) -> None:
        self.rules = list(rules)
        shared = [r for r in self.rules if not _SOLO.search(r.pattern)]
        self.solo = [r for r in self.rules if _SOLO.search(r.pattern)]
        anchored = [r for r in shared if _anchored(r.pattern)]
        floating = [r for r in shared if not _anchored(r.pattern)]
        self.anchored = _combine(anchored, lists)
        self.floating = _combine(floating, lists)
        self.timeout = sum(r.timeout for r in shared) or DEFAULT_TIMEOUT

    def match(self, text: str, warnings: list[str] | None = None) -> Rule | None:
        """The first rule (in load order) matching ``text``, or None.

        A rule that times out counts as not matching and leaves a warning.
        """
        try:
            hit = bool(
                (self.anchored is not None and self.anchored.match(text, timeout=self.timeout))
                or (self.floating is not None and self.floating.search(text, timeout=self.timeout))
            )
        except TimeoutError:
            hit = True  # let the rules one by one find which is slow
        for rule in self.rules if hit else self.solo:
            try:
                if rule.search(text):
                    return rule
            except TimeoutError:
                if warnings is not None:
                    warnings.append(
                        f"rule {rule.id!r} ({rule.source}) timed out after {rule.timeout}s"
                    )
        return None


def _combine(rules: Sequence[Rule], lists: dict[str, list[str]]) -> regex.Pattern[str] | None:
    if not rules:
        return None
    alts = "|".join(f"(?{'i' if r.ignore_case else '-i'}:{r.pattern})" for r in rules)
    return regex.compile(alts, regex.V0, **_lists_for(alts, lists))


def _anchored(pattern: str) -> bool:
    """True when every top-level branch of ``pattern`` starts with ``^``."""
    branches, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return all(b.startswith("^") for b in branches)


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
