"""Tables printed one cell per line are data, not pagination and menus."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import language, tables
from cleaner.features import FeatureTable, extract, token_table
from cleaner.heuristics import DEFAULT
from cleaner.segment import segment

INTRO = [
    "The regional chess league finished its autumn season on Sunday, and the club from the "
    "harbour district kept the title it won last year.",
    "Final standings after nine rounds:",
]
HEADER = ["Pos.", "Club", "Points", "Wins", "Draws"]
ROWS = [
    ["1", "Harbour Knights", "21", "6", "3"],
    ["2", "North Bishops", "19", "5", "4"],
    ["3", "Old Town Rooks", "16", "4", "4"],
    ["4", "Riverside Pawns", "12", "3", "3"],
    ["5", "Hill Street Kings", "7", "1", "4"],
]
OUTRO = [
    "The two clubs at the bottom of the table will play the winners of the second division "
    "in a promotion round next month.",
]


MIN_ROWS = DEFAULT.tables.min_rows


def one_cell_per_line(rows: list[list[str]], blank_between: bool = True) -> list[str]:
    out: list[str] = []
    for row in rows:
        out.extend(row)
        if blank_between:
            out.extend(["", ""])
    return out


def found(text: str) -> tuple[set[str], set[str]]:
    """The lines found as table cells, and as numeric cells."""
    lines = [line for line in segment(text) if not line.blank]
    stop = token_table(language.stoplist("en"))
    feats = FeatureTable.of(extract(line.view, stop) for line in lines)
    cells, numbers = tables.cells([line.view for line in lines], feats)
    return {lines[k].view for k in cells}, {lines[k].view for k in numbers}


def test_a_table_printed_one_cell_per_line_is_kept_whole() -> None:
    text = "\n".join(INTRO + one_cell_per_line([HEADER, *ROWS]) + OUTRO)
    result = cleaner.clean(text)
    assert result.removed == [], [(r.text, r.reason) for r in result.removed]
    assert result.text == text
    cells = {cell for row in [HEADER, *ROWS] for cell in row}
    labels = {d.text: d.label for d in result.lines}
    assert all(labels[cell].endswith(" table") for cell in cells)  # explain says why it stayed
    assert not any(labels[line].endswith(" table") for line in INTRO + OUTRO)


def test_without_the_table_detector_its_numbers_would_go_as_pagination() -> None:
    """The same numbers outside a table's repeating shape (and not introduced as a list)
    are page numbers."""
    text = "\n".join([INTRO[0], "1", "2", "3", "4", "5", "Next", *OUTRO])
    kinds = {r.text: r.kind for r in cleaner.clean(text).removed}
    assert kinds.get("2") == cleaner.Kind.NAVIGATION


def test_cells_finds_every_row_the_header_and_the_numeric_cells() -> None:
    cells, numbers = found("\n".join(INTRO + one_cell_per_line([HEADER, *ROWS], False) + OUTRO))
    assert cells == {cell for row in [HEADER, *ROWS] for cell in row}
    assert numbers == {cell for row in ROWS for cell in row if cell[0].isdigit()}


def test_blank_lines_between_cells_do_not_matter() -> None:
    spaced = [x for cell in one_cell_per_line(ROWS, False) for x in (cell, "   ")]
    assert found("\n".join(INTRO + spaced))[0] == {cell for row in ROWS for cell in row}


def test_fewer_rows_than_a_table_needs_are_not_a_table() -> None:
    rows = ROWS[: MIN_ROWS - 1]
    assert found("\n".join(INTRO + one_cell_per_line(rows)))[0] == set()


def test_a_numbered_list_of_headlines_is_not_a_table() -> None:
    """ "Most read: 1, headline, 2, headline" repeats a number and a text, but the text is a
    headline, not a name: that is a related-stories list."""
    headlines = [
        "Council approves the new budget for the harbour district",
        "Storm closes two schools and the ferry to the islands",
        "Local bakery wins a national prize for its rye bread",
        "Police look for witnesses after a night of vandalism",
        "Football club signs a goalkeeper from the second division",
    ]
    numbered = [x for k, h in enumerate(headlines, 1) for x in (str(k), h, "Nov 18")]
    assert found("\n".join(INTRO + numbered))[0] == set()


def test_a_narrow_row_repeated_is_judged_at_its_own_width() -> None:
    """Rows "7 / Ann" are two columns wide: a narrower pattern than MIN_COLUMNS, even though
    "7 / Ann / 8 / Bob" repeats at width four."""
    names = ["Ann", "Bob", "Cid", "Dan", "Eve", "Fay", "Gus", "Hal", "Ida", "Jo"]
    pairs = [x for k, name in enumerate(names) for x in (str(k), name)]
    assert found("\n".join(pairs))[0] == set()


def test_prose_between_cells_ends_the_table() -> None:
    cells = one_cell_per_line(ROWS[:2], False) + OUTRO + one_cell_per_line(ROWS[2:], False)
    assert found("\n".join(cells))[0] == set()


# Any table of MIN_ROWS+ rows, 3 to 12 columns, numbers and names in fixed columns (at least
# two numeric ones), printed one cell per line after a sentence that introduces it. Not
# claimed: a row that is a narrower row twice ("1, Bay, 21, Hill"), which one cell per line
# cannot tell from a two-column list of labels and counts (a tag list).
_name = st.lists(
    st.sampled_from(["Harbour", "North", "Old Town", "River", "Hill", "Lake", "Park", "Bay"]),
    min_size=1,
    max_size=3,
).map(" ".join)
_number = st.one_of(
    st.integers(0, 99_999).map(str),
    st.integers(0, 100).map(lambda n: f"{n}%"),
    st.floats(0, 999, allow_nan=False).map(lambda x: f"{x:.1f}"),
)
_columns = st.lists(st.booleans(), min_size=3, max_size=12).filter(
    lambda cols: sum(cols) >= 2 and not all(cols) and _primitive("".join("NT"[c] for c in cols))
)


def _primitive(row: str) -> bool:
    return row not in (row + row)[1:-1]


@st.composite
def _tables(draw: st.DrawFn) -> list[list[str]]:
    numeric = draw(_columns)
    rows = draw(st.integers(MIN_ROWS, 15))
    return [[draw(_number) if n else draw(_name) for n in numeric] for _ in range(rows)]


@settings(max_examples=100, deadline=None)
@given(_tables(), st.booleans())
def test_any_table_printed_one_cell_per_line_is_kept(rows: list[list[str]], blank: bool) -> None:
    text = "\n".join(INTRO + one_cell_per_line(rows, blank) + OUTRO)
    result = cleaner.clean(text)
    assert result.text == text, [(r.text, r.reason) for r in result.removed]
