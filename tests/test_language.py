"""The cheap language guess that picks the stoplist (and language-scoped rules)."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import language, memo
from cleaner.pipeline import _Analysis
from cleaner.segment import segment

# Plain English with few function words: jusText's big stoplists (Marathi, Finnish,
# Uzbek) hold many English words, and by raw hit counts each of them beat English here.
RECIPE = (
    "Pre-workout meal: eat 60 to 90 minutes before your workout. Asparagus and eggs, with one "
    "cup of asparagus, two soft-boiled eggs and half a cup of sweet potato. Portion "
    "containers: one green, one red, one yellow. Post-workout meal: eat one to two hours after "
    "your workout. Chicken with zucchini noodles, four ounces of cooked chicken, one cup of red "
    "peppers and a teaspoon of sesame oil. Drink within 30 minutes after your workout."
)
SAMPLES = {
    "en": RECIPE,
    "de": "Die Stadt hat am Dienstag beschlossen, die neue Straßenbahnlinie bis zum Bahnhof zu "
    "verlängern. Die Arbeiten sollen im nächsten Jahr beginnen und etwa zwei Jahre dauern.",
    "pt": "A prefeitura decidiu na terça-feira ampliar a nova linha de bonde até a estação. As "
    "obras devem começar no próximo ano e durar cerca de dois anos, segundo a secretaria.",
    "ru": "Городской совет во вторник решил продлить новую трамвайную линию до вокзала. Работы "
    "должны начаться в следующем году и продлятся около двух лет, сообщили в мэрии.",
}


@pytest.mark.parametrize(("lang", "text"), SAMPLES.items())
def test_the_language_is_guessed_from_its_stopwords(lang: str, text: str) -> None:
    assert language.guess_text(text) == lang


def test_a_big_stoplist_holding_english_words_does_not_win_on_english() -> None:
    hits = {lang for lang in ("mr", "fi", "uz") if "cup" in language.stoplist(lang)}
    assert hits, "the premise: big stoplists hold English words"
    assert language.guess_text(RECIPE) == "en"
    assert cleaner.clean(RECIPE).language == "en"


def test_too_few_stopwords_make_no_guess() -> None:
    assert language.guess_text("Zxqv 12 Blorp") is None
    assert language.guess_text("") is None


def test_tokens_are_words_pattern_tokens_in_every_script() -> None:
    """The standard-library path for text within the Basic Multilingual Plane gives exactly
    ``WORD``'s tokens: every character, next to letters, apostrophes and an emoji."""
    plane = [chr(c) for c in range(language.BMP)]
    for start in range(0, len(plane), 512):
        chars = plane[start : start + 512]
        text = "".join(f"{c}a’{c} b'{c}{c}’ " for c in chars)
        assert language.tokens(text) == language.WORD.findall(text), start
        astral = text + "\U0001f600x"
        assert language.tokens(astral) == language.WORD.findall(astral), start


def test_a_cache_that_loses_the_stored_index_changes_no_guess(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache keeps a few versions' entries: another checkout that starts may drop those
    of a process still running. Its lookups then read jusText's files: a word is still of
    its languages, a stoplist still full (they read as none and empty, and a compare of two
    runs found hundreds of documents changed)."""
    monkeypatch.setenv(memo.ENV, str(tmp_path))
    stored = language._Stored.open()
    assert stored is not None
    words = ["the", "und", "de", "и", "zzqx"]
    langs, english = stored.langs_of(words), stored.stoplist("en")
    assert langs["the"] and "the" in english and "zzqx" not in langs
    db = sqlite3.connect(tmp_path / memo.FILE_NAME)
    with db:
        db.execute("DELETE FROM entries")  # what pruning does to a version's entries
    db.close()
    assert stored.langs_of(words) == langs
    assert stored.stoplist("en") == english
    assert stored.stoplist("no-such-language") == frozenset()


def reference_guess(tokens: list[str]) -> str | None:
    """The definition ``guess`` computes faster: count every (token, language) pair."""
    index = language._index()
    pairs = (lang for word in tokens[: language.SAMPLE_WORDS] for lang in index.get(word, ()))
    hits = Counter(pairs)
    if not hits:
        return None
    weight = language._weights()
    lang = max(hits, key=lambda lang: hits[lang] * weight[lang])  # the first hit on a tie
    return lang if hits[lang] >= language.MIN_HITS else None


def test_guess_counts_hits_as_the_definition_does_ties_included() -> None:
    rng = random.Random(7)
    samples = [[w.lower() for w in language.tokens(text)] for text in SAMPLES.values()]
    # Languages whose stoplists are the same size weigh a hit the same: they can tie.
    by_size: dict[int, list[str]] = {}
    for lang, words in language._stoplists().items():
        by_size.setdefault(len(words), []).append(lang)
    index = language._index()
    for langs in (group for group in by_size.values() if len(group) > 1):
        words = sorted(w for w, hit in index.items() if set(hit) & set(langs))
        for _ in range(100):
            samples.append(rng.sample(words, min(len(words), rng.randrange(5, 30))) * 2)
    for sample in samples + [s[::-1] for s in samples] + [s * 40 for s in samples[:4]]:
        assert language.guess(iter(sample)) == reference_guess(sample), sample[:10]


# Pieces of lines: words of several scripts and stoplists, apostrophes, digits, emoji
# (beyond the Basic Multilingual Plane), marks, and white space, line endings included.
GUESS_PIECES = [
    *["the", "and", "of", "die", "und", "der", "la", "de", "que", "и", "в", "на"],
    *["don't", "l’homme", "Straße", "ÉTÉ", "x9", "12", "😀", "e\u0301", "\u200b"],
    *[" ", "  ", "\t", ", ", ". ", "\n", "\r\n", "\r", "\ufeff"],
]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    st.one_of(
        st.text(st.characters(max_codepoint=0x7F), max_size=80),
        st.lists(st.sampled_from([*GUESS_PIECES, "İSTANBUL", "ǅ", "ΣΑΣ", "A'B", "o’C"])).map(
            "".join
        ),
    )
)
def test_lower_tokens_are_the_tokens_lower_cased(text: str) -> None:
    """The guess's sample: ASCII lines are lower-cased before they are split, the same
    tokens as splitting first."""
    assert language.lower_tokens(text) == [w.lower() for w in language.tokens(text)]


GUESSER = cleaner.Cleaner()


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    st.lists(st.sampled_from(GUESS_PIECES), max_size=2000).map("".join),
    st.sets(st.integers(0, 400)),
)
def test_the_guess_from_lines_is_the_guess_from_their_text(text: str, gone: set[int]) -> None:
    """The pipeline guesses from each line's tokens, the lines left by a pass without
    their text joined again: the same guess as ``guess_text`` of that text."""
    analysis = _Analysis(GUESSER, segment(text), None, None, [])
    assert analysis.lang == language.guess_text(text)
    lines = analysis.lines
    left = [i for i in range(len(lines)) if i not in gone]
    joined = "\n".join(lines[i].raw for i in left)
    assert analysis(left).feats is not None  # takes the path a later pass takes
    assert analysis._guess(left) == language.guess_text(joined)
