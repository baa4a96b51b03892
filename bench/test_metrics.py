"""Hand-computed checks that the metrics match the upstream evaluators' definitions."""

from __future__ import annotations

import pytest

from bench.metrics import (
    DocScore,
    SegmentCounts,
    aggregate,
    line_share,
    ngram_sets,
    shingle_score,
    shingles,
    tokenize,
)


def test_exact_match_is_perfect() -> None:
    s = shingle_score("One two, three four five.", "One two three\nfour five")
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_tokens_are_case_sensitive_word_runs() -> None:
    assert tokenize("It's 3-D, ok?") == ["It", "s", "3", "D", "ok"]
    assert shingle_score("The Cat sat down", "the cat sat down").f1 == 0.0


def test_text_shorter_than_four_tokens_is_one_shingle() -> None:
    assert shingles(["a", "b"]) == {("a", "b"): 1}
    assert shingles([]) == {}
    assert shingle_score("Hello world", "Hello world").f1 == 1.0


def test_counts_matter_for_repeated_shingles() -> None:
    # truth a b c d a b c d: abcd x2, bcda, cdab, dabc = 5 shingles; prediction has 1 abcd.
    s = shingle_score("a b c d a b c d", "a b c d")
    assert s.precision == 1.0
    assert s.recall == pytest.approx(1 / 5)  # a set-based metric would give 1/4
    # prediction repeats: abcd x3, bcda x2, cdab x2, dabc x2 = 9; only one abcd is true.
    assert shingle_score("a b c d", "a b c d a b c d a b c d").precision == pytest.approx(1 / 9)


def test_document_counts_are_normalised() -> None:
    s = shingle_score("a b c d e", "a b c d x y z w")  # tp 1 (abcd), fp 4, fn 1 (bcde) -> / 6
    assert (s.tp, s.fp, s.fn) == pytest.approx((1 / 6, 4 / 6, 1 / 6))


def test_empty_prediction_is_left_out_of_precision() -> None:
    exact = shingle_score("a b c d e", "a b c d e")
    empty = shingle_score("a b c d e", "")
    assert empty.precision is None and empty.recall == 0.0
    agg = aggregate([exact, empty])
    assert agg.precision == 1.0  # not 0.5
    assert agg.recall == 0.5
    assert agg.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_scores_are_averaged_per_document_then_f1() -> None:
    docs = [DocScore(0.5, 0.5, 0.0), DocScore(1.0, 0.0, 0.0), DocScore(0.5, 0.0, 0.5)]
    agg = aggregate(docs)  # P = (0.5 + 1 + 1) / 3, R = (1 + 1 + 0.5) / 3
    assert agg.precision == pytest.approx(2.5 / 3)
    assert agg.recall == pytest.approx(2.5 / 3)
    assert agg.f1 == pytest.approx(2.5 / 3)


def test_segment_metric_normalises_whitespace() -> None:
    c = SegmentCounts()
    result = "Hello\n  world.\tFoo\n\nend"
    c.add(result, ["Hello   world.", "world. Foo end", "Hello world. Bar"], ["Foo", "Bar"])
    assert (c.tp, c.fn, c.fp, c.tn) == (2, 1, 1, 1)
    prf = c.prf()
    assert (prf.precision, prf.recall) == pytest.approx((2 / 3, 2 / 3))


def test_segment_metric_pools_pages_and_handles_no_output() -> None:
    c = SegmentCounts()
    c.add(None, ["a"], ["b"])  # no extraction: FN and TN
    c.add("a b", ["a"], ["b"])  # TP and FP
    assert (c.tp, c.fn, c.fp, c.tn) == (1, 1, 1, 1)
    assert c.prf().f1 == pytest.approx(0.5)


def test_segment_counts_of_one_page_add_up_and_give_shares() -> None:
    a = SegmentCounts.of("alpha beta", ["alpha", "gamma"], ["beta"])
    b = SegmentCounts.of("", [], ["beta", "delta"])
    assert (a.tp, a.fn, a.fp, a.tn) == (1, 1, 1, 0)
    assert (a.with_found, a.without_found) == (0.5, 1.0)
    assert b.with_found is None  # no with segment: no recall to speak of
    total = a + b
    assert (total.tp, total.fn, total.fp, total.tn) == (1, 1, 1, 2)
    assert total.without_found == pytest.approx(1 / 3)


def test_line_share_uses_the_longest_ngrams_a_line_has() -> None:
    grams = ngram_sets("the cat sat on the mat")
    assert line_share("the cat sat on", grams) == 1.0  # its one 4-gram
    assert line_share("cat on", grams) == 0.0  # bigram not in the truth
    assert line_share("mat", grams) == 1.0
    assert line_share("--", grams) is None
