"""The article's own structures (lists, code, records) stay; menus and story lists still go.

Each case here is a family of losses seen on pages nobody tuned for (issue 21): the
article's checklist, code or schedule read as a menu, breadcrumbs or a list of other
stories. And each has its counterpart: the page's menu or story list, which positive
evidence (a barrier a rule names, a headline list's shape) still removes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.features import FeatureTable, extract
from cleaner.heuristics import DEFAULT, MODES
from cleaner.language import stoplist
from cleaner.structure import Structure, _program_text, code_like, structures

PROSE = [
    "Backpacking takes more planning than a day hike, because everything you need for the "
    "night has to fit on your back and be carried up every hill along the trail.",
    "We have organised our gear list into groups so that you can check your pack the night "
    "before a trip and leave nothing important behind at the trailhead.",
    "Weight matters most for the shelter and the sleeping system, so spend your money there "
    "before you buy the lightest possible cooking kit for the trail.",
    "Water is the heaviest thing you carry, so plan your route around springs and streams and "
    "carry a filter rather than several litres on every stage of the hike.",
    "Finally, check the weather forecast and the trail conditions before you leave, and tell "
    "someone at home where you are going and when you expect to return.",
]
CHECKLIST = [
    "SHELTER",
    "- Tent",
    "- Rainfly",
    "- Stakes",
    "- Guylines",
    "SLEEP SYSTEM",
    "- Sleeping bag",
    "- Sleeping pad",
    "- Pillow",
]


def removed(text: str) -> list[str]:
    return [r.text for r in cleaner.clean(text).removed]


def structures_of(lines: list[str]) -> list[Structure | None]:
    """The structures of English lines of text input (no markup, nothing named)."""
    table = stoplist("en")
    found = FeatureTable.of(extract(v, table) for v in lines)
    none = [False] * len(lines)
    return structures(lines, found, none, none, DEFAULT.structure)


def test_a_checklist_after_the_article_stays() -> None:
    """Short bulleted items under short group headings are a list, not a menu."""
    assert removed("\n".join(PROSE + CHECKLIST)) == []


def test_a_checklist_before_the_article_stays() -> None:
    assert removed("\n".join(CHECKLIST + PROSE)) == []


def test_the_items_of_an_introduced_list_stay() -> None:
    items = ["Tent", "Stove", "Headlamp", "Water filter", "First aid kit"]
    assert removed("\n".join([*PROSE, "Here is what to bring on every trip:", *items])) == []


HIGHLIGHTS = [
    "The Old Fire Lookout Opens Its Doors to Visitors Again",
    "A Wooden Bridge Crosses the Gorge Below the Falls",
    "Wild Blueberries Ripen Along the Northern Slopes",
]


def test_a_two_word_lead_in_that_a_verb_ends_introduces_a_list() -> None:
    """A lead-in like "Highlights include:" introduces the article's list as "Here is
    what to bring:" does: its headline-shaped items stay, and the list of other stories
    under a heading that names it still goes."""
    related = ["More stories", *STORY_HEADLINES]
    text = "\n".join([*PROSE, "Highlights include:", *HIGHLIGHTS, *related])
    assert removed(text) == related


@pytest.mark.parametrize("label", ["Search for:", "Jump to:", "Share this:", "Key features:"])
def test_a_two_word_label_introduces_no_list(label: str) -> None:
    """A two-word label that no verb ends ("Search for:", "Jump to:") introduces no list
    of the article's: the lines under it are no items by that alone."""
    assert structures_of([label, *HIGHLIGHTS]) == [None] * 4
    assert structures_of(["Highlights include:", *HIGHLIGHTS]) == [None] + [Structure.LIST] * 3


def test_past_a_named_barrier_a_list_is_the_pages() -> None:
    """A copyright line, a rule-named barrier, separates the page's footer menu from the
    article: there the same short lines are a menu."""
    menu = ["- Home", "- Sections", "- Contact Us", "- Careers", "- Advertise"]
    text = "\n".join([*PROSE, "© 2024 Harbour Media Ltd. All rights reserved.", *menu])
    assert set(menu) <= set(removed(text))


CODE = [
    "function parseLine(line) {",
    "  const equalsIndex = line.indexOf('=')",
    "  if (equalsIndex === -1) {",
    "    return null",
    "  }",
    "  return { name, value }",
    "}",
    "B --> B1[Caches frequently accessed data]",
    "git add hello.py",
]


def test_a_code_block_stays() -> None:
    """Short symbol-heavy lines after the article are code, not a menu or breadcrumbs."""
    assert removed("\n".join(PROSE + CODE)) == []


PLAN = [
    "EXPLAIN ANALYZE SELECT * FROM tickets t JOIN ferries f ON (t.fid=f.fid);",
    "Nested Loop (cost=0.00..4141.00 rows=99999 width=461) (actual time=0.039..56.582 "
    "rows=99999 loops=1)",
    "-> Seq Scan on ferries f (cost=0.00..1.01 rows=1 width=364) (actual time=0.025..0.026 "
    "rows=1 loops=1 workers=2)",
    "-> Seq Scan on tickets t (cost=0.00..2890.00 rows=99999 width=97) (actual "
    "time=0.008..25.752 rows=99999 loops=1 workers=2)",
    "Filter: (price < 100000)",
    "Planning Time: 0.306 ms",
]


def test_program_outputs_repeated_lines_stay() -> None:
    """A query plan prints settings as key=value: its lines are program output, a code
    block, and the second plan repeats lines of the first on purpose."""
    buffers = [
        "Nested Loop (cost=0.00..4141.00 rows=99999 width=461) (actual time=0.041..57.001 "
        "rows=99999 loops=1)",
        "Buffers: shared hit=3 read=1638",
        PLAN[2],
        "Buffers: shared hit=1",
        PLAN[3],
        PLAN[4],
        "Buffers: shared hit=2 read=1638",
    ]
    text = "\n".join([*PROSE[:3], *PLAN, PROSE[3], *buffers, PROSE[4]])
    assert removed(text) == []


def test_code_lines_are_recognised_and_sentences_about_code_are_not() -> None:
    table = stoplist("en")

    def code(line: str) -> bool:
        one = FeatureTable.of([extract(line.strip(), table)])
        return code_like(line, one, 0, DEFAULT.structure)

    assert all(code(CODE[k]) for k in (0, 1, 2, 4))
    assert code("// Find the position of the = sign")
    assert not code("Use the equals sign to separate the name from the value.")
    assert not code("The council approved the budget (after a long debate).")


def test_records_that_share_a_template_stay() -> None:
    weeks = [
        "Week 1: Easy runs and one long run of eight kilometres",
        "Week 2: Add a tempo session on Thursday",
        "Week 3: Long run grows to fourteen kilometres",
        "Week 4: Recovery week with shorter runs",
    ]
    text = "\n".join(PROSE + weeks)
    assert removed(text) == []
    assert structures_of([line.strip() for line in weeks]) == [Structure.RECORD] * len(weeks)


JOBS = [
    "- Senior Platform Engineer 12d Northwind Labs Berlin Full-Time Remote",
    "- Product Designer For Mobile Apps 3d Harbour Studio Lisbon Full-Time Remote",
    "- Data Analyst In The Growth Team 21d Crane Analytics Oslo Full-Time Remote",
    "- Customer Success Manager For Europe 8d Fieldnote Dublin Full-Time Remote",
]


def test_bulleted_items_that_fill_one_template_are_records_and_stay() -> None:
    """A job board's entries are capitalised and bulleted like a list of more stories,
    but each fills in one template (an age, a company, a town, "Full-Time Remote")."""
    assert structures_of(JOBS) == [Structure.RECORD] * len(JOBS)
    assert removed("\n".join(PROSE + JOBS)) == []


def test_headlines_that_share_a_subject_and_counts_are_no_template() -> None:
    """More stories on one subject share its word, and listicles open with a count: a
    plain number is in any headline, so neither makes a template."""
    more = [
        "- 15 Baby Nursery Must Haves For Tired Parents",
        "- 20 Gorgeous Winter Baby Shower Ideas To Copy",
        "- 12 Printable Baby Shower Games Everyone Loves",
    ]
    assert structures_of(more) == [Structure.LIST] * len(more)
    assert removed("\n".join(PROSE + more)) == more


def test_lines_that_join_two_names_with_one_separator_are_records_and_stay() -> None:
    """A reading list ("<title> by <author>"), fixtures and results ("<team> v <team>",
    "<team> 2-1 <team>"), dates and places: unbulleted, short and capitalised like a menu
    or more stories' headlines, but every line joins two names in one pattern."""
    lists = [
        [
            "The Vineyard Sisters by Anna Clarke",
            "A Winter in Lisbon by Tomás Reis",
            "The Last Ferry by Mark Doyle",
            "Salt and Stone by Helen Ward",
        ],
        ["Real Madrid v Manchester City", "Bayern Munich v Arsenal", "Benfica v Porto"],
        ["Arsenal 2-1 Chelsea", "Everton 0-0 Fulham", "Leeds 1-3 Newcastle", "Wolves 2-2 Brighton"],
        ["March 3 – Dublin, 3Arena", "March 5 – Glasgow, OVO Hydro", "March 8 – Leeds Arena"],
    ]
    for items in lists:
        assert structures_of(items) == [Structure.RECORD] * len(items), items
        assert removed("\n".join([*PROSE, "Our picks", *items])) == [], items
        # Bulleted, as trafilatura renders them: capitalised bulleted headlines no more.
        bulleted = [f"- {item}" for item in items]
        assert structures_of(bulleted) == [Structure.RECORD] * len(items), items
        assert removed("\n".join([*PROSE, *bulleted])) == [], items


def test_headlines_of_other_stories_join_no_names() -> None:
    """Headlines say something about their subjects: "to", "as", "after" join clauses,
    not two names, and no separator recurs in most of them."""
    headlines = [
        "Government announces new plan to cut hospital waiting lists",
        "Storm brings flooding to coastal towns as rivers burst their banks",
        "Police appeal for witnesses after crash on motorway",
        "Shares fall as investors fear interest rate rise",
    ]
    assert structures_of(headlines) == [None] * len(headlines)
    assert set(headlines[1:]) <= set(removed("\n".join(PROSE + headlines)))


# The article's own lists that end an extractor's output without a lead-in or heading,
# whose items name things in a few words: none shares a template or the article's words.
NAMED_THINGS = {
    "schedule": [
        "Doors open at 7pm",
        "Tickets from €45 plus booking fee",
        "Age restriction: 14+",
        "Running time approximately two hours",
    ],
    "results": ["Arsenal 2 Chelsea 1", "Liverpool 3 Everton 0", "Leeds 1 Burnley 1"],
    "features": [
        "Water-resistant aluminium case",
        "Two-day battery life",
        "Wireless charging built in",
        "Free software updates for five years",
    ],
    "listicle": [
        "Buy Fewer Things",
        "Cook at Home More",
        "Cancel Unused Subscriptions",
        "Walk Instead of Driving",
    ],
    "tracks": [
        "Midnight Train to Nowhere",
        "The Long Way Home Again",
        "Paper Houses in the Rain",
        "All the Lights Went Dark",
    ],
    "line-up": ["Jane Smith, vocals", "Tom Brown, guitar", "Ann Lee, bass", "Sam Green, drums"],
}


@pytest.mark.parametrize("items", NAMED_THINGS.values(), ids=NAMED_THINGS.keys())
def test_a_list_of_named_things_after_the_article_is_no_list_of_stories(
    items: list[str],
) -> None:
    """Off the article's topic and shaped like headlines, but each names a thing in a few
    words: a story's headline says something of its subject, in more (issue 21, the
    article's own lists taken for related headlines)."""
    assert removed("\n".join(PROSE + items)) == []
    # The same items as other stories' headlines with their teasers are a list of stories.
    teasers = [
        f"{item}\nWhat happened on day {n}, and what comes next." for n, item in enumerate(items)
    ]
    assert removed("\n".join(PROSE + teasers))


# The blocks an extractor keeps under the article, right below its last list.
UNDER_THE_ARTICLE = {
    "share": ["Share this article", "Follow us on Twitter"],
    "newsletter": ["Sign up for our newsletter to get the latest news in your inbox."],
    "related": [
        "Related stories",
        "Police arrest man after stabbing in city centre",
        "Council approves new budget after long debate",
    ],
    "comments": [
        "Comments",
        "Great article, thanks for sharing this with all of us here!",
        "I went to the last show and it was amazing, highly recommended.",
    ],
}


@pytest.mark.parametrize("block", UNDER_THE_ARTICLE.values(), ids=UNDER_THE_ARTICLE.keys())
@pytest.mark.parametrize("items", NAMED_THINGS.values(), ids=NAMED_THINGS.keys())
def test_a_block_under_the_article_shows_nothing_of_its_list(
    items: list[str], block: list[str]
) -> None:
    """A share line, a newsletter prompt, other stories or the comments follow an
    extractor's output right under the article's own last list: they go, the list stays.
    In a page's text (furniture named above the article) they still show the page's
    furniture."""
    assert removed("\n".join(PROSE + items + block)) == block


def test_comments_after_the_articles_list_are_no_teasers_of_its_items() -> None:
    """Past the heading that starts the comments, the comments are the page's; read as
    teasers, they made the article's list above them a list of stories."""
    comments = [
        "Comments",
        "Great article, thanks for sharing this with all of us here!",
        "I went to the last show and it was amazing, highly recommended.",
    ]
    schedule = NAMED_THINGS["schedule"]
    assert removed("\n".join(PROSE + schedule + comments)) == comments


STORY_HEADLINES = [
    "Police arrest man after stabbing in city centre",
    "Council approves new budget after long debate",
    "Heatwave expected to hit the south this weekend",
    "Local school wins national science award",
]


def test_story_headlines_after_the_article_still_go() -> None:
    """Headlines that tell other stories, with no heading over them: still a story list."""
    assert removed("\n".join(PROSE + STORY_HEADLINES)) == STORY_HEADLINES


def test_a_story_list_starts_at_a_headline_not_at_the_articles_last_sentences() -> None:
    """The article's last sentences may share none of its words (a step of a how-to that
    names a tool); with no headline above them they are no teasers, and a list of other
    stories after them starts at its first headline."""
    more = [
        "A good backpacking trip starts at home, with a gear list, a map of the trail and a "
        "plan for water on every day of the hike.",
        "Pack the heaviest gear close to your back, and keep the water filter, the map and "
        "the rain jacket at the top of the pack.",
        "On the trail, stop every hour to drink water and check the map, and camp early "
        "enough to pitch the shelter before dark.",
    ]
    last = [
        "I export the finished documents as PDF files and upload every one of them to a "
        "chatbot on my laptop.",
        "Then I ask the chatbot to write a summary of each document in a few plain "
        "sentences for my readers.",
    ]
    assert removed("\n".join(PROSE + more + last + STORY_HEADLINES)) == STORY_HEADLINES


CAST = [
    "The cast also includes",
    "Olivia Colman",
    "Jonathan Pryce",
    "Paapa Essiedu",
    "Adrian Lester",
]


def test_short_lines_after_the_article_are_a_menu_only_in_a_pages_text() -> None:
    """An extractor's output holds the article alone: a run of names after it is the
    article's own list. Furniture a rule names above the article (a "Skip to content"
    link, a site's menu) shows the text is a whole page's, and then the same run is the
    page's menu."""
    assert removed("\n".join(PROSE + CAST)) == []
    assert removed("\n".join(["Skip to content", *PROSE, *CAST])) == ["Skip to content", *CAST]


# Five paragraphs that share few words with each other: prose with no single topic, so
# no line can be told off it.
NO_TOPIC = [
    "The theatre announced on Monday that the play will return to its stage next spring, "
    "three years after its first run sold out within days of opening.",
    "Its director said the new production would keep the original staging, and that most of "
    "the actors from the first run had agreed to return to the play.",
    "The play follows two brothers who inherit a failing theatre and try to save it with one "
    "last production, a story the director said felt more timely than ever.",
    "Tickets for the play go on sale on Friday morning through the theatre's website, and the "
    "theatre expects most performances to sell out within hours.",
    "Rehearsals begin in January, and the play opens in March for a run of ten weeks before "
    "it tours the country's larger theatres in the summer.",
]
FEATURES = [
    "Display 6.1-inch OLED",
    "Titanium frame and matte glass back",
    "Three rear cameras with 5x zoom",
    "USB-C with faster transfer speeds",
]


def test_without_a_topic_no_headline_is_off_it() -> None:
    """Off-topic is evidence only against a topic: after prose that has none, headline-
    shaped lines (a product's features) stay unless the text is seen to be a page's."""
    assert overlaps_known("\n".join(NO_TOPIC)) is False
    assert removed("\n".join(NO_TOPIC + FEATURES)) == []
    # Where furniture a rule names stands above the article, the text is a page's.
    assert removed("\n".join(["Skip to content", *NO_TOPIC, *FEATURES]))[1:] == FEATURES


def overlaps_known(text: str) -> bool:
    """Whether any line of ``text`` got an overlap with the article (its topic is known)."""
    return any(d.label.find(" ov=") >= 0 for d in cleaner.Cleaner().explain(text))


SPECS = [
    "OS: Windows 10 or later",
    "Processor: 1.7 GHz or faster",
    "Memory: 512 MB RAM",
    "Storage: 15 GB available space",
]


def test_a_spec_sheet_before_a_share_line_stays() -> None:
    """Fields of a fact box or spec sheet name a different label each: records all the
    same. Extractors often end the article with a share line, which shows nothing about
    the lines before it."""
    assert structures_of(SPECS) == [Structure.RECORD] * len(SPECS)
    assert removed("\n".join([*PROSE, *SPECS, "Share this:"])) == ["Share this:"]


@pytest.mark.parametrize(
    "headlines",
    [
        # A section's label before another story's headline ("Watch: ...") is no field.
        [
            "Watch: Rescuers pull hikers from a flooded canyon after two days",
            "Opinion: Why the city should build more homes near its stations",
            "Analysis: What the new budget means for families with young children",
        ],
        # A headline that opens with a number is no quantity of a thing.
        [
            "10 things we learnt from the cup final",
            "5 ways to keep your garden green in a drought",
            "3 reasons the council will vote against the plan",
        ],
    ],
    ids=["labelled", "numbered"],
)
def test_headlines_are_longer_than_a_field_or_a_quantity(headlines: list[str]) -> None:
    """A headline says something about its subject: longer than a fact box's value or an
    ingredient, so no record."""
    assert structures_of(headlines) == [None] * len(headlines)


INGREDIENTS = [
    "Ingredients",
    "350 g flour",
    "200 g soft butter",
    "4 eggs",
    "1 tsp baking powder",
    "Salt",
    "½ cup milk",
]


PROSE_RECIPE = [
    "Beat the butter until it is pale and light, which takes a good five minutes with an "
    "electric mixer and longer by hand, then add the flour a spoonful at a time.",
    "Add the eggs one at a time, beating well after each, and fold in the baking powder and "
    "a pinch of salt before you loosen the batter with the milk.",
    "Bake the cake in the middle of the oven for forty minutes, until a skewer pushed into "
    "its centre comes out clean, and let it cool in the tin before you turn it out.",
]


def test_a_recipes_ingredients_above_its_method_stay() -> None:
    """A page's text: a menu, the recipe's ingredients, then its method. The ingredients
    are records of an amount and a thing, not the menu's tail."""
    menu = ["Skip to content", "Home", "Recipes", "Cakes", "Baking", "Shop", "Newsletter"]
    assert structures_of(INGREDIENTS[1:5]) == [Structure.RECORD] * 4
    gone = removed("\n".join([*menu, *INGREDIENTS, *PROSE_RECIPE]))
    assert not set(INGREDIENTS[1:]) & set(gone)
    assert "Recipes" in gone


def test_a_quoted_messages_headers_stay() -> None:
    """A mailing-list message quoted in an article: its "Date:" field is the message's,
    not the page's dateline, and the header block is kept whole."""
    headers = [
        "Date: Thu, 23 Dec 1999 12:31:55 -0700",
        "From: Ada Example",
        "To: Basil Example",
        "Subject: Re: serial console on the old workstation",
    ]
    assert removed("\n".join(PROSE[:3] + headers + PROSE[3:])) == []


def test_an_http_requests_headers_stay() -> None:
    """Header lines of an HTTP request at the end of a tutorial are short "Name: value"
    lines, not a menu after the article."""
    request = [
        "    POST /api/users HTTP/1.1",
        "    Host: api.example.com",
        "    Content-Type: application/json",
        "    Authorization: Bearer abc",
        "    X-Api-Key: 123",
    ]
    assert removed("\n".join(PROSE + request)) == []


def test_a_functions_indented_parameters_are_its_code() -> None:
    """Code lines far apart with only indented lines between them make one block."""
    code = [
        "public static async Task<string> ReadAsync(",
        "    this HttpRequestMessage request,",
        "    bool ignoreContent,",
        "    string[] ignoreHeaders,",
        "    string[] redactHeaders,",
        "    CancellationToken cancellationToken)",
        "{",
    ]
    assert structures_of(code) == [Structure.CODE] * len(code)


def test_event_details_are_not_message_headers() -> None:
    """Without a sender, "Date:" lines are no message: the dateline rule still applies."""
    lines = ["Date: Thu, 23 Dec 1999", "Venue: Town Hall", "Subject: Budget"]
    assert Structure.CODE not in structures_of(lines)


def test_a_read_more_button_does_not_take_the_pros_and_cons_with_it() -> None:
    """A bare "Read More" is a link's label (it goes), not a heading over a list."""
    review = [
        PROSE[0],
        "Read More",
        "Pros",
        "Fantastic battery life",
        "Bright display",
        "Cons",
        "No card reader",
        *PROSE[1:],
    ]
    assert removed("\n".join(review)) == ["Read More"]


RELATED_BOX = ["Related stories", *STORY_HEADLINES[:3]]


@pytest.mark.parametrize("after", [1, 2], ids=["one paragraph", "two paragraphs"])
def test_the_article_goes_on_after_a_box_of_related_links(after: int) -> None:
    """A box of other stories' headlines inside the article, before its last paragraphs:
    the box goes; the sentence under its last headline is no teaser (none of the
    headlines above had one), it is the article going on."""
    text = "\n".join(PROSE[: 5 - after] + RELATED_BOX + PROSE[5 - after :])
    assert removed(text) == RELATED_BOX


def test_teasers_under_every_headline_still_go() -> None:
    """Where the headlines carry teasers, the sentence under the last one is a teaser too."""
    box = [
        "Related stories",
        STORY_HEADLINES[0],
        "The man was detained near the station on Friday night, officers said.",
        STORY_HEADLINES[1],
        "Councillors voted after a six-hour meeting that ran past midnight.",
    ]
    assert removed("\n".join(PROSE + box)) == box


def removed_inside(heading: str, items: list[str]) -> list[list[str]]:
    """What goes of ``heading`` and its ``items`` put in the article's middle (after its
    third paragraph) and at its end (after its fifth)."""
    return [removed("\n".join([*PROSE[:at], heading, *items, *PROSE[at:]])) for at in (3, 5)]


PROS_AND_CONS = [
    "Pros",
    "Light shelter",
    "Good water filter",
    "Cons",
    "Heavy cooking kit",
    "Pricey sleeping system",
]


@pytest.mark.parametrize("heading", ["Related", "Read more:", "See also"])
def test_a_related_heading_over_the_articles_own_labels_takes_none_of_them(
    heading: str,
) -> None:
    """Labels too short to tell a story, half of them on the article's words, are the
    article's own list: the heading over them introduces them (it stays too, being no
    barrier), in the article's middle or at its end."""
    assert removed_inside(heading, PROS_AND_CONS) == [[], []]


SPEC_SHEET = ["Volume: 45 l", "Frame: aluminium", "Hip belt: 2 pockets", "Rain cover: yes"]


@pytest.mark.parametrize("heading", ["Related", "More:"])
def test_a_related_heading_over_a_spec_sheet_takes_none_of_it(heading: str) -> None:
    """Fields of a fact box ("Frame: aluminium") are records, no other story's headline,
    even when none of their words is the article's."""
    assert removed_inside(heading, SPEC_SHEET) == [[], []]


def test_a_spec_sheets_video_field_is_no_link_to_another_story() -> None:
    """A "Video: 4K at 60 fps" between other fields is a spec sheet's entry, not a "Video:"
    link that a rule names; "Video:" lines one after another are such links."""
    sheet = ["Camera: 48 MP", "Video: 4K at 60 fps", "Battery: 4,500 mAh", "Weight: 190 g"]
    assert removed_inside(sheet[0], sheet[1:]) == [[], []]
    videos = ["Video: Jets over the harbour", "Video: Signing day", "Video: The night ferry"]
    assert removed("\n".join([*PROSE, *videos])) == videos


def test_a_related_heading_over_section_names_still_takes_them() -> None:
    """Short labels off the article's words are the site's sections: the run goes."""
    sections = ["World", "Business", "Culture", "Sport"]
    assert removed("\n".join([*PROSE, "Related", *sections])) == ["Related", *sections]


def test_a_related_heading_over_short_labels_in_a_pages_text_takes_them() -> None:
    """Below furniture a rule names (a page's text, not an extractor's output), short
    titles on the article's subject under such a heading are the site's own guides."""
    lines = ["Skip to content", *PROSE, "Related", *PROS_AND_CONS]
    assert removed("\n".join(lines)) == ["Skip to content", "Related", *PROS_AND_CONS]


def test_a_related_list_stops_before_a_subhead_of_the_article() -> None:
    """Under "Related article:" the run of headlines ends where a subhead opens the next
    long paragraph of the article."""
    text = "\n".join(
        [
            *PROSE[:3],
            "Related article:",
            "The Smart Thermostat Buying Guide",
            "How do you plan the water on a long route?",
            PROSE[3] + " " + PROSE[4],
        ]
    )
    assert removed(text) == ["Related article:", "The Smart Thermostat Buying Guide"]


def test_a_hard_wrapped_last_paragraph_is_not_a_list_of_teasers() -> None:
    wrapped = [
        "However, the libraries are satisfying an important need for utility: some",
        "things like the old formats are fundamentally so ugly that I find it",
        "hard to argue for elegant solutions therein, and yet we need to handle them",
        "to live in the real world. So I'm ending up with a utilitarian plea, with some",
        "angst that this might be smothering the playful flame that made it so",
        "much fun in the first place. I must ask a friend for her views on where",
        "play fits into programming the next time I see her!",
    ]
    assert removed("\n".join(PROSE + wrapped)) == []


def test_a_sentence_that_mentions_a_sponsor_is_not_a_disclosure() -> None:
    sentence = (
        "Recent research sponsored by the coffee association has shown that the shape of "
        "the filter changes the taste of the coffee."
    )
    disclosure = "This post may contain affiliate links, so we may earn a small commission."
    assert removed("\n".join([PROSE[0], sentence, *PROSE[1:], disclosure])) == [disclosure]


# The code-line test as one pattern, as it was first written: ``_program_text`` splits it
# into cheaper tests that must say the same of every line.
ONE_PATTERN = regex.compile(
    r"""^\s*(?:
        [{}()\[\];,]+\s*$
      | (?://|/\*|\#!|<!--|\*/)
      | (?:def|class|import|return|const|let|var|function|fn|pub|async|await|elif|
           except|finally|public|private|protected|static|void|func|package|using|
           namespace|\#include|\#define|SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|
           print|printf|echo|export)\b[^.!?]*[(){}\[\]=:;'"]
      | from\s\S+\simport\b
      | (?:git|npm|npx|pip|pip3|yarn|docker|kubectl|curl|wget|sudo|apt|apt-get|brew|cd|
           ls|mkdir|cargo|go|python|python3|node|make|cmake|ssh|chmod|helm|terraform)
           \s[-\w./:=@~$"']+(?:\s[-\w./:=@~$"'<>|&]+)*\s*$
      | \$\s\S
    )
    | (?:[{;(]|=>|->|:=|\):|\),|\],|\},)\s*$
    | \w\.\w+\(|\w\(\)|===|!==|==|!=|\+=|-=|&&|\|\||::
    | ^\s*[\w.\[\]"']+\s=\s\S
    | ^(?!(?s:.*?)(?:://|<[A-Za-z/!]))(?s:.*?)(?:^|[\s(,])[A-Za-z_][\w.-]*=[^\s=]
      (?s:.*?)[\s(,][A-Za-z_][\w.-]*=[^\s=]
    """,
    regex.X,
)
# Pieces of the patterns, and white space that regex and str.split disagree on.
CODE_PIECES = [
    *"{}()[];,.=:!+-&|<>$#/*'\"_aZ9",
    " ",
    "\t",
    "\x1c",
    "\x85",
    "\xa0",
    "\u2028",
    "\u3000",
    "def ",
    "git ",
    "from x import y",
    "=>",
    "->",
    ":=",
    "a.b(",
    "f()",
    "x = 1",
    "<!--",
]


@settings(max_examples=2000, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(CODE_PIECES), max_size=12).map("".join))
def test_the_split_code_test_says_what_one_pattern_says(line: str) -> None:
    assert _program_text(line) == (ONE_PATTERN.search(line) is not None)


def test_the_split_code_test_on_every_fixture_line() -> None:
    lines = [
        line
        for path in sorted(Path(__file__).parent.joinpath("fixtures").rglob("*.txt"))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    lines += CODE + PROSE + CHECKLIST
    assert [_program_text(x) for x in lines] == [ONE_PATTERN.search(x) is not None for x in lines]


SCHEDULE = ["12 March 2025", "Manchester Arena", "14 March 2025", "Glasgow Hydro"]


def test_the_dates_of_an_introduced_schedule_stay() -> None:
    """Dates on lines of their own in a list the article introduces are its schedule, in
    every mode; the same dates with nothing to introduce them are the page's stamps."""
    text = "\n".join([*PROSE[:3], "The concerts are on these dates:", *SCHEDULE, PROSE[3]])
    for mode in MODES:
        assert cleaner.Cleaner(mode=mode).clean(text).removed == [], mode
    bare = "\n".join([*PROSE[:3], *SCHEDULE, PROSE[3]])
    assert removed(bare) == SCHEDULE[::2]


def test_a_replys_date_under_its_header_is_no_schedule() -> None:
    """One date under "<name> says:" is a reply's stamp: a schedule lists several."""
    reply = ["Jane Doe from Leeds says:", "14 March 2025", "Short reply."]
    assert removed("\n".join([*PROSE, *reply])) == ["14 March 2025"]


def test_a_schedules_times_and_lettered_parts_are_records() -> None:
    """A programme's entries open with a time of day ("12:00 Gates open"), a draw's groups
    with a letter that counts up ("Group A", "Group B"): records, the article's own, in a
    page's text too. A ticker's headline under its time tells a story in more words, and
    names that mix numbers and letters ("Model 3", "Model S") are no counted parts."""
    programme = [
        "12:00 Gates open",
        "13:00 Local school choirs, Main Stage",
        "15:30 The Riverside Band",
        "18:00 Lena Marsh",
        "20:30 Headliner: The Weather Station",
    ]
    assert structures_of(programme) == [Structure.RECORD] * len(programme)
    groups = [
        "Group A: Leeds Rhinos, Sheffield Sharks, Bristol Flyers, London Lions",
        "Group B: Manchester Giants, Newcastle Eagles, Cheshire Phoenix, Surrey Scorchers",
        "Group C: Glasgow Rocks, Plymouth Patriots, Worcester Wolves, Derby Trailblazers",
    ]
    assert structures_of(groups) == [Structure.RECORD] * len(groups)
    ticker = [
        "12:45 Police hunt man after jewellery shop raid in the city centre",
        "12:30 Football club sacks its manager after a fifth defeat in a row",
        "12:10 Heatwave forces schools across the south to close early",
    ]
    assert structures_of(ticker) == [None] * len(ticker)
    assert structures_of(["Model 3", "Model S", "Model Y"]) == [None] * 3
    page = ["Skip to content", *PROSE[:3], "Saturday", *programme, "Share this article"]
    assert removed("\n".join(page)) == ["Skip to content", "Share this article"]
