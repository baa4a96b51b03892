"""Hand-computed checks of the damage definitions (bench/damage.py)."""

from __future__ import annotations

import pytest

from bench.damage import (
    Damage,
    DocDamage,
    Removed,
    WordText,
    article_in_segments,
    article_in_text,
    doc_damage,
    rule_key,
)

TRUTH = "The minister said on Tuesday that talks would resume. They ended in May."


def lines(*texts: str, kind: str = "related", rule: str = "r") -> list[Removed]:
    return [Removed(i, t, kind, rule) for i, t in enumerate(texts, 1)]


def test_a_removed_line_is_article_when_its_words_occur_in_the_truth() -> None:
    removed = lines(
        "The minister said on Tuesday that talks would resume.",  # whole sentence
        "THE MINISTER SAID",  # casefolded, 3 words, a run of the truth's words
        "Share this article",  # 3 words, not in the truth
        "talks resume",  # 2 words: never article
    )
    assert article_in_text(TRUTH, removed, output="") == [True, True, False, False]


def test_words_are_matched_as_whole_tokens_in_order() -> None:
    truth = "We met within the ending hours of the day."
    removed = lines("in the end", "hours the ending", "the ending hours")
    assert article_in_text(truth, removed, output="") == [False, False, True]


def test_short_lines_never_count_even_when_in_the_truth() -> None:
    truth = "Read more. Photo: AP. A long article sentence follows here."
    assert article_in_text(truth, lines("Read more", "Photo: AP"), output="") == [False, False]


def test_a_repeat_the_output_still_holds_is_not_a_loss() -> None:
    truth = "Talks will resume on Monday."
    line = "Talks will resume on Monday."
    # the input held the sentence twice; one copy was kept
    assert article_in_text(truth, lines(line), output=line) == [False]
    # both copies removed: the truth has it once, so one loss (the first copy)
    assert article_in_text(truth, lines(line, line), output="Other text.") == [True, False]


def test_net_of_repeats_counts_the_truths_copies() -> None:
    truth = "Vote now. Results at ten. Vote now. Results at ten."
    line = "Results at ten"
    # truth has it twice; three removed copies, none kept: two are losses
    assert article_in_text(truth, lines(line, line, line), output="") == [True, True, False]
    # one copy still in the output (inside a longer line): one loss left
    out = "Polls closed. Results at ten, officials said."
    assert article_in_text(truth, lines(line, line, line), output=out) == [True, False, False]


def test_empty_truth_or_no_removals() -> None:
    assert article_in_text("", lines("The minister said on Tuesday"), output="") == [False]
    assert article_in_text(TRUTH, [], output=TRUTH) == []


def test_word_text_counts_overlapping_runs() -> None:
    text = WordText("a a a a")
    assert text.count(["a", "a", "a"]) == 2
    assert text.count(["a"]) == 4
    assert text.count([]) == 0
    assert WordText("Ab, c; D").count(["ab", "c", "d"]) == 1


def test_segments_a_line_containing_a_missing_segment_is_article() -> None:
    with_ = ["The talks resume on Monday", "Prices rose"]
    removed = lines(
        "The talks resume on Monday, officials said.",  # contains a missing segment
        "Prices rose",  # equals a segment (2 words, but it contains it)
        "resume on Monday",  # 3 words inside a missing segment
        "Monday",  # 1 word inside: too short to tell
        "Unrelated words here",
    )
    got = article_in_segments(with_, removed, output="Nothing left.")
    assert got == [True, True, True, False, False]


def test_segments_still_found_in_the_output_are_no_loss() -> None:
    with_ = ["The talks resume on Monday"]
    removed = lines("The talks resume on Monday")
    assert article_in_segments(with_, removed, output="The talks resume on Monday") == [False]
    # found-test as the metric: whitespace-normalised, case-sensitive
    out = "The talks\n  resume on Monday"
    assert article_in_segments(with_, removed, output=out) == [False]
    out = "the talks resume on monday"
    assert article_in_segments(with_, removed, output=out) == [True]


def test_segments_without_with_segments_are_never_article() -> None:
    assert article_in_segments([], lines("Anything at all here"), output="") == [False]
    assert article_in_segments(["  "], lines("Anything at all here"), output="") == [False]


def test_doc_damage_counts_words_by_kind_and_rule() -> None:
    removed = [
        Removed(1, "The minister said on Tuesday", "related", "scorer: x"),
        Removed(2, "Share this now", "share", "share.buttons"),
        Removed(3, "Read more", "related", "scorer: x"),
    ]
    d = doc_damage(removed, [True, False, False], 1.0, 0.8)
    assert (d.removed_lines, d.removed_words, d.article_words) == (3, 10, 5)
    assert d.by_rule == {("related", "scorer: x"): (7, 5), ("share", "share.buttons"): (3, 0)}
    assert [x.line_no for x in d.article_lines] == [1]
    assert d.drop == pytest.approx(0.2)


def _doc(removed: int, article: int, before: float | None, after: float | None) -> DocDamage:
    rule = {("related", "r"): (removed, article)} if removed else {}
    return DocDamage(1 if removed else 0, removed, article, rule, (), before, after)


def test_recall_drop_thresholds_are_strict_and_tolerate_float_error() -> None:
    assert not _doc(0, 0, 1.0, 0.99).dropped_more_than(0.01)  # 1.0 - 0.99 = 0.01000...09
    assert _doc(0, 0, 1.0, 0.98).dropped_more_than(0.01)
    assert not _doc(0, 0, 0.5, 0.9).dropped_more_than(0.0)  # recall went up
    assert _doc(0, 0, None, 0.0).drop == 0.0  # empty truth: no recall to lose


def test_damage_pools_words_and_documents() -> None:
    total = Damage.of(
        [_doc(10, 5, 1.0, 0.9), _doc(30, 0, 1.0, 1.0), _doc(0, 0, 1.0, 0.97), _doc(0, 0, 0, 0)]
    )
    assert total.docs == 4
    assert total.precision == pytest.approx(1 - 5 / 40)
    assert total.share_dropped(0.01) == pytest.approx(2 / 4)
    assert total.share_dropped(0.05) == pytest.approx(1 / 4)
    assert total.by_kind() == {"related": (40, 5)}
    assert Damage().precision is None  # nothing removed: undefined, not 1.0
    assert Damage().share_dropped(0.01) is None


def test_rule_key_groups_generic_rules_by_their_reason() -> None:
    assert rule_key("share.buttons", "a share bar (3 links)") == "share.buttons"
    got = rule_key("scorer", "in a run of 12 very short lines (overlap 0.25)")
    assert got == "scorer: in a run of N very short lines (overlap N)"
    got = rule_key("scorer", "the page's or section's name (overlap unknown)")
    assert got == "scorer: the page's or section's name (overlap N)"
    got = rule_key("html", 'in <h2 class="share">: share')
    assert got == 'html: in <hN class="share">: share'  # the role word stays
