"""HTML input: golden pages, the DOM role hints, rendering of trafilatura's body, decoding."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import cleaner
from cleaner.heuristics import DEFAULT
from cleaner.html import (
    EXTRACT_OPTIONS,
    blocks_from_body,
    dom_hints,
    extract_blocks,
    extract_body,
    load,
    render,
    role_of_names,
)
from cleaner.html.extract import _extends as extends
from cleaner.html.extract import _extract as extract
from cleaner.html.roles import _cover, _holders, _starts
from cleaner.result import Kind
from tests.golden import read, removed_tsv
from tests.html_golden import FIXTURES, expected_paths, inputs, run

CASES = inputs()

PROSE = (
    "The council voted on Tuesday to approve the new tram line between the station and the "
    "campus, ending almost a decade of planning disputes over its route and its cost."
)


def page(body: str, charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>T</title></head>'
        f"<body>{body}</body></html>"
    )


HEADLINE = "Tram line approved"


def article(*paragraphs: str, extra: str = "") -> str:
    ps = "".join(f"<p>{p}</p>" for p in paragraphs)
    return page(f"<main><article><h1>{HEADLINE}</h1>{ps}{extra}</article></main>")


# -- golden pages ---------------------------------------------------------------------------


def test_fixtures_cover_captions_related_and_share() -> None:
    kinds: set[str] = set()
    for path in CASES:
        kinds |= {r.kind.value for r in run(path).removed if r.rule == "html"}
    assert {"caption", "related", "share"} <= kinds


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_golden(path: Path) -> None:
    out, tsv = expected_paths(path)
    assert out.exists() and tsv.exists(), "run `python -m tests.html_golden` and review"
    result = run(path)
    assert result.text.encode("utf-8") == out.read_bytes()
    assert removed_tsv(result) == read(tsv)


def test_wrapper_classes_hint_nothing() -> None:
    """Role words on the article's own container ("has-ads", "category-social") are not roles."""
    result = run(FIXTURES / "wrapper.html")
    assert result.removed == []
    assert "village choir" in result.text


# -- class and id names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("names", "kind"),
    [
        ("related-posts", Kind.RELATED),
        ("c-related", Kind.RELATED),
        ("relatedPosts", Kind.RELATED),
        ("more-stories", Kind.RELATED),
        ("read-more", Kind.RELATED),
        ("youMayAlsoLike", Kind.RELATED),
        ("share-bar", Kind.SHARE),
        ("ShareButtons", Kind.SHARE),
        ("newsletter-box", Kind.SUBSCRIBE),
        ("sign-up", Kind.SUBSCRIBE),
        ("wp-caption-text", Kind.CAPTION),
        ("photo-credit", Kind.CREDIT),
        ("byline", Kind.CREDIT),
        ("post-tags", Kind.NAVIGATION),
        ("breadcrumb", Kind.NAVIGATION),
        ("fb-comments", Kind.COMMENTS),
        ("ad-slot", Kind.ADVERTISEMENT),
        ("adContainer", Kind.ADVERTISEMENT),
        ("c-promo", Kind.ADVERTISEMENT),
        ("grid col-8 related-links", Kind.RELATED),
    ],
)
def test_role_names(names: str, kind: Kind) -> None:
    found = role_of_names(names)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize(
    "names",
    [
        "shared",  # a word containing "share"
        "header",  # contains "ad"
        "headline",
        "shadow padding",
        "adjust loading",
        "outline-container-orgd7109ad",  # a hash ending in "ad"
        "header--no-promo",  # negated
        "has-ads",
        "enable-pin-share",
        "category-social",  # WordPress taxonomy classes
        "tag-sponsored",
        "entry-content",
        "node node--type-article node--promoted node--sticky",  # Drupal: the article's state
        "node-promoted",
    ],
)
def test_role_names_not_matched(names: str) -> None:
    assert role_of_names(names) is None


@settings(max_examples=300, deadline=None)
@given(st.sets(st.text("abc", min_size=1, max_size=3), max_size=8), st.text("abc", max_size=12))
def test_keyword_cover_finds_what_the_keywords_find(words: set[str], text: str) -> None:
    """The quick test looks for the keywords that hold no other: a text holds one of them
    exactly when it holds one of all the keywords."""
    assert any(w in text for w in _cover(words)) == any(w in text for w in words)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("ab ", max_size=10), max_size=6), st.text("ab ", max_size=3))
def test_holders_count_what_each_text_counts(texts: list[str], key: str) -> None:
    """One search of the joined texts finds, for each text, as many copies of a line as
    counting in that text alone does (a line holds no newline, so none spans two texts):
    what lets the hints of a page of many role elements cost no loop over them per line."""
    found = list(_holders(key, "\n".join(texts), _starts(texts)))
    if key:
        assert found == [j for j, text in enumerate(texts) for _ in range(text.count(key))]
    else:
        assert found == list(range(len(texts)))


# -- rendering trafilatura's body -------------------------------------------------------------


def body(xml: str) -> etree._Element:
    return etree.fromstring(f"<body>{xml}</body>")


def test_render_one_line_per_block() -> None:
    lines = render(
        body(
            '<head rend="h2">Sub</head>tail text<p>a<lb/>b</p><list><item>one</item></list>'
            "<table><row><cell>x</cell><cell>y</cell></row></table>"
        )
    )
    assert [(line.text, line.tag) for line in lines] == [
        ("Sub", "head"),
        ("tail text", "p"),
        ("a b", "p"),  # a <br> does not end the block
        ("- one", "item"),
        ("x | y", "row"),
    ]


def test_render_code_keeps_its_lines() -> None:
    lines = render(body("<code>x = 1<lb/>y = 2\nz = 3</code><p>after</p>"))
    assert [line.text for line in lines] == ["x = 1", "y = 2", "z = 3", "after"]


def test_render_links_and_invisible_characters() -> None:
    (line,) = render(body('<p>Read more: <ref target="/x">Next\u00ad story here</ref></p>'))
    assert line.text == "Read more: Next story here"
    assert line.lead == "Read more:"
    assert line.linked == len("Next story here")


def test_render_rejoins_a_paragraph_cut_around_a_link() -> None:
    lines = render(
        body(
            '<div><p>Analysts predicted that Apple will </p><ref target="/k">move to new '
            "keyboards</ref><p>, including all models.</p><p>Next paragraph.</p></div>"
        )
    )
    assert [line.text for line in lines] == [
        "Analysts predicted that Apple will move to new keyboards, including all models.",
        "Next paragraph.",
    ]


# -- hints --------------------------------------------------------------------------------------


def hints_for(html: str) -> list[tuple[str, Kind | None]]:
    return [(b.text, b.kind) for b in extract_blocks(html.encode())]


def test_caption_class_hints_caption() -> None:
    html = article(
        PROSE,
        PROSE.replace("Tuesday", "Monday"),
        extra='<p class="imageCaption">The mayor cuts the ribbon at the depot on Monday</p>'
        + f"<p>{PROSE.replace('Tuesday', 'Friday')}</p>",
    )
    assert ("The mayor cuts the ribbon at the depot on Monday", Kind.CAPTION) in hints_for(html)


def test_text_also_outside_the_hinted_element_is_not_hinted() -> None:
    """The same words in the article and in a "related" box: the markup cannot say which."""
    line = "Trams return to the city after sixty years"
    html = article(
        line,
        PROSE,
        PROSE.replace("Tuesday", "Monday"),
        extra=f'<div class="c-recirc"><p>{line}</p></div>',
    )
    assert (line, None) in hints_for(html)


def test_label_and_link_is_related_in_any_language() -> None:
    html = article(
        PROSE,
        'Lea también: <a href="/otra">El tranvía vuelve a la ciudad sesenta años después</a>',
        PROSE.replace("Tuesday", "Monday"),
    )
    kinds = dict(hints_for(html))
    assert kinds["Lea también: El tranvía vuelve a la ciudad sesenta años después"] == Kind.RELATED
    assert kinds[PROSE] is None


def test_a_list_of_picks_is_no_label_and_link() -> None:
    """Three or more label-and-link lines in a row, each its own label, are the article's
    picks ("Soft feel: <a>Harbour Comfort Mattress</a>"); one such line between
    paragraphs still points away."""
    picks = [
        ("Ultra soft feel", "Harbour Comfort Mattress"),
        ("Medium firm feel", "Harbour Hybrid Plus Mattress"),
        ("Firm feel", "Harbour Natural Latex Mattress"),
    ]
    lines = [f'{label}: <ref target="/p{i}">{name}</ref>' for i, (label, name) in enumerate(picks)]
    kinds = dict(blocks_kinds(f"<p>{PROSE}</p>" + "".join(f"<p>{x}</p>" for x in lines)))
    assert [kinds[f"{label}: {name}"] for label, name in picks] == [None, None, None]
    one = blocks_kinds(f"<p>{PROSE}</p><p>{lines[0]}</p><p>{PROSE}</p>")
    assert one[1] == (f"{picks[0][0]}: {picks[0][1]}", Kind.RELATED)


def blocks_kinds(xml: str) -> list[tuple[str, Kind | None]]:
    """The text and role of each block of a trafilatura body (links are ``<ref>``)."""
    return [(b.text, b.kind) for b in blocks_from_body(body(xml))]


def test_a_link_inside_prose_is_not_a_label_and_link() -> None:
    html = article(
        PROSE,
        'The report: <a href="/r">it says the line will be finished in two years.</a>',
    )
    assert all(kind is None for text, kind in hints_for(html) if text != HEADLINE)


def test_heading_that_ends_the_text_is_related() -> None:
    """What it introduced (a list of links) is gone: trafilatura pruned it."""
    blocks = blocks_from_body(body(f'<p>{PROSE}</p><head rend="h3">More from us</head>'))
    assert [b.kind for b in blocks] == [None, Kind.RELATED]
    blocks = blocks_from_body(body(f"<p>{PROSE}</p><p>Contact:</p>"))
    assert [b.kind for b in blocks] == [None, Kind.RELATED]
    blocks = blocks_from_body(body(f'<head rend="h1">Title</head><p>{PROSE}</p>'))
    assert [b.kind for b in blocks] == [None, None]


def test_links_that_end_the_text_lead_away() -> None:
    blocks = blocks_from_body(
        body(
            f"<p>{PROSE}</p><p><ref target='/a'>Back to top</ref></p>"
            "<p><ref target='/b'>Tram depot opens its doors to visitors</ref></p>"
        )
    )
    assert [b.kind for b in blocks] == [None, Kind.NAVIGATION, Kind.RELATED]
    blocks = blocks_from_body(body(f"<p><ref target='/a'>{PROSE}</ref></p><p>{PROSE}</p>"))
    assert [b.kind for b in blocks] == [None, None]


def test_dom_hints_read_class_and_figcaption() -> None:
    tree = load(
        page(
            "<figure><figcaption>A tram at the depot</figcaption></figure>"
            '<div class="share-tools"><p>Share this</p></div><p>Plain text</p>'
        )
    )
    assert tree is not None
    hinted = {(h.text, h.kind) for h in dom_hints(tree).hinted}
    assert hinted == {("A tram at the depot", Kind.CAPTION), ("Share this", Kind.SHARE)}


def test_heading_ids_and_code_token_classes_name_no_role() -> None:
    """A heading's id is the slug of its text ("related-work"), and so is the id of the
    section a documentation generator wraps around a heading ("respond-to-review-
    comments"); inside code, classes are a syntax highlighter's token types
    ("hljs-comment"). None says what the line is. A block of the role's own, under a
    short heading ("Comments"), is one still."""
    tree = load(
        page(
            '<h2 id="related-work">Related work</h2><pre><code>x = 1 '
            '<span class="hljs-comment"># share the counter</span></code></pre>'
            '<section id="respond-to-review-comments"><h2>Respond to review comments'
            '<a href="#respond-to-review-comments">¶</a></h2><p>Thank the reviewers.</p>'
            '</section><section id="comments"><h2>Comments</h2><p>First!</p></section>'
        )
    )
    assert tree is not None
    hinted = {(h.text, h.kind) for h in dom_hints(tree).hinted}
    assert hinted == {("CommentsFirst!", Kind.COMMENTS)}
    # With the bound above the title's length, the section's slug is read as a role.
    assert len(dom_hints(tree, p=replace(DEFAULT.html, slug_words=5)).hinted) == 2


def test_wrapper_share_veto() -> None:
    """A hinted element holding most of the extracted text is the article, not a widget."""
    tree = load(page(f'<div class="paywall-ads"><p>{PROSE}</p><p>{PROSE[:-1]}!</p></div>'))
    assert tree is not None
    dom = dom_hints(tree)
    blocks = blocks_from_body(body(f"<p>{PROSE}</p><p>{PROSE[:-1]}!</p>"), dom)
    assert [b.kind for b in blocks] == [None, None]


def test_an_article_paragraph_a_comment_quotes_is_the_articles() -> None:
    """The post's element names a role (a wrapper), and a comment quotes its last
    paragraph: that paragraph is found in the comment, but it stands in the article too,
    with no comment around it. A comment's own words are still a comment's."""
    last = PROSE.replace("Tuesday", "Friday")
    reply = "A fair point, though the cost of the route was always going to be the fight."
    html = page(
        f'<article class="newsletter-post"><p>{PROSE}</p><p>{PROSE[:-1]}!</p><p>{last}</p>'
        '</article><div class="comments-section">'
        f'<div class="comment-body"><p>"{last}" Quite so, and more.</p></div>'
        f'<div class="comment-body"><p>{reply}</p></div></div>'
    )
    tree = load(html)
    assert tree is not None
    dom = dom_hints(tree)
    lines = [PROSE, f"{PROSE[:-1]}!", last]
    blocks = blocks_from_body(body("".join(f"<p>{x}</p>" for x in lines)), dom)
    assert [b.kind for b in blocks] == [None, None, None]
    blocks = blocks_from_body(body(f"<p>{PROSE}</p><p>{reply}</p>"), dom)
    assert [b.kind for b in blocks] == [None, Kind.COMMENTS]


# -- the headline -------------------------------------------------------------------------------


def _titled(title: str, first: str, *, og: str = "") -> str:
    meta = f'<meta property="og:title" content="{og}">' if og else ""
    paragraphs = f"<p>{PROSE}</p><p>{PROSE[:-1]}, she said.</p>"
    return (
        f"<html><head><title>{title}</title>{meta}</head><body><nav><a href='/'>Home</a></nav>"
        f"<main><article><div class='headline'>{first}</div>{paragraphs}</article></main>"
        "</body></html>"
    )


@pytest.mark.parametrize(
    "html",
    [
        _titled("New tram line approved | The Northfield Courier", "New tram line approved"),
        _titled("Northfield Courier: New tram line approved", "New tram line approved"),
        _titled("Trams - Courier", "New tram line approved!", og="New tram line approved"),
    ],
)
def test_the_headline_is_the_page_title_not_body_text(html: str) -> None:
    result = cleaner.clean_html(html)
    assert result.text.startswith(PROSE)
    (headline,) = [r for r in result.removed if r.line_no == 1]
    assert headline.kind == Kind.DUPLICATE and headline.rule == "html"
    assert "<title>" in headline.reason


def test_a_line_that_only_shares_words_with_the_title_stays() -> None:
    # Two words are not enough to call a line the title with the site's name around it.
    html = _titled("Trams approved | The Northfield Courier", "Trams approved")
    assert cleaner.clean_html(html).text.startswith("Trams approved\n")
    # Nor is a line that is longer than the title.
    html = _titled("Tram line approved", "Tram line approved after a decade of planning")
    assert cleaner.clean_html(html).text.startswith("Tram line approved after")


# -- a second extraction when recall mode finds little ----------------------------------------

_POST = (
    "Our cat sleeps on the window bench every night and leaves a lot of dirt from his fur on "
    "the blanket, which I then have to wash twice a week"
)


def _forum_post(i: int) -> str:
    """A forum post as forum software marks it up: a user card beside the message."""
    pairs = "".join(
        f'<dl class="pairs"><dt>{k}</dt><dd>{v}</dd></dl>'
        for k, v in [("Member since", "June 28, 2014"), ("Posts", "2,206"), ("Location", "Kent")]
    )
    return (
        '<article class="message"><div class="message-inner">'
        f'<div class="message-cell message-cell--user"><section class="message-user">'
        f'<h4 class="message-name"><a href="/m/{i}">Member{i}</a></h4>{pairs}</section></div>'
        '<div class="message-cell message-cell--main"><div class="bbWrapper">'
        f"{_POST} ({i}).<br><br>{_POST}, says number {i}.<br>Any ideas what helps?"
        "</div></div></div></article>"
    )


def test_trafilatura_renders_no_text_for_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only trafilatura's body is read (``render`` makes the lines): its own rendering of the
    body as text, a tenth of its extraction's time, must not run."""
    import trafilatura.core

    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("trafilatura rendered its body as text")

    monkeypatch.setattr(trafilatura.core, "xmltotxt", refuse)
    html = article(PROSE, f"{PROSE[:-1]}, she said.")
    assert cleaner.clean_html(html).text == f"{PROSE}\n{PROSE[:-1]}, she said."


def test_a_short_recall_extraction_gets_a_second_try() -> None:
    """On this thread recall mode takes the first post and its user card only; the balanced
    mode's own escalation finds every post, and its body holds the first one: it is taken."""
    nav = "".join(f'<li><a href="/f{i}">Forum section {i}</a></li>' for i in range(150))
    posts = "".join(_forum_post(i) for i in range(4))
    html = (
        f"<html><body><nav><ul>{nav}</ul></nav><h1>Every night the cat loses dirt</h1>"
        f'<div class="block-body">{posts}</div><footer><ul>{nav}</ul></footer></body></html>'
    )
    tree = load(html)
    assert tree is not None
    recall = extract(tree, EXTRACT_OPTIONS)
    assert recall is not None and "says number 3" not in "".join(recall.itertext())
    chosen = extract_body(tree)
    assert chosen is not None and "says number 3" in "".join(chosen.itertext())
    text = cleaner.clean_html(html).text
    assert all(f"says number {i}." in text for i in range(4))


@pytest.mark.parametrize("wrapper", ["comment-body", "post-comments-content"])
def test_an_article_in_an_element_named_for_comments_is_not_pruned(wrapper: str) -> None:
    """trafilatura, told to leave comments out, prunes every element whose class names
    them, the article's own container too: where that leaves next to nothing (a menu),
    comments are left to its comment extractor, which takes comment sections only."""
    paragraphs = [PROSE, f"{PROSE[:-1]}, she said.", f"{PROSE[:-1]}, he added."]
    ps = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><div class='{wrapper}'>{ps}</div></article></body></html>"
    )
    tree = load(html)
    assert tree is not None
    recall = extract(tree, EXTRACT_OPTIONS)
    assert recall is not None and PROSE not in "".join(recall.itertext())
    text = cleaner.clean_html(html).text
    assert all(p in text for p in paragraphs)


def test_a_longer_extraction_is_taken_only_when_it_extends_the_first() -> None:
    first = body(f"<p>{PROSE}</p><p>Member since 2014</p>")
    more = body(f"<p>{PROSE}</p><p>{PROSE[:-1]}, he said.</p><p>{PROSE[:-1]}, she said.</p>")
    elsewhere = body("<p>Cookie settings</p>" * 40)
    shorter = body(f"<p>{PROSE}</p>")
    length = len(PROSE) + len(" Member since 2014")
    p = DEFAULT.html
    assert extends(more, first, length, p)  # holds the prose, most of the first body's text
    assert not extends(elsewhere, first, length, p)  # longer, but another part of the page
    assert not extends(shorter, first, length, p)
    assert extends(shorter, None, 0, p)  # recall mode found nothing at all


# -- input handling ---------------------------------------------------------------------------


def test_wrongly_declared_charset_is_decoded() -> None:
    text = f"Le café de la gare a rouvert ses portes après des années. {PROSE}"
    html = article(text, PROSE.replace("Tuesday", "Monday"))
    as_cp1252 = html.replace('charset="utf-8"', 'charset="utf-8"').encode("cp1252")
    as_utf8 = html.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("utf-8")
    for data in (as_cp1252, as_utf8):
        assert "Le café de la gare" in cleaner.clean_html(data).text


@pytest.mark.parametrize("data", [b"", "   ", b"\n", b"\x00\x01", "<html></html>"])
def test_empty_or_broken_input(data: str | bytes) -> None:
    result = cleaner.clean_html(data)
    assert result.text == "" and result.removed == []


def test_removals_name_the_element() -> None:
    result = run(FIXTURES / "share.html")
    html_removals = [r for r in result.removed if r.rule == "html"]
    assert html_removals
    assert all(r.reason.startswith("in <") for r in html_removals)
    assert "Pass it on" not in result.text


NEWS = [
    PROSE,
    "The tram will run every six minutes at peak times and every ten minutes in the evening, "
    "the council said in a statement after the vote.",
    "Opponents of the route had argued that the line would cut through a park, but the "
    "council said the trees along the avenue would be replanted.",
    "Construction of the tram line is due to start next spring, and the first trams are "
    "expected to carry passengers within three years.",
    "The council estimates the tram line will cost 240 million euros, most of it paid by the "
    "regional government and a European fund.",
    "Shop owners on the avenue welcomed the vote, saying the tram would bring more customers "
    "to the street than the buses do today.",
]
OTHER_STORIES = [
    ("Stadium roof repairs delayed again", "Engineers found more rust than expected in the frame."),
    ("Harbour festival returns in June", "Organisers promise three nights of music by the water."),
    (
        "New bakery opens on Mill Street",
        "The family behind it ran a market stall for twenty years.",
    ),
    ("Library extends its opening hours", "Readers can borrow books until nine in the evening."),
]


def test_teasers_under_linked_headlines_go_with_them() -> None:
    """Unlinked lines are normally kept (an article's own lists), but not a related list's
    teasers: each sits under a linked headline that went as related."""
    entries = "".join(
        f'<p><a href="/n{k}">{h}</a></p><p>{t}</p>' for k, (h, t) in enumerate(OTHER_STORIES)
    )
    result = cleaner.clean_html(article(*NEWS, extra=f"<h2>More news</h2>{entries}"))
    for headline, teaser in OTHER_STORIES:
        assert headline not in result.text and teaser not in result.text
    reasons = [r.reason for r in result.removed if r.text in {t for _, t in OTHER_STORIES}]
    assert len(reasons) == 4 and all("teaser of the linked headline" in r for r in reasons)
    assert all(p in result.text for p in NEWS)


def test_unlinked_list_items_after_a_linked_line_stay() -> None:
    """Items of a list (ingredients, steps) under a link are not teasers."""
    steps = [
        "Whisk the eggs with the sugar",
        "Fold in the flour and the butter",
        "Bake for forty minutes",
    ]
    extra = (
        '<p><a href="/recipes/cake">Our favourite sponge cake recipe</a></p>'
        f"<ul>{''.join(f'<li>{s}</li>' for s in steps)}</ul>"
    )
    result = cleaner.clean_html(article(*NEWS, extra=extra))
    assert all(s in result.text for s in steps)


PROMOS = [
    "STADIUM ROOF REPAIRS DELAYED AGAIN AFTER ENGINEERS FIND RUST",
    "Harbour Festival Returns In June With Three Nights Of Music",
]


def test_linked_headlines_between_paragraphs_are_promotions() -> None:
    """A paragraph that is one link cased like a headline advertises another story."""
    body = [NEWS[0], NEWS[1], f'<a href="/a">{PROMOS[0]}</a>', *NEWS[2:4]]
    body += [f'<a href="/b">{PROMOS[1]}</a>', *NEWS[4:]]
    result = cleaner.clean_html(article(*body))
    for promo in PROMOS:
        assert promo not in result.text
    reasons = [r.reason for r in result.removed if r.text in PROMOS]
    assert len(reasons) == 2 and all("promotion of another story" in r for r in reasons)
    assert all(p in result.text for p in NEWS)


@pytest.mark.parametrize(
    "line",
    [
        # a linked headline on the article's own topic: a contents entry, its own section
        '<a href="#vote">Council Vote Settles The Route Through The Park</a>',
        # a link inside a sentence-cased line: the article pointing somewhere
        '<a href="/doc">Read the council decision on the tram line</a>',
        # the same headline as plain text: a subhead
        PROMOS[1],
        # a numbered note that links to its source
        '<a href="/src">[2] Tram Network Expansion Study For The Regional Council</a>',
    ],
)
def test_links_and_subheads_that_are_not_promotions_stay(line: str) -> None:
    result = cleaner.clean_html(article(*NEWS[:3], line, *NEWS[3:]))
    kept = lxml.html.fromstring(line).text_content()
    assert kept in result.text
