"""The scorer's context stage on small, readable documents."""

from __future__ import annotations

import cleaner
from cleaner.result import Kind

PROSE = [
    "This training plan pairs each workout with a meal, so that your body gets protein and "
    "slow carbohydrates when it needs them most.",
    "Start the day with a morning oatmeal bowl topped with berries, which keeps you full until "
    "lunch and fuels a morning workout.",
    "After the workout, drink a recovery protein shake within thirty minutes, while your "
    "muscles are still taking up protein quickly.",
    "In the afternoon an almond snack with an apple bridges the long gap between lunch and "
    "dinner without a sugar crash.",
    "Finish with an evening vegetable soup and grilled fish, light enough to sleep well and "
    "rich enough in protein to repair muscles.",
    "Repeat the plan for four weeks and adjust the portions to your own weight and the "
    "intensity of your workouts.",
]


def test_a_list_of_short_lines_in_the_articles_words_is_the_articles_own() -> None:
    """A meal plan's items after the prose are short like a menu, but they repeat the
    article's words: they stay."""
    plan = [
        "Morning Oatmeal Bowl",
        "Recovery Protein Shake",
        "Afternoon Almond Snack",
        "Evening Vegetable Soup",
        "Grilled Fish Dinner",
    ]
    result = cleaner.clean("\n".join(PROSE + plan))
    assert result.removed == []


def test_a_run_of_short_off_topic_labels_after_the_article_is_a_menu() -> None:
    menu = [
        "Local News Today",
        "Business And Markets",
        "Travel Deals Weekly",
        "Opinion Columns Archive",
        "Photo Galleries Home",
    ]
    result = cleaner.clean("\n".join(PROSE + menu))
    assert [r.text for r in result.removed] == menu
    assert all(r.kind is Kind.NAVIGATION for r in result.removed)
    assert all(p in result.text for p in PROSE)
