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
    unbounded = false               # optional: true acknowledges it may match long lines
    editorial = false               # optional: true when a match is the publication's note

A rule should bound the lines it matches to ``lengthcheck.MAX_WORDS`` (60) words, as the
built-in rules do by opening with ``^(?=(?:\\S+\\s){0,59}\\S+$)``: extractors glue junk to
paragraphs, and an unbounded ``.*reuters.*`` removes the paragraph with it. ``cleaner rules
check`` warns about every rule whose pattern can match a longer line (read from the
pattern's own word count, or tried on its examples glued into prose) unless the rule says
``unbounded = true``; the key must be a boolean and changes nothing else.

``editorial = true`` says a match is the publication's own note on the article (a byline,
an agency or reporting credit, where it first appeared, a disclaimer, an affiliate
disclosure, a "Read more: ..." link set in its body): junk to most corpora, the article's
text to some. The ``conservative`` mode
keeps such lines (see ``heuristics.preset``).

``load`` raises the first fault (``RuleError``: file, rule id, fault); ``check`` goes on and
returns every fault of every file. Matching is filtered for speed (see ``Matcher``): a
rule's regex runs only on lines that start or contain what it needs; the candidates are
tried in load order, so the first listed rule wins. The filter only skips a rule it can
prove cannot match; ``rules check``'s dry run takes the same path as ``clean``.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from . import memo
from .matcher import Matcher
from .result import Kind
from .rule import DEFAULT_TIMEOUT, Rule, RuleError, _regex, normalize_host

if TYPE_CHECKING:
    import tomllib

ACTIONS = ("drop", "cut", "drop-run")
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
    "unbounded",
    "editorial",
}
_FILE_KEYS = {"rule", "lists", "disable", "meta"}
__all__ = ["DEFAULT_TIMEOUT", "Matcher", "Rule", "RuleError", "RuleSet", "normalize_host"]


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


def _lists_for(pattern: str, lists: dict[str, list[str]]) -> dict[str, list[str]]:
    """The named lists a pattern uses, longest entries first so alternation prefers them."""
    names = set(regex.findall(r"\\L<(\w+)>", pattern))
    return {n: sorted(lists.get(n, []), key=len, reverse=True) for n in names}


def builtin_rules_dir() -> Path:
    """The rule packs shipped with cleaner: inside the wheel, or the repository's ``rules/``.

    Found beside this file, as ``importlib.resources`` finds them in a package on disk,
    without importing it (and ``tempfile``, ``shutil``... which it imports).
    """
    packaged = Path(__file__).parent / "rules"
    if packaged.is_dir():
        return packaged
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
    """Load the built-in packs (unless ``builtin`` is false) and then ``paths``, in order.

    Raises the first ``RuleError`` found (``check`` lists them all).
    """
    faults: list[RuleError] = []
    ruleset = _load(paths, builtin, faults)
    if faults:
        raise _first(faults)
    return ruleset


def check(
    paths: Iterable[str | Path] = (), builtin: bool = True
) -> tuple[RuleSet, list[RuleError]]:
    """Load as ``load`` does, but go on past faults: the rules that are valid, and every
    fault of every file (a faulty rule is left out; a file that is not TOML adds nothing)."""
    faults: list[RuleError] = []
    return _load(paths, builtin, faults), faults


def _load(paths: Iterable[str | Path], builtin: bool, faults: list[RuleError]) -> RuleSet:
    files = rule_files([builtin_rules_dir()] if builtin else []) + rule_files(paths)
    texts: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for f in files:
        if f.resolve() in seen:
            continue  # named twice (the built-in packs given again): loaded once
        seen.add(f.resolve())
        try:
            texts.append((f, f.read_text(encoding="utf-8")))
        except UnicodeDecodeError as e:
            faults.append(RuleError(str(f), None, f"not valid TOML: {e}"))
    parsed = _parsed([text for _, text in texts])
    raw: list[tuple[str, dict[str, Any]]] = []
    for (f, _), data in zip(texts, parsed, strict=True):
        if isinstance(data, ValueError):  # tomllib.TOMLDecodeError
            faults.append(RuleError(str(f), None, f"not valid TOML: {data}"))
        else:
            raw.append((str(f), data))
    return _build(raw, faults)


# The cache's parsed rule files (see ``memo``), by a digest of their text: ``tomllib``
# parses in Python, a third of the time a Cleaner with the built-in packs takes to build.
PARSED = "rules.parsed"


def _parsed(texts: Sequence[str]) -> list[dict[str, Any] | tomllib.TOMLDecodeError]:
    """``tomllib.loads`` of each text (or the error it raised), from the cache when it can
    be: one query for all of them, and each a fresh dict that the caller may keep.
    ``tomllib`` is imported only on a miss: a start with the cache warm does without it."""
    keys = [hashlib.blake2b(t.encode(), digest_size=16).digest() for t in texts]
    store = memo.store()
    stored = store.get_many(PARSED, keys) if store is not None else {}
    out: list[dict[str, Any] | tomllib.TOMLDecodeError] = []
    new: dict[bytes, bytes] = {}
    for key, text in zip(keys, texts, strict=True):
        if key in stored:
            out.append(pickle.loads(stored[key]))
            continue
        import tomllib

        try:
            out.append(tomllib.loads(text))
        except tomllib.TOMLDecodeError as e:
            out.append(e)
            continue
        new[key] = pickle.dumps(out[-1], protocol=5)
    if new and store is not None:
        store.put_many(PARSED, new)
    return out


def build(docs: Sequence[tuple[str, dict[str, Any]]]) -> RuleSet:
    """Validate parsed rule files (``(source, toml_dict)``) and compile them."""
    faults: list[RuleError] = []
    ruleset = _build(docs, faults)
    if faults:
        raise _first(faults)
    return ruleset


def _first(faults: list[RuleError]) -> RuleError:
    """The first fault, saying how many more there are."""
    first = faults[0]
    if len(faults) == 1:
        return first
    more = f"{first.message} (and {len(faults) - 1} more; `cleaner rules check` lists them all)"
    return RuleError(first.source, first.rule_id, more)


def _build(docs: Sequence[tuple[str, dict[str, Any]]], faults: list[RuleError]) -> RuleSet:
    """Validate and compile, adding every fault to ``faults`` and leaving its rule out."""
    lists: dict[str, list[str]] = {}
    for source, data in docs:
        unknown = set(data) - _FILE_KEYS
        if unknown:
            faults.append(RuleError(source, None, f"unknown top-level keys {sorted(unknown)}"))
        table = data.get("lists", {})
        if not isinstance(table, dict):
            faults.append(RuleError(source, None, "'lists' must be a table"))
            continue
        for name, words in table.items():
            if not (isinstance(words, list) and all(isinstance(w, str) for w in words)):
                faults.append(RuleError(source, None, f"list {name!r} must be a list of strings"))
                continue
            lists.setdefault(name, []).extend(w for w in words if w not in lists[name])
    rules: dict[str, Rule] = {}
    validated = _Validated(docs, lists)
    for source, data in docs:
        disable = data.get("disable", [])
        if not (isinstance(disable, list) and all(isinstance(d, str) for d in disable)):
            faults.append(RuleError(source, None, "'disable' must be a list of rule ids"))
            disable = []
        for rid in disable:
            if rules.pop(rid, None) is None:
                faults.append(RuleError(source, rid, "cannot disable: no rule with this id loaded"))
        entries = data.get("rule", [])
        if not isinstance(entries, list):
            faults.append(RuleError(source, None, "'rule' must be an array of tables ([[rule]])"))
            continue
        for entry in entries:
            rule = _rule(source, entry, lists, faults, validated)
            if rule is None:
                continue
            if rule.id in rules:
                first = rules[rule.id].source
                faults.append(
                    RuleError(source, rule.id, f"duplicate id (first defined in {first})")
                )
                continue
            rules[rule.id] = rule
    validated.save()
    return RuleSet(list(rules.values()), lists, list(docs))


def _rule(
    source: str,
    entry: object,
    lists: dict[str, list[str]],
    faults: list[RuleError],
    validated: _Validated,
) -> Rule | None:
    """The rule of one ``[[rule]]`` table, or None after adding each of its faults."""
    if not isinstance(entry, dict):
        faults.append(RuleError(source, None, "each [[rule]] must be a table"))
        return None
    rid = entry.get("id")
    if not isinstance(rid, str) or not rid:
        faults.append(RuleError(source, None, "a rule has no 'id' (a non-empty string)"))
        return None
    found: list[str] = []

    def fail(msg: str) -> RuleError:
        found.append(msg)
        return RuleError(source, rid, msg)

    key = validated.key(entry)
    known = key is not None and key in validated.known
    try:
        rule = _validated(source, rid, entry, lists, fail, known)
    except _Invalid:
        rule = None
    faults.extend(RuleError(source, rid, msg) for msg in found)
    if found:
        return None
    if key is not None and not known:
        validated.new.add(key)
    return rule


# The cache's record of the rules found valid (see ``memo``): each rule's table and the
# word lists its pattern uses, so that a process need not compile every rule and run its
# examples again before it cleans anything.
VALIDATED = "rules.validated"


class _Validated:
    """The rules of some rule files found valid before (``known``, read from the cache in
    one query), and those found valid now (``new``, written in one by ``save``)."""

    def __init__(
        self, docs: Sequence[tuple[str, dict[str, Any]]], lists: dict[str, list[str]]
    ) -> None:
        self.store = memo.store()
        self.new: set[bytes] = set()
        # Each rule table's key (see ``_validation_key``), by the table's identity.
        self._keys = {id(e): _validation_key(e, lists) for _, d in docs for e in _entries(d)}
        keys = [k for k in self._keys.values() if k is not None]
        self.known = set(self.store.get_many(VALIDATED, keys)) if self.store and keys else set()

    def key(self, entry: dict[str, Any]) -> bytes | None:
        return self._keys.get(id(entry))

    def save(self) -> None:
        if self.new and self.store is not None:
            self.store.put_many(VALIDATED, dict.fromkeys(self.new, b""))


def _entries(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``[[rule]]`` tables of a parsed file that are tables (the others are faults)."""
    entries = data.get("rule", [])
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _validation_key(entry: dict[str, Any], lists: dict[str, list[str]]) -> bytes | None:
    """What a rule's validity depends on, as bytes; None when the table cannot say."""
    pattern = entry.get("pattern")
    if not isinstance(pattern, str):
        return None
    try:
        named = sorted(_lists_for(pattern, lists).items())
        return pickle.dumps((sorted(entry.items()), named), protocol=5)
    except (TypeError, pickle.PicklingError, RecursionError):
        return None


class _Invalid(Exception):
    """A rule has faults that leave nothing more to check (they are in the fault list)."""


def _validated(
    source: str,
    rid: str,
    entry: dict[str, Any],
    lists: dict[str, list[str]],
    fail: Fail,
    known: bool = False,
) -> Rule | None:
    """Check every key of a rule, noting each fault with ``fail``; the rule if all hold.

    ``known``: this very rule was found valid before, so its pattern is not compiled now
    and its examples are not run again.
    """
    unknown = set(entry) - _RULE_KEYS
    if unknown:
        fail(f"unknown keys {sorted(unknown)}; allowed: {sorted(_RULE_KEYS)}")
    for key in ("kind", "pattern"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            fail(f"missing or empty {key!r}")
    kind = None
    if isinstance(entry.get("kind"), str) and entry["kind"]:
        try:
            kind = Kind(entry["kind"])
        except ValueError:
            fail(f"unknown kind {entry['kind']!r}; one of {[k.value for k in Kind]}")
    action = entry.get("action", "drop")
    if action not in ACTIONS:
        fail(f"unknown action {action!r}; one of {list(ACTIONS)}")
    ignore_case = _typed(entry, "ignore_case", bool, True, fail)
    score = _typed(entry, "score", (int, float), 1.0, fail)
    timeout = _typed(entry, "timeout", (int, float), DEFAULT_TIMEOUT, fail)
    _typed(entry, "unbounded", bool, False, fail)
    _typed(entry, "editorial", bool, False, fail)
    if isinstance(score, int | float) and not 0.0 <= score <= 1.0:
        fail("'score' must be between 0 and 1")
    if isinstance(timeout, int | float) and not 0.0 < timeout <= 10.0:
        fail("'timeout' must be in (0, 10] seconds")
    reason = _typed(entry, "reason", str, "", fail)
    sites = _strs(entry, "sites", fail)
    langs = _strs(entry, "lang", fail)
    examples = _strs(entry, "examples", fail)
    counter = _strs(entry, "counter_examples", fail)
    pattern = entry.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise _Invalid
    usable = _usable(pattern, lists, fail)
    named = _lists_for(pattern, lists) if usable else {}
    compiled = None
    if usable and not known:  # compiled now to be checked, even when other keys are wrong
        compiled = _compile(pattern, ignore_case is not False, named, fail)
    if (compiled is None and not known) or kind is None or not isinstance(ignore_case, bool):
        raise _Invalid
    rule = Rule(
        id=rid,
        kind=kind,
        pattern=pattern,
        action=str(action),
        reason=(reason if isinstance(reason, str) else "") or f"matches a known {kind.value} line",
        source=source,
        ignore_case=ignore_case,
        sites=tuple(s.lower().removeprefix("www.") for s in sites),
        lang=tuple(langs),
        score=float(score) if isinstance(score, int | float) else 1.0,
        timeout=float(timeout) if isinstance(timeout, int | float) else DEFAULT_TIMEOUT,
        compiled=compiled,  # None when known valid: compiled on first use
        unbounded=entry.get("unbounded") is True,
        editorial=entry.get("editorial") is True,
        lists=tuple(sorted((k, tuple(v)) for k, v in named.items())),
    )
    if not known:
        _check_examples(rule, examples, counter, fail)
    return rule


def _usable(pattern: str, lists: dict[str, list[str]], fail: Fail) -> bool:
    """Whether ``pattern`` may be compiled: no global inline flags, no undefined lists."""
    if regex.match(r"\(\?[a-zA-Z]+\)", pattern):
        fail("global inline flags like (?i) are not allowed; use ignore_case")
        return False
    missing = [n for n in regex.findall(r"\\L<(\w+)>", pattern) if n not in lists]
    if missing:
        fail(f"pattern uses undefined list(s) {missing}")
        return False
    return True


def _compile(
    pattern: str, ignore_case: bool, named: dict[str, list[str]], fail: Fail
) -> regex.Pattern[str] | None:
    """The compiled pattern, or None after noting why it cannot be compiled."""
    try:
        return _regex(pattern, ignore_case, named)
    except (regex.error, ValueError, TypeError, OverflowError) as e:
        fail(f"bad pattern: {e}")
    except RecursionError:
        fail("bad pattern: its groups nest too deeply for the regex compiler")
    return None


Fail = Callable[[str], object]


def _typed(
    entry: dict[str, Any], key: str, types: type | tuple[type, ...], default: Any, fail: Fail
) -> Any:
    """The value of ``key`` (or ``default``); a value of the wrong type is noted and None."""
    value = entry.get(key, default)
    if not isinstance(value, types) or (types is not bool and isinstance(value, bool)):
        fail(f"{key!r} has the wrong type ({type(value).__name__})")
        return None
    return value


def _strs(entry: dict[str, Any], key: str, fail: Fail) -> list[str]:
    value = entry.get(key, [])
    if not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
        fail(f"{key!r} must be a list of non-empty strings")
        return []
    return value


def _check_examples(rule: Rule, examples: list[str], counter: list[str], fail: Fail) -> None:
    from .normalize import view

    for ex in examples:
        if not _safe_search(rule, view(ex), fail):
            fail(f"example does not match: {ex!r}")
    for ex in counter:
        if _safe_search(rule, view(ex), fail):
            fail(f"counter-example matches: {ex!r}")


def _safe_search(rule: Rule, text: str, fail: Fail) -> bool:
    try:
        return rule.search(text)
    except TimeoutError:
        fail(f"timed out on its own example {text!r}")
        return False
