"""A cheap language guess and the stopword list that goes with it.

The stoplists are jusText's (installed with trafilatura): one per language, about 100
languages. The guess counts, over a sample of the document's words, how many fall in each
stoplist; it needs a few hits to commit, so every feature must also work without one.

Reading all the lists and indexing their 150 000 words takes half a second, in every
process, for a guess that looks up a few hundred words. So the index is kept in the
cache (see ``memo``), built there once from jusText's files, and a process looks up only
the words of its samples and the one stoplist its documents need.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from itertools import filterfalse, islice
from pathlib import Path
from typing import Final

import regex

from . import memo

WORD = memo.compiled_regex(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*")
# The same tokens on ASCII text, where the standard library's engine is twice as fast.
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)*")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
BMP = 0x10000


def tokens(text: str) -> list[str]:
    """The word tokens of ``text`` (``WORD``), as written.

    Hot path (every line, and the language guess): ``WORD`` runs only on text with
    characters beyond the Basic Multilingual Plane (emoji, rare scripts); other text goes
    to the standard library's engine, which is about twice as fast on it.
    """
    if text.isascii():
        return _ASCII_WORD.findall(text)
    if _ASTRAL.search(text) is None:
        return _bmp_word().findall(text)
    return WORD.findall(text)


def lower_tokens(text: str) -> list[str]:
    """``tokens(text)``, each lower-cased: the language guess's sample words.

    ASCII text is lower-cased whole and then tokenised, one call instead of one per token:
    the same tokens, as ASCII lower-casing keeps every character a letter, a digit or
    the mark it was, and so every token's bounds where they were.
    """
    if text.isascii():
        return _ASCII_WORD.findall(text.lower())
    return [word.lower() for word in tokens(text)]


@lru_cache(maxsize=1)
def _bmp_word() -> re.Pattern[str]:
    """``WORD`` for text within the Basic Multilingual Plane, for the standard library.

    Its classes are spelt out as the characters below ``BMP`` that ``regex`` itself puts
    in ``WORD``'s classes (Python's own Unicode data may be of another version), so the
    tokens are the same; so limited, the standard engine tests a class with a bitmap.
    """
    return memo.compiled_re(_bmp_word_pattern())


@memo.persistent("language.bmp_word")
def _bmp_word_pattern() -> str:
    """The pattern of ``_bmp_word``: a scan of the whole plane, so kept across processes."""
    plane = "".join(map(chr, range(BMP)))
    word = _char_class(regex.findall(r"[\p{L}\p{M}\p{N}]", plane))
    letter = _char_class(regex.findall(r"\p{L}", plane))
    return f"{word}+(?:['’]{letter}+)*"


def _char_class(chars: Iterable[str]) -> str:
    """A character class of ``chars`` (in code point order), runs written as ranges."""
    runs: list[list[int]] = []
    for code in map(ord, chars):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    spelt = (
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs
    )
    return "[" + "".join(spelt) + "]"


# jusText names its stoplists in English; rules use ISO 639-1 codes where one exists.
ISO_CODES: dict[str, str] = {
    "Afrikaans": "af",
    "Albanian": "sq",
    "Arabic": "ar",
    "Armenian": "hy",
    "Azerbaijani": "az",
    "Basque": "eu",
    "Belarusian": "be",
    "Bengali": "bn",
    "Bosnian": "bs",
    "Breton": "br",
    "Bulgarian": "bg",
    "Catalan": "ca",
    "Croatian": "hr",
    "Czech": "cs",
    "Danish": "da",
    "Dutch": "nl",
    "English": "en",
    "Esperanto": "eo",
    "Estonian": "et",
    "Finnish": "fi",
    "French": "fr",
    "Galician": "gl",
    "Georgian": "ka",
    "German": "de",
    "Greek": "el",
    "Gujarati": "gu",
    "Hebrew": "he",
    "Hindi": "hi",
    "Hungarian": "hu",
    "Icelandic": "is",
    "Indonesian": "id",
    "Irish": "ga",
    "Italian": "it",
    "Kannada": "kn",
    "Kazakh": "kk",
    "Korean": "ko",
    "Kurdish": "ku",
    "Kyrgyz": "ky",
    "Latin": "la",
    "Latvian": "lv",
    "Lithuanian": "lt",
    "Luxembourgish": "lb",
    "Macedonian": "mk",
    "Malay": "ms",
    "Malayalam": "ml",
    "Maltese": "mt",
    "Marathi": "mr",
    "Nepali": "ne",
    "Norwegian_Bokmal": "nb",
    "Norwegian_Nynorsk": "nn",
    "Persian": "fa",
    "Polish": "pl",
    "Portuguese": "pt",
    "Romanian": "ro",
    "Russian": "ru",
    "Serbian": "sr",
    "Slovak": "sk",
    "Slovenian": "sl",
    "Spanish": "es",
    "Swahili": "sw",
    "Swedish": "sv",
    "Tagalog": "tl",
    "Tamil": "ta",
    "Telugu": "te",
    "Turkish": "tr",
    "Ukrainian": "uk",
    "Urdu": "ur",
    "Uzbek": "uz",
    "Vietnamese": "vi",
    "Welsh": "cy",
    "Yoruba": "yo",
}
# Near-duplicates of bigger lists that would only split the vote.
_SKIP = {"Simple_English", "Serbo_Croatian", "Belarusian_Taraskievica"}
SAMPLE_WORDS = 500
MIN_HITS = 5
VOCABULARY = 50_000  # words in a language's everyday use, for the odds of a chance hit

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    """All of jusText's stoplists, keyed by language code (in code order); read once per
    process, and only where the cache cannot serve (see ``_Stored``)."""
    import justext

    with _lock:
        lists = {}
        for name in justext.get_stoplists():
            if name in _SKIP:
                continue
            lists[ISO_CODES.get(name, name.lower())] = frozenset(justext.get_stoplist(name))
        return dict(sorted(lists.items()))


class _Stored:
    """The stoplists as kept in the cache: each word's languages, each list's size, and
    each list, looked up as needed."""

    NAMESPACE: Final = "language.stoplists"
    SIZES: Final = b"\0sizes"  # the key of {lang: size}, in language order

    def __init__(self, store: memo.Store, namespace: str, sizes: dict[str, int]) -> None:
        self.store, self.namespace, self.sizes = store, namespace, sizes

    @classmethod
    def open(cls) -> _Stored | None:
        """The stored index, filled from jusText's files the first time; None without a
        cache (or when it cannot be written)."""
        store = memo.store()
        if store is None:
            return None
        namespace = f"{cls.NAMESPACE}:{_justext_files()}"
        sizes = store.get(namespace, cls.SIZES)
        if sizes is None:
            lists = _stoplists()
            entries = {b"w:" + w.encode(): ",".join(ls).encode() for w, ls in _index().items()}
            entries |= {b"l:" + k.encode(): "\n".join(sorted(v)).encode() for k, v in lists.items()}
            entries[cls.SIZES] = json.dumps({k: len(v) for k, v in lists.items()}).encode()
            store.put_many(namespace, entries)
            sizes = store.get(namespace, cls.SIZES)
            if sizes is None:
                return None
        return cls(store, namespace, json.loads(sizes))

    def langs_of(self, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """The languages of each of ``words`` (those in any), from the cache; from jusText's
        files when the cache no longer holds the index (see ``_Files``)."""
        words = list(words)
        found = self.store.get_many(
            self.namespace, [self.SIZES, *(b"w:" + w.encode() for w in words)]
        )
        if found.pop(self.SIZES, None) is None:
            return _files().langs_of(words)
        return {k[2:].decode(): tuple(v.decode().split(",")) for k, v in found.items()}

    def stoplist(self, lang: str) -> frozenset[str]:
        words = self.store.get(self.namespace, b"l:" + lang.encode())
        if words is None and lang in self.sizes:
            return _files().stoplist(lang)
        return frozenset(words.decode().split("\n")) if words else frozenset()


class _Files:
    """The index read from jusText's files: where there is no cache, or where the cache
    lost the stored index (see ``_Stored``).

    The cache keeps the entries of a few versions of cleaner (``memo``): another checkout
    or environment that starts may drop those of a process still running, and an entry
    that is not found then must not read as a word of no language or an empty stoplist,
    which would change the guess and every feature for the rest of the process.
    """

    def langs_of(self, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
        index = _index()
        return {w: index[w] for w in words if w in index}

    def stoplist(self, lang: str) -> frozenset[str]:
        return _stoplists().get(lang, frozenset())


@lru_cache(maxsize=1)
def _files() -> _Files:
    return _Files()


def _justext_files() -> str:
    """Which stoplist files jusText has (where, and last changed when), without importing
    it: what the stored index was built from."""
    from importlib.util import find_spec

    spec = find_spec("justext")
    where = Path(next(iter(spec.submodule_search_locations or ()))) if spec else None
    if where is None:
        return ""
    lists = where / "stoplists"
    return f"{lists}:{lists.stat().st_mtime_ns}" if lists.is_dir() else str(where)


@lru_cache(maxsize=1)
def _stored() -> _Stored | None:
    try:
        return _Stored.open()
    except UnicodeError:  # a word that does not encode: do without the cache
        return None


def _sizes() -> dict[str, int]:
    """Each stoplist's size, in language order."""
    stored = _stored()
    if stored is not None:
        return stored.sizes
    return {lang: len(words) for lang, words in _stoplists().items()}


def _langs_of(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The languages whose stoplists hold each of ``words`` (those in any)."""
    words = list(words)
    stored = _stored()
    if stored is not None:
        try:
            return stored.langs_of(words)
        except UnicodeError:  # a lone surrogate: look it up in memory
            pass
    return _files().langs_of(words)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """word -> the languages whose stoplist holds it, so a guess is one pass over words."""
    index: dict[str, list[str]] = {}
    for lang, words in _stoplists().items():
        for w in words:
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


def guess_text(text: str) -> str | None:
    """The language of ``text``, guessed from its first ``SAMPLE_WORDS`` lower-cased tokens.

    Only a prefix is tokenised, so a 50 MB document costs no more to guess than a short
    one: it grows until it holds more than ``SAMPLE_WORDS`` tokens (so the last one
    counted is whole) or is the whole text.
    """
    size = 8 * SAMPLE_WORDS
    while True:
        part = text[:size]
        found = tokens(part)
        if len(found) > SAMPLE_WORDS or len(part) == len(text):
            return guess(map(str.lower, found))
        size *= 4


def guess(tokens: Iterable[str]) -> str | None:
    """The language whose stoplist best explains ``tokens``; None when too few hit.

    jusText's stoplists differ in size by a thousandfold, and the big ones (Finnish,
    Marathi, Uzbek...) hold many English words: counting hits alone would call English
    text Marathi. So a hit counts by how unlikely it is by chance, ``log(VOCABULARY /
    size of the list)`` (naive Bayes with a uniform word distribution inside the stoplist
    and over the vocabulary outside it). Hits are counted in C (see ``_Vectors``); on a
    tie the language hit first wins.
    """
    sample = list(islice(tokens, SAMPLE_WORDS))
    hits = _vectors().count(sample)
    if not hits:
        return None
    weight = _weights()
    scores = {lang: n * weight[lang] for lang, n in hits.items()}
    best = max(scores.values())
    tied = [lang for lang, score in scores.items() if score == best]
    lang = tied[0] if len(tied) == 1 else _first_hit(sample, tied)
    return lang if hits[lang] >= MIN_HITS else None


def _first_hit(sample: list[str], langs: list[str]) -> str:
    """Which of ``langs`` the earliest word of ``sample`` is a stopword of."""
    index = _langs_of(set(sample))
    return next(lang for word in sample for lang in index.get(word, ()) if lang in langs)


FIELD = 10  # bits per language: a sample has fewer than 2**10 hits in any one language
_MASK = (1 << FIELD) - 1
VECTOR_CACHE = 50_000  # words remembered before starting afresh


class _Vectors(dict[str, int]):
    """word -> the languages whose stoplist holds it, as one int with a FIELD-bit count of 1
    per language (0 for other words); computed on first sight, then looked up.

    Hot path (once per document): "a" or "in" is in dozens of stoplists and recurs dozens
    of times in a sample, so counting (word, language) pairs one by one is the guess's
    main cost. Summing the sample's packed values (one ``sum(map(...))`` in C) counts
    every language's hits at once.
    """

    def __init__(self, langs: list[str]) -> None:
        super().__init__()
        self.langs = langs
        self.shift = {lang: FIELD * k for k, lang in enumerate(langs)}

    def __missing__(self, word: str) -> int:
        self._learn([word])
        return self[word]

    def _learn(self, words: Iterable[str]) -> None:
        """Compute the values of ``words``, looking their languages up together."""
        new = list(filterfalse(self.__contains__, set(words)))  # a C-level loop
        if not new:  # the usual case once a corpus is under way: no query of the cache
            return
        if len(self) + len(new) >= VECTOR_CACHE:
            self.clear()
        langs = _langs_of(new)
        for w in new:
            self[w] = sum(1 << self.shift[lang] for lang in langs.get(w, ()))

    def count(self, sample: list[str]) -> dict[str, int]:
        """Hits per language (those with any), in the order of ``langs``."""
        self._learn(sample)
        total = sum(map(self.__getitem__, sample))
        hits = {}
        for lang in self.langs:
            if total == 0:
                break
            if n := total & _MASK:
                hits[lang] = n
            total >>= FIELD
        return hits


@lru_cache(maxsize=1)
def _vectors() -> _Vectors:
    return _Vectors(list(_sizes()))


@lru_cache(maxsize=1)
def _weights() -> dict[str, float]:
    """What one hit in each language's stoplist is worth (see ``guess``)."""
    return {lang: math.log(VOCABULARY / size) for lang, size in _sizes().items()}


@lru_cache(maxsize=8)
def stoplist(lang: str | None) -> frozenset[str]:
    """The stopwords of ``lang`` (empty when unknown)."""
    if not lang:
        return frozenset()
    stored = _stored()
    return (stored or _files()).stoplist(lang)
