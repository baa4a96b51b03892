"""A cheap language guess and the stopword list that goes with it.

The stoplists are jusText's (installed with trafilatura): one per language, about 100
languages. The guess counts, over a sample of the document's words, how many fall in each
stoplist; it needs a few hits to commit, so every feature must also work without one.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

import regex

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*")

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
SAMPLE_WORDS = 1000
MIN_HITS = 5

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    """All of jusText's stoplists, keyed by language code; loaded once per process."""
    import justext

    with _lock:
        lists = {}
        for name in justext.get_stoplists():
            if name in _SKIP:
                continue
            lists[ISO_CODES.get(name, name.lower())] = frozenset(justext.get_stoplist(name))
        return lists


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """word -> the languages whose stoplist holds it, so a guess is one pass over words."""
    index: dict[str, list[str]] = {}
    for lang, words in _stoplists().items():
        for w in words:
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


def words(text: str) -> Iterator[str]:
    """Lower-cased word tokens, the unit every count here is made of.

    Lazy: ``guess`` reads only the first ``SAMPLE_WORDS``, so a 50 MB document costs no
    more to guess than a short one (and holds no list of millions of tokens).
    """
    return (m.group().lower() for m in WORD.finditer(text))


def guess(tokens: Iterable[str]) -> str | None:
    """The language whose stoplist covers most of ``tokens``; None when too few hit.

    Counts distinct words first (in C), then credits each language once per distinct word;
    languages enter the tally in the order their first hit occurs, so ties resolve as a
    token-by-token count would.
    """
    index = _index()
    counts = Counter(islice(tokens, SAMPLE_WORDS))
    hits: Counter[str] = Counter()
    for w, n in counts.items():
        for lang in index.get(w, ()):
            hits[lang] += n
    if not hits:
        return None
    lang, n = hits.most_common(1)[0]
    return lang if n >= MIN_HITS else None


def stoplist(lang: str | None) -> frozenset[str]:
    """The stopwords of ``lang`` (empty when unknown)."""
    if not lang:
        return frozenset()
    return _stoplists().get(lang, frozenset())
