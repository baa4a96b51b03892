"""Idempotence on the inputs that once broke it (issue 23 item 4), and a widened property test.

``clean`` decides again on its own output until nothing more goes. The later passes used
to reuse what the first pass computed from the whole input (the language guess, the tables
found among one-cell-per-line rows), so they were not a fresh clean of the output; each
reproducer below failed for one of those reasons (named in its id). Every pass now
analyses the lines left afresh.

The widened strategy mixes languages, cuts sentences into fragments, repeats lines and
prints small tables one cell per line: the inputs the first property test (test_properties)
never built. ``make fuzz`` runs it with ``CLEANER_FUZZ_EXAMPLES`` examples.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import cleaner
from fuzz.invariants import check_result

FUZZ_EXAMPLES = int(os.environ.get("CLEANER_FUZZ_EXAMPLES", "0"))
SETTINGS = settings(
    max_examples=FUZZ_EXAMPLES or 60,
    derandomize=not FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

REPRODUCERS = [
    pytest.param(
        "Il consiglio comunale ha approvato il bilancio martedì sera.\nAll rights reserved\n"
        "All rights reserved\nin a draw\nRoma\nlast night\nthe\nShare this",
        id="mixed-italian-english",
    ),
    pytest.param(
        "consiglio comunale ha approvato il bilancio martedì sera.\nAll\na\nlast\nthe\nShare this",
        id="english-junk-sets-the-language",
    ),
    pytest.param(
        "River Rovers\n30\n3\nHill United\n13\n4\nBay City\n19\n5\nAdvertisement\n12\n16",
        id="junk-completes-a-table",
    ),
    pytest.param(
        "Bay City\n10\nRead more\n1\nBay City\n1\n1\nBay City\n1\n1\nBay City\n1\n1\nBay City\n1",
        id="a-drop-run-takes-most-of-a-table",
    ),
]


@pytest.mark.parametrize("text", REPRODUCERS)
def test_clean_is_idempotent_on_minimised_reproducers(text: str) -> None:
    once = cleaner.clean(text).text
    assert cleaner.clean(once).text == once


SENTENCES = [
    "Il consiglio comunale ha approvato il bilancio martedì sera.",
    "La polizia ha arrestato due uomini dopo la rapina in centro.",
    "The council approved the budget on Tuesday evening after a long debate.",
    "Police arrested two men after the robbery in the city centre.",
    "Der Stadtrat hat am Dienstagabend den Haushalt beschlossen.",
    "Le conseil municipal a adopté le budget mardi soir après un long débat.",
]
JUNK = [
    "Advertisement",
    "Share this",
    "Read more",
    "Leggi anche",
    "Condividi",
    "All rights reserved",
    "Photo: Reuters",
    "Foto: Ansa",
    "Views: 0",
    "Subscribe to our newsletter",
    "Home | News | Sport",
]


@st.composite
def fragment(draw: st.DrawFn) -> str:
    words = draw(st.sampled_from(SENTENCES)).split()
    start = draw(st.integers(0, len(words) - 1))
    return " ".join(words[start : start + draw(st.integers(1, len(words)))])


table_rows = st.lists(
    st.tuples(
        st.integers(1, 9), st.sampled_from(["Bay City", "Hill United", "Roma"]), st.integers(1, 40)
    ),
    min_size=3,
    max_size=5,
).map(lambda rows: [str(x) for row in rows for x in row])
line = st.one_of(st.sampled_from(SENTENCES), fragment(), st.sampled_from(JUNK), st.just(""))


@st.composite
def mixed_documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(line, min_size=2, max_size=14))
    for _ in range(draw(st.integers(0, 3))):  # repeats
        if lines:
            lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(lines)))
    if draw(st.booleans()):  # a table printed one cell per line, junk maybe inside it
        cells = draw(table_rows)
        if draw(st.booleans()):
            cells.insert(draw(st.integers(0, len(cells))), draw(st.sampled_from(JUNK)))
        at = draw(st.integers(0, len(lines)))
        lines[at:at] = cells
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


@SETTINGS
@given(mixed_documents())
def test_widened_documents_keep_the_other_invariants(text: str) -> None:
    result = cleaner.clean(text)
    check_result(text, result)
    assert cleaner.clean(text).removed == result.removed


@SETTINGS
@example(REPRODUCERS[0].values[0])
@example(REPRODUCERS[2].values[0])
@given(mixed_documents())
def test_idempotent_on_widened_documents(text: str) -> None:
    once = cleaner.clean(text).text
    assert cleaner.clean(once).text == once
