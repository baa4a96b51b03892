"""What must hold for any input: the checks the fuzz targets run (and the tests replay).

Each ``check_*`` takes one input as the fuzzer gives it (bytes) and raises ``Broken``
naming the invariant when one does not hold. Only a documented ``RuleError`` may come out
of loading a rule; any other exception is a crash and propagates.

- ``clean``: output is the input minus whole lines, in order, byte for byte (each kept
  line with its own ending; a file without a final line ending does not gain one; a BOM
  stays first); a document with text is never emptied unless flagged, and a flagged one
  comes back unchanged; every removal names an input line and a reason; clean is
  deterministic and idempotent; ``explain`` agrees with ``clean``.
- ``clean_html``: the same of the cleaned text against the extracted text.
- ``rules``: a rule file loads or is refused with ``RuleError``; the Matcher of its rules
  answers what trying every rule answers (the prefilter never hides a match); each rule's
  word bounds hold on every line it matches; the length check answers for every rule.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any

import cleaner
from cleaner import lengthcheck, prefilter
from cleaner.rules import Matcher, RuleError, build
from cleaner.segment import split_lines

# Invariants known not to hold yet, with the issue that tracks them. The harness records
# inputs that break them (``fuzz/findings``) instead of stopping; the tests keep them as
# strict xfails so they flip when fixed.
KNOWN: dict[str, str] = {}


class Broken(AssertionError):
    """An invariant does not hold; ``name`` says which."""

    def __init__(self, name: str, detail: str) -> None:
        super().__init__(f"{name}: {detail}")
        self.name = name


@lru_cache(maxsize=1)
def default() -> cleaner.Cleaner:
    return cleaner.Cleaner()


def text_of(data: bytes) -> str:
    """The fuzzer's bytes as text: UTF-8, undecodable bytes kept as lone surrogates."""
    return data.decode("utf-8", "surrogateescape")


def check_clean(data: bytes) -> None:
    """The invariants of ``clean`` on one document (see the module docstring)."""
    text = text_of(data)
    c = default()
    result = c.clean(text)
    check_result(text, result)
    again = c.clean(text)
    if (again.text, again.removed) != (result.text, result.removed):
        raise Broken("deterministic", "a second clean of the same input differs")
    explained = c.explain(text)
    dropped = [d.line_no for d in explained if not d.keep]
    if dropped != [r.line_no for r in result.removed]:
        raise Broken("explain", f"explain drops {dropped}, clean removes other lines")
    if c.clean(result.text).text != result.text:  # the last check: all others hold by now
        raise Broken("idempotent", "cleaning the output again removes more lines")


def check_result(text: str, result: cleaner.CleanResult) -> None:
    """Output is ``text`` minus whole lines; never emptied unless flagged; removals hold."""
    out = result.text
    if result.flagged:
        if out != text or result.removed:
            raise Broken("flagged", "a flagged document must come back unchanged")
        return
    if not is_input_minus_lines(text, out):
        raise Broken("minus-lines", "output is not the input minus whole lines")
    if text.strip() and not out.strip():
        raise Broken("never-empty", "a document with text was emptied without a flag")
    lines = split_lines(text)
    for r in result.removed:
        if not 1 <= r.line_no <= len(lines) or lines[r.line_no - 1][0] != r.text:
            raise Broken("removals", f"removal {r.line_no} does not name its input line")
        if not (r.reason and r.rule and 0.0 <= r.score <= 1.0):
            raise Broken("removals", f"removal {r.line_no} has no reason, rule or score")


def is_input_minus_lines(text: str, out: str) -> bool:
    """Whether ``out`` is some of ``text``'s lines, in order, each with its own ending.

    A text without a final line ending gives an output without one; an input BOM stays at
    the start of the output.
    """
    if text.startswith("\ufeff") and out.startswith("\ufeff"):
        text, out = text[1:], out[1:]
    pairs = split_lines(text)
    got = split_lines(out)
    no_final_end = bool(pairs) and not pairs[-1][1]
    i = 0
    for k, (raw, end) in enumerate(got):
        last = k == len(got) - 1
        while i < len(pairs):
            p_raw, p_end = pairs[i]
            i += 1
            if p_raw == raw and (p_end == end or (last and no_final_end and not end)):
                break
        else:
            return False
    return True


def check_clean_html(data: bytes) -> None:
    """``clean_html``: the cleaned text is the extracted text minus whole lines."""
    from cleaner.html import extract_blocks

    extracted = "\n".join(b.text for b in extract_blocks(data))
    result = default().clean_html(data)
    check_result(extracted, result)


TOML = "#toml\n"
LINES = "\n#lines\n"


def parse_rule_input(data: bytes) -> tuple[dict[str, Any] | None, list[str]]:
    """A rules input, as (parsed rule file or None if it is not TOML, lines to match).

    Either a rule file: ``#toml``, the file, ``#lines``, the lines; or one rule: its
    pattern on the first line, "s" on the second for a case-sensitive one, then the lines.
    """
    text = text_of(data)
    if text.startswith(TOML):
        body, _, rest = text[len(TOML) :].partition(LINES)
        try:
            return tomllib.loads(body), rest.split("\n")
        except (tomllib.TOMLDecodeError, UnicodeEncodeError):
            return None, []  # load() refuses it with a RuleError
    parts = text.split("\n")
    ignore_case = len(parts) < 2 or parts[1] != "s"
    entry = {"id": "fuzz.rule", "kind": "share", "pattern": parts[0], "ignore_case": ignore_case}
    return {"lists": {"words": ["acme", "YAZI", "straße", "a b"]}, "rule": [entry]}, parts[2:]


def check_rules(data: bytes) -> None:
    """A rule file loads or is a ``RuleError``; the filtered Matcher agrees with trying
    every rule; each rule's word bounds hold; the length check answers."""
    doc, lines = parse_rule_input(data)
    if doc is None:
        return
    try:
        ruleset = build([("fuzz.toml", doc)])
    except RuleError:
        return  # a documented refusal
    for rule in ruleset.rules:
        lengthcheck.problem(rule, ruleset.lists, [])
    matcher = Matcher(ruleset.rules, ruleset.lists)
    bounds = [prefilter.word_bounds(r.pattern, ruleset.lists) for r in ruleset.rules]
    for line in lines:
        warnings: list[str] = []
        found = matcher.matches(line, warnings)
        try:
            expected = [r for r in ruleset.rules if r.search(line)]
        except TimeoutError:
            continue
        if warnings:
            continue
        if found != expected:
            raise Broken("prefilter", f"Matcher finds {found}, trying every rule {expected}")
        words = prefilter.words(line)
        for rule, (lo, hi) in zip(ruleset.rules, bounds, strict=True):
            fits = words is None or (lo <= words and (hi is None or words <= hi))
            if rule in expected and not fits:
                raise Broken("word-bounds", f"{rule.id}: {words} words matched, ({lo}, {hi})")


TARGETS = {"clean": check_clean, "clean_html": check_clean_html, "rules": check_rules}
