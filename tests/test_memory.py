"""What a large document holds while it is cleaned: nothing the cleaner no longer needs.

Counted (tracemalloc, live objects), never timed: a JSONL record's text is not kept by
the corpus layer while it is cleaned, a pass's view and verdicts go before the next pass
builds its own, a report's counts build no per-line decisions, and the record's output is
encoded without a copy of the whole record as one string. Per line, what stays is small:
a removed line's mark and label (no decision), marks shared by the lines a cut takes,
positions as machine integers, share values as one float object each, and no line
number in a line.

The empty lines of a document share one line object. The scorer walks positions as
machine integers or ranges, and overlaps are one float object per value. A line's rarely
read shape flags are bits of one field. The lines a rule hits share its mark, text input
holds no markup hint a line, and the document's outcome lists are made only once its
first pass has scored.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import platform
import sys
import tracemalloc
from array import array
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleaner
from cleaner import Cleaner, decide, pipeline, regions, scorer, topic
from cleaner.assessment import Assessments, Mark
from cleaner.corpus import records as rec
from cleaner.corpus.allocator import fix_mmap_threshold
from cleaner.corpus.job import Job
from cleaner.corpus.options import Options
from cleaner.corpus.review import Outcome
from cleaner.corpus.run import _batches
from cleaner.decide import Verdicts
from cleaner.features import FLAGS, Features, FeatureTable, extract
from cleaner.pipeline import Handover
from cleaner.render import kept_lines
from cleaner.result import Kind, LineDecision, LineDecisions, Removal
from cleaner.segment import Line, segment
from tests.conftest import ARTICLE, BRIDGE, JUNK, PROSE

# The compiled build (``make accel``) runs the same decisions with another memory layout
# and calls its own functions directly: these tests run on the pure build alone.
spies_past_compiled = pytest.mark.skipif(
    cleaner.ACCELERATED,
    reason="its spy replaces a function that compiled modules call directly, past the module",
)
floats_boxed_compiled = pytest.mark.skipif(
    cleaner.ACCELERATED,
    reason="compiled code holds a float as a machine double and boxes it anew when stored",
)


def emoji_record(lines: int) -> bytes:
    """A record whose text holds one emoji, so that Python stores it at 4 bytes a
    character: the text is then 4 times the record, the costliest copy there is."""
    text = "".join(ARTICLE.replace("Tuesday", f"day {n}") + "\n" for n in range(lines))
    return json.dumps({"id": 1, "text": "🙂 " + text}, ensure_ascii=False).encode() + b"\n"


def traced_at_analysis(monkeypatch: pytest.MonkeyPatch, clean: Callable[[], object]) -> int:
    """Bytes allocated by ``clean()`` and still held when its first pass analyses the
    lines (the features, rule hits and the pass's view are built then)."""
    seen: list[int] = []
    analyse = pipeline._Analysis.__call__

    def spy(self: pipeline._Analysis, positions: list[int]) -> object:
        if not seen:
            seen.append(tracemalloc.get_traced_memory()[0])
        return analyse(self, positions)

    monkeypatch.setattr(pipeline._Analysis, "__call__", spy)
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        clean()
    finally:
        tracemalloc.stop()
        monkeypatch.setattr(pipeline._Analysis, "__call__", analyse)
    return seen[0] - base


def test_a_record_text_is_not_held_by_the_corpus_layer_while_it_is_cleaned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """While a record is cleaned, what the corpus layer adds to what ``Cleaner.clean``
    holds is not its text (4 bytes a character here: the old code held it, parsed, in
    the record's fields, 4 times the record)."""
    line = emoji_record(200)
    text = json.loads(line)["text"]
    c = Cleaner()
    c.clean(text)  # caches warm
    own = traced_at_analysis(monkeypatch, lambda: c.clean(text))  # ``text`` is not counted
    corpus = traced_at_analysis(monkeypatch, lambda: rec.clean_record(c, Options(), 1, line))
    size = sys.getsizeof(text)
    assert size > 3.5 * len(line)  # the premise: the text costs 4 bytes a character
    assert corpus - own < 0.25 * size, (corpus - own) / size  # the old code: 1.07


def test_a_pass_lets_the_pass_before_go() -> None:
    """When a pass analyses the lines left, no verdicts of the pass before are alive:
    each pass holds a view and verdicts for every line (the old code held two at once)."""
    live: list[int] = []
    c = Cleaner()
    analyse = pipeline._Analysis.__call__

    def spy(self: pipeline._Analysis, positions: list[int]) -> object:
        gc.collect()
        live.append(sum(type(o) is Verdicts for o in gc.get_objects()))
        return analyse(self, positions)

    pipeline._Analysis.__call__ = spy  # type: ignore[method-assign]
    try:
        result = c.clean(ARTICLE + "\nAdvertisement\n")
    finally:
        pipeline._Analysis.__call__ = analyse  # type: ignore[method-assign]
    assert result.changed and len(live) >= 2  # at least one pass after one that removed
    assert live == [0] * len(live)


def live_at_analysis(text: str, count: Callable[[list[object]], int]) -> list[int]:
    """``count`` of the live objects (``gc.get_objects``) each time a pass of the clean of
    ``text`` analyses the lines left."""
    live: list[int] = []
    analyse = pipeline._Analysis.__call__

    def spy(self: pipeline._Analysis, positions: list[int]) -> object:
        gc.collect()
        live.append(count(gc.get_objects()))
        return analyse(self, positions)

    pipeline._Analysis.__call__ = spy  # type: ignore[method-assign]
    try:
        Cleaner().clean(text)
    finally:
        pipeline._Analysis.__call__ = analyse  # type: ignore[method-assign]
    return live


def decided(clean: Callable[[], object]) -> list[Verdicts]:
    """The verdicts of every pass ``decide.decide`` makes while ``clean()`` runs."""
    found: list[Verdicts] = []
    real = decide.decide

    def spy(*args: object) -> Verdicts:
        verdicts = real(*args)  # type: ignore[arg-type]
        found.append(verdicts)
        return verdicts

    decide.decide = spy  # type: ignore[assignment]
    try:
        clean()
    finally:
        decide.decide = real
    return found


COMMENTS = "".join(f"reader{n}\nLike · Reply · {n}h\n" for n in range(150))


def test_lines_removed_by_a_pass_are_held_as_marks_not_decisions() -> None:
    """While later passes run, a removed line is held as its mark and label: no
    ``LineDecision`` is built for it (the old code held one a removed line, 1.1 times a
    large record's size), and the lines a cut takes share their marks (the old code made
    one a line)."""
    text = ARTICLE + "\nComments\n" + COMMENTS
    decisions = live_at_analysis(text, lambda objs: sum(type(o) is LineDecision for o in objs))
    marks = live_at_analysis(text, lambda objs: sum(type(o) is Mark for o in objs))
    assert len(decisions) >= 2  # a pass after one that removed
    assert decisions == [0] * len(decisions)
    assert max(marks[1:]) < 10  # the 300 comment lines, the ad and the credit
    result = Cleaner().clean(text)  # as the old code told them
    assert len(result.removed) == 303
    cut = [r for r in result.removed if r.line_no > 13]
    assert all(r.rule == "comments.section" and r.reason == cut[0].reason for r in cut)


def test_a_pass_holds_positions_as_machine_integers() -> None:
    """A pass's positions (the lines left, and where each line of its view came from) are
    arrays of machine integers or a range: a list holds an int object (28 bytes) a line."""
    seen: list[object] = []
    analyse = pipeline._Analysis.__call__

    def spy(self: pipeline._Analysis, positions: list[int]) -> object:
        seen.append(positions)
        return analyse(self, positions)

    pipeline._Analysis.__call__ = spy  # type: ignore[method-assign]
    try:
        result = Cleaner().clean(ARTICLE)
    finally:
        pipeline._Analysis.__call__ = analyse  # type: ignore[method-assign]
    assert len(seen) >= 2 and result.changed
    assert all(isinstance(p, range | array) for p in seen), [type(p) for p in seen]


@floats_boxed_compiled
def test_lines_share_one_float_object_for_each_share_value() -> None:
    """Lines whose shares (stopwords, title case, capitals, digits) are equal hold one
    float object for them, not a float each (24 bytes a line a share)."""
    table = frozenset({"the", "a", "of"})
    feats = [extract(f"The mayor of Town {n} spoke on the radio", table) for n in range(50)]
    for name in ("stop_density", "title_share", "upper_share", "digit_share"):
        values = [getattr(f, name) for f in feats]
        assert len({id(v) for v in values}) == len(set(values)), name


def test_a_line_holds_no_number() -> None:
    """A document's lines hold their text and ending only: a line's number is its place
    in the list (an int object a line past 256 cost 32 bytes), and every removal and
    decision still tells it."""
    lines = segment("\n" * 300 + ARTICLE)
    slots = [f.name for f in dataclasses.fields(Line)]
    assert all(type(getattr(line, slot)) is str for line in lines for slot in slots)
    result = Cleaner().clean("\n" * 300 + ARTICLE)
    assert [(r.line_no, r.text) for r in result.removed] == [(303, JUNK[0]), (306, JUNK[1])]
    assert [d.line_no for d in result.lines] == list(range(1, len(lines) + 1))


def test_a_report_counts_lines_and_words_without_building_decisions() -> None:
    """``Outcome.of`` counts a document's lines and words from its lines' text: the
    decision on every line (several times a large document's text) is never built."""
    result = Cleaner().clean(ARTICLE + "\nAdvertisement\n")
    lines = result.lines
    assert isinstance(lines, LineDecisions)
    texts = list(lines.texts())
    outcome = Outcome.of(result, keep_removed=False)
    assert lines._build is not None  # not built
    assert texts == [d.text for d in lines]  # as the decisions tell it, once built
    assert outcome.lines == sum(1 for t in texts if t.strip())
    assert outcome.words == sum(len(t.split()) for t in texts)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(
    fields=st.dictionaries(st.text(max_size=5), JSON, max_size=4),
    at=st.integers(0, 4),
    text=st.text(alphabet=st.characters(exclude_categories=["Cs"])),
)
def test_a_record_is_encoded_as_json_dumps_encodes_it(
    fields: dict[str, object], at: int, text: str
) -> None:
    """``encode_record`` writes what ``json.dumps`` would, byte for byte, wherever the
    field sits among the others and wherever a chunk of the text ends."""
    items = list(fields.items())
    key = "text" if "text" not in fields else "text2"
    whole = dict([*items[:at], (key, text), *items[at:]])
    expected = json.dumps(whole, ensure_ascii=False).encode("utf-8")
    placed = whole | {key: None}
    original = rec.ENCODE_CHUNK
    try:
        for chunk in (1, 3, original):
            rec.ENCODE_CHUNK = chunk
            assert rec.encode_record(placed, key, text) == expected
    finally:
        rec.ENCODE_CHUNK = original


def test_empty_lines_share_one_line_object_per_ending() -> None:
    """A document's empty lines (a paragraph break each) are one shared ``Line`` per line
    ending, not an object each (56 bytes a line: the old code's cost a large record two
    fifths of its size); every line still tells its own number and ending."""
    text = "\n\n".join([ARTICLE] * 3) + "\r\n\r\n" + ARTICLE + "\n"
    lines = segment(text)
    empty = [line for line in lines if not line.raw]
    assert len(empty) > 10
    assert len({id(line) for line in empty}) == len({line.end for line in empty}) == 2
    assert "".join(line.raw + line.end for line in lines) == text
    result = Cleaner().clean(text)
    assert [d.line_no for d in result.lines] == list(range(1, len(lines) + 1))


@spies_past_compiled
def test_the_scorer_walks_positions_as_machine_integers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The positions the scorer walks (the lines left, the prose, the walks away from the
    article) are arrays of machine integers or ranges: the old code's lists held an int
    object (28 bytes) a line in each, most of a large record's size again."""
    seen: list[object] = []
    span, rescale, outside = scorer.densest_span, topic._rescale, regions._outside

    def spy_span(*args: object) -> object:
        seen.append(args[2])  # the live positions
        return span(*args)  # type: ignore[arg-type]

    def spy_rescale(*args: object) -> object:
        seen.append(args[1])  # the prose positions
        return rescale(*args)  # type: ignore[arg-type]

    def spy_outside(*args: object) -> object:
        seen.append(args[0])  # a walk away from the article
        return outside(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(scorer, "densest_span", spy_span)
    monkeypatch.setattr(topic, "_rescale", spy_rescale)
    monkeypatch.setattr(regions, "_outside", spy_outside)
    Cleaner().clean("\n".join(BRIDGE * 3) + "\n" + ARTICLE + "\nHome\nNews\nSport\nWeather\n")
    assert len(seen) >= 6
    assert all(isinstance(s, array | range) for s in seen), [type(s) for s in seen]


@floats_boxed_compiled
def test_overlaps_share_one_float_object_for_each_value(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines whose overlap with the article is equal hold one float object for it, and
    the overlaps are rescaled in place: the old code made a float for each line twice."""
    found: list[list[float | None]] = []
    rescale = topic._rescale

    def spy(out: list[float | None], *args: object) -> object:
        scaled = rescale(out, *args)  # type: ignore[arg-type]
        found.append(scaled)
        return scaled

    monkeypatch.setattr(topic, "_rescale", spy)
    Cleaner().clean("\n".join(BRIDGE * 4))
    values = [v for out in found for v in out if v is not None]
    assert len(values) > len(set(values))  # the premise: equal overlaps
    assert len({id(v) for v in values}) == len(set(values))


# A line of each rarely read shape flag.
SHAPED = {
    "opens_lower": "and then the rain came",
    "open_end": "The rain came down and",
    "menu_like": "World News",
    "headline_cased": "Storm Floods Coastal Towns Again Today",
    "numeric": "12.04.2019 18:30",
    "enumeration": "Rain, wind, snow and ice",
    "sentences": "The rain came. Then the wind rose.",
}
RARE_FLAGS = tuple(SHAPED)


@spies_past_compiled
def test_a_document_features_are_columns_not_an_object_a_line() -> None:
    """While a pass runs, a document's features are one ``FeatureTable``: a column per
    field, a byte a line for each flag (the old code held a ``Features`` object a line,
    184 bytes, more than twice a large record's size); the first pass's view holds the
    analysis's table itself, not a copy."""
    text = ARTICLE + "\nComments\n" + COMMENTS
    rows = live_at_analysis(text, lambda objs: sum(type(o) is Features for o in objs))
    tables = live_at_analysis(text, lambda objs: sum(type(o) is FeatureTable for o in objs))
    assert len(rows) >= 2 and rows == [0] * len(rows)  # the old code: 313 and more
    assert tables[0] == 0 and max(tables[1:]) <= 2  # the analysis's, and a later view's
    views = [v.view for v in decided(lambda: Cleaner().clean(text))]
    first = views[0].feats
    assert all(type(getattr(first, name)) is bytearray for name in FLAGS)
    assert views[1].feats is not first and len(views[1].feats) < len(first)


@spies_past_compiled
def test_a_pass_assessments_are_columns_not_an_object_a_line() -> None:
    """The scorer's verdicts of a pass are one ``Assessments``, a column per field and a
    byte a line for each flag (the old code made an ``Assessment`` object a line, 104
    bytes, more than a large record's size), and read as before: the scorer's kinds,
    scores and reasons, the class and region in each line's label."""
    heads = ["Farm prices rise again in the north", "New school opens on Main Street"]
    heads += ["City council votes on parking fees", "Local team wins the cup final"]
    menu = ["Gardens", "Recipes", "Travel", "Motoring"]
    # A page's text (a link a rule names): the lists after the article are the page's.
    text = "\n".join(["Skip to content", ARTICLE, *heads, *menu])
    found = decided(lambda: Cleaner().clean(text))
    result = Cleaner().clean(text)
    assert found
    for verdicts in found:
        out = verdicts.assessed
        assert type(out) is Assessments
        assert type(out.wrapped) is bytearray and type(out.side_kind) is bytearray
        assert all(len(getattr(out, name)) == len(verdicts.view) for name in out.__slots__)
    scored = {r.text: (r.kind, r.score, r.reason) for r in result.removed if r.rule == "scorer"}
    assert {scored[h][0] for h in heads} == {Kind.RELATED}
    assert {scored[m][:2] for m in menu} == {(Kind.NAVIGATION, 0.8)}
    assert scored[menu[0]][2] == "outside the article, in a run of 4 very short lines (a menu)"
    labels = [d.label for d in result.lines if d.keep and d.text.strip()]
    assert {"short head", "good body"} <= set(labels)  # each line's class and region


def test_the_features_go_before_the_output_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """When a document's output and removals are built, its features are those of the
    last pass's view alone: the analysis's table of every line has gone (the old code
    held both at the peak that building the removals sets). The outcome tells a line's
    fate in a byte, and the lines left after a pass are machine integers."""
    live: list[int] = []
    outcomes: list[decide.Outcome] = []
    removals = decide.Outcome.removals

    def spy(self: decide.Outcome) -> list[Removal]:
        gc.collect()
        live.append(sum(type(o) is FeatureTable for o in gc.get_objects()))
        outcomes.append(self)
        return removals(self)

    monkeypatch.setattr(decide.Outcome, "removals", spy)
    result = Cleaner().clean(ARTICLE + "\nComments\n" + COMMENTS)
    assert result.changed and live == [1]  # the old code: 2
    assert type(outcomes[0].keep) is bytearray
    kept = kept_lines(outcomes[0].lines, outcomes[0].keep)
    assert type(kept) is array and len(kept) < len(outcomes[0].lines)


def test_shape_flags_read_as_they_are_defined() -> None:
    """Each shape flag of a line, read back from the table as a row, is a bool and says
    what it is defined to."""
    stop = frozenset({"the", "and", "of"})
    for name, line in SHAPED.items():
        f = extract(line, stop)
        assert [n for n in RARE_FLAGS if getattr(f, n) is True] == [
            n for n in RARE_FLAGS if n == name or n in _ALSO.get(name, ())
        ], line
        assert all(type(getattr(f, n)) is bool for n in RARE_FLAGS)


# What else the lines of the test above are, by the same definitions.
_ALSO = {"menu_like": ("headline_cased",), "headline_cased": (), "open_end": ()}


def test_lines_a_rule_hits_share_its_mark() -> None:
    """Every line one rule hits holds the rule's one mark (the old code made a mark a line:
    a record may hold thousands of "Advertisement" lines)."""
    prose = [f"{line[:-1]} in district {n}." for n in range(20) for line in BRIDGE]
    text = "".join(f"{line}\nAdvertisement\n" for line in prose)
    marks = live_at_analysis(text, lambda objs: sum(type(o) is Mark for o in objs))
    assert len(marks) >= 2 and max(marks[1:]) < 5, marks
    result = Cleaner().clean(text)
    assert [r.text for r in result.removed] == ["Advertisement"] * 100
    assert len({(r.rule, r.reason) for r in result.removed}) == 1


@spies_past_compiled
def test_text_input_holds_no_hint_a_line() -> None:
    """A view of text input holds no markup hints (the old code held a None a line); a
    view of HTML holds one a line, and both read as before through ``hint``."""
    text_views = [v.view for v in decided(lambda: Cleaner().clean(ARTICLE))]
    html = f"<html><body><article><p>{BRIDGE[0]}</p><p>{BRIDGE[1]}</p></article></body></html>"
    views = [v.view for v in decided(lambda: Cleaner().clean_html(html))]
    assert text_views and all(
        isinstance(v, decide.DocView) and len(v.hints) == 0 for v in text_views
    )
    assert views and all(isinstance(v, decide.DocView) and len(v.hints) == len(v) for v in views)
    assert all(v.hint(k) is None for v in text_views for k in range(len(v)))


@spies_past_compiled
def test_the_outcome_lists_are_made_after_the_first_pass_scored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """While the first pass measures the lines' overlaps (a large record's peak), the
    document's outcome lists (a line kept, its mark, its label) are not yet made: the
    old code held three lists a line, all kept, unmarked and unlabelled, from the start."""
    text = "\n".join(BRIDGE * 4) + "\nAdvertisement\n"
    n = len(segment(text))
    found: list[int] = []
    rescale = topic._rescale

    def spy(*args: object) -> object:
        if not found:
            gc.collect()
            found.append(
                sum(
                    1
                    for o in gc.get_objects()
                    if type(o) is list and len(o) == n and all(x is True for x in o)
                )
            )
        return rescale(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(topic, "_rescale", spy)
    result = Cleaner().clean(text)
    assert found == [0]
    assert result.removed[-1].text == "Advertisement"


def _pass_through_record() -> bytes:
    """A record with nothing to remove, written as ``json.dumps`` writes it by default
    (non-ASCII escaped): encoded anew, it would come out different."""
    return json.dumps({"id": 7, "text": PROSE + " Café."}).encode() + b"\n"


def test_a_handed_line_is_held_compressed_while_its_record_is_cleaned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A line handed to ``clean_record``, as a JSONL run hands each line over, is held
    compressed while its text is cleaned: neither the batch that carried it nor the call
    holds its bytes (the old code held them whole, a copy the size of the record)."""
    monkeypatch.setattr(rec, "HOLD_COMPRESSED_BYTES", 1024)
    c = Cleaner()
    c.clean(ARTICLE)  # caches warm
    size = len(emoji_record(300))

    def handed() -> object:
        return rec.clean_record(c, Options(), 1, Handover(emoji_record(300)))

    def held() -> object:
        line = emoji_record(300)
        return rec.clean_record(c, Options(), 1, line)

    saved = traced_at_analysis(monkeypatch, held) - traced_at_analysis(monkeypatch, handed)
    assert saved > 0.5 * size, saved / size


def test_a_handed_line_held_compressed_passes_through_byte_for_byte(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A record with nothing removed, or whose clean fails, is written as it came even
    when its line was held compressed; its handover is left empty."""
    monkeypatch.setattr(rec, "HOLD_COMPRESSED_BYTES", 1)
    line = _pass_through_record()
    handover = Handover(line)
    out = rec.clean_record(Cleaner(), Options(), 1, handover)
    assert out.outcome is not None and not out.outcome.changed
    assert out.data == line and len(handover) == 0

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(rec, "clean_content", fail)
    out = rec.clean_record(Cleaner(), Options(), 2, Handover(line))
    assert out.data == line and "boom" in out.error


def test_a_jsonl_run_hands_each_line_over_in_its_batches() -> None:
    """Batches carry handovers, which the clean empties: no batch in flight holds the
    bytes of a line that is being cleaned or was."""
    lines = [_pass_through_record(), b"not json\n", _pass_through_record()]
    batches = list(_batches(iter(lines), 2, 1 << 20))
    assert [[no for no, _ in batch] for batch in batches] == [[1, 2], [3]]
    outs = Job(Cleaner(), Options()).clean_records(batches[0])
    assert [out.data for out in outs] == lines[:2]
    assert [len(handover) for _, handover in batches[0]] == [0, 0]


def test_the_cli_returns_freed_large_blocks_where_glibc_runs() -> None:
    """The CLI fixes glibc's mmap threshold (``allocator``): set where glibc runs, a
    harmless no-op elsewhere."""
    assert fix_mmap_threshold() is (platform.libc_ver()[0] == "glibc")
