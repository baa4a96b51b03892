"""The article's own structures, recognised so that they are kept as units.

An article is more than paragraphs: it has lists (a checklist, tour dates, the steps of a
how-to), code blocks, and records that share a template (a schedule, a spec sheet, a row
of results). Line by line these look like menus, breadcrumbs or lists of other stories;
together they do not. A line in such a structure is removed only on positive evidence
(a rule, the markup, a barrier a rule named between it and the article), never because it
is short or does not read as prose.

- ``LIST``: a bulleted or numbered item, a short heading between such items (a checklist's
  groups), or an item of a list a lead-in line introduces ("What to bring:").
- ``CODE``: verbatim text: a line of a code block (program text, shell commands, markup)
  or of a quoted e-mail's header block ("From: ...", "Date: ...", "Subject: ...").
- ``RECORD``: one of a run of lines that share a template: the same opening word or label
  ("Week 7: ...", "Section 2 - ...", "Best of the Best: ..."), or bulleted items with the
  same fixed parts ("- Shopify Engineer 11d Nebulab Full-Time", "- CTO 15d Karmah
  Full-Time"). A record is never a headline of another story.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from enum import StrEnum
from functools import lru_cache
from itertools import groupby, pairwise

import regex

from . import memo
from .features import FeatureTable
from .heuristics import StructureParams


class Structure(StrEnum):
    """The kind of article structure a line belongs to."""

    LIST = "list"
    CODE = "code"
    RECORD = "record"


# Lines that can only be program text: brackets alone, a comment, a statement that opens
# or closes a block, a call or an assignment between identifiers, settings written
# key=value. Five tests, cheapest first (see ``_program_text``): as one pattern searched
# at every position of every line, they cost a fifth of the whole clean.
_CODE_START = memo.compiled_regex(
    r"""^\s*(?:
        [{}()\[\];,]+\s*$                                   # brackets and separators only
      | (?://|/\*|\#!|<!--|\*/)                             # comment openers
      | (?:def|class|import|return|const|let|var|function|fn|pub|async|await|elif|
           except|finally|public|private|protected|static|void|func|package|using|
           namespace|\#include|\#define|SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|
           print|printf|echo|export)\b[^.!?]*[(){}\[\]=:;'"]  # a keyword and code punctuation
      | from\s\S+\simport\b
      | (?:git|npm|npx|pip|pip3|yarn|docker|kubectl|curl|wget|sudo|apt|apt-get|brew|cd|
           ls|mkdir|cargo|go|python|python3|node|make|cmake|ssh|chmod|helm|terraform)
           \s[-\w./:=@~$"']+(?:\s[-\w./:=@~$"'<>|&]+)*\s*$  # a shell command and its args
      | \$\s\S                                              # a shell prompt
    )""",
    regex.X,
)
# Opens a block or ends a statement.
_CODE_END = memo.compiled_regex(r"(?:[{;(]|=>|->|:=|\):|\),|\],|\},)\s*$")
# A call, a comparison, an operator.
_OPERATOR = memo.compiled_regex(r"\w\.\w+\(|\w\(\)|===|!==|==|!=|\+=|-=|&&|\|\||::")
# An assignment.
_ASSIGNMENT = memo.compiled_regex(r"""^\s*[\w.\[\]"']+\s=\s\S""")
# A setting written key=value, as program output prints them: two on a line are a query
# plan's "(cost=0.00..2890.00 rows=99999 width=97)", a log line's "level=info msg=started"
# (see ``_settings``) ...
_SETTING = memo.compiled_regex(r"(?:^|[\s(,])[A-Za-z_][\w.-]*+=[^\s=]")
# ... unless the line holds a link (its query string) or markup (an embed's attributes).
_NO_SETTINGS = memo.compiled_regex(r"://|<[A-Za-z/!]")


# Lines whose shape tests (``_program_text``, ``_opening``) are remembered: those of a
# document and more, so that its later passes, which see most of its lines again, look
# them up.
LINE_MEMO = 4096


@lru_cache(maxsize=LINE_MEMO)
def _program_text(raw: str) -> bool:
    """Whether ``raw`` holds one of the shapes above.

    Hot path (every line of every pass): remembered per line text; each unanchored
    pattern runs only on lines with the characters any of its matches holds, and the
    line's end is searched from where its trailing white space starts (``str.rstrip``
    strips all that ``\\s`` matches, and more), not from every position.
    """
    if _CODE_START.match(raw) is not None:
        return True
    if _CODE_END.search(raw, max(0, len(raw.rstrip()) - 2)) is not None:
        return True
    eq = "=" in raw  # in all of ==, !=, += and -=
    operator = eq or "&&" in raw or "||" in raw or "::" in raw
    call = "(" in raw and ("." in raw or "()" in raw)
    if (operator or call) and _OPERATOR.search(raw) is not None:
        return True
    if not eq:
        return False
    return _ASSIGNMENT.match(raw) is not None or _settings(raw)


def _settings(raw: str) -> bool:
    """Whether ``raw`` holds two settings written key=value and no link or markup: one
    scan each, never a search that backtracks over the line once per setting."""
    if _NO_SETTINGS.search(raw) is not None:
        return False
    found = _SETTING.finditer(raw)
    return next(found, None) is not None and next(found, None) is not None


# A line of prose: it ends like a sentence and opens with a capital letter.
_SENTENCE = memo.compiled_regex(r"^\s*[\p{Lu}\"'“‘(]")


def code_like(raw: str, feats: FeatureTable, k: int, p: StructureParams) -> bool:
    """Line ``k`` (its text is ``raw``) reads as program text, not as a sentence (a code
    comment in words counts: its comment marker says what it is)."""
    if not _program_text(raw):
        return False
    stripped = raw.lstrip()
    if stripped.startswith(("//", "/*", "#!", "<!--", "*/")):
        return True
    sentence = feats.terminal[k] and feats.stop_density[k] >= p.sentence_stop_density
    return not (sentence and _SENTENCE.match(raw) is not None)


def structures(
    raws: Sequence[str],
    feats: FeatureTable,
    marked_code: Sequence[bool],
    labelled: Sequence[bool],
    p: StructureParams,
) -> list[Structure | None]:
    """The structure each line belongs to, or None (see the module's docstring).

    ``marked_code`` says which lines the markup put in a code element (HTML input);
    ``labelled``, which lines a rule or the markup already names as junk (a "Filed under:"
    or "Share this:" introduces no list of the article's).
    """
    out: list[Structure | None] = [None] * len(feats)
    _code_blocks(raws, feats, marked_code, out, p)
    _message_headers(raws, out, p)
    _lists(raws, feats, labelled, out, p)
    _records(raws, out, p)
    _fields(raws, feats, out, p)
    _templated(raws, feats, out, p)
    _joined(raws, feats, out, p)
    return out


def _code_blocks(
    raws: Sequence[str],
    feats: FeatureTable,
    marked: Sequence[bool],
    out: list[Structure | None],
    p: StructureParams,
) -> None:
    """Code lines two of which stand within ``code_gap`` lines of each other (one line
    that looks like code may be a sentence about code), or further apart with only
    indented lines between them, or that the markup put in a code element, and the short
    or unpunctuated lines between two of them (names, values)."""
    at = [k for k in range(len(feats)) if marked[k] or code_like(raws[k], feats, k, p)]
    for k in at:
        if marked[k]:
            out[k] = Structure.CODE
    for k, j in pairwise(at):
        if j - k > p.code_gap and not _indented_between(raws, k, j, p):
            continue
        for m in range(k, j + 1):
            if m in (k, j) or not feats.terminal[m] or feats.words[m] <= p.code_gap_words:
                out[m] = Structure.CODE


def _indented_between(raws: Sequence[str], k: int, j: int, p: StructureParams) -> bool:
    """Every line between code lines ``k`` and ``j`` is indented (a function's parameters
    or body, one per line), and they are at most ``indented_gap`` apart."""
    return j - k <= p.indented_gap and all(raws[m][:1] in (" ", "\t") for m in range(k + 1, j))


# A header field of an e-mail or news message (RFC 5322, RFC 5536), as quoted in an
# article or a mailing-list archive, or of an HTTP request or response in a tutorial.
_HEADER_FIELD = memo.compiled_regex(
    r"^\s*(from|to|cc|bcc|date|sent|subject|reply-to|sender|newsgroups|organization|"
    r"message-id|in-reply-to|references|host|content-type|content-length|accept|"
    r"accept-encoding|accept-language|authorization|user-agent|cookie|set-cookie|"
    r"cache-control|connection|location|server|x-[\w-]+):\s\S",
    regex.I,
)
# A mail header block names its sender and what it is about (or when it was sent); event
# details ("Date: ... / Venue: ...") name neither a sender nor a subject. An HTTP one
# names two of its own fields.
_SENDER = frozenset({"from", "sender"})
_TOPIC = frozenset({"subject", "date", "sent", "newsgroups"})
_HTTP = frozenset(
    {"host", "content-type", "content-length", "accept", "accept-encoding", "accept-language"}
    | {"authorization", "user-agent", "cookie", "set-cookie", "cache-control", "connection"}
    | {"location", "server"}
)


def _message_headers(raws: Sequence[str], out: list[Structure | None], p: StructureParams) -> None:
    """A quoted message's header block: ``header_min_run`` or more header fields in a
    row, of a mail (its sender, and its subject or date) or of an HTTP message (two of
    its fields). Its lines are verbatim: a "Date: ..." field is the message's, not the
    page's dateline; a "Host: ..." line is no menu entry."""
    k, n = 0, len(raws)
    while k < n:
        j = k
        names: set[str] = set()
        # Every pass tries every line: the colon every field holds is looked for first.
        while j < n and ":" in raws[j] and (m := _HEADER_FIELD.match(raws[j])) is not None:
            names.add(m.group(1).casefold())
            j += 1
        mail = names & _SENDER and names & _TOPIC
        if j - k >= p.header_min_run and (mail or len(names & _HTTP) >= 2):
            out[k:j] = [Structure.CODE] * (j - k)
        k = max(j, k + 1)


# The verb that ends a two-word lead-in whose list completes its clause: "Highlights
# include:", "Recommendations are:". Labels of two words end otherwise ("Search for:",
# "Jump to:", "Share this:", "Key features:"): by that alone they introduce no list of the
# article's.
_CONTINUED = memo.compiled_regex(
    r"\s(?:includes?|including|are|were|contains?|comprises?|sind|umfassen|enthalten"
    r"|sont|comprennent|incluent|incluyen)\s*:\s*$",
    regex.I,
)


def _lists(
    raws: Sequence[str],
    feats: FeatureTable,
    labelled: Sequence[bool],
    out: list[Structure | None],
    p: StructureParams,
) -> None:
    """Bulleted and numbered items, the short heading right above one (a checklist's
    groups: "SHELTER", "Pros"), and the items of a list that a lead-in line ending in a
    colon introduces ("What to bring:"; a few words, not a label like "You are at:" or
    "Up next:" that a rule names), up to a line too long for an item."""
    n = len(feats)
    bullet = feats.bullet
    for k in range(n):
        if out[k] is None and bullet[k]:
            out[k] = Structure.LIST
    for k in range(n - 1):
        if out[k] is None and bullet[k + 1] and feats.headline_like[k]:
            out[k] = Structure.LIST
    for k in range(n):
        if not _lead_in(k, raws[k], feats, labelled[k], p):
            continue
        for j in range(k + 1, min(n, k + 1 + p.introduced_max_items)):
            if out[j] is Structure.CODE or not _item(j, feats, p):
                break
            out[j] = out[j] or Structure.LIST


def _lead_in(k: int, raw: str, feats: FeatureTable, named: bool, p: StructureParams) -> bool:
    """Line ``k`` (its text is ``raw``) introduces a list: it ends in a colon, has a few
    words, or two whose second is a verb the list completes ("Highlights include:"), and
    no rule or markup names it (``named``)."""
    if not feats.colon_end[k] or named:
        return False
    words = feats.words[k]
    return words >= p.lead_in_min_words or (words == 2 and _CONTINUED.search(raw) is not None)


def _item(k: int, feats: FeatureTable, p: StructureParams) -> bool:
    """Line ``k`` can be an item of an introduced list: no lead-in of its own, and short
    unless bulleted."""
    return not feats.colon_end[k] and (bool(feats.bullet[k]) or feats.words[k] <= p.item_max_words)


def introduced(
    k: int,
    feats: FeatureTable,
    structure: Sequence[Structure | None],
    named: Callable[[int], bool],
    raw: Callable[[int], str],
    p: StructureParams,
) -> range | None:
    """The items of the list that a lead-in line introduces ("The dates are:"), as
    ``structures`` found it, when line ``k`` is one of them (else None); ``named(j)``: a
    rule or the markup names line j; ``raw(j)``: its text."""
    if structure[k] is not Structure.LIST or not _item(k, feats, p):
        return None
    for j in range(k - 1, max(-1, k - 1 - p.introduced_max_items), -1):
        if _lead_in(j, raw(j), feats, named(j), p):
            end = k + 1
            while (
                end < min(len(structure), j + 1 + p.introduced_max_items)
                and structure[end] is Structure.LIST
                and _item(end, feats, p)
            ):
                end += 1
            return range(j + 1, end)
        if structure[j] is not Structure.LIST or not _item(j, feats, p):
            return None
    return None


def _records(raws: Sequence[str], out: list[Structure | None], p: StructureParams) -> None:
    """Lines that open alike (the same label before a colon, or the same word before a
    number or a capital letter), ``record_min_run`` of them or more, each within
    ``record_gap`` lines of the next: a schedule's "Week 7: ...", a catalogue's "Section 2 -
    ...", a draw's "Group A: ...", a spec sheet."""
    seen: dict[str, list[tuple[int, int]]] = {}  # template -> (position, its number)
    for k, raw in enumerate(raws):
        found = _template(raw, p)
        if found is not None:
            seen.setdefault(found[0], []).append((k, found[1]))
    for at in seen.values():
        runs: list[list[int]] = []
        number = -1
        for k, n in at:
            # Numbered and lettered parts count up ("Step 1", "Step 2"; "Group A", "Group
            # B"); names with numbers do not ("iPhone 11", "iPhone 8"). Labels (number 0)
            # recur in any order.
            if runs and k - runs[-1][-1] <= p.record_gap and (n == 0 or n > number):
                runs[-1].append(k)
            else:
                runs.append([k])
            number = n
        for run in runs:
            if len(run) >= p.record_min_run:
                for m in run:
                    out[m] = out[m] or Structure.RECORD


def _fields(
    raws: Sequence[str], feats: FeatureTable, out: list[Structure | None], p: StructureParams
) -> None:
    """Short lines that each name a field and its value ("Memory: 512 MB RAM", "Venue:
    Town Hall", "Price: $40"), ``record_min_run`` or more in a row: a spec sheet or a fact
    box, whose labels differ from line to line (``_records`` finds recurring ones). A
    headline of another story is longer than a value ("Watch: ...")."""
    words = feats.words
    for is_field, group in groupby(
        range(len(feats)),
        lambda k: out[k] is not Structure.CODE and _field(raws[k], words[k], p),
    ):
        run = list(group)
        if is_field and len(run) >= p.record_min_run:
            for m in run:
                out[m] = out[m] or Structure.RECORD


def _field(raw: str, words: int, p: StructureParams) -> bool:
    """Whether ``raw`` (of ``words`` words) is one field of a fact box (see ``_fields``)."""
    if words > p.field_max_words or ":" not in raw:
        return False
    found = _opening(raw)
    return found is not None and found[2] is not None and found[2] <= p.field_label_words


def _templated(
    raws: Sequence[str], feats: FeatureTable, out: list[Structure | None], p: StructureParams
) -> None:
    """Runs of bulleted items (``record_min_run`` or more) in which ``template_parts``
    fixed parts or more each recur in ``template_share`` of the items: a template filled
    in per item, so records (a job board's, a schedule's, a results table's), not a list
    of other stories' headlines, which share at most their subject."""
    bullet = feats.bullet
    items = groupby(range(len(feats)), lambda k: bool(bullet[k]) and out[k] is not Structure.CODE)
    for bulleted, group in items:
        run = list(group)
        if not bulleted or len(run) < p.record_min_run:
            continue
        need = max(p.record_min_run, math.ceil(p.template_share * len(run)))
        parts = Counter(part for m in run for part in _fixed_parts(raws[m], feats.content[m]))
        if sum(1 for n in parts.values() if n >= need) >= p.template_parts:
            for m in run:
                out[m] = Structure.RECORD


def _joined(
    raws: Sequence[str], feats: FeatureTable, out: list[Structure | None], p: StructureParams
) -> None:
    """Short lines (``record_min_run`` or more, ``template_share`` of those from the first
    to the last of them) that join two names with one separator: a book by its author
    ("The Last Ferry by Mark Doyle"), a fixture or a score ("Arsenal 2-1 Chelsea",
    "Bayern v Arsenal"), a date and a place ("March 3 – Dublin"); or that give an amount
    of a thing (a recipe's "350 g Mehl") or a time and what happens at it (a programme's
    "12:00 Gates open"). Each names two things in one pattern, so they
    are records (and the short line above them their heading); a headline of another
    story says something about its subject."""
    limit = p.item_max_words
    # Bulleted items are lists already; records they may be too.
    short = [
        (found is None or found is Structure.LIST) and n <= limit and not end
        for found, n, end in zip(out, feats.words, feats.terminal, strict=True)
    ]
    for is_short, group in groupby(range(len(feats)), short.__getitem__):
        if not is_short:
            continue
        run = list(group)
        if len(run) >= p.record_min_run:
            _joined_run(run, raws, out, p)


def _joined_run(
    run: Sequence[int], raws: Sequence[str], out: list[Structure | None], p: StructureParams
) -> None:
    """Mark the records of one run of short lines (see ``_joined``)."""
    found = [_separators(raws[m], p.record_separators) | _opening_mark(raws[m], p) for m in run]
    for sep in set[str]().union(*found):
        at = [n for n, seps in enumerate(found) if sep in seps]
        first, last = at[0], at[-1]
        need = max(p.record_min_run, math.ceil(p.template_share * (last - first + 1)))
        if len(at) < need:
            continue
        for m in run[first : last + 1]:
            out[m] = Structure.RECORD
        if first > 0:  # the short heading right above them ("Our picks")
            out[run[first - 1]] = out[run[first - 1]] or Structure.LIST


# A quantity, then a unit or a thing: "350 g flour", "2 tbsp sugar", "½ tsp salt", "5 eggs".
_QUANTITY = memo.compiled_regex(r"^\W{0,3}(?:\d+(?:[.,/]\d+)?|[½⅓⅔¼¾⅛])\s?\p{L}")
_QUANTITY_MARK = frozenset({"quantity"})
# A time of day, then what happens at it: "12:00 Gates open", "9.30am Registration",
# "20h30 Concert".
_CLOCK = memo.compiled_regex(
    r"^\W{0,3}(?:(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:\s?[ap]\.?m\.?)?|1?\d\s?[ap]\.?m\.?)\s\S"
)
_CLOCK_MARK = frozenset({"clock"})
_NO_MARK: frozenset[str] = frozenset()


def _opening_mark(raw: str, p: StructureParams) -> frozenset[str]:
    """What a short line opens with that makes it a record, to ``_joined_run`` like two
    names joined: ``{"quantity"}`` for an amount and a thing, as a recipe's ingredients
    and a nutrition box's lines give them ("350 g Zucker", "8 g Eiweiß"), at most
    ``quantity_max_words``; ``{"clock"}`` for a time of day and what happens at it, a
    programme's or an agenda's entry, at most ``clock_max_words`` (a ticker's headline
    under its time is longer)."""
    words = len(raw.split())  # once for both: this runs on every line of a short run
    marks = _NO_MARK
    if words <= p.quantity_max_words and _QUANTITY.match(raw) is not None:
        marks |= _QUANTITY_MARK
    if words <= p.clock_max_words and _CLOCK.match(raw) is not None:
        marks |= _CLOCK_MARK  # "9.30am Registration" reads as both
    return marks


# A score or a result between two names: "2-1", "3:0", "21–17".
_SCORE = memo.compiled_regex(r"^\d{1,3}[-–:]\d{1,3}$")
# Where a name starts: a capital or a digit, after any opening bracket or quote.
_NAME_START = memo.compiled_regex(r"^[(\"'“‘]?[\p{Lu}\d]")


@lru_cache(maxsize=LINE_MEMO)
def _separators(raw: str, separators: frozenset[str]) -> frozenset[str]:
    """The separators that join two names in ``raw``: one of ``separators`` or a score,
    with a name on each side of it. Remembered per line text, as ``_opening`` is; a
    line with none of them between spaces (most lines) is told by one search."""
    if _between_spaces(separators).search(raw) is None:
        return frozenset()
    tokens = _LEADING_BULLET.sub("", raw, count=1).split()
    if len(tokens) < 3 or _NAME_START.match(tokens[0]) is None:
        return frozenset()
    found = set()
    for token, right in pairwise(tokens[1:]):  # a name (from tokens[0]) on the left
        sep = "0-0" if _SCORE.match(token) else token.casefold()
        if (sep == "0-0" or sep in separators) and _NAME_START.match(right):
            found.add(sep)
    return frozenset(found)


@lru_cache(maxsize=8)
def _between_spaces(separators: frozenset[str]) -> regex.Pattern[str]:
    """A search for any of ``separators`` or a score with white space on both sides."""
    words = "|".join(regex.escape(sep) for sep in sorted(separators, key=len, reverse=True))
    return regex.compile(rf"\s(?:{words}|\d{{1,3}}[-–:]\d{{1,3}})\s", regex.I)


# The parts of a line a template fixes besides its words: numbers of a shape ("16d",
# "12.01.26", "3.5"; a plain count or year is in any headline), and signs other than a
# sentence's or a headline's punctuation.
# Tried at the start of a run of digits only: a match takes the whole run, so a try from
# inside it fails too, after walking the rest of it (40 000 digits took 52 s).
_NUMBER = memo.compiled_regex(r"(?<!\d)(?:\d+(?:[.,:/]\d+)+\p{L}*|\d+\p{L}+)")
_SIGN = memo.compiled_regex(r"""[^\w\s,.:;'"()!?\-‘’“”]""")
_DIGITS = memo.compiled_regex(r"\d+")
_LEADING_BULLET = memo.compiled_regex(r"^\W*(?:\(?(?:\d{1,3}|[a-z])[.)]\s)?")


def _fixed_parts(raw: str, content: tuple[str, ...]) -> set[str]:
    """What may recur from item to item of a template: the line's content words, the
    shapes of its numbers, its signs (its bullet left out)."""
    rest = _LEADING_BULLET.sub("", raw, count=1)
    parts = set(content)
    parts.update(_DIGITS.sub("0", n) for n in _NUMBER.findall(rest))
    parts.update(_SIGN.findall(rest))
    return parts


# A numbered part: "Step 2", "Week 7:", "Section 3 -", "Day 10"; or lettered: "Group A".
_NUMBERED = memo.compiled_regex(r"^\W*(\p{L}[\p{L}\p{M}'’-]+)\s(\d{1,3}|[A-Z])\b")
# A label before a colon, up to a few words ("Best of the Best: ...", "Memory: ..."), after
# what leads the line that is no word (see ``_label``).
_LEAD = memo.compiled_regex(r"\W*+")
_LABEL = memo.compiled_regex(r"([^:.!?]{2,40}?):\s\S")


def _template(raw: str, p: StructureParams) -> tuple[str, int] | None:
    """What a record's lines share at their start, and its number: a word before a
    number (a schedule's "Week 7", a how-to's "Step 2"), or a label before a colon
    (number 0: labels repeat in any order)."""
    found = _opening(raw)
    if found is None:
        return None
    template, number, label_words = found
    if label_words is not None and label_words > p.label_words:
        return None
    return template, number


@lru_cache(maxsize=LINE_MEMO)
def _opening(raw: str) -> tuple[str, int, int | None] | None:
    """``_template``'s template and number, and the words of a label (None for a
    numbered part), before ``label_words`` is applied: remembered per line text, as
    ``_program_text`` is."""
    m = _NUMBERED.match(raw)
    if m is not None:
        part, name = m.group(2), m.group(1).casefold()
        if part.isdigit():
            return "numbered:" + name, int(part), None
        return "lettered:" + name, ord(part) - ord("A") + 1, None
    m = _label(raw)
    if m is not None:
        return "label:" + m.group(1).casefold(), 0, len(m.group(1).split())
    return None


def _label(raw: str) -> regex.Match[str] | None:
    """``^\\W*([^:.!?]{2,40}?):\\s\\S`` matched on ``raw``: the label starts where the lead
    of non-word characters ends or, failing that, ever earlier in it. The same tries in
    the same order as the one pattern, which ``regex`` backtracks through in time that
    grows with the square of the lead (a 40 000-character line of ": " took 0.5 s)."""
    lead = _LEAD.match(raw)  # always matches, perhaps nothing
    for start in range((lead.end() if lead else 0), -1, -1):
        m = _LABEL.match(raw, start)
        if m is not None:
            return m
    return None
