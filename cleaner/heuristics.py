"""Every threshold and weight of the heuristic stages, named once, with why it has its value.

One frozen dataclass per stage, gathered in :class:`Params`; ``Cleaner(params=...)`` takes
one, so another setting can be evaluated (``python -m bench --set ...``) without editing
code. Like jusText's ``justext(..., length_low=70, ...)`` and ftfy's ``TextFixerConfig``:
the defaults are the tool's behaviour, and a field's comment says what it means.

Counts of words are word tokens (see ``language.tokens``); shares are 0..1; overlaps are a
line's share of content words found in the article's prose (see ``topic``), rescaled to
the document's own level. Scores given to removals say how surely the line is junk (0..1).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

# A short line: a menu entry, a tag, a label ("Related posts:"), a name. Every stage that
# asks "is this line short?" means this many words or fewer.
SHORT_LINE_WORDS = 4


@dataclass(frozen=True, slots=True)
class ShapeParams:
    """How a single line is shaped (computed once per line, in ``features``)."""

    # At most this many words without sentence punctuation: a title, subhead, headline or
    # menu entry; a longer unpunctuated line is a wrapped sentence or a list of things.
    headline_max_words: int = 20
    # Fewer words than this cannot be a story's headline ("Sport", "Contact us").
    headline_min_words: int = 3
    # Share of capitalised words (or of all-capital words) that makes a line headline-cased.
    headline_cased: float = 0.6
    # A line whose characters are more digits than this is a number, a date or a score.
    numeric_share: float = 0.2
    # A short label before a colon opening a line ("Q:", "SMITH:") is at most this long.
    label_max_chars: int = 24
    # A line of at least this many numbers, making up at least 1/row_number_share of its
    # words, is a table row printed as text.
    row_numbers: int = 4
    row_number_share: int = 3


@dataclass(frozen=True, slots=True)
class StructureParams:
    """The article's own structures: lists, code blocks, records (``structure``)."""

    # A line that looks like code is a sentence about code when it opens with a capital,
    # ends with a stop and has at least this share of stopwords.
    sentence_stop_density: float = 0.3
    # Two code-like lines within this many lines of each other make a code block ...
    code_gap: int = 3
    # ... and a line between them belongs to it when unpunctuated or this short.
    code_gap_words: int = 12
    # Two code lines further apart make one block when every line between them is
    # indented (parameters or a body, one per line), up to this many lines apart.
    indented_gap: int = 30
    # A quoted message's header block has at least this many fields in a row ("From:",
    # "Date:", "Subject:").
    header_min_run: int = 3
    # A lead-in line ending in a colon has at least this many words ("What to bring:"), or
    # two when a verb ends it ("Highlights include:", see ``structure._CONTINUED``), and
    # introduces at most this many items ...
    lead_in_min_words: int = 3
    introduced_max_items: int = 40
    # ... each, unless bulleted, at most this many words (a longer line is prose again).
    item_max_words: int = 20
    # Lines that open alike are records when at least this many of them stand each
    # within this many lines of the next.
    record_min_run: int = 3
    record_gap: int = 6
    # A record's label before its colon has at most this many words ("Memory:", "Best of
    # the Best:"); a longer opening before a colon is a sentence.
    label_words: int = 5
    # A fact box's or spec sheet's field names at most this many words ("Years in
    # business:"), and the whole line, value included, at most this many.
    field_label_words: int = 3
    field_max_words: int = 8
    # A bulleted list's items are records when at least this many fixed parts (a word, a
    # number's shape, a sign) each recur in at least this share of them: a template
    # filled in per item ("... 16d ... Full-Time", "January Start 12.01.26 — ..."), which
    # headlines of other stories, sharing at most their subject, do not have.
    template_parts: int = 2
    template_share: float = 0.8
    # Short lines, bulleted or not, are records when this share of them join two names with
    # the same one of these separators (or a score, "2-1"): a book by its author, a
    # fixture, a date and a place. Words that join the parts of one name ("and", "of",
    # "the") are not among them; headlines of other stories rarely share one of these.
    # Nor are "-", "/" and "|": menus join an entry to its description with them
    # ("Forum - Discussions"), and tag lists pair categories ("Biology / Biochemistry").
    record_separators: frozenset[str] = frozenset(
        {"by", "v", "v.", "vs", "vs.", "at", "–", "—", "@", "x", "×", "~"}
    )
    # So are short lines that open with a quantity ("350 g flour", "5 eggs"), of at most
    # this many words: a headline that opens with a number ("10 things we learnt from
    # the final") is longer.
    quantity_max_words: int = 6
    # And short lines that open with a time of day ("12:00 Gates open"), of at most this
    # many words: a schedule's entry names an act or an event, where a ticker's headline
    # under its time tells a story in more.
    clock_max_words: int = 7


@dataclass(frozen=True, slots=True)
class LineClassParams:
    """Stage 1, context-free: a line's class (good prose, near, short, bad debris)."""

    # Prose has at least this many words and ends like a sentence ...
    good_min_words: int = 8
    # ... or is this long even without final punctuation (a wrapped or unpunctuated sentence).
    long_unpunctuated: int = 25
    # In a language with a stoplist, prose has at least this share of stopwords; below it
    # a long line is a keyword list.
    min_stop_density: float = 0.1
    # A sentence this short ("It rained.") is "near" prose, not a fragment.
    near_min_words: int = 4
    # A URL with this few words around it is link debris.
    url_debris_words: int = 6
    # An unpunctuated line with more digit characters than this share is number debris.
    digit_debris_share: float = 0.4
    # Hard-wrapped pieces that join into a paragraph of this many words are prose.
    wrapped_min_words: int = 16


@dataclass(frozen=True, slots=True)
class TopicParams:
    """Stage 2: a line's overlap with the article's words, and what on/off topic means."""

    # Overlap at or above which a line shares the article's topic ...
    on_topic: float = 0.3
    # ... and below which it is clearly about something else (between: undecided).
    off_topic: float = 0.15
    # Overlaps are rescaled so that the prose's median overlap reads as this, making the
    # thresholds mean the same in languages that repeat fewer exact words.
    typical_overlap: float = 0.5
    # Below this median overlap the prose has no single topic (a digest): overlap is unknown.
    min_median_overlap: float = 0.2
    # A line needs this many content words for its overlap to mean anything.
    min_content: int = 3
    # Fewer prose lines than this are too little text to tell on-topic from off-topic.
    min_prose: int = 5
    # A paragraph this long is the article's own, not a teaser: once the article is found,
    # its words are those of such paragraphs (when there are enough of them).
    core_min_words: int = 25
    # A line's immediate neighbours are left out of its overlap (a headline and its own
    # teaser share words), unless both are paragraphs of at least this many words, longer
    # than any teaser: two such paragraphs side by side are one text, and vouch for each
    # other (a short article on a page of other prose).
    neighbour_words: int = 50


@dataclass(frozen=True, slots=True)
class SpanParams:
    """Stage 3: where the article is (the densest run of on-topic prose) and its edges."""

    # Prose weighs its words over this many, capped: long paragraphs are the article's.
    prose_weight_words: int = 25
    prose_weight_cap: float = 3.0
    # A "near" line (one short sentence) weighs this much as prose.
    near_weight: float = 0.3
    # Prose whose overlap is unknown weighs this share of its full weight ...
    unknown_topic_share: float = 0.7
    # ... prose between on- and off-topic this share ...
    undecided_topic_share: float = 0.3
    # ... and off-topic prose pushes out with this weight.
    off_topic_weight: float = -0.3
    # Debris pushes out; an off-topic headline more; other short lines (subheads, tables
    # are 0) only gently, so that they do not split the article.
    debris_weight: float = -0.3
    off_headline_weight: float = -0.5
    short_weight: float = -0.1
    # A sentence under another story's headline is its teaser: at most this weight.
    teaser_weight: float = -0.2
    # A line opening with a label used this many times inside the article (an interview's
    # "Q:") belongs to it, next to the article too.
    label_min_uses: int = 2


@dataclass(frozen=True, slots=True)
class FurnitureParams:
    """Stage 3: page furniture on either side of the article."""

    # Furniture starts where at least this share of the rest of that side is junk-like ...
    share: float = 0.7
    # ... over at least this many junk-like lines.
    min_run: int = 3
    # How surely a line past the furniture's start is junk.
    score: float = 0.7
    # Furniture needs a barrier that a rule or the markup named (conservative), not one
    # the scorer found by shape (a run of short lines).
    named_only: bool = False
    # The scorer's own menus and story lists also separate the article's lists from the
    # page's (aggressive): past one, a list is furniture.
    scorer_names: bool = False
    # On either side of the article, its own paragraphs found again past junk-like lines
    # (and before any barrier a rule or the markup names: a comment section's heading or
    # form, a related heading) enclose those lines: the article goes on there, and what
    # lies between is its own lists and labels. Off (aggressive), such lists go as menus
    # and furniture ...
    enclosed: bool = True
    # ... when its prose shows up there at least this many times: one paragraph alone past
    # junk-like lines is more likely the standfirst above a sidebar, or a site's blurb.
    enclosed_min_prose: int = 2


@dataclass(frozen=True, slots=True)
class ListParams:
    """Stage 3: menus and lists of other stories around (and inside) the article."""

    # A menu is a run of at least this many short lines outside the article.
    menu_min_run: int = 4
    menu_score: float = 0.8
    # A teaser under another story's headline is at most this many words.
    teaser_max_words: int = 45
    # A teaser shares less than this overlap with the article.
    teaser_on_topic: float = 0.5
    # An article told in headed paragraphs has this many off-topic headlines over prose.
    body_pairs: int = 2
    # A related-stories tail: from its start on, at least this share of lines are
    # junk-like and this share are headline-shaped, with at least this many off-topic
    # headlines (in an extractor's output, headlines whose words are known to be off the
    # article's, or with a teaser under them: one too short to weigh shows nothing; in a
    # page's text, so many of its own before the barrier when the article goes on under it).
    tail_junk_share: float = 0.6
    tail_headline_share: float = 0.3
    tail_min_headlines: int = 2
    # Found by shape alone in an extractor's output (no furniture named above the article,
    # no barrier named before the list), the tail's headlines must tell stories: at least
    # this many words on average. A story's headline says something of its subject; the
    # article's own list names things in fewer (features, titles, names, results, a
    # schedule's facts), and an extractor's output often ends with one.
    tail_story_words: float = 6.0
    # Its score runs from this base up by the junk share's weight.
    tail_score_base: float = 0.5
    tail_score_weight: float = 0.5
    # A list of other stories found by its shape (such a tail, a bulleted headline list)
    # with more than this many times the article's own words is the page's content (a
    # listing's items, a forum's threads, after a short introduction), not a tail.
    tail_listing_ratio: float = 1.5
    # A bulleted list of at least this many capitalised headlines of this many words or
    # more after the article is a "more on this" list (shorter items are names, features).
    bullet_list_min: int = 3
    bullet_headline_words: int = 5
    # Inside the article: a headline of at least this many words in capitals (this share
    # of its words) and off the article's topic is a link to another story.
    caps_headline_words: int = 8
    caps_share: float = 0.9
    # Score of a bulleted headline list, a capitals teaser, a line past the furniture.
    headline_score: float = 0.7
    # Lists of other stories found by their shape alone (a tail of off-topic headlines, a
    # bulleted headline list, a capitals headline in the article); off: only a heading or
    # barrier that names them removes them (conservative).
    story_lists: bool = True
    # Menus found by shape alone (runs of short lines); off: only past a named barrier.
    menus: bool = True
    # A line with at least this share of its text inside links "is a link" (HTML input).
    linked: float = 0.8


@dataclass(frozen=True, slots=True)
class CaptionParams:
    """A photo caption recognised by its shape (see ``captions``)."""

    # Captions are a sentence or two: this many words at least, and at most.
    min_words: int = 6
    max_words: int = 80
    # Evidence, added up: a position marker "(L)", a caption verb ("speaks") within the
    # first words of a capitalised line, "on March 3", no final stop.
    marker: float = 0.45
    verb: float = 0.25
    verb_title_share: float = 0.2
    date: float = 0.15
    unterminated: float = 0.15
    # Evidence at or below this is none at all ...
    floor: float = 0.3
    # ... and a line is a caption at this much.
    min_score: float = 0.7
    # Captions found by their shape at all (off: only rules and markup find captions).
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class DuplicateParams:
    """Repeated lines: the title again, an echo, the page's title tag."""

    # A line is compared when it has this many words, or this many characters.
    min_words: int = 3
    min_chars: int = 20
    # A repeat within this many lines is an echo ...
    near: int = 4
    # ... and so is a repeat of a paragraph this long, anywhere, unless the lines on both
    # sides of it are said once (the article quoting itself: see ``duplicates._quoted``).
    long_words: int = 25
    # A line that recurs this often is the article's structure (a recurring question).
    structure: int = 3
    # A line ending in ':' with this many words, a clause, introduces a repeat the article
    # makes on purpose ("Let's repeat that, with emphasis:"); shorter, it is a field's
    # label ("Publish date:") or a reply's header over a quoted post ("Jane Doe wrote:").
    lead_in_words: int = 5
    # "Headline | Site": the site's or section's name has at most this many words.
    title_site_words: int = 6
    # ... and stands among the document's first this many lines (blank ones too), where a
    # <title> or an extractor's headline is.
    title_lines: int = 10
    score: float = 0.9
    # Repeats beyond the title and near echoes (a long paragraph repeated far away: a pull
    # quote, or an extractor's double); off, they stay (conservative).
    far_repeats: bool = True


@dataclass(frozen=True, slots=True)
class DecideParams:
    """Rule actions beyond their own line, and what HTML markup counts for."""

    # A "cut" that has this many words of on-topic prose after it ...
    cut_veto_words: int = 40
    # ... and less than this share of that before it is a false end marker.
    cut_veto_share: float = 0.2
    # A cut ends an article: with fewer words than this before it (of any line), there is
    # none for it to end; it is a menu's entry ("new | past | comments | ask") at the top.
    cut_min_before: int = 40
    # Lines after a cut, or under a drop-run heading, get the rule's score times this.
    beyond_line_factor: float = 0.9
    # A one-question headline ("Who will win in 2020?") has at most this many words.
    question_max_words: int = 15
    # How surely a role named by markup (a figcaption, a "related" block) is junk.
    hint_score: float = 0.8
    # HTML: a list of other stories is made of links; list-shaped lines with less than
    # this link share are the article's own (ingredients, steps).
    list_linked: float = 0.5
    # HTML: a headline-cased line of this many words that is one link is a promotion.
    promo_min_words: int = 5
    promo_score: float = 0.75
    promotions: bool = True
    # Rules marked ``editorial`` (the publication's own notes on the article: bylines,
    # credits, sources, disclaimers, disclosures) remove their lines; off (conservative),
    # those lines are left to the scorer like any other: text of the article to some users.
    editorial_rules: bool = True
    # A drop-run ends before a subhead of the article (off: it runs on, aggressive).
    run_stops_at_subhead: bool = True
    # A drop-run whose lines average fewer words than this and repeat the article's words
    # is the article's own list of labels (pros and cons, features, a spec sheet) under a
    # heading that only looks like a related list's: it stays (0: it goes, aggressive).
    # A story's headline tells its story in more words; a menu's labels are off-topic.
    run_label_words: float = 4.0
    # HTML: an unlinked sentence of this many words under a linked headline is its teaser.
    teaser_min_words: int = 4
    # Rules of these kinds are left alone on an item of a list that a lead-in line
    # introduces ("The dates are:" over "12 March 2025", "Manchester Arena", ...): the
    # article's schedule, not the page's own stamp.
    introduced_exempt: tuple[str, ...] = ("timestamp",)
    # ... when at least this many of its items are (a schedule has dates; a reply's header,
    # "Jane Doe says:", introduces one).
    introduced_min_alike: int = 2
    # Passes of decide, the last confirming that nothing more goes. Of the 1 898 scraped
    # texts of the dev benchmarks, 1 055 need one pass, 804 two, 21 three and one five
    # (each pass sees the page with less furniture): 8 leaves room and bounds the work on
    # adversarial input to a constant factor.
    max_passes: int = 8


@dataclass(frozen=True, slots=True)
class TableParams:
    """Data tables printed one cell per line, found by their repeating shape (``tables``)."""

    # At least this many rows of the same shape make a table ...
    min_rows: int = 4
    # ... of this many columns at least, and at most.
    min_columns: int = 3
    max_columns: int = 12
    # A line of more words than this is prose, not a cell; it ends a table.
    max_cell_words: int = 25
    # A number cell ("21", "85%", "1:02.3") has at most this many characters.
    numeric_max_chars: int = 24
    # Up to this many rows of short cells right above a table are its header ...
    max_header_rows: int = 2
    # ... and a header's (or a names column's) cells are at most this many words.
    header_cell_words: int = SHORT_LINE_WORDS


@dataclass(frozen=True, slots=True)
class HtmlParams:
    """HTML input: what trafilatura extracts, and what the markup says about each line."""

    # When recall mode finds fewer characters than this, covering less than this share of
    # the page's text, trafilatura's balanced mode (which escalates on its own) runs too
    # (trafilatura's own escalation share; on 24 of the 578 dev pages) ...
    short_extraction: int = 1000
    page_share: float = 0.2
    # ... and its body is taken when it is this much longer and holds at least this share
    # of the recall body's text: an extension of the same content, not another part.
    longer: float = 1.1
    contained: float = 0.5
    # A recall body shorter than this found nothing (trafilatura's own MIN_EXTRACTED_SIZE):
    # then comments are left to trafilatura's comment extractor instead of pruned by class
    # (see ``html.extract``), and that body is taken when it is ``longer``.
    empty_extraction: int = 250
    # Hinted lines that make up more than this share of the extracted text are the
    # article itself, whatever the markup says (a class like "paywall" or "has-ads" on the
    # article's container, a slideshow told in figcaptions, a thread of "comments").
    wrapper_share: float = 0.5
    # Longest line (in words) a role plausibly holds: a tag list or share bar holds no
    # prose, a byline a sentence or two; other roles a paragraph.
    navigation_max_words: int = 12
    share_max_words: int = 12
    credit_max_words: int = 40
    role_max_words: int = 80
    # The page's headline repeated in the extracted text: one of its first this many
    # lines (with the site's name around it only when it has a headline's words).
    title_lines: int = 3
    # The run of links that ends the text: lines with this share of linked text and at
    # most this many words.
    trailing_link_share: float = 0.9
    trailing_max_words: int = 12
    # A heading of at most this many words ends the text: what it introduced is gone.
    orphan_heading_words: int = 6
    # "Read more: <a>Another story</a>": at least this share of the line is the link.
    label_link_share: float = 0.5
    # An element inside more than this many others that name a role is left to them: its
    # text is part of each of theirs, so the texts searched for the lines grow with the
    # square of the nesting (blocks nested 250 deep, as deep as the parser goes: 125 times
    # the page's text; 31 times with this bound). The 2 075 dev pages nest them at most
    # 13 deep; only a hostile page goes past this.
    role_depth: int = 32
    # An element's id that is the slug of the heading opening it, a title of this many
    # words or more, is an anchor made from the section's title ("respond-to-review-
    # comments"), not a role; a role's own heading ("Comments", "Related posts") is
    # shorter, and its block's id names the role, not the heading.
    slug_words: int = 3


@dataclass(frozen=True, slots=True)
class Params:
    """All the heuristics' parameters; ``Params()`` is the tool's default behaviour."""

    shape: ShapeParams = field(default_factory=ShapeParams)
    structure: StructureParams = field(default_factory=StructureParams)
    tables: TableParams = field(default_factory=TableParams)
    lines: LineClassParams = field(default_factory=LineClassParams)
    topic: TopicParams = field(default_factory=TopicParams)
    span: SpanParams = field(default_factory=SpanParams)
    furniture: FurnitureParams = field(default_factory=FurnitureParams)
    lists: ListParams = field(default_factory=ListParams)
    captions: CaptionParams = field(default_factory=CaptionParams)
    duplicates: DuplicateParams = field(default_factory=DuplicateParams)
    decide: DecideParams = field(default_factory=DecideParams)
    html: HtmlParams = field(default_factory=HtmlParams)


DEFAULT = Params()

MODES = ("conservative", "balanced", "aggressive")


def preset(mode: str) -> Params:
    """The parameters of a mode, like trafilatura's favor_precision / favor_recall.

    - ``balanced`` (the default): rules, markup, and the scorer's context verdicts, with
      the article's own structures kept while no named barrier separates them from it.
    - ``conservative``: rules and markup, repeats of the title and near echoes, and page
      furniture only past a barrier a rule or the markup named; nothing by shape alone
      (no story lists, menus, captions or promotions found by their look), and none of
      the publication's notes on the article that ``editorial`` rules name.
    - ``aggressive``: the scorer's own menus and story lists also count as barriers, a
      list heading's run goes on over subheads, teasers of any length go with their
      headlines, and so do short headlines without teasers after an extractor's output:
      more junk goes, and more of the article's lists with it.
    """
    if mode == "balanced":
        return DEFAULT
    if mode == "conservative":
        return replace(
            DEFAULT,
            furniture=replace(DEFAULT.furniture, named_only=True),
            lists=replace(DEFAULT.lists, story_lists=False, menus=False),
            duplicates=replace(DEFAULT.duplicates, far_repeats=False),
            captions=replace(DEFAULT.captions, enabled=False),
            decide=replace(DEFAULT.decide, promotions=False, editorial_rules=False),
        )
    if mode == "aggressive":
        return replace(
            DEFAULT,
            furniture=replace(DEFAULT.furniture, scorer_names=True, enclosed=False),
            lists=replace(DEFAULT.lists, body_pairs=1_000_000, tail_story_words=0.0),
            decide=replace(DEFAULT.decide, run_stops_at_subhead=False, run_label_words=0.0),
        )
    raise ValueError(f"unknown mode {mode!r}: one of {', '.join(MODES)}")
