"""The cheap language guess that picks the stoplist (and language-scoped rules)."""

from __future__ import annotations

import pytest

import cleaner
from cleaner import language

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
