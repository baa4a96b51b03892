"""A rule's pattern read as the standard library's parse tree, when it can be read safely.

The prefilter (``prefilter``, ``wordbounds``) reasons about patterns through the tree that
Python's own regular expression parser builds. That parser is private (``re._parser``,
``sre_parse`` before Python 3.11) and may change or go: it is imported behind a guard and
checked on a known pattern, and when it is missing or reads that pattern differently,
``parse`` answers None for every pattern, so every rule is simply tried on every line.

``parse`` also answers None for patterns it cannot read the way ``regex`` does (fuzzy
counts, POSIX classes, branch reset, recursion...) and for patterns nested deeper than
``MAX_DEPTH`` groups, so every analysis over a tree is bounded (no ``RecursionError``).
"""

from __future__ import annotations

import importlib
import re
import warnings
from functools import lru_cache
from types import ModuleType
from typing import Any

import regex

from . import memo

# Groups nested deeper than this are not analysed (real rules nest a handful): the
# analyses walk the tree recursively, a few frames per level.
MAX_DEPTH = 40

Tree = list[tuple[Any, Any]]

# One escape at a time, so an escaped backslash is never read as the start of another.
_ESCAPE = memo.compiled_regex(r"\\(?:[pP]\{[^}]*\}|[pP][A-Za-z]|L<(\w+)>|.)", regex.S)
# Syntax the standard parser reads differently from ``regex`` (fuzzy counts, POSIX classes):
# such a pattern is not analysed.
_QUANTIFIER = memo.compiled_regex(r"\{\d*(?:,\d*)?\}")
_FOREIGN = memo.compiled_regex(r"\{|\[:\^?\w+:\]|\(\?[^:!=<>#(PiImsxua-]")


def _load() -> tuple[ModuleType, ModuleType] | None:
    """The standard library's parser and its constants, if present and as expected."""
    for parser_name, constants_name in (("re._parser", "re._constants"), ("sre_parse", "")):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                parser = importlib.import_module(parser_name)
                constants = importlib.import_module(constants_name) if constants_name else parser
        except ImportError:
            continue
        if _works(parser, constants):
            return parser, constants
    return None


def _works(parser: ModuleType, c: ModuleType) -> bool:
    """Whether the parser builds the tree the analyses expect for a known pattern."""
    try:
        tree = _plain(parser.parse(r"^(?i:a|bc)+\s(?=x)$", 0))
        expected = [
            (c.AT, c.AT_BEGINNING),
            (c.MAX_REPEAT, (1, c.MAXREPEAT, [(c.SUBPATTERN, (
                None, c.SRE_FLAG_IGNORECASE, 0, [(c.BRANCH, (None, [
                    [(c.LITERAL, 97)], [(c.LITERAL, 98), (c.LITERAL, 99)]]))]))])),
            (c.IN, [(c.CATEGORY, c.CATEGORY_SPACE)]),
            (c.ASSERT, (1, [(c.LITERAL, 120)])),
            (c.AT, c.AT_END),
        ]  # fmt: skip
        return bool(tree == expected and c.SRE_FLAG_IGNORECASE and c.SRE_FLAG_MULTILINE)
    except Exception:  # any change in the private API: do without it
        return False


def _plain(node: Any) -> Any:
    """A (small) parse tree as nested lists and tuples, comparable with ``==``."""
    if isinstance(node, tuple):
        return tuple(_plain(x) for x in node)
    if isinstance(node, list) or type(node).__name__ == "SubPattern":
        return [_plain(x) for x in node]
    return node


_LOADED = _load()
sre: Any = _LOADED[1] if _LOADED else None  # the parser's constants (opcodes, flags)


def available() -> bool:
    """Whether patterns can be analysed at all (the standard parser is usable)."""
    return _LOADED is not None


def parse(pattern: str, lists: dict[str, list[str]]) -> tuple[Tree, int] | None:
    """``pattern`` (with ``\\L<list>`` spelt out) as (tree, global flags); None if unreadable.

    ``\\p{..}`` is replaced by a class that can match white space exactly when the
    property can, which is all the analyses ask of it.
    """
    if _LOADED is None:
        return None
    return _parse(pattern, list_key(pattern, lists))


ListKey = tuple[tuple[str, tuple[str, ...]], ...]


def list_key(pattern: str, lists: dict[str, list[str]]) -> ListKey:
    """The word lists ``pattern`` uses, hashable: what a cached analysis depends on."""
    names = sorted(set(regex.findall(r"\\L<(\w+)>", pattern)))
    return tuple((n, tuple(lists.get(n, ()))) for n in names)


@lru_cache(maxsize=4096)
def _parse(pattern: str, lists: ListKey) -> tuple[Tree, int] | None:
    """``parse``, once per pattern and word lists (the tree is shared: do not change it)."""
    assert _LOADED is not None
    depth, inside = _structure(pattern)
    if depth > MAX_DEPTH:
        return None
    try:
        text = _translate(pattern, {n: list(words) for n, words in lists}, inside)
        with warnings.catch_warnings():  # "possible nested set": regex reads it the same way
            warnings.simplefilter("ignore", FutureWarning)
            tree = _LOADED[0].parse(text, 0)
    except (re.error, RecursionError, OverflowError, ValueError):
        return None
    return list(tree), int(tree.state.flags)


def _structure(pattern: str) -> tuple[int, dict[int, bool]]:
    """How deeply the groups nest, and the positions inside character classes (with
    whether the class is negated).

    A quick scan (escapes skipped, a leading ``]`` in a class is a literal) that bounds
    the depth before the recursive parser sees the pattern.
    """
    depth = deepest = 0
    inside: dict[int, bool] = {}
    i, n = 0, len(pattern)
    in_class = negated = False
    while i < n:
        ch = pattern[i]
        if in_class:
            inside[i] = negated
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            negated = pattern[i + 1 : i + 2] == "^"
            i += 1 + negated
            if pattern[i : i + 1] == "]":
                inside[i] = negated
                i += 1
            continue
        elif ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")":
            depth -= 1
        i += 1
    return deepest, inside


def _translate(pattern: str, lists: dict[str, list[str]], inside: dict[int, bool]) -> str:
    """Spell out ``\\L<name>`` as an alternation and turn ``\\p{..}`` into a class.

    Raises ``re.error`` for syntax the standard parser would misread.
    """
    bare = _QUANTIFIER.sub("", _ESCAPE.sub("e", pattern))
    if _FOREIGN.search(bare):
        raise re.error("syntax only the regex module reads this way")
    out: list[str] = []
    pos = 0
    for m in _ESCAPE.finditer(pattern):
        out.append(pattern[pos : m.start()])
        pos = m.end()
        if m.group(1) is not None:
            words = lists.get(m.group(1), [])
            out.append("(?:" + "|".join(map(re.escape, words)) + ")" if words else "(?!)")
        elif m.group()[1] in "pP":
            if inside.get(m.start()):
                raise re.error("a property in a negated class")  # no stand-in is safe
            out.append(_property(m.group(), m.start() in inside))
        else:
            out.append(m.group())
    out.append(pattern[pos:])
    return "".join(out)


def _property(escape: str, in_class: bool) -> str:
    r"""A stand-in for ``\p{..}``: ``\S``, or any character when the property holds spaces."""
    if not _property_spaces(escape):
        return r"\S"
    return r"\s\S" if in_class else r"[\s\S]"


@lru_cache(maxsize=1)
def split_spaces() -> frozenset[str]:
    """The characters ``str.split`` splits on (the standard library's ``\\s``): the white
    space that separates the words the analyses count."""
    from .casefold import every_character

    return frozenset(re.findall(r"\s", every_character()))


@lru_cache(maxsize=256)
def _property_spaces(escape: str) -> bool:
    """Whether a ``\\p{..}`` escape matches some white space (as ``str.split`` sees it)."""
    try:
        prop = regex.compile(escape)
    except regex.error as e:
        raise re.error(str(e)) from None
    return any(prop.match(c) for c in split_spaces())
