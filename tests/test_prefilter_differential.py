"""Differential test of the prefilter: random patterns and lines, the filtered Matcher
against trying every rule in order.

The patterns come from a grammar over what the prefilter reasons about: anchors (also
hoisted out of an alternation), alternation, groups, lookarounds, the word-count openers
(``^(?=(?:\\S+\\s){0,N}\\S+$)``), ``\\L<list>``, classes, scoped case flags, and letters
whose case ``regex`` treats specially (dotless ı, İ, ß/ẞ, final sigma, the Kelvin sign).
The lines mix the patterns' own pieces, their case variants and random text.

``make test`` runs a bounded, derandomised number of examples; ``make fuzz`` sets
``CLEANER_FUZZ_EXAMPLES`` to run many more, with fresh randomness.
"""

from __future__ import annotations

import os
from random import Random

import regex
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cleaner.result import Kind
from cleaner.rules import Matcher, Rule

FUZZ_EXAMPLES = int(os.environ.get("CLEANER_FUZZ_EXAMPLES", "0"))
SETTINGS = settings(
    max_examples=FUZZ_EXAMPLES or 120,
    derandomize=not FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# Letters whose case regex treats specially, beside plain ones and separators.
SPECIAL = "ıIİißẞsSſςσΣkKKµμΜ"
PLAIN = "abcxyzABCXYZ09"
MARKS = " -|.:,"
ALPHABET = SPECIAL + PLAIN + MARKS
LISTS = {"words": ["acme", "YAZI", "straße", "ΣΟΦΙΑ", "a b"]}


ATOMS = [r"\s", r"\S", r"\d", r"\w", r"\W", ".", r"\b", r"\L<words>", r"\p{L}"]
CLASSES = ["[a-c]", "[A-Z]", "[ı-İ]", r"[\s\d]", r"[^\s]", r"[\w.]"]
QUANTIFIERS = ["", "", "", "?", "*", "+", "{2}", "{0,3}", "{1,}", "+?", "*?"]
GROUPS = ["(?:", "(", "(?=", "(?!", "(?i:", "(?-i:", "(?>"]
CLOSERS = ["", "", "$", r"\b", r"(?=\s|$)"]


def _text(rnd: Random, alphabet: str, most: int) -> str:
    return "".join(regex.escape(rnd.choice(alphabet)) for _ in range(rnd.randint(1, most)))


def _atom(rnd: Random) -> str:
    kind = rnd.randrange(4)
    if kind < 2:
        return _text(rnd, SPECIAL + PLAIN + " ", 5)
    if kind == 2:
        choice = rnd.randrange(3)
        if choice == 0:
            return "[" + _text(rnd, SPECIAL + PLAIN, 4) + "]"
        if choice == 1:
            return "[^" + _text(rnd, SPECIAL + PLAIN + MARKS, 3) + "]"
        return rnd.choice(CLASSES)
    return rnd.choice(ATOMS)


def _body(rnd: Random, depth: int) -> str:
    """A sequence of atoms, groups and alternations, nested at most ``depth`` deep."""
    parts = []
    for _ in range(rnd.randint(1, 3)):
        kind = rnd.randrange(5) if depth > 0 else 0
        if kind <= 2:
            parts.append(_atom(rnd) + rnd.choice(QUANTIFIERS))
        elif kind == 3:
            opening = rnd.choice(GROUPS)
            after = "" if opening in ("(?=", "(?!") else rnd.choice(QUANTIFIERS)
            parts.append(opening + _body(rnd, depth - 1) + ")" + after)
        else:
            alts = [_body(rnd, depth - 1) for _ in range(rnd.randint(2, 3))]
            parts.append("(?:" + "|".join(alts) + ")")
    return "".join(parts)


def _opener(rnd: Random) -> str:
    return rnd.choice(
        [
            "",
            "^",
            "^",
            rf"^(?=(?:\S+\s){{0,{rnd.randint(0, 4)}}}\S+$)",
            rf"^(?=(?:\S+\s){{{rnd.randint(1, 3)}}})",
            rf"^(?:\S+\s){{{rnd.randint(1, 3)}}}",
            r"(?<=\s)",
        ]
    )


def random_pattern(rnd: Random) -> str:
    """Up to three top-level branches, often all anchored (the parser hoists a shared "^")."""
    branches = [
        _opener(rnd) + _body(rnd, 2) + rnd.choice(CLOSERS) for _ in range(rnd.randint(1, 3))
    ]
    return "|".join(branches)


def _variants(piece: str) -> list[str]:
    return [
        piece,
        piece.upper(),
        piece.lower(),
        piece.swapcase(),
        piece.replace("i", "İ").replace("I", "ı"),
        piece.replace("ß", "SS").replace("σ", "ς"),
    ]


def _compile(text: str, ignore_case: bool) -> regex.Pattern[str] | None:
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    try:
        return regex.compile(text, flags, **LISTS)
    except (regex.error, ValueError, TypeError, OverflowError, RecursionError):
        return None


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[Rule], list[str]]:
    rnd = Random(draw(st.integers(0, 2**64 - 1)))
    rules: list[Rule] = []
    for n in range(rnd.randint(1, 4)):
        text = random_pattern(rnd)
        ignore_case = rnd.random() < 0.7
        compiled = _compile(text, ignore_case)
        if compiled is not None:
            rules.append(
                Rule(f"r{n}", Kind.SHARE, text, "drop", "", "fuzz", ignore_case, compiled=compiled)
            )
    assume(rules)
    pieces = [m for r in rules for m in regex.findall(r"[^\W\d_]+| ", r.pattern)] or ["a"]
    lines = []
    for _ in range(rnd.randint(1, 6)):
        words = []
        for _ in range(rnd.randint(0, 8)):
            if rnd.random() < 0.7:
                words.append(rnd.choice(_variants(rnd.choice(pieces))))
            else:
                words.append("".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 4))))
        lines.append(" ".join(words))
    return rules, lines


def brute_force(rules: list[Rule], text: str) -> list[Rule]:
    """The definition: every rule whose pattern matches, in load order."""
    return [r for r in rules if r.compiled is not None and r.compiled.search(text)]


@SETTINGS
@given(cases())
def test_filtered_matcher_answers_what_trying_every_rule_answers(
    case: tuple[list[Rule], list[str]],
) -> None:
    rules, lines = case
    matcher = Matcher(rules, LISTS)
    for text in lines:
        warnings: list[str] = []
        found = matcher.matches(text, warnings)
        if warnings:
            continue  # a rule gave up on its time limit: no answer to compare
        expected = brute_force(rules, text)
        assert found == expected, (text, [r.pattern for r in rules])
        assert matcher.match(text) is (expected[0] if expected else None)
