"""The oracle's incremental bookkeeping must agree with scoring its output from scratch."""

from __future__ import annotations

import random

import pytest

from bench.metrics import shingle_score, shingles, tokenize
from bench.oracle import _State, best_lines, oracle_text


def test_oracle_drops_junk_lines_and_keeps_article() -> None:
    truth = "The minister said on Tuesday that talks would resume.\nThey ended in May."
    text = "Advertisement\n" + truth + "\nShare this article on Facebook\nRead more: other news"
    assert oracle_text(truth, text) == truth
    assert best_lines(truth, "") == [True]


def test_incremental_counts_match_recompute() -> None:
    rng = random.Random(7)
    words = ["a", "b", "c", "d", "e", "f"]
    lines = [" ".join(rng.choices(words, k=rng.randint(0, 5))) for _ in range(30)]
    truth = " ".join(rng.choices(words, k=60))
    st = _State(shingles(tokenize(truth)), [tokenize(x) for x in lines])
    for _ in range(300):
        i = rng.randrange(len(lines))
        d, tp, n_pred = st.delta(i)
        st.apply(i, d, tp, n_pred)
        kept = "\n".join(x for x, k in zip(lines, st.kept, strict=True) if k)
        pred = shingles(tokenize(kept))
        assert (st.tp, st.n_pred) == ((pred & st.true).total(), pred.total())
        score = shingle_score(truth, kept)
        assert st.f1(st.tp, st.n_pred) == pytest.approx(score.f1)
