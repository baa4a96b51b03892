"""The scorer's context stage on small, readable documents."""

from __future__ import annotations

import pytest

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


def test_a_run_of_short_off_topic_labels_after_a_pages_article_is_a_menu() -> None:
    """Where a rule names furniture above the article (a "Skip to content" link), the
    text is a whole page's and a run of short labels after the article is its menu.
    Where nothing does (an extractor's output holds the article alone), a run of short
    lines may be the article's own list (see test_structure): capitalised and off the
    article's topic, labels of three words name things (a listicle's items, a track
    list, teams) as readily as other pages, and stay."""
    menu = [
        "Local News Today",
        "Business And Markets",
        "Travel Deals Weekly",
        "Opinion Columns Archive",
        "Photo Galleries Home",
    ]
    result = cleaner.clean("\n".join(["Skip to content", *PROSE, *menu]))
    assert [r.text for r in result.removed] == ["Skip to content", *menu]
    assert all(r.kind is Kind.NAVIGATION for r in result.removed)
    assert all(p in result.text for p in PROSE)
    assert cleaner.clean("\n".join(PROSE + menu)).removed == []


MORE_STORIES = [
    "- Ten Protein Shakes That Keep You Full Until Lunch",
    "- Why Evening Meals Matter For Muscle Recovery",
    "- The Best Almond Snacks Ranked By Nutritionists",
]


def test_a_bulleted_list_of_capitalised_headlines_after_the_article_is_related() -> None:
    """Lists of more stories on the subject share the article's words: only their shape tells."""
    result = cleaner.clean("\n".join(PROSE + MORE_STORIES))
    assert [r.text for r in result.removed] == MORE_STORIES
    assert all(r.kind is Kind.RELATED for r in result.removed)
    assert "bulleted list of 3" in result.removed[0].reason


def test_a_bulleted_list_the_article_announces_stays() -> None:
    intro = "Three recipes we recommend for this plan:"
    result = cleaner.clean("\n".join([*PROSE, intro, *MORE_STORIES]))
    assert result.removed == []


FEATURES = [
    "- Oatmeal Bowls Topped With Fresh Berries",
    "- Recovery Shakes Within Thirty Minutes",
    "- Evening Soups Light Enough To Sleep Well",
]


@pytest.mark.parametrize("heading", ["Key Features", "What Is New In This Plan"])
def test_a_bulleted_list_under_its_own_heading_stays(heading: str) -> None:
    """Capitalised bullets under a heading no rule names are the article's own list (a
    product's features); without the heading their shape alone makes them related."""
    result = cleaner.clean("\n".join([*PROSE, heading, *FEATURES]))
    assert result.removed == []
    result = cleaner.clean("\n".join(PROSE + FEATURES))
    assert [r.text for r in result.removed] == FEATURES


def test_a_heading_past_a_named_barrier_does_not_keep_a_list_of_stories() -> None:
    """Past a line a rule names (a share row) the heading is the page's, and so is its list;
    a heading a rule names is a related list's own."""
    shared = [*PROSE, "Share this article", "Across The Network", *MORE_STORIES]
    result = cleaner.clean("\n".join(shared))
    assert [r.text for r in result.removed] == ["Share this article", *MORE_STORIES]
    result = cleaner.clean("\n".join([*PROSE, "Related Stories", *MORE_STORIES]))
    assert [r.text for r in result.removed] == ["Related Stories", *MORE_STORIES]


def test_a_bulleted_list_of_sentence_case_points_stays() -> None:
    points = [
        "- eat a protein breakfast every single day",
        "- drink the shake right after the workout",
        "- keep the evening meal light and early",
    ]
    result = cleaner.clean("\n".join(PROSE + points))
    assert result.removed == []


def test_a_single_capitalised_bullet_after_the_article_stays() -> None:
    result = cleaner.clean("\n".join([*PROSE, MORE_STORIES[0]]))
    assert result.removed == []


HEADLINE = "Protein Plans That Fuel a Morning Workout"


def test_the_pages_title_tag_goes_and_the_headline_stays() -> None:
    """Whole-page text opens with the <title>: the headline joined to the site's name."""
    lines = [f"{HEADLINE} | Example Fitness", "", HEADLINE, *PROSE]
    result = cleaner.clean("\n".join(lines))
    assert [(r.line_no, r.kind) for r in result.removed] == [(1, Kind.DUPLICATE)]
    assert "page's title: line 3" in result.removed[0].reason
    assert HEADLINE in result.text.splitlines()


def test_a_section_before_the_headline_counts_as_the_sites_words() -> None:
    lines = [HEADLINE, f"Health | {HEADLINE}", *PROSE]
    result = cleaner.clean("\n".join(lines))
    assert [r.line_no for r in result.removed] == [2]


def test_a_bar_line_that_repeats_no_other_line_stays() -> None:
    lines = [f"{HEADLINE} | Example Fitness", *PROSE]
    assert cleaner.clean("\n".join(lines)).removed == []


def test_a_table_row_that_holds_a_cell_of_another_line_is_no_title() -> None:
    """A markdown row "|  | Index fund | Managed fund |" split at its bars holds a line of
    the document, but a page title opens with its words, not with a bar."""
    row = "|  | Index fund | Actively managed fund |  |"
    lines = [*PROSE[:3], row, "| Costs | Low | High |", *PROSE[3:], "Actively managed fund"]
    assert row not in [r.text for r in cleaner.clean("\n".join(lines)).removed]


def test_a_joined_line_below_the_top_is_no_page_title() -> None:
    """A page's title stands at its top; further down, "<a line> - <a few words>" is a
    formula, a record or a caption of the article."""
    law = "Newton's second law for the cart"
    lines = [*PROSE, law, *HARBOUR[:3], f"{law} - F = m x a"]
    assert cleaner.clean("\n".join(lines)).removed == []


def test_a_line_that_adds_more_than_a_sites_name_stays() -> None:
    """A sentence that quotes the headline and goes on is not a title."""
    extra = f"{HEADLINE} - the second part of our series looks at the evening meals and sleep"
    lines = [HEADLINE, *PROSE, extra]
    assert cleaner.clean("\n".join(lines)).removed == []


ECHO = (
    "Start the day with a morning oatmeal bowl topped with berries, which keeps you full until "
    "lunch and fuels a morning workout, then a shake"
)


def test_a_long_line_seen_twice_is_an_echo() -> None:
    """A teaser echoing a paragraph of the article: the second copy goes."""
    lines = [*PROSE[:3], ECHO, *PROSE[3:], ECHO]
    result = cleaner.clean("\n".join(lines))
    assert [(r.line_no, r.kind) for r in result.removed] == [(len(lines), Kind.DUPLICATE)]


def test_a_repeat_inside_a_recurring_structure_stays() -> None:
    """Day plans share a template ("Breakfast, eat within an hour of waking" recurs every
    day): a meal that comes back on two of the days is the plan's, not an echo."""
    slot = "Breakfast, eat within an hour of waking"
    days = [
        [f"Day {n}", slot, meal, "Lunch, eat every three hours"]
        for n, meal in enumerate([ECHO, PROSE[3], ECHO, PROSE[4]], start=1)
    ]
    lines = [*PROSE, *(line for day in days for line in day)]
    assert cleaner.clean("\n".join(lines)).removed == []


def test_a_repeat_after_a_recurring_menu_entry_is_still_an_echo() -> None:
    """Menu entries recur in whole-page text; what follows them is no structure."""
    menu = "Weekend Travel Deals"
    lines = [*PROSE[:3], menu, ECHO, menu, "Contact", menu, *PROSE[3:], menu, ECHO]
    result = cleaner.clean("\n".join(lines))
    assert (len(lines), Kind.DUPLICATE) in [(r.line_no, r.kind) for r in result.removed]


def test_a_paragraph_the_article_quotes_among_new_lines_stays() -> None:
    """An article that quotes its own paragraph far below, between lines it says once
    ("Read the opening again." - the paragraph - "Every word of it counts."), or a FAQ
    that answers with a paragraph given above, repeats it on purpose."""
    before = "Read the opening paragraph of the plan again and notice what it asks of you."
    after = "Every word of it counts: the berries and the oats each do a job for the workout."
    lines = [*PROSE[:3], ECHO, *PROSE[3:], before, ECHO, after]
    assert cleaner.clean("\n".join(lines)).removed == []


def test_a_far_repeat_whose_neighbour_repeats_too_is_a_copied_passage() -> None:
    """A passage printed twice repeats the lines around the paragraph too: still an echo."""
    between = "Read the opening paragraph of the plan again and notice what it asks of you."
    lines = [*PROSE[:3], ECHO, PROSE[3], *PROSE[4:], between, ECHO, PROSE[3]]
    removed = [(r.line_no, r.kind) for r in cleaner.clean("\n".join(lines)).removed]
    assert (len(lines) - 1, Kind.DUPLICATE) in removed


def test_a_repeat_the_article_introduces_stays() -> None:
    """A lead-in ending in ':' introduces a repeat the article makes on purpose (a
    definition stressed, a code line taken apart); a field's label or a reply's header
    over a quoted post does not."""
    lead_in = "Let us repeat that, with emphasis:"
    lines = [*PROSE[:3], ECHO, lead_in, ECHO, *PROSE[3:]]
    assert cleaner.clean("\n".join(lines)).removed == []
    # Far from the first copy, it is a reply quoting a post further up the page.
    far = [*PROSE[:3], ECHO, *PROSE[3:], "Here is what the first reply said about that:", ECHO]
    removed = [(r.line_no, r.kind) for r in cleaner.clean("\n".join(far)).removed]
    assert removed == [(len(far), Kind.DUPLICATE)]
    for label in ("Updated:", "Jane Doe wrote:"):
        lines = [*PROSE[:3], ECHO, label, ECHO, *PROSE[3:]]
        removed = [(r.line_no, r.kind) for r in cleaner.clean("\n".join(lines)).removed]
        assert removed == [(6, Kind.DUPLICATE)]


def test_a_repeated_lead_in_is_part_of_a_copied_passage() -> None:
    """A reply quoting a post copies its lead-in too: the copy after it is an echo."""
    lead_in = "Here is what I will eat on the first day of the plan:"
    lines = [*PROSE[:2], lead_in, ECHO, PROSE[2], lead_in, ECHO, *PROSE[3:]]
    removed = [(r.line_no, r.kind) for r in cleaner.clean("\n".join(lines)).removed]
    assert (7, Kind.DUPLICATE) in removed


CONTENTS = ["Why the plan works", "What to eat on a workout day", "How to adjust the portions"]


def test_the_first_subhead_after_a_table_of_contents_stays() -> None:
    """A table of contents lists the subheads; the first comes back right after it, and
    each is followed by its section's prose: no echo."""
    sections = [line for n, head in enumerate(CONTENTS) for line in (head, *PROSE[2 * n :][:2])]
    for top in ([], ["A meal plan for four weeks of training"]):
        lines = [*top, "Contents", *CONTENTS, *sections]
        assert cleaner.clean("\n".join(lines)).removed == []


def test_a_doubled_pair_of_sentences_is_no_table_of_contents() -> None:
    """A passage printed twice (a title and its teaser) is an echo, even though the line
    between the copies comes back: it is a sentence, not a title."""
    teaser = "A light soup and grilled fish make the evening meal, rich enough in protein."
    lines = [*PROSE, "The evening meal", teaser, "The evening meal", teaser, PROSE[0]]
    removed = [r.line_no for r in cleaner.clean("\n".join(lines)).removed]
    assert len(PROSE) + 3 in removed


def test_an_interviews_short_answers_after_its_prose_stay() -> None:
    """Questions and answers go on past the last long answer, in the same "Q:"/"A:" form;
    short off-topic answers are the interview's, not a list of other stories."""
    interview = [
        f"Q: {PROSE[0]}",
        f"A: {PROSE[1]}",
        f"Q: {PROSE[2]}",
        f"A: {PROSE[3]}",
        f"Q: {PROSE[4]}",
        f"A: {PROSE[5]}",
        "Q: Favorite childhood memory?",
        "A: A Trip To Lisbon With My Grandparents",
        "Q: Favorite places you have visited?",
        "A: Tie Between Istanbul And Cape Town",
    ]
    assert cleaner.clean("\n".join(interview)).removed == []


HARBOUR = [
    "The city council voted on Tuesday to rebuild the old harbour bridge, which has been closed "
    "to traffic since a storm damaged two of its pillars last winter.",
    "Engineers told the council that the bridge could be repaired for less than a new one "
    "would cost, but that the repaired pillars would need inspection every year.",
    "Residents of the harbour district have waited months for the bridge to reopen, and shop "
    "owners on both banks say their trade has fallen by a third since it closed.",
    "The council's plan keeps the bridge's stone arches and replaces the two damaged pillars "
    "with steel ones set deeper into the harbour floor than the old foundations.",
    "Work on the bridge is to start in the spring and should take eighteen months, during "
    "which a ferry will carry pedestrians and cyclists across the harbour.",
    "The mayor said the vote showed that the council listened to the harbour district, and "
    "promised monthly reports on the cost and progress of the bridge works.",
]
MARKETS = [
    "Markets",
    "Stocks slip as investors weigh interest rates",
    "Investors sold shares of banks and insurers as bond yields rose for a third day.",
    "Oil prices climb on supply worries",
    "Oil traders and investors bet that producers will keep cutting supply into next year.",
    "Tech shares lead a rally on Wall Street",
    "Chip makers gained as investors bought shares after strong quarterly results.",
    "Gold steadies as the dollar weakens",
    "Investors bought gold and sold dollars after weak factory data from the United States.",
    "Bond yields rise ahead of central bank meeting",
    "Traders and investors expect the central bank to keep interest rates high for longer.",
]


def test_teasers_that_share_words_with_each_other_do_not_vouch_for_one_another() -> None:
    """A sidebar's teasers are prose about one subject (markets), but not the article's:
    the article's words are those of its long paragraphs, so the sidebar is off-topic."""
    result = cleaner.clean("\n".join(HARBOUR + MARKETS))
    assert [r.text for r in result.removed] == MARKETS
    assert {r.kind for r in result.removed[1:]} == {Kind.RELATED}


def test_the_articles_last_sentence_is_no_teaser_of_the_list_after_it() -> None:
    """A short last paragraph that shares no word with the article's topic, right after
    it, is no teaser: no headline stands above it. The list of other stories after it
    still goes, from its first headline on."""
    last = "Officials said the two cases appear to be unrelated."
    result = cleaner.clean("\n".join([*HARBOUR, last, *MARKETS[1:]]))
    assert [r.text for r in result.removed] == MARKETS[1:]


def test_a_line_on_the_articles_topic_is_no_heading_of_the_list_after_it() -> None:
    """A short label right above a list of other stories is taken as its heading
    ("Markets"); one that shares the article's words is the article's own (a last item, a
    subhead), and stays while the list under it goes."""
    own = "Harbour bridge pillars repaired"
    result = cleaner.clean("\n".join([*HARBOUR, own, *MARKETS[1:]]))
    assert [r.text for r in result.removed] == MARKETS[1:]


def test_short_paragraphs_in_the_articles_words_stay_beside_its_long_ones() -> None:
    short = [
        "The harbour bridge carried eight thousand cars a day before the storm.",
        "Shop owners on the harbour welcomed the council's vote on the bridge.",
        "A ferry will cross the harbour while the bridge is rebuilt.",
    ]
    interleaved = [HARBOUR[0], short[0], HARBOUR[1], short[1], HARBOUR[2], short[2], *HARBOUR[3:]]
    text = "\n".join(interleaved)
    assert cleaner.clean(text).removed == []


FACT_BOX = [
    "2024.04.05 ~ 2025.10.30",
    "Tue – Sat 9AM (Closed on Sun & Mon)",
    "FERRY",
    "www.harbour-ferry.example",
    "Adult : 3.50",
    "Child : 1.20",
    "Inquiry",
    "02-751-1500",
]


def test_a_fact_box_after_the_article_stays() -> None:
    """Dates, prices, a phone number: junk by their shape, but with no boilerplate on that
    side of the article they are its own fact box, as an extractor's output often ends."""
    assert cleaner.clean("\n".join(HARBOUR + FACT_BOX)).removed == []


def test_the_same_lines_beside_a_page_footer_are_furniture() -> None:
    footer = ["Privacy Policy", "Terms of Use", "© 2024 Harbour Times. All rights reserved."]
    result = cleaner.clean("\n".join(HARBOUR + FACT_BOX + footer))
    assert {r.text for r in result.removed} >= set(FACT_BOX[2:] + footer)
    assert all(p in result.text for p in HARBOUR)


def test_a_comments_link_under_a_long_disclaimer_ends_no_article() -> None:
    """A share bar's "Comments" link starts no comment section when the article's prose
    follows it: the long disclaimer a rule took above it is no article for it to end."""
    disclaimer = (
        "Disclaimer: The views and opinions expressed by the writers on this website are "
        "their own and do not necessarily reflect the views of the publisher, and nothing "
        "here constitutes financial advice or a recommendation to buy or sell any security."
    )
    bar = ["Facebook", "Twitter", "Comments", "Print", "Email"]
    result = cleaner.clean("\n".join([disclaimer, *bar, *HARBOUR]))
    assert all(p in result.text for p in HARBOUR)
    assert disclaimer not in result.text


def test_furniture_removed_in_an_earlier_pass_still_separates() -> None:
    """The comment section goes in the first pass (its start cuts the rest); the second
    pass no longer sees it, yet the tags above it are still known to sit in furniture, in
    a page's text (a rule names furniture above the article). After an extractor's output
    the comments show nothing of the lines above them, which may be the article's own
    list (see test_structure), and stay."""
    tags = ["Harbour Bridge", "Bill Hoppe", "Sports Desk"]
    comments = [
        "View Comments",
        "I drove over that bridge every day for twenty years and I am glad the council "
        "finally decided to fix it.",
        "The ferry will be a nightmare for commuters, and eighteen months is far too "
        "optimistic for work like this.",
        "Good news for the shops on the harbour, they have suffered long enough since the "
        "storm closed the bridge.",
    ]
    result = cleaner.clean("\n".join(["Skip to content", *HARBOUR, *tags, *comments]))
    assert [r.text for r in result.removed] == ["Skip to content", *tags, *comments]
    assert [r.kind for r in result.removed[1:4]] == [Kind.NAVIGATION] * 3
    alone = cleaner.clean("\n".join(HARBOUR + tags + comments))
    assert [r.text for r in alone.removed] == comments


def test_a_comment_link_in_the_menu_at_the_top_ends_nothing() -> None:
    """A "comments" entry in the site's menu above a page of listings is no comment
    section's start: nothing stands before it for it to end, so the listings stay."""
    menu = ["Harbour Jobs", "new", "|", "past", "|", "comments", "|", "ask", "|", "jobs"]
    jobs = [
        "Harbour Ferries is hiring deckhands for the summer season",
        "Quay Bakery (est. 1998) is hiring a night baker",
        "Pier Books is hiring a part-time bookseller in the old town",
        "Harbour Council is hiring two bridge engineers for the repair",
        "Lighthouse Trust is hiring volunteers for weekend tours",
    ]
    result = cleaner.clean("\n".join(menu + jobs))
    assert all(j in result.text.splitlines() for j in jobs), result.removed
    decision = next(d for d in cleaner.explain("\n".join(menu + jobs)) if d.text == "comments")
    assert "no article for it to end" in decision.reason


def test_short_lines_under_lead_ins_after_the_article_are_no_menu() -> None:
    """A line ending in a colon introduces what follows ("Lanes before:"): the short
    lines under such lead-ins are the article's own lists (a diagram, a before and
    after), and the lead-ins are no menu entries to make a run of them."""
    lists = ["Lanes before:", "North lane", "South lane", "Lanes after:", "Middle lane", "Bus lane"]
    result = cleaner.clean("\n".join(HARBOUR + lists))
    assert result.removed == []


@pytest.mark.parametrize("end", [".", ". jd", ""])
def test_a_short_article_above_the_pages_longer_prose_stays(end: str) -> None:
    """Whole-page text: a short article, then a list of other stories, then a longer
    text on one theme (a shop's blurb) that the span takes for the article. Junk above an
    article is menus, labels and short teasers: whole paragraphs there are the article's
    own, even when they share no words with what the span found, and even when the last
    one's last sentence lacks its stop or the author's initials follow it."""
    menu = ["Home", "News", "Sport", "Weather", "Contact"]
    article = [
        "The council voted on Tuesday to close the old harbour crossing for eighteen months "
        "after engineers found deep cracks in two of its stone pillars during the spring "
        "inspection.",
        "Commuters will take a ferry across the water while the pillars are rebuilt. The "
        "mayor promised that traffic would return before the summer of next year at the latest"
        + end,
    ]
    stories = [
        "Most read:",
        "Harbour festival draws record crowds",
        "New school opens in the old town",
        "Ferry fares to rise in the spring",
        "Advertisement",
    ]
    blurb = [
        "Our bakery bakes bread by hand every morning, and every loaf of bread from our "
        "bakery is baked in the wood oven of the bakery on the market square.",
        "The bakery bakes rye bread, spelt bread and wheat bread in the wood oven, and the "
        "bread is sold warm at the bakery counter on the market square every morning.",
        "Every loaf of bread at the bakery rests overnight before it is baked in the wood "
        "oven, which gives the bread of our bakery its dark crust and soft crumb.",
        "On Saturdays the bakery bakes cinnamon rolls in the wood oven as well as bread, and "
        "the queue for bread at our bakery reaches the fountain on the market square.",
        "The bakery delivers bread from the wood oven to the villages every Tuesday, and the "
        "bakery van carries every loaf of bread to the market square of each village.",
    ]
    result = cleaner.clean("\n".join(menu + article + stories + blurb))
    kept = result.text.splitlines()
    assert all(p in kept for p in article), result.removed
    assert not any(s in kept for s in stories[:4])


def test_a_question_headline_under_a_related_heading_goes() -> None:
    """A headline may ask a question; under "You may also like" it is one of the list's
    entries, and the list goes on after it."""
    related = [
        "You may also like...",
        "Who will pay for the new harbour ferry?",
        "Council Approves Budget For Coastal Flood Defences",
        "Old Lighthouse Reopens To Visitors After Restoration",
    ]
    result = cleaner.clean("\n".join(HARBOUR + related))
    assert [r.text for r in result.removed] == related
    assert {r.rule for r in result.removed} == {"related.heading"}


def test_a_related_headings_run_goes_on_past_each_storys_date() -> None:
    """Lists of other stories print a date (a section, a byline) over each headline. A
    rule takes the date; the headlines under the heading are still the list's, on the
    article's subject as they are."""
    dated = [
        "Related Articles",
        "May 3, 2024",
        "Harbour bridge repairs to start in the spring",
        "April 28, 2024 / Transport",
        "Council backs new ferry across the harbour",
        "April 20, 2024",
        "Harbour shops count the cost of the bridge closure",
    ]
    result = cleaner.clean("\n".join(HARBOUR + dated))
    assert [r.text for r in result.removed] == dated
    assert {r.rule for r in result.removed[1::2]} == {"timestamp.date"}


def test_a_question_sentence_after_a_related_heading_stops_its_run() -> None:
    """Prose that asks (more than a headline's words, or more than one sentence) is not a
    headline: the run stops there and the scorer judges the line."""
    asks = (
        "Will the ferry that replaces the harbour bridge during the works carry cyclists "
        "as well as pedestrians and their dogs?"
    )
    text = "\n".join([*HARBOUR[:3], "Related stories:", asks, *HARBOUR[3:]])
    result = cleaner.clean(text)
    assert [r.text for r in result.removed] == ["Related stories:"]


def test_a_related_headings_run_ends_before_the_articles_own_headline() -> None:
    """Whole-page text: a site's menu holds a "Latest news" entry, so its run takes the
    section names under it; it stops at the article's headline, right above the
    article's first paragraph and on its topic, which another story's headline is not."""
    menu = ["Skip to content", "Now", "Latest news", "Politics", "Sport", "Economy", "Opinion"]
    headline = "Fuel prices in the region keep rising despite the government's fuel subsidy"
    body = [
        "Fuel prices in the region rose again this week despite the fuel subsidy that the "
        "government approved last month, according to the energy ministry.",
        "The ministry said the rise in fuel prices was moderate and that the fuel subsidy had "
        "kept the price of diesel below last year's peak for most drivers.",
        "Petrol stations in the capital raised the price of regular petrol by a few cents on "
        "Monday, and drivers queued at the stations that had not yet raised their prices.",
        "The fuel subsidy costs the government about two hundred million a month, and the "
        "finance ministry has warned that it cannot be paid for beyond the end of the year.",
        "Opposition politicians said the subsidy helped the wrong people and called for a "
        "targeted payment to families who depend on their cars for work.",
        "The energy ministry will publish new fuel prices every Monday until the end of the "
        "subsidy, it said, so that drivers can see how much they save.",
    ]
    result = cleaner.clean("\n".join([*menu, headline, *body]))
    assert [r.text for r in result.removed] == menu
    assert result.text.splitlines() == [headline, *body]


def test_a_related_heading_that_heads_the_articles_next_paragraph_is_a_subhead() -> None:
    """A related heading's rule matches "More from the survey", but no headline follows:
    the article's next long paragraph does, on its topic and taking up its words. It is
    the article's subhead, and stays in every mode that keeps subheads."""
    survey = [
        "A survey of a thousand small businesses in the region found that two in three plan "
        "to hire more staff this year, the highest share since the survey began.",
        "The survey, carried out by the regional chamber of commerce in January, also found "
        "that most businesses expect their sales to grow, though more slowly than last year.",
        "More from the survey",
        "The survey found that businesses in the survey's smaller towns were more optimistic "
        "than those in the city, with three in four of them planning to hire this year.",
        "The chamber said the survey's results would be sent to the regional government, "
        "which is due to publish its own plan for small businesses in the spring.",
    ]
    for mode in ("balanced", "conservative"):
        assert cleaner.Cleaner(mode=mode).clean("\n".join(survey)).removed == [], mode


def test_a_long_headline_in_capitals_off_the_articles_topic_goes() -> None:
    """A link to another story, set in capitals between the article's paragraphs."""
    teaser = "CITY COUNCIL APPROVES NEW PARKING RULES FOR THE HARBOUR DISTRICT"
    result = cleaner.clean("\n".join([*PROSE[:3], teaser, *PROSE[3:]]))
    assert [r.text for r in result.removed] == [teaser]
    assert result.removed[0].kind is Kind.RELATED
    assert all(p in result.text for p in PROSE)


def test_a_subhead_in_capitals_on_the_articles_topic_stays() -> None:
    """The article's own subhead in capitals repeats its words, however long."""
    subhead = "WHY THE RECOVERY PROTEIN SHAKE AFTER THE WORKOUT MATTERS FOR YOUR MUSCLES"
    short = "THE AFTERNOON"
    text = "\n".join([*PROSE[:2], subhead, *PROSE[2:4], short, *PROSE[4:]])
    assert cleaner.clean(text).removed == []


LISTING = [
    "Our Recipes",
    "Welcome to the recipe index, where our kitchen team collects the dishes readers cook "
    "most often at home.",
    "Slow Roasted Tomato Soup With Basil",
    "A rich soup for cold evenings, made with tomatoes roasted for two hours and finished "
    "with cream.",
    "Crispy Chickpea Salad For Busy Weeknights",
    "Toss roasted chickpeas with cucumber, feta and lemon for a lunch that keeps well in the "
    "fridge.",
    "The Best Banana Bread We Have Ever Baked",
    "Brown butter and very ripe bananas make a loaf that stays moist for days on the counter.",
    "Five Minute Garlic Noodles",
    "Noodles tossed with garlic butter, soy sauce and parmesan, ready before the kettle boils.",
    "Sheet Pan Chicken With Winter Vegetables",
    "Everything roasts on one tray, so dinner needs one pan and almost no washing up afterwards.",
]


def test_a_listing_pages_items_are_its_content() -> None:
    """Headlines and teasers of different dishes after a one-line introduction: a list
    that outweighs the "article" before it is the page itself, not a tail of other
    stories. No heading names it as one, so it stays."""
    assert cleaner.clean("\n".join(LISTING)).removed == []


def test_the_same_items_after_a_full_article_are_its_tail() -> None:
    """After an article longer than the list, the same headlines and teasers are other
    stories."""
    text = "\n".join([*HARBOUR, *LISTING[2:]])
    assert [r.text for r in cleaner.clean(text).removed] == LISTING[2:]


def test_headlines_too_short_to_weigh_are_no_other_stories() -> None:
    """Lines shaped as headlines after an extractor's output, but with too few content
    words for their topic to be known: nothing shows them to be other stories' (a visit's
    practical details end the article), so they stay; headlines off the article's topic
    in the same place go (``test_the_same_items_after_a_full_article_are_its_tail``)."""
    details = [
        "Doors open at ten in the morning",
        "It is free for all of the children",
        "You can find us down by the water",
        "See you all there on the day",
    ]
    assert cleaner.clean("\n".join([*HARBOUR, *details])).removed == []


def test_a_sentence_broken_at_its_links_stays_whole() -> None:
    """Some extractors end a line at every link, with a blank line after it: the pieces
    of the last sentence open in lower case and are not headlines of other stories."""
    pieces = [
        "It would hardly be surprising if the gym dropped the old plan, which members have"
        " complained about for years because of",
        "missed sessions, double bookings and lost payments",
        "since it opened in 2016. The owners still offer free sessions to members as part of their",
        "loyalty programme",
    ]
    text = "\n\n".join([*PROSE, *pieces])
    assert cleaner.clean(text).removed == []


SHORT_ARTICLE = [
    "Repairs to the harbour bridge will close two of its four lanes from March until the end "
    "of the summer, the port authority said on Tuesday, after engineers found corrosion in "
    "the steel cables that hold the deck above the shipping channel and warned that the "
    "damage would spread if the work waited another winter.",
    "The authority expects the closure to add about twenty minutes to the morning commute "
    "across the harbour, and it has asked employers in the port district to let staff start "
    "later, while ferries between the two shores will run every ten minutes instead of every "
    "half hour until the cables have been replaced.",
]
SERVICES_PAGE = [
    "Our Services",
    "Consulting",
    "Our consultants help clients plan budgets, hire staff and choose suppliers for growth.",
    "Learn More",
    "Training",
    "Workshops for managers teach clients how to lead teams and plan budgets with confidence.",
    "Learn More",
    "Recruitment",
    "We find and hire staff for clients, from managers to suppliers' teams, in every region.",
    "Learn More",
    "Outsourcing",
    "Clients hand us payroll and budgets, so that managers can lead their teams and grow.",
    "Learn More",
    "Our consultants plan, hire and train with clients in every region we serve today.",
]


def test_a_short_article_of_two_long_paragraphs_on_a_page_of_other_prose_stays() -> None:
    """Two long paragraphs side by side are one text: they vouch for each other's topic,
    even where the rest of the page's prose is about something else."""
    text = "\n".join(["Home", "News", "Harbour bridge to close two lanes", *SHORT_ARTICLE])
    result = cleaner.clean("\n".join([text, *SERVICES_PAGE]))
    assert all(p in result.text for p in SHORT_ARTICLE)


GEAR_MENU = ["Home", "Gear", "Trails", "Skills", "About", "Search", "Sign in"]
CHECKLIST_BODY = [
    "Packing light matters more than any single piece of gear, because every extra pound "
    "of gear on a backpacking trip is carried up every hill of the trail.",
    "Start each backpacking trip by laying out all of your gear on the floor, then check "
    "every item of gear against the checklist and leave behind what you do not need.",
    "Your shelter and your sleeping gear are the heaviest groups of gear on the checklist, "
    "so those are the places where a lighter choice saves the most weight on the trail.",
    "Cooking gear is easy to overpack on a backpacking trip: one pot, one stove and one mug "
    "are enough for most trips, and the fuel you need depends on the length of the trip.",
    "Check the weather before every backpacking trip and adjust the checklist to it, adding "
    "warm layers of clothing for the cold and leaving the heavy rain gear at home.",
    "Finally, tell a friend where you are going and when you expect to be back from the "
    "trail, and leave a copy of your backpacking route with them before you set off.",
]


GEAR_GROUPS = {
    "FIRST AID": ["Plasters", "Gauze pads", "Tape", "Tweezers", "Safety pins", "Blister pads"],
    "MAPS AND COMPASS": ["Map", "Compass", "Watch", "Whistle"],
    "CLOTHING": ["Rain jacket", "Rain trousers", "Fleece", "Base layers", "Hat", "Socks"],
    "TOOLS": ["Knife", "Head torch", "Batteries", "Power bank", "Duct tape", "Cord"],
    "KITCHEN": ["Stove", "Pot", "Fuel", "Lighter", "Mug"],
    "SLEEP": ["Sleeping bag", "Sleeping pad", "Pillow"],
}
CHECKLIST = [line for heading, items in GEAR_GROUPS.items() for line in [heading, *items]]


def test_a_checklist_between_the_articles_introduction_and_its_body_stays() -> None:
    """Whole-page text: the article opens with two paragraphs, lists its gear in groups
    of short lines, and only then goes on in prose, which the span takes for the article.
    The introduction on the article's topic, found again past the list, shows that the
    article goes on there: the list is its own, not a menu or furniture before it. The
    site's menu above the introduction still goes; aggressive lets the list go too."""
    intro = [
        "We have spent years of backpacking trips refining the gear we carry, and this "
        "backpacking checklist is the list we pack from before every trip into the hills.",
        "The backpacking checklist is split into groups of gear so that you can check each "
        "group of gear off in turn, and it marks the optional gear for longer trips.",
    ]
    checklist = list(CHECKLIST)
    checklist[12:12] = ["Always carry a map and compass, even when you plan to use your phone."]
    text = "\n".join([*GEAR_MENU, *intro, *checklist, *CHECKLIST_BODY])
    for mode in ("balanced", "conservative"):
        result = cleaner.Cleaner(mode=mode).clean(text)
        assert result.text.splitlines() == [*intro, *checklist, *CHECKLIST_BODY], mode
    aggressive = cleaner.Cleaner(mode="aggressive").clean(text)
    assert set(GEAR_GROUPS["TOOLS"]) <= {r.text for r in aggressive.removed}


def test_a_checklist_between_the_articles_body_and_its_closing_paragraphs_stays() -> None:
    """The same after the article: its closing paragraphs, found again past a checklist,
    enclose it. The comments after the named heading of their section still go."""
    closing = [
        "Once the backpacking checklist is done, weigh your pack with all of the gear in it "
        "and take out whatever gear you can do without before the trip.",
        "We update this backpacking checklist every year after our own trips, adding the "
        "gear that earned its place in the pack and dropping the gear that did not.",
    ]
    comments = [
        "Leave a Reply",
        "Great backpacking checklist, I printed it out and took it on my last trip.",
        "You forgot the spare socks, they are the most important gear on a wet trip.",
    ]
    text = "\n".join([*GEAR_MENU, *CHECKLIST_BODY, *CHECKLIST, *closing, *comments])
    for mode in ("balanced", "conservative"):
        result = cleaner.Cleaner(mode=mode).clean(text)
        assert result.text.splitlines() == [*CHECKLIST_BODY, *CHECKLIST, *closing], mode


def test_a_standfirst_alone_does_not_keep_the_sidebar_under_it() -> None:
    """One paragraph on the article's topic above a column of other stories' headlines
    is its standfirst: the article does not go on there, and the headlines still go."""
    standfirst = (
        "Our backpacking checklist covers every piece of gear you need for a trip into the "
        "hills, from the tent and the stove to the first aid kit and the spare socks."
    )
    sidebar = [
        "Council approves new bus lanes on the ring road",
        "Teenager rescued from river after night-time swim",
        "Shipyard workers remembered at memorial service",
        "Bank raises interest rates for the third time this year",
    ]
    text = "\n".join([*GEAR_MENU, standfirst, *sidebar, *CHECKLIST_BODY])
    result = cleaner.clean(text)
    assert {r.text for r in result.removed} >= set(sidebar)
    assert standfirst in result.text.splitlines()


def test_a_list_the_article_goes_on_after_stays_in_a_pages_text() -> None:
    """In a page's text (furniture named above the article), steps too short for their
    topic to be weighed, after an article too short to have one, with the article going
    on under them: nothing shows them to be other stories, the headlines past the share
    line do not vouch for them. Without the sentence under them, a run of such lines
    before the barrier is the page's, as it was."""
    page_top = ["Skip to content", "Home", "News", "Sport", "Business", "Culture"]
    intro = [
        "Repotting a houseplant is easier than many people think, and spring is the best time "
        "to do it, when the plant is starting to grow again after the dark months.",
        "You will need a pot one size larger than the current one, fresh potting mix suited "
        "to the plant, and a watering can, and some newspaper to spread on the table.",
    ]
    steps = [
        "Water the plant a day before",
        "Gently remove it from its pot",
        "Loosen the roots with your fingers",
        "Add fresh mix to the new pot",
        "Set the plant at the same depth",
    ]
    going_on = (
        "With a little care, most plants recover within a few days and will reward you with "
        "new growth by summer."
    )
    page_end = [
        "Share this article",
        "Most read",
        "Heatwave forces schools to close early across the south",
        "Police hunt man after jewellery shop raid in city centre",
        "Football club sacks manager after fifth defeat in a row",
    ]
    kept = cleaner.clean("\n".join([*page_top, *intro, *steps, going_on, *page_end])).text
    assert all(line in kept.splitlines() for line in [*intro, *steps, going_on])
    assert not any(line in kept for line in page_end)
    gone = cleaner.clean("\n".join([*page_top, *intro, *steps, *page_end])).text
    assert not any(line in gone.splitlines() for line in steps)


def test_the_line_over_the_articles_first_paragraph_ends_no_menu() -> None:
    """A table of contents above the article reads as a menu, and the article's first
    subhead, right under it, as its last entry: but that subhead stands over the first
    paragraph, which takes up its words, so it stays (and so does a headline under a
    site's menu in a page's text)."""
    toc = ["Table of Contents", "Temperature ratings", "Down or synthetic", "Shape and fit"]
    body = [
        "Temperature ratings",
        "Every sleeping bag comes with a temperature rating, but the numbers are not always "
        "comparable between brands, and most people sleep colder than the rating suggests.",
        "Look for bags tested to the ISO 23537 standard, which gives a comfort rating and a "
        "lower limit, and choose a comfort rating below the coldest night you expect.",
        "Down or synthetic",
        "Down is lighter and packs smaller for the same warmth, but loses most of its "
        "insulation when wet, which matters on long trips in damp climates.",
        "Shape and fit",
        "Mummy bags are the warmest for their weight because there is less air to heat, while "
        "rectangular bags give more room to move at night.",
    ]
    result = cleaner.clean("\n".join([*toc, *body]))
    assert [r.text for r in result.removed] == toc
    menu = ["Skip to content", "Home", "News", "Sport", "Business"]
    headline = "Sleeping bag ratings explained"
    page = cleaner.clean("\n".join([*menu, headline, *body[1:3]]))
    assert [r.text for r in page.removed] == menu
