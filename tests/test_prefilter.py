"""The Matcher's prefilter never hides a match: it answers what trying every rule would."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, casefold, language, prefilter
from cleaner.result import Kind
from cleaner.rules import Matcher, Rule
from cleaner.segment import segment
from tests.golden import inputs, read

RULESET = Cleaner().ruleset
LINES = sorted({x for p in inputs() for line in segment(read(p)) for x in (line.view, line.raw)})
EXAMPLES = [
    e
    for _, doc in RULESET.docs
    for r in doc.get("rule", [])
    for e in r.get("examples", []) + r.get("counter_examples", [])
]


def brute_force(rules: list[Rule], text: str) -> Rule | None:
    """The definition: the first rule, in load order, whose pattern matches."""
    return next((r for r in rules if r.compiled.search(text)), None)  # type: ignore[union-attr]


def variants(text: str) -> list[str]:
    return [text, text.upper(), text.lower(), text.title(), " " + text, text + ".", "x " + text]


@pytest.mark.parametrize("host, lang", [(None, None), (None, "en"), ("example.com", "de")])
def test_same_answer_as_trying_every_rule(host: str | None, lang: str | None) -> None:
    matcher = RULESET.matcher(host, lang)
    for text in LINES + [v for e in EXAMPLES for v in variants(e)]:
        expected = brute_force(matcher.rules, text)
        assert matcher.match(text) is expected, text
        assert matcher.match(text) is expected, text  # cached


line_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n")
edited = st.tuples(
    st.sampled_from(EXAMPLES + LINES[:500]), st.integers(0, 80), st.text(line_chars, max_size=8)
).map(lambda t: t[0][: t[1]] + t[2] + t[0][t[1] :])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(edited, st.text(line_chars, max_size=60)))
def test_same_answer_on_edited_examples(text: str) -> None:
    matcher = RULESET.matcher(None, "en")
    assert matcher.match(text) is brute_force(matcher.rules, text)


def test_most_rules_are_filtered() -> None:
    """The point of it all: few rules are tried on a typical line."""
    matcher = RULESET.matcher(None, "en")
    prose = "The council agreed on Tuesday to replace most of the ageing water pipes."
    assert len(matcher.candidates(prose)) < len(matcher.rules) * 2 / 3  # by first characters
    assert len(matcher.tried(prose)) < len(matcher.rules) / 10  # and by literals


def test_candidates_remembered_per_line_start_are_those_of_its_key() -> None:
    """The Matcher remembers candidates per line start as written: every line gets those of
    its own key (``prefilter.line_key``), whichever line with that start came first."""
    matcher = RULESET.matcher(None, "en")
    keyed: dict[str, set[int]] = {}
    for k in matcher._keyed:
        keyed.setdefault(k, set()).update(matcher._keyed[k])
    texts = (
        LINES + [v for e in EXAMPLES for v in variants(e)] + ["ẞtraße 1", "STRASSE 2", "\u00a0 9"]
    )
    for _ in range(2):  # once as each start is first seen, once remembered
        for text in texts:
            key = prefilter.line_key(text)
            prefixed = (keyed.get(key[:n], set()) for n in range(1, len(key) + 1))
            expected = sorted(set(matcher._unkeyed).union(*prefixed))
            assert list(matcher.candidates(text)) == expected, text


def test_case_folding_assumption_holds_for_every_literal_character() -> None:
    """A character that ``regex`` matches case-insensitively casefolds like the literal."""
    chars: set[str] = set()
    for rule in RULESET.rules:
        lists = {n: RULESET.get_list(n) for n in regex.findall(r"\\L<(\w+)>", rule.pattern)}
        keys = prefilter.prefix_keys(rule.pattern, lists) or frozenset()
        need = prefilter.required_literals(rule.pattern, lists, rule.ignore_case)
        marks = prefilter.required_marks(rule.pattern, lists, rule.ignore_case)
        for lit in [*keys, *(need[1] if need else ()), *(marks[1] if marks else ())]:
            chars.update(lit)
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for ch in chars:
        for other in regex.findall(regex.escape(ch), every, flags=regex.IGNORECASE):
            key = prefilter.line_key(other)
            assert key == prefilter.line_key(ch) or key.startswith(prefilter.line_key(ch)), (
                ch,
                other,
            )


@pytest.mark.parametrize(
    "pattern",
    [
        r"^[[:alpha:]]+x$",  # a POSIX class to regex, a set of characters to re
        r"^(?:foo){e<=1}$",  # fuzzy matching
        r"^\\p{L}x",  # an escaped backslash before p{L}
        r"(?|a|b)",  # branch reset
        r"^a\Xb",
    ],
)
def test_unreadable_syntax_is_not_analysed(pattern: str) -> None:
    assert prefilter.required_literals(pattern, {}) is None
    assert prefilter.prefix_keys(pattern, {}) is None


def test_keys_and_literals_of_simple_patterns() -> None:
    assert prefilter.prefix_keys(r"^(?:advertisement|ad)s?$", {}) == {"adve", "ad", "ads"}
    assert prefilter.prefix_keys(r"^\d+ views$", {}) == {"0 vi", "00 v", "000 ", "0000"}
    assert prefilter.prefix_keys(r"x$", {}) is None  # not anchored
    assert prefilter.required_literals(r"^.*\bAll Rights Reserved\b", {}, False) == (
        {"All Rights Reserved"},
        frozenset(),
    )
    assert prefilter.required_literals(r"(?i:copyright|©)\s\d{4}", {}, False) == (
        frozenset(),
        {"copyright", "©"},
    )


def test_marks_of_simple_patterns() -> None:
    """Punctuation a match needs, beside the words it needs; none when it needs none."""
    menu = r"(?=.*\b(?:news|sport)\b)[^|•]+(?:\s[|•]\s[^|•]+){3,}$"
    assert prefilter.required_literals(menu, {}) == (frozenset(), {"news", "sport"})
    assert prefilter.required_marks(menu, {}) == (frozenset(), {"|", "•"})
    crumbs = r"^[^>]{1,40}(?:\s?[>»]\s?[^>»]{1,40}){2,}$|^home\s?(?:[>/]\s?\w+){1,6}$"
    assert prefilter.required_marks(crumbs, {}) == (frozenset(), {">", "»", "/"})
    assert prefilter.required_marks(r"^photo\s\w+$", {}) is None  # letters and a space
    assert prefilter.required_marks(r"^\w+$|^-\s\w+$", {}) is None  # one branch needs none


@pytest.mark.parametrize(
    "pattern, bounds",
    [
        (r"^(?=(?:\S+\s){0,9}\S+$)photo", (1, 10)),
        (r"^(?=(?:\S+\s){3}\S+$)", (4, 4)),
        (r"^(?=(?:\S+\s){2,}\S+$)a", (3, None)),
        (r"^(?=(?:\S+\s){8}).*AFP", (8, None)),
        (r"^(?:\S+\s){4}.*?Photo", (5, None)),  # "Photo" is a fifth word
        (r"^(?=(?:\S+\s){0,9}\S+$)a|b", (1, None)),  # "b" alone is not counted
        (r"(?i)^(?=(?:\S+\s){0,9}\S+$)a", (1, 10)),
        (r"photo", (1, None)),
        # The parser hoists the shared "^" out of both branches (issue 23): the count
        # of one branch does not bound the other.
        (r"^(?:\S+\s){3}foo$|^bar$", (1, 4)),
        (r"^(?=(?:\S+\s){0,1}\S+$)foo|^sponsored by acme corp today$", (1, 5)),
        (r"^a(?: b){0,5}$", (1, 6)),
        (r"^(?:a b ){0,2000}$", (0, 4000)),
        (r"(?m)^a$", (1, None)),  # "^" and "$" bound nothing under MULTILINE
        (r"^\p{L}+$", (1, 1)),
        (r"^[\p{L} ]+$", (0, None)),  # the class holds a space: all spaces is no word
        (r"^(?=(?:\S+\s){0,3}\S+$)(a)\1", (1, 4)),  # a backreference is any text
        (r"^(?:[[:alpha:]]+\s)*x$", (0, None)),  # syntax only regex reads: unknown
    ],
)
def test_word_bounds(pattern: str, bounds: tuple[int, int | None]) -> None:
    assert prefilter.word_bounds(pattern, {}) == bounds


def test_word_bounds_hold_on_long_and_short_lines() -> None:
    """Lines far outside a rule's word range are skipped, and the answer stays exact."""
    rules = [r for r in RULESET.rules if prefilter.word_bounds(r.pattern, RULESET.lists)[1]]
    assert {"credit.photo", "legal.copyright"} <= {r.id for r in rules}
    matcher = Matcher(rules, RULESET.lists)
    filler = "and the council met again on Tuesday"
    for example in EXAMPLES:
        for text in (example, f"{example} {filler * 12}", f"{filler * 12} {example}", example[:3]):
            assert matcher.match(text) is brute_force(matcher.rules, text), text


def test_split_and_regex_agree_on_white_space_but_for_four_separators() -> None:
    r"""``prefilter.words`` counts with ``str.split``, which must split where ``\s`` does."""
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    regex_space = set(regex.findall(r"\s", every))
    split_space = {ch for ch in every if ch.isspace()}
    assert split_space - regex_space == set("\x1c\x1d\x1e\x1f")
    assert regex_space <= split_space
    assert prefilter.words("a\x1cb c") is None
    assert prefilter.words("a  b\tc ") == 3


def test_a_rule_that_times_out_warns_and_is_not_cached() -> None:
    pattern = r"^(?:a|aa)+$"  # exponential backtracking on a run of a's
    rule = Rule(
        "slow",
        Cleaner().ruleset.rules[0].kind,
        pattern,
        "drop",
        "",
        "test",
        timeout=0.001,
        compiled=regex.compile(pattern),
    )
    matcher = Matcher([rule], {})
    warnings: list[str] = []
    text = "a" * 40 + "!"
    assert matcher.match(text, warnings) is None
    assert warnings and "timed out" in warnings[0]
    assert text not in matcher._cache


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.text("abc.", min_size=1, max_size=4), st.integers(1, 2**70), max_size=12),
    st.text("abc.", max_size=30),
)
def test_literal_scan_finds_every_literal_overlaps_included(
    masks: dict[str, int], text: str
) -> None:
    """The one-scan search answers what looking for each literal on its own would."""
    expected = 0
    for lit, mask in masks.items():
        if lit in text:
            expected |= mask
    assert prefilter.LiteralScan(masks)(text) == expected


def test_literal_scan_of_nested_and_overlapping_literals() -> None:
    scan = prefilter.LiteralScan({"ab": 1, "abcd": 2, "bcx": 4, "c": 8, "dab": 16})
    assert scan("abcx") == 1 | 4 | 8
    assert scan("xabcdab") == 1 | 2 | 8 | 16
    assert scan("abc") == 1 | 8
    assert prefilter.LiteralScan({})("anything") == 0


# -- issue 23: recursion, hoisted anchors, case-special letters, fallbacks -----------------


def _rule(pattern: str, ignore_case: bool = True, rid: str = "t.rule") -> Rule:
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    return Rule(
        rid,
        Kind.SHARE,
        pattern,
        "drop",
        "",
        "test",
        ignore_case,
        compiled=regex.compile(pattern, flags),
    )


def test_a_long_literal_loads_matches_and_cleans(tmp_path: Path) -> None:
    """The literal scan built its search pattern recursively, one call per character: a
    600-character literal made every clean() raise RecursionError."""
    literal = "ab" * 300
    rules = tmp_path / "long.toml"
    rules.write_text(
        f"[[rule]]\nid = 'x.long'\nkind = 'share'\npattern = '^{literal}$'\n"
        f"examples = ['{literal}']\n",
        encoding="utf-8",
    )
    c = Cleaner([rules])
    text = "The council met on Tuesday to discuss the budget.\n" + literal + "\n"
    assert [r.rule for r in c.clean(text).removed] == ["x.long"]
    scan = prefilter.LiteralScan({literal: 1, "c" + literal: 2, "abc": 4})
    assert scan("x" + literal + "x") == 1
    assert scan("c" + literal) == 3
    assert scan("c" + literal[:40]) == 3  # a literal is looked for by its first MAX_LEN chars


@pytest.mark.parametrize(
    "pattern, line",
    [
        (r"^(?:\S+\s){3}foo$|^bar$", "bar"),
        (
            r"^(?=(?:\S+\s){0,1}\S+$)foo|^sponsored by acme corp today$",
            "sponsored by acme corp today",
        ),
        (r"^yazı$", "YAZI"),
        (r"^ıÅ", "IÅ"),
        (r"türkçe yazı", "TÜRKÇE YAZI"),
        (r"^istanbul$", "İSTANBUL"),
        (r"^ΣΟΦΟΣ$", "σοφος"),
        (r"^straẞe$", "STRAßE"),
        (r"^ſun", "SUN"),
        (r"^\u212aelvin", "kelvin"),  # the Kelvin sign
        (r"^\ua7cb", "\u0264"),  # a case pair newer than this Python's Unicode tables
    ],
)
def test_prefilter_never_skips_a_matching_rule(pattern: str, line: str) -> None:
    """Issue 23's silent misses: each rule matches its line in regex, so the Matcher must."""
    rule = _rule(pattern)
    assert rule.search(line)
    assert Matcher([rule], {}).match(line) is rule


def test_every_case_pair_of_regex_folds_to_one_key() -> None:
    """The key is derived from regex's own case data, not a list of letters: every pair of
    characters regex matches case-insensitively (and every full case fold) agrees."""
    data = casefold.regex_case_data()
    assert data is not None and casefold.table() is not None
    variants, full_fold = data
    for ch in regex.findall(casefold._CASED, casefold.every_character()):
        key = casefold.fold(ch)
        assert all(casefold.fold(v) == key for v in variants(ch)), ch
        assert casefold.fold(full_fold(ch)) == key, ch
        assert all(prefilter.line_key(v) == prefilter.line_key(ch) for v in variants(ch)), ch


def _run_without(blocked: str, code: str) -> str:
    """Run ``code`` in a fresh interpreter where ``blocked`` (Python statements run first)
    has taken away a private API the prefilter uses."""
    script = f"{blocked}\n{code}"
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    return res.stdout


FALLBACK_CHECK = """
import cleaner
from cleaner import prefilter, pattern_tree, casefold
from cleaner.segment import segment
c = cleaner.Cleaner()
m = c.ruleset.matcher(None, "en")
line = "The council agreed on Tuesday to replace most of the water pipes."
print(not m._keyed and m._free == (1 << 2 * len(m.rules)) - 1)  # no literal, mark or start
print(len(m.tried(line)) == len(m.rules))
text = open({fixture!r}, encoding="utf-8").read()
print([(r.line_no, r.rule) for r in c.clean(text).removed])
"""


@pytest.mark.parametrize(
    "blocked, every_rule",
    [
        # The standard library's private parser gone (issue 20): every rule is tried.
        ("import re, sys\nsys.modules['re._parser'] = None\nsys.modules['sre_parse'] = None", True),
        # regex's private case data unreadable: no literal or line start can be trusted (the
        # word counts still can).
        ("from cleaner import casefold\ncasefold.regex_case_data = lambda: None", False),
    ],
)
def test_without_private_apis_rules_are_tried_and_output_is_the_same(
    blocked: str, every_rule: bool
) -> None:
    fixture = str(inputs()[0])
    code = FALLBACK_CHECK.format(fixture=fixture)
    unfiltered, tried_all, removed = _run_without(blocked, code).splitlines()
    assert unfiltered == "True"
    assert tried_all == str(every_rule)
    expected = [(r.line_no, r.rule) for r in Cleaner().clean(read(inputs()[0])).removed]
    assert removed == str(expected)
    assert expected  # the fixture has junk the rules remove


def test_the_scan_compiled_from_kept_code_is_the_standard_compile() -> None:
    """The matcher's scans and the word pattern are compiled from code kept in the cache
    (``memo.compiled_re``): the pattern object ``re.compile`` makes, finding the same."""
    m = Cleaner().ruleset.matcher(None, "en")
    lines = [line.view for path in inputs() for line in segment(read(path))]
    folded = [casefold.fold(x) for x in lines]
    every = m._scans_of(m._scanned)  # the scans for every rule's literals
    assert every.cs is not None and every.ci is not None
    for kept, texts in (
        (every.cs._search.__self__, lines),
        (every.ci._search.__self__, folded),
        (language._bmp_word(), lines),
    ):
        standard = re.compile(kept.pattern)
        assert kept is not standard
        assert (kept.flags, kept.groups, kept.groupindex) == (
            standard.flags,
            standard.groups,
            standard.groupindex,
        )
        for text in texts:
            found = [(x.start(), x.group()) for x in kept.finditer(text)]
            assert found == [(x.start(), x.group()) for x in standard.finditer(text)]


def test_a_line_is_scanned_for_the_literals_of_its_candidate_rules_only() -> None:
    """A long paragraph, which most rules' word ranges rule out, is scanned for the
    literals of the rules left (fewer), and gets the answer every rule's scan gives."""
    m = Cleaner().ruleset.matcher(None, "en")
    paragraph = " ".join(["The council met on Tuesday and voted on the budget."] * 12)
    for line in (paragraph, "Photo: Reuters", "Advertisement"):
        left = m._group(line).mask & m._fitting(prefilter.words(line))
        every = m._scans_of(m._scanned)
        assert every.cs is not None and every.ci is not None
        met = m._free | every.cs(line) | every.ci(casefold.fold(line))
        passed = left & met & (met >> m._n)
        assert m.tried(line) == [i for i in range(m._n) if passed >> i & 1]
    own = m._scans_of(
        m._group(paragraph).mask & m._fitting(prefilter.words(paragraph)) & m._scanned
    )
    assert own.ci is None or len(own.ci._found) < len(every.ci._found)
