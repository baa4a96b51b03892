"""One rule: a pattern for a whole junk line, with its kind, action and reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast, overload

import regex

from . import memo
from .result import Kind

DEFAULT_TIMEOUT = 0.05


class RuleError(ValueError):
    """A rule file is invalid; the message names the file, the rule id and the fault."""

    def __init__(self, source: str, rule_id: str | None, message: str) -> None:
        where = f"{source}: rule {rule_id!r}" if rule_id else source
        super().__init__(f"{where}: {message}")
        self.source, self.rule_id, self.message = source, rule_id, message

    def __reduce__(self) -> tuple[Any, ...]:
        # Raised inside worker processes (corpus runs, datatrove): it must cross back.
        return (type(self), (self.source, self.rule_id, self.message))


class _CompiledOnUse:
    """``Rule.compiled``: the pattern given to the constructor, or else compiled on first
    use. A rule known to be valid is not compiled on load (see ``_rule``), and most rules
    are never tried on a given document, so a process compiles only those it needs."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}"

    @overload
    def __get__(self, rule: None, owner: type | None = None) -> _CompiledOnUse: ...
    @overload
    def __get__(self, rule: Rule, owner: type | None = None) -> regex.Pattern[str]: ...
    def __get__(
        self, rule: Rule | None, owner: type | None = None
    ) -> regex.Pattern[str] | _CompiledOnUse:
        if rule is None:
            return self  # the dataclass's default: none given
        pattern: regex.Pattern[str] | None = rule.__dict__.get(self.slot)
        if pattern is None:
            pattern = compiled_pattern(rule.pattern, rule.ignore_case, rule.lists)
            rule.__dict__[self.slot] = pattern
        return pattern

    def __set__(self, rule: Rule, pattern: regex.Pattern[str] | _CompiledOnUse | None) -> None:
        rule.__dict__[self.slot] = None if isinstance(pattern, _CompiledOnUse) else pattern


def _regex(pattern: str, ignore_case: bool, named: dict[str, list[str]]) -> regex.Pattern[str]:
    """``pattern`` compiled; ``named`` are the word lists it uses as ``\\L<name>``."""
    lists = tuple(sorted((k, tuple(v)) for k, v in named.items()))
    return compiled_pattern(pattern, ignore_case, lists)


@memo.persistent("rules.compiled")
def compiled_pattern(
    pattern: str, ignore_case: bool, named: tuple[tuple[str, tuple[str, ...]], ...]
) -> regex.Pattern[str]:
    """``pattern`` compiled (ignoring case or not) with the word lists ``named`` (name,
    words), kept across processes (see ``memo``) under one key however the lists came.

    ``regex`` parses a pattern in Python, a few milliseconds for a rule with word lists
    and tens for the date rules, while a compiled pattern pickles as its code and loads
    in microseconds. The cache's fingerprint holds ``regex``'s version, so stored code
    always meets the engine it was made for.
    """
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    compile_: Any = regex.compile  # named lists are keyword arguments its stubs do not know
    return cast("regex.Pattern[str]", compile_(pattern, flags, **{k: list(v) for k, v in named}))


@dataclass(frozen=True)
class Rule:
    """One validated rule (its pattern compiled when first used)."""

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
    compiled: _CompiledOnUse = field(default=_CompiledOnUse(), compare=False, repr=False)
    unbounded: bool = False  # acknowledged: may match a line of any length (see UNBOUNDED)
    editorial: bool = False  # a match is the publication's own note on the article
    # The word lists the pattern uses (``\L<name>``), for compiling it.
    lists: tuple[tuple[str, tuple[str, ...]], ...] = field(default=(), compare=False, repr=False)

    def applies(self, host: str | None, lang: str | None) -> bool:
        """Whether this rule is in force for a document from ``host`` in ``lang``."""
        if self.sites and not (host and any(_host_in(host, s) for s in self.sites)):
            return False
        return not (self.lang and lang not in self.lang)

    def search(self, text: str) -> bool:
        """True when the rule matches ``text``; raises TimeoutError past ``timeout``."""
        return self.compiled.search(text, timeout=self.timeout) is not None


def _host_in(host: str, site: str) -> bool:
    return host == site or host.endswith("." + site)


def normalize_host(host: str | None) -> str | None:
    """Lower-case, no port, no leading ``www.``: the form ``sites`` are compared in."""
    if not host:
        return None
    host = host.lower().split(":")[0].strip(".")
    return host[4:] if host.startswith("www.") else host
