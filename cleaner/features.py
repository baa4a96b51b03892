"""Shallow per-line features, the scorer's only view of a line.

Like boilerpipe's and jusText's: length in words, terminal punctuation, case, stopword
density, digits and URLs, and the words that can tie a line to the rest of the document.
All of it is computed once per line, in one pass over its tokens; a line whose text
recurs (a site's menus and footers) is looked up instead (``_rows``).
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import regex

from . import memo
from .frozen import checked_frozen
from .heuristics import DEFAULT, SHORT_LINE_WORDS, ShapeParams
from .language import tokens as word_tokens
from .result import Kind

# An address, or an e-mail address: a run of word characters, dots and hyphens that holds a
# word character, then "@", a name and a dot. The run is tried from its start only and
# taken whole (a search for ``\b[\w.-]+@`` walked the rest of the run from every word
# boundary in it: a 40 000-character "a-a-a-...@" line took 18 s).
_URL = memo.compiled_regex(
    r"(?:https?://|www\.)\S+|(?<![\w.-])(?=[.-]*+\w)[\w.-]++@[\w-]++\.\w+", regex.I
)
_DIGIT = memo.compiled_regex(r"\d")
_TABLE = memo.compiled_regex(r"(?:^|\s)\|(?:\s|$)|\t")
_BULLET = memo.compiled_regex(r"^(?:[-*•·▪►–—]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)")


@dataclass(frozen=True, slots=True)
class LineHint:
    """What markup says about a line (HTML input): a kind it implies, and its link share.

    ``kind`` is set when the line sat in an element that names its role (a
    ``<figcaption>``, a block whose class says "related" or "share"); ``reason`` says which.
    """

    kind: Kind | None = None
    reason: str = ""
    link_share: float = 0.0
    code: bool = False  # the line sat in a code element


@checked_frozen
class Features:
    """What the scorer knows about one non-blank line: one row of a ``FeatureTable``.

    A document's lines are held as a table, a column per field (see ``FeatureTable``);
    this row is what ``extract`` tells of a single line, and what ``FeatureTable.row``
    reads back. Frozen: the type checker enforces it (``make test`` runs mypy); at run time
    the class is an ordinary one (hashed by value as a frozen one is).
    """

    words: int
    chars: int
    terminal: bool
    colon_end: bool
    stop_density: float
    title_share: float
    upper_share: float
    digit_share: float
    url: bool
    table: bool
    bullet: bool
    # The line's distinct content-word stems, in order of appearance. A tuple, not a set: a
    # document holds one per line, and a tuple takes a fifth of a frozenset's memory; the
    # set methods that compare lines (``set.intersection``, ``isdisjoint``) take it as is.
    content: tuple[str, ...]
    # Shape, from the fields above and ``ShapeParams`` (computed once, read everywhere):
    headline_like: bool  # short and unpunctuated: a title, subhead, headline or menu entry
    headline: bool  # a story headline's shape: a few words, no table row, list item or URL
    opens_lower: bool  # starts in lower case: may go on from the line before
    open_end: bool  # ends mid-sentence (comma, hyphen, a stopword): may go on
    menu_like: bool  # a very short capitalised label: a menu entry, a section
    headline_cased: bool  # most words in title case, or all in capitals
    numeric: bool  # digits make up much of it: a number, date or score
    enumeration: bool  # two commas or more: a list of things, not a headline
    sentences: bool  # a sentence ends inside it and another begins
    label: str = ""  # a short label before a colon opening the line ("q", "a", "trump")
    link_share: float = 0.0  # share of the text inside links (HTML input only)
    cell: bool = False  # a cell of a table printed one cell per line (see ``tables``)


# The columns of a ``FeatureTable`` by their kind: a flag is one byte a line (a
# ``bytearray``, read as 0 or 1), a count an int, a share one reference to a shared float
# (``shared``), the rest a reference each.
FLAGS = (
    "terminal",
    "colon_end",
    "url",
    "table",
    "bullet",
    "headline_like",
    "headline",
    "opens_lower",
    "open_end",
    "menu_like",
    "headline_cased",
    "numeric",
    "enumeration",
    "sentences",
    "cell",
)
SHARES = ("stop_density", "title_share", "upper_share", "digit_share", "link_share")
COLUMNS = ("words", "chars", *SHARES, "content", "label", *FLAGS)


class FeatureTable:
    """The features of a document's non-blank lines, a column per field of ``Features``:
    ``table.words[k]`` is the words of the table's line ``k``.

    Columns, not an object per line: a ``Features`` object a line (19 fields, 184 bytes)
    cost a large record more than twice its size; a column holds a line's flag in a byte
    and its count or share in a reference (shares are shared floats). The scorer's stages
    read a column by position as they read a field of a line, at the same speed: counts,
    shares, stems and labels are lists (indexed as fast as a field is read), flags are
    bytes. A table is filled once per document (``add``) and never changed after: what
    table detection says (``with_cells``) comes as a new table.
    """

    __slots__ = COLUMNS

    words: list[int]
    chars: array[int]
    stop_density: list[float]
    title_share: list[float]
    upper_share: list[float]
    digit_share: list[float]
    link_share: list[float]
    content: list[tuple[str, ...]]
    label: list[str]
    terminal: bytearray
    colon_end: bytearray
    url: bytearray
    table: bytearray
    bullet: bytearray
    headline_like: bytearray
    headline: bytearray
    opens_lower: bytearray
    open_end: bytearray
    menu_like: bytearray
    headline_cased: bytearray
    numeric: bytearray
    enumeration: bytearray
    sentences: bytearray
    cell: bytearray

    def __init__(self) -> None:
        self.words, self.chars, self.content, self.label = [], array("i"), [], []
        for name in SHARES:
            setattr(self, name, [])
        for name in FLAGS:
            setattr(self, name, bytearray())

    def __len__(self) -> int:
        return len(self.words)

    @classmethod
    def of(cls, rows: Iterable[Features]) -> FeatureTable:
        """The table of ``rows``, in order."""
        out = cls()
        for f in rows:
            for name in COLUMNS:
                getattr(out, name).append(getattr(f, name))
        return out

    def row(self, k: int) -> Features:
        """The features of line ``k``, as one object."""
        values = {name: getattr(self, name)[k] for name in COLUMNS}
        for name in FLAGS:
            values[name] = bool(values[name])
        return Features(**values)

    def take(self, rows: Sequence[int]) -> FeatureTable:
        """The table of the lines at ``rows``, in that order (C-level gathers, a column at
        a time)."""
        out = FeatureTable.__new__(FeatureTable)
        for name in COLUMNS:
            col = getattr(self, name)
            got = map(col.__getitem__, rows)
            setattr(out, name, type(col)(got) if type(col) is not array else array("i", got))
        return out

    def with_cells(self, rows: Iterable[int]) -> FeatureTable:
        """This table with the lines at ``rows`` as cells of a one-cell-per-line table: a
        table row is no headline. The other columns are this table's own."""
        out = FeatureTable.__new__(FeatureTable)
        for name in COLUMNS:
            setattr(out, name, getattr(self, name))
        out.table, out.cell, out.headline = (
            bytearray(self.table),
            bytearray(self.cell),
            bytearray(self.headline),
        )
        for k in rows:
            out.table[k], out.cell[k], out.headline[k] = 1, 1, 0
        return out

    def extend(self, rows: Sequence[_Row], link_shares: Sequence[float]) -> None:
        """Append ``rows`` (one per line), with their lines' link shares: a column at a
        time, transposed in C, where appending a line's fields one by one took a quarter
        of the time spent on features."""
        if not rows:
            return
        for name, column in zip(_Row._fields, zip(*rows, strict=True), strict=True):
            getattr(self, name).extend(column)
        self.link_share.extend(link_shares)
        self.cell.extend(bytes(len(rows)))


class TableFiller:
    """Fills a ``FeatureTable`` line by line, a chunk of lines at a time (``extend``):
    the rows of a chunk are held, never a whole large record's."""

    CHUNK = 1024  # lines

    def __init__(self, table: TokenTable, shape: ShapeParams) -> None:
        self.feats = FeatureTable()
        self._table, self._shape = table, shape
        self._rows: list[_Row] = []
        self._links: list[float] = []

    def add(self, text: str, link_share: float = 0.0) -> int:
        """Add the features of one line's normalised view; its row in the table."""
        at = len(self.feats) + len(self._rows)
        self._rows.append(_row(text, self._table, self._shape))
        self._links.append(link_share)
        if len(self._rows) >= self.CHUNK:
            self._flush()
        return at

    def done(self) -> FeatureTable:
        """The table of every line added."""
        self._flush()
        return self.feats

    def _flush(self) -> None:
        self.feats.extend(self._rows, self._links)
        self._rows, self._links = [], []


class _Row(NamedTuple):
    """The features of one line's text (all of ``Features`` that the text alone decides)."""

    words: int
    chars: int
    stop_density: float
    title_share: float
    upper_share: float
    digit_share: float
    content: tuple[str, ...]
    label: str
    terminal: bool
    colon_end: bool
    url: bool
    table: bool
    bullet: bool
    headline_like: bool
    headline: bool
    opens_lower: bool
    open_end: bool
    menu_like: bool
    headline_cased: bool
    numeric: bool
    enumeration: bool
    sentences: bool


ROWS_SIZE = 8192  # lines whose features are remembered (see ``_rows``)
ROW_CHARS = 500  # longer lines are not remembered: paragraphs rarely recur

# The features of the lines seen last, by text, with the stoplist and shape they were
# computed with (not the token table: a table dropped by ``token_table`` must not stay
# alive here): a site's menus, share buttons and footers recur on every page, and half
# the lines of a crawl are such repeats, which then cost a lookup. Racing threads at worst
# compute a row twice.
_rows: dict[str, tuple[frozenset[str], ShapeParams, _Row]] = {}


def _row(text: str, table: TokenTable, shape: ShapeParams) -> _Row:
    """The features of ``text``: remembered (``_rows``), or computed and remembered."""
    found = _rows.get(text)
    if found is not None and found[0] is table.stopwords and found[1] is shape:
        return found[2]
    row = _computed(text, table, shape)
    if len(text) <= ROW_CHARS:
        if len(_rows) >= ROWS_SIZE:
            _rows.clear()
        _rows[text] = (table.stopwords, shape, row)
    return row


def _computed(text: str, table: TokenTable, shape: ShapeParams) -> _Row:
    """The features of ``text``, in one pass over its tokens."""
    tokens = word_tokens(text)
    n = len(tokens)
    alpha, title, upper, digit_first, stop = _counts(table.packed, tokens)
    n_alpha = alpha or 1
    non_space = len(text) - text.count(" ") or 1
    last = tokens[-1].lower() if tokens else ""
    terminal = _terminal(text)
    colon_end = text.endswith(":")
    title_share = shared(title / n_alpha)
    upper_share = shared(upper / n_alpha)
    digit_share = shared(_digits(text) / non_space)
    url = _has_url(text)
    # A table row: cells between bars or tabs, or mostly numbers (a sentence that names
    # four years or prices is no row).
    is_table = (("|" in text or "\t" in text) and bool(_TABLE.search(text))) or (
        digit_first >= shape.row_numbers and digit_first * shape.row_number_share >= n
    )
    bullet = bool(_BULLET.match(text))
    headline_like = not terminal and not colon_end and n <= shape.headline_max_words
    numeric = digit_share >= shape.numeric_share
    headline = (
        headline_like
        and n >= shape.headline_min_words
        and not is_table
        and not bullet
        and not url
        and not numeric
    )
    open_end = text.endswith((",", "-", "‐")) or (0 < len(last) <= 3 and last in table.stopwords)
    # Positional, in the fields' order: keywords made the call a sixth of the whole.
    return _Row(
        n,  # words
        len(text),  # chars
        shared(stop / n) if n else 0.0,  # stop_density
        title_share,
        upper_share,
        digit_share,
        tuple(dict.fromkeys(filter(None, map(table.stems.__getitem__, tokens)))),  # content
        _label(text, shape.label_max_chars),
        terminal,
        colon_end,
        url,
        is_table,  # table
        bullet,
        headline_like,
        headline,
        n > 0 and text[:1].islower() and tokens[0].islower(),  # opens_lower
        open_end,
        n <= SHORT_LINE_WORDS and not terminal and title_share >= shape.headline_cased,  # menu_like
        max(title_share, upper_share) >= shape.headline_cased,  # headline_cased
        numeric,
        text.count(",") >= 2,  # enumeration
        _may_break(text) and _SENTENCE_BREAK.search(text) is not None,  # sentences
    )


def stem(word: str) -> str:
    """A crude, language-blind stem: enough that "island", "islands" and "island's" meet.

    Scripts written in syllables (Hangul, CJK) carry particles on the word's end, so their
    first two characters stand for the word; elsewhere the first six letters do.
    """
    word = word.removesuffix("'s").removesuffix("’s")
    if "\u1100" <= word[0] <= "\u9fff" or "\uac00" <= word[0] <= "\ud7af":
        return word[:2]
    return word[:6]


# A token's counts, packed into one int with a field per count, so that summing the packed
# values of a line's tokens (one ``sum(map(...))`` in C) adds up every count at once;
# ``packed >> _TITLE_AT & _MASK`` reads one count back. Five fields of 12 bits fit in
# 64 bits, which ``sum`` adds in a machine word without an int object per step; a line of more
# tokens than a field holds is summed in chunks (see ``_counts``).
_FIELD = 12
_MASK = _CHUNK = (1 << _FIELD) - 1
_ALPHA_AT, _TITLE_AT, _UPPER_AT, _DIGIT_FIRST_AT, _STOP_AT = range(0, 5 * _FIELD, _FIELD)
_ALPHA, _TITLE, _UPPER, _DIGIT_FIRST, _STOP = (1 << at for at in range(0, 5 * _FIELD, _FIELD))
TABLE_SIZE = 50_000  # distinct tokens remembered per stoplist before starting afresh
TABLES = 32  # stoplists (languages) whose tables are kept
TOKEN_BUDGET = 4 * TABLE_SIZE  # distinct tokens remembered over all the tables kept
SHARES_SIZE = 50_000  # distinct share values remembered before starting afresh

# One float object for each value a share takes (see ``extract``): a line's four shares
# (and its overlaps with the article, see ``topic``) are ratios of small counts, and most
# are 0.0 or 1.0; a float object each (24 bytes) cost a large record a fifth of its size.
# Racing threads at worst store equal values.
_shares: dict[float, float] = {}


class _Packed(dict[str, int]):
    """token -> its packed counts; computed on first sight (``__missing__``), then looked up."""

    def __init__(self, stopwords: frozenset[str]) -> None:
        super().__init__()
        self.stopwords = stopwords

    def __missing__(self, token: str) -> int:
        value = 0
        if token[0].isalpha():
            value |= _ALPHA
            if token[0].isupper():
                value |= _TITLE
            if len(token) > 1 and token.isupper():
                value |= _UPPER
        elif token[0].isdigit():
            value |= _DIGIT_FIRST
        if token.lower() in self.stopwords:
            value |= _STOP
        self[token] = value
        return value


class _Stems(dict[str, str]):
    """token -> the stem it contributes to a line's content words, or "" for none."""

    def __init__(self, stopwords: frozenset[str]) -> None:
        super().__init__()
        self.stopwords = stopwords
        self.min_len = 2 if stopwords else 3

    def __missing__(self, token: str) -> str:
        lower = token.lower()
        ok = len(lower) > self.min_len and lower not in self.stopwords and lower.isalpha()
        found = self[token] = stem(lower) if ok else ""
        return found


class TokenTable:
    """What ``extract`` knows of every token seen so far with one stoplist.

    Hot path design: a line's tokens are found with one regex call, and every per-token
    test (alphabetic, capitalised, all caps, leading digit, stopword, stem) is done once per
    distinct token in the process, not once per occurrence: lines are then summed and
    collected by C-level ``map`` over two dicts. Racing threads at worst compute an entry
    twice, with the same result.
    """

    def __init__(self, stopwords: frozenset[str]) -> None:
        self.stopwords = stopwords
        self.packed = _Packed(stopwords)
        self.stems = _Stems(stopwords)

    def trim(self) -> None:
        """Start afresh once the tables (or the shares) hold too many values: memory
        stays bounded."""
        if len(self.packed) > TABLE_SIZE:
            self.packed.clear()
        if len(self.stems) > TABLE_SIZE:
            self.stems.clear()
        if len(_shares) > SHARES_SIZE:
            _shares.clear()

    def __len__(self) -> int:
        return len(self.packed) + len(self.stems)


_tables: OrderedDict[frozenset[str], TokenTable] = OrderedDict()
_tables_lock = threading.Lock()


def token_table(stopwords: frozenset[str]) -> TokenTable:
    """The shared table of one stoplist (a language), for the last ``TABLES`` languages.

    A multilingual corpus switches languages from one document to the next: with fewer
    tables kept (four, once) a table was dropped and learnt again many times a run.
    Memory stays that of four full tables: past ``TOKEN_BUDGET`` tokens in all, every
    table starts afresh.
    """
    with _tables_lock:
        if sum(map(len, _tables.values())) > 2 * TOKEN_BUDGET:  # two dicts a table
            for kept in _tables.values():
                kept.packed.clear()
                kept.stems.clear()
        table = _tables.get(stopwords)
        if table is not None:
            _tables.move_to_end(stopwords)
            return table
        table = _tables[stopwords] = TokenTable(stopwords)
        if len(_tables) > TABLES:
            _tables.popitem(last=False)
        return table


def extract(
    text: str, stopwords: frozenset[str] | TokenTable, shape: ShapeParams = DEFAULT.shape
) -> Features:
    """Compute the features of one line's normalised view."""
    table = stopwords if isinstance(stopwords, TokenTable) else token_table(stopwords)
    one = TableFiller(table, shape)
    one.add(text)
    return one.done().row(0)


def _counts(packed: _Packed, tokens: list[str]) -> tuple[int, int, int, int, int]:
    """How many of ``tokens`` are alphabetic, title-case, all capitals, led by a digit, and
    stopwords: one C-level sum of their packed counts (in chunks on very long lines)."""
    if len(tokens) <= _CHUNK:
        p = sum(map(packed.__getitem__, tokens))
        return (
            p & _MASK,
            p >> _TITLE_AT & _MASK,
            p >> _UPPER_AT & _MASK,
            p >> _DIGIT_FIRST_AT & _MASK,
            p >> _STOP_AT & _MASK,
        )
    chunks = [_counts(packed, tokens[k : k + _CHUNK]) for k in range(0, len(tokens), _CHUNK)]
    a, t, u, d, s = (sum(c) for c in zip(*chunks, strict=True))
    return a, t, u, d, s


def shared(value: float) -> float:
    """The one float object kept for ``value`` (see ``_shares``); the topic's overlaps
    take theirs too."""
    return _shares.setdefault(value, value)


def _label(text: str, max_chars: int) -> str:
    """The casefolded label of a line that opens with one ("Q: ...", "SMITH: ..."), else ""."""
    colon = text.find(":", 1, max_chars + 1)
    if colon < 0 or text[colon + 1 : colon + 2] not in (" ", ""):
        return ""
    label = text[:colon]
    return label.casefold() if label.count(" ") < 3 else ""


# A sentence's end inside the line, then the next sentence's first letter or digit.
_SENTENCE_BREAK = memo.compiled_regex(r"[.!?…]['\"’”»)\]]*\s+[\"“‘'(]?[\p{Lu}\d]")


def _may_break(text: str) -> bool:
    """A cheap test before ``_SENTENCE_BREAK``: a stop mark before the line's last char."""
    body = text[:-1]
    return "." in body or "!" in body or "?" in body or "…" in body


_ENDERS = ".!?…。！？"
_CLOSERS = "'\"’”»)]"
_ASCII_DIGITS = b"0123456789"


def _terminal(text: str) -> bool:
    """Whether the line ends like a sentence: a final stop, perhaps followed by closing
    quotes or brackets; found by looking at the line's end only, not by a search."""
    tails = (text, text[:-1]) if text.endswith("\n") else (text,)  # ``$`` allows a final \n
    for tail in tails:
        tail = tail.rstrip(_CLOSERS)
        if tail and tail[-1] in _ENDERS:
            return True
    return False


def _digits(text: str) -> int:
    """How many characters ``\\d`` matches."""
    if text.isascii():  # the length lost when the digits are deleted, all in C
        return len(text) - len(text.encode("ascii").translate(None, _ASCII_DIGITS))
    return len(_DIGIT.findall(text))


def _has_url(text: str) -> bool:
    """``_URL.search``, skipped when the line has none of ``://``, ``www.`` or ``@``."""
    if "://" in text or "@" in text or "www." in text.lower():
        return bool(_URL.search(text))
    return False
