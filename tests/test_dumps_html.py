"""Saved HTML pages: the article body with its structure, furniture gone, metadata from the page."""

import pytest

from plugins.dumps.boilerplate import Boilerplate
from plugins.dumps.clean import Cleaner
from plugins.dumps.pipeline import clean_dump

HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Why the Gulf is hedging on Beijing | The Example Review</title>
<meta property="og:title" content="Why the Gulf is hedging on Beijing">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2022-06-14T09:30:00+00:00">
<meta property="article:tag" content="China">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Why the Gulf is hedging on Beijing", "datePublished": "2022-06-14T09:30:00+00:00",
 "author": {"@type": "Person", "name": "Nadia Farouk"}}</script>
</head><body>
<header><a href="/">The Example Review</a><nav><ul><li><a href="/">Home</a></li>
<li><a href="/world/">World</a></li><li><a href="/about/">Our team</a></li></ul></nav></header>
<main><article>
<h1>Why the Gulf is hedging on Beijing</h1>
<p class="byline">By Nadia Farouk · June 14, 2022</p>
"""
INTRO = """<p>Gulf monarchies have spent the last decade deepening their economic ties with China while keeping
the United States as their main security partner, a balancing act that is becoming harder every year.</p>
<p>Trade between the region and China passed <strong>three hundred billion dollars</strong> last year, and
Chinese firms now build ports, data centres and telecom networks from Abu Dhabi to Riyadh.</p>
"""
SIGNUP = """<div class="{cls}">
<p><strong>Get our Gulf digest</strong></p>
<p>Sign up for our weekly newsletter on Gulf politics.</p>
<form action="https://example.invalid/subscribe/post" method="post"><label>E-mail</label>
<input type="email" name="EMAIL"><input type="submit" value="Subscribe"></form>
<p>* indicates required field</p>
</div>
"""
REST = """<h2>What Washington fears</h2>
<p>American officials worry less about trade than about technology: a Chinese-built network could, in their
view, expose the communications of the troops stationed at bases in the region.</p>
<ul><li>Network equipment in fifth-generation networks</li><li>Port operations near American bases</li></ul>
<blockquote><p>We do not want to choose between our partners, and nobody should ask us to do so.</p></blockquote>
<p>For now the monarchies seem convinced that they can keep both relationships, and the price of that
conviction will be paid in the next crisis between the two great powers.</p>
<div class="{cls}"><h3>Related stories</h3><ul><li><a href="/a">Why Seoul is buying more missiles</a></li>
<li><a href="/b">Five myths about sanctions</a></li></ul></div>
</article></main>
<footer><p>© 2022 The Example Review. All rights reserved.</p>
<p><a href="/privacy">Privacy notice</a> | <a href="/terms">Terms of service</a></p></footer>
</body></html>
"""
FURNITURE = ["Home", "Our team", "The Example Review", "Gulf digest", "E-mail",
             "indicates required", "Related stories", "Seoul", "Five myths", "All rights reserved", "Privacy notice"]


def page(cls):
    """The saved page; cls is the class of the sign-up and related boxes (named or neutral)."""
    return (HEAD + INTRO + SIGNUP.format(cls=cls) + REST.format(cls=cls)).encode("utf-8")


@pytest.fixture(params=["newsletter-signup", "box"], ids=["named-boxes", "neutral-boxes"])
def result(request):
    result = clean_dump(page(request.param), "page.html", Cleaner(Boilerplate()))
    assert not result.skip_reason
    return result


def test_body_and_structure_are_kept(result):
    html = result.html
    assert html.startswith("<p>Gulf monarchies have spent the last decade")
    assert "<strong>three hundred billion dollars</strong>" in html
    assert "<h2>What Washington fears</h2>" in html
    assert "<ul>\n<li>Network equipment in fifth-generation networks</li>\n<li>Port operations near American bases</li>\n</ul>" in html
    assert "<blockquote><p>We do not want to choose" in html
    assert html.rstrip().endswith("between the two great powers.</p>")


def test_furniture_is_gone(result):
    for text in FURNITURE:
        assert text not in result.html, text
    assert "Why the Gulf is hedging" not in result.html


def test_metadata_comes_from_the_page(result):
    cleaned = result.cleaned
    assert cleaned.title == "Why the Gulf is hedging on Beijing"
    assert cleaned.author == "Nadia Farouk"
    assert cleaned.date.date().isoformat() == "2022-06-14"
    assert "China" in cleaned.tag_hints


def test_no_date_is_guessed_from_years_in_the_text():
    html = page("box").replace(b'<meta property="article:published_time" content="2022-06-14T09:30:00+00:00">', b"")
    html = html.replace(b'"datePublished": "2022-06-14T09:30:00+00:00",', b"").replace(b" \xc2\xb7 June 14, 2022", b"")
    html = html.replace(b"last year", b"in 2019")
    result = clean_dump(html, "page.html", Cleaner(Boilerplate()))
    assert result.cleaned.date is None


def test_a_page_without_an_article_is_skipped():
    html = b"<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><p>Subscribe now</p></body></html>"
    result = clean_dump(html, "page.html", Cleaner(Boilerplate()))
    assert result.skip_reason.startswith("no article found"), result.skip_reason


def test_a_page_subheading_recurring_across_pages_is_kept():
    # Every page of this site has a "Background" section: the corpus signal sees the line
    # recur, the page marks it as a subheading between paragraphs.
    from plugins.dumps.corpus import lines_of, recurring

    def saved(place):
        return (f"<!DOCTYPE html><html><head><title>Talks in {place}</title></head><body><article>"
                f"<h1>Talks in {place}</h1><p>The delegations met in {place} on Monday and agreed to keep talking "
                "about the disputed border, although neither side would say what had been offered.</p>"
                "<h2>Background</h2><p>The two armies have faced each other on the ridge since the clash of the "
                f"spring, and the talks in {place} are the first since then that both capitals confirmed.</p>"
                "</article></body></html>").encode()

    pages = [saved(place) for place in ("Lima", "Hanoi", "Accra")]
    signal = recurring((lines_of(data, True) for data in pages), 3)
    assert "background" in signal
    result = clean_dump(pages[0], "page.html", Cleaner(Boilerplate(), signal))
    assert "<h2>Background</h2>" in result.html


# -- real pages come in every shape ----------------------------------------------------

from lxml import etree  # noqa: E402

from plugins.dumps.htmldump import _blocks, html_blocks, page_title  # noqa: E402

SENTENCE = ("The two delegations met again on Tuesday and agreed to keep talking about the disputed border, "
            "although neither side would say what had been offered or what had been refused. ")


def blocks_of(xml: str):
    return [(b.kind, b.text) for b in _blocks(etree.fromstring(xml))]


def test_text_in_nested_containers_tails_and_rows_reaches_the_blocks():
    xml = ("<body><div><div><p>First <hi rend='#b'>bold</hi> part.</p>loose text after it"
           "<list rend='ol'><item>one</item><item>two<list rend='ul'><item>inner</item></list></item></list></div>"
           "<quote><p>Quoted words.</p></quote>"
           "<table><row><cell>Carbohydrates:</cell><cell>31g</cell></row>"
           "<row><cell><p>A cell paragraph.</p></cell></row></table></div>tail of the body</body>")
    assert blocks_of(xml) == [
        ("p", "First **bold** part."), ("p", "loose text after it"), ("li", "one"), ("li", "two"),
        ("li", "inner"), ("quote", "Quoted words."), ("p", "Carbohydrates: | 31g"), ("p", "A cell paragraph."),
        ("p", "tail of the body"),
    ]


def test_a_grid_of_rows_is_a_table_and_a_row_alone_a_line():
    xml = ("<body><table><row><cell role='head'>Name</cell><cell role='head'>Price</cell></row>"
           "<row><cell>Apple</cell><cell><hi rend='#b'>1</hi> EUR</cell></row>"
           "<row><cell>Pear</cell><cell/></row></table>"
           "<table><row><cell>Home</cell><cell>About</cell></row></table>"
           "<table><row><cell>Blog | Login</cell><cell/></row><row><cell>Search</cell><cell/></row></table>"
           "<table><row><cell>a</cell><cell>b</cell></row><row><cell>c</cell><cell>d</cell></row>"
           "<row><cell><p>A cell paragraph.</p></cell><cell>e</cell></row></table>"
           "<table><row><cell>x</cell><cell>1</cell></row><row><cell>y</cell><cell>2</cell></row></table></body>")
    blocks = _blocks(etree.fromstring(xml))
    assert [(b.kind, b.text) for b in blocks] == [
        ("row", "Name | Price"), ("row", "Apple | **1** EUR"), ("row", "Pear"), ("p", "Home | About"),
        ("p", "Blog | Login"), ("p", "Search"), ("p", "a | b"), ("p", "c | d"), ("p", "A cell paragraph."),
        ("p", "e"), ("row", "x | 1"), ("row", "y | 2")]
    rows = [b.extra for b in blocks if b.kind == "row"]
    assert [row["cells"] for row in rows[:3]] == [["Name", "Price"], ["Apple", "**1** EUR"], ["Pear", ""]]
    assert [row["head"] for row in rows] == [True, False, False, False, False]
    assert rows[0]["table"] == rows[2]["table"] != rows[3]["table"] == rows[4]["table"]


def test_a_pages_tables_are_numbered_in_page_order():
    table = "<table><tr><th>Year</th><th>Tonnes</th></tr><tr><td>{0}</td><td>12</td></tr><tr><td>2021</td><td>14</td></tr></table>"
    page = ("<html><body><article>" + "".join(f"<p>{SENTENCE}Point {i} closes.</p>{table.format(2019 + i)}"
                                              for i in range(3)) + "</article></body></html>")
    tables = [b.extra["table"] for b in html_blocks(page)[0] if b.kind == "row"]
    assert tables == [0, 0, 0, 1, 1, 1, 2, 2, 2]


def test_a_body_of_one_element_is_split_at_its_line_breaks():
    xml = "<body><p>By Ada Lind<lb/>March 3, 2021<lb/><hi rend='#b'>Lead</hi> of the story.<lb/>More of it.</p></body>"
    assert [text for _, text in blocks_of(xml)] == ["By Ada Lind", "March 3, 2021", "**Lead** of the story.", "More of it."]


def test_a_paragraph_wrapped_in_the_source_is_one_paragraph_and_a_code_block_keeps_its_lines():
    # trafilatura keeps the newlines a page's source wraps its text with; a browser shows
    # them as spaces. Only <br> (lb) and a code block's own lines part blocks.
    xml = ("<body><p>The project's late start at a port can be\nattributed to old versions,\n"
           "<hi rend='#b'>holding\nus</hi> back.</p><code>x = 1\ny = 2</code></body>")
    assert blocks_of(xml) == [
        ("p", "The project's late start at a port can be attributed to old versions, **holding us** back."),
        ("p", "x = 1"), ("p", "y = 2")]


def test_a_paragraph_wrapped_in_the_source_reaches_the_post_whole():
    wrapped = ("The main goal of the early work was just getting the code base\n"
               "to a point where <code>import project</code> would work. There were a myriad of places\n"
               "where the project used syntax that was invalid on the new version and\n"
               "it could not even parse the source code, let alone compile it.")
    page = ("<html><body><article>" + "".join(f"<p>{SENTENCE}Point {i} closes.</p>" for i in range(3))
            + f"<p>{wrapped}</p></article></body></html>")
    result = published(page)
    assert "<h2" not in result.html
    assert "<p>" + " ".join(wrapped.replace("<code>", "").replace("</code>", "").split()) + "</p>" in result.html


def test_a_paragraph_the_first_mode_holds_as_a_heading_and_its_text_is_not_added_again():
    import plugins.dumps.htmldump as htmldump

    first = _blocks(etree.fromstring(
        f"<body><head>You know it too!</head><p>{SENTENCE}</p><p>Another point closes here.</p></body>"))
    other = _blocks(etree.fromstring(
        f"<body><p>You know it too! {SENTENCE}</p><p>A paragraph only the second mode found, long enough.</p>"
        "<p>Another point</p></body>"))
    merged = [b.text for b in htmldump._merged(first, other)]
    assert merged[:3] == ["You know it too!", SENTENCE.strip(), "Another point closes here."]
    # new, and short enough to recur by chance: both are added
    assert sorted(merged[3:]) == ["A paragraph only the second mode found, long enough.", "Another point"]


def test_bold_runs_keep_the_spaces_that_part_them():
    xml = "<body><p><hi rend='#b'>Follow us</hi><hi rend='#b'> to stay</hi> informed <hi rend='#b'>daily </hi>here.</p></body>"
    [(kind, text)] = blocks_of(xml)
    assert text == "**Follow us** **to stay** informed **daily** here."


def test_the_space_trafilatura_trims_after_a_line_break_is_put_back():
    page = ("<html><body><article>" + "".join(f"<p>{SENTENCE}Point {i} closes.</p>" for i in range(6))
            + "<ul><li>A chapter of the book<br>\nentitled <i>Beautiful Code</i>, by <b>Oram</b> and<br>"
            "Wilson<i>.</i></li></ul></article></body></html>")
    texts = [b.text for b in html_blocks(page)[0]]
    assert "A chapter of the book entitled Beautiful Code, by **Oram** and" in texts  # one sentence again
    assert "Wilson." in texts  # no space where the page had none


def test_spaces_trafilatura_trims_around_a_run_in_loose_text_are_put_back():
    page = ("<html><body><div class='post'>" + "".join(f"<p>{SENTENCE}Point {i} closes.</p>" for i in range(6))
            + "<div>The treaty matters, as the <u>ministry said</u> on Monday, to <i>every</i> party.</div>"
            "<p>Emissions of CO<sub>2</sub> rose, and the <b>word</b>s of the minister stayed as they were.</p>"
            "</div></body></html>")
    texts = [b.text for b in html_blocks(page)[0]]
    assert "ministry said on Monday, to" in texts  # trafilatura: "<hi>ministry said</hi>on Monday, to"
    assert "every party." in texts
    assert "Emissions of CO2 rose, and the **word**s of the minister stayed as they were." in texts  # as the page has them


DEK = "Border talks resume after a month of silence, with both sides promising a deal before winter"


@pytest.mark.parametrize("description, shown, first", [
    (DEK, f'<p class="dek">{DEK}</p>', DEK),  # the standfirst trafilatura left out
    (DEK, "", "The two delegations"),  # a description the page does not show: a search engine's blurb
    (DEK[:60] + "...", f'<p class="dek">{DEK}</p>', "The two delegations"),  # cut short
    (DEK[:60] + " […]", f'<p class="dek">{DEK}</p>', "The two delegations"),  # cut short, so marked
    (DEK[:64], f'<p class="dek">{DEK}</p>', "The two delegations"),  # cut in the middle of a word
    ("Border talks resume", '<p class="dek">Border talks resume</p>', "The two delegations"),  # not a sentence
    (f"Talks by the lake: {DEK}", f"<p>Talks by the lake: {DEK}</p>", "The two delegations"),  # the headline again
])
def test_the_standfirst_the_page_shows_opens_the_article(description, shown, first):
    page = (f'<html><head><title>Talks by the lake</title><meta property="og:description" content="{description}">'
            f'</head><body><header><h1>Talks by the lake</h1>{shown}</header><article>'
            + "".join(f"<p>{SENTENCE}Point {i} closes.</p>" for i in range(6)) + "</article></body></html>")
    blocks = html_blocks(page)[0]
    assert blocks[0].text.startswith(first)
    assert ("description" in blocks[0].rule) == (first == DEK)  # invoke inspect says where it came from
    assert [b.line for b in blocks] == list(range(1, len(blocks) + 1))


def test_a_short_standfirst_opens_the_article_as_a_paragraph_not_a_subheading():
    dek = "Both sides promise a deal on the border before the winter"  # short, no full stop
    page = (f'<html><head><title>Talks by the lake</title><meta property="og:description" content="{dek}">'
            f'</head><body><header><h1>Talks by the lake</h1><p class="dek">{dek}</p></header><article>'
            + "".join(f"<p>{SENTENCE}Point {i} closes.</p>" for i in range(6)) + "</article></body></html>")
    result = clean_dump(page.encode(), "page.html", Cleaner(Boilerplate()))
    assert result.html.startswith(f"<p>{dek}</p>")


def test_a_sites_tagline_given_as_the_pages_description_is_not_a_standfirst():
    # The site shows its tagline in its footer, below the article, and gives it as the
    # page's description.
    tagline = "Independent reporting on the borders, ports and people of the northern coast since 1998"
    page = (f'<html><head><title>Talks</title><meta property="og:description" content="{tagline}"></head>'
            "<body><article><h1>Talks</h1>" + "".join(f"<p>{SENTENCE}Point {i}.</p>" for i in range(5))
            + f"</article><footer><p>{tagline}</p></footer></body></html>")
    assert not [b for b in html_blocks(page)[0] if tagline in b.text]


def test_code_in_a_sentence_stays_in_it():
    assert blocks_of("<body><p>Run <code>make</code> first.</p><code>make all</code></body>") == [
        ("p", "Run make first."), ("p", "make all")]


def published(html: str):
    result = clean_dump(html.encode("utf-8"), "page.html", Cleaner(Boilerplate()))
    assert not result.skip_reason, result.skip_reason
    return result


def test_an_article_laid_out_in_a_table_is_published_whole():
    rows = "".join(f"<tr><td class='text'>{SENTENCE * 2}Part {i} ends here.</td></tr>" for i in range(6))
    html = ("<html><head><title>Border talks go on</title></head><body><table><tr><td><a href='/'>Home</a> "
            f"<a href='/news'>News</a></td></tr><tr><td><h1>Border talks go on</h1><table>{rows}</table></td></tr>"
            "</table></body></html>")
    result = published(html)
    for i in range(6):
        assert f"Part {i} ends here." in result.html


def test_a_minified_page_on_one_long_line_is_published():
    paragraphs = "".join(f"<p>{SENTENCE}Paragraph {i}.</p>" for i in range(60))
    nav = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(600))
    html = (f"<html><head><title>Talks</title></head><body><nav><ul>{nav}</ul></nav>"
            f"<main><article><h1>Talks</h1>{paragraphs}</article></main></body></html>")
    assert "\n" not in html and len(html) > 25_000
    result = published(html)
    assert "Paragraph 0." in result.html and "Paragraph 59." in result.html


def test_an_article_below_hundreds_of_unclosed_elements_is_published():
    """libxml2 stops at 256 nested elements by default; an old template's unclosed <div>s
    and <font>s go deeper, and a browser shows the article below them."""
    paragraphs = "".join(f"<p>{SENTENCE}Paragraph {i}.</p>" for i in range(8))
    html = ("<html><head><title>Talks | The Harbour Times</title></head><body>" + "<div><font>" * 200
            + f"<article><h1>Talks</h1>{paragraphs}</article></body></html>")
    result = published(html)
    assert "Paragraph 0." in result.html and "Paragraph 7." in result.html


def test_a_saved_page_under_a_text_dumps_name_is_read_as_html_and_noted():
    paragraphs = "".join(f"<p>{SENTENCE}Paragraph {i}.</p>" for i in range(4))
    headline = "Talks on the treaty stall in Geneva"
    html = (f"<!DOCTYPE html>\n<html><head><title>{headline} | The Harbour Times</title></head><body><nav>"
            f"<a href='/'>Home</a></nav><article><h1>{headline}</h1>{paragraphs}</article></body></html>")
    result = clean_dump(html.encode("utf-8"), "page.txt", Cleaner(Boilerplate()))
    assert not result.skip_reason and result.cleaned.title == headline
    assert "Paragraph 3." in result.html and "<p>" not in result.cleaned.blocks[0].text
    assert result.notes == "a saved page (HTML) under a text dump's name: read as HTML"
    assert published(html).notes == ""  # named .html: nothing to say


def test_a_text_dump_that_mentions_markup_is_still_text():
    text = f"Writing <html> by hand\n\n{SENTENCE * 2}\n\n{SENTENCE}The <body> element comes next.\n"
    result = clean_dump(text.encode("utf-8"), "page.txt", Cleaner(Boilerplate()))
    assert result.notes == "" and "The &lt;body&gt; element comes next." in result.html


GERMAN = """<html lang="de"><head><meta charset="utf-8"><title>Neue Gespräche an der Grenze | Beispiel-Zeitung</title>
</head><body><article><h1>Neue Gespräche an der Grenze</h1>
<p>Die Delegationen beider Länder trafen sich am Dienstag in der Hauptstadt zu neuen Gesprächen über den Verlauf der Grenze</p>
<p>Nach Angaben des Außenministeriums verliefen die Verhandlungen in einer sachlichen Atmosphäre</p>
<p>Beobachter rechnen mit Ergebnissen frühestens im Herbst, wenn die Kommission ihren Bericht vorlegt</p>
<p>Zutaten der Einigung sollen Handel, Verkehr und Wasserrechte sein, heißt es aus Kreisen der Regierung</p>
</article></body></html>"""


def test_a_german_article_without_full_stops_is_published():
    # Capitalised nouns and paragraphs without a closing full stop: no "prose" by the
    # capitalisation share, but an article all the same.
    result = published(GERMAN)
    assert "Hauptstadt zu neuen Gesprächen" in result.html
    assert result.cleaned.title == "Neue Gespräche an der Grenze"


def test_a_site_name_in_the_first_h1_is_not_the_title():
    html = ("<html><head><title>Neighbours settle a river dispute | The Example Review</title></head><body>"
            "<header><h1>The Example Review</h1></header><article><h2>Neighbours settle a river dispute</h2>"
            f"<p>{SENTENCE * 3}</p><p>{SENTENCE * 2}</p></article></body></html>")
    assert published(html).cleaned.title == "Neighbours settle a river dispute"


@pytest.mark.parametrize("head, body, title", [
    ("<title>Ports and power - The Example Review</title>", "<h1>Ports and power</h1>", "Ports and power"),
    ('<title>x</title><meta property="og:title" content="Ports and power">', "<h1>Ports and power</h1>", "Ports and power"),
    ("<title>The Example Review | Ports and power in the Gulf</title>", "<h1>Menu</h1>", "Ports and power in the Gulf"),
])
def test_the_title_is_the_headline_the_page_confirms(head, body, title):
    from trafilatura.utils import load_html

    tree = load_html(f"<html><head>{head}</head><body>{body}<p>text</p></body></html>")
    assert page_title(tree, "Something else entirely") == title
    assert page_title(tree, title) == title


def test_a_thin_extraction_falls_back_to_trafilaturas_baseline(monkeypatch):
    # Where trafilatura's modes find only a teaser, its baseline (JSON-LD articleBody,
    # <article>, the page's paragraphs) is taken when it holds more.
    import plugins.dumps.htmldump as htmldump

    real = htmldump._extract
    teaser = etree.fromstring("<body><p>Border talks go on. Read the full story</p></body>")
    monkeypatch.setattr(htmldump, "_extract", lambda tree, **mode: setattr(doc := real(tree, **mode), "body", teaser) or doc)
    paragraphs = "".join(f"<p>{SENTENCE}Point {i} closes.</p>" for i in range(8))
    html = f"<html><head><title>Border talks go on</title></head><body><article>{paragraphs}</article></body></html>"
    result = published(html)
    assert "Point 0 closes." in result.html and "Point 7 closes." in result.html
    assert result.cleaned.title == "Border talks go on"


def test_a_recipe_section_after_furniture_is_kept():
    html = ("<html><head><title>Noodles</title></head><body><article><h1>Noodles</h1>"
            f"<p>{SENTENCE * 2}</p><p>Subscribe to our newsletter</p><h2>Ingredients</h2>"
            "<ul><li>120 g noodles</li><li>1 tbsp garlic</li><li>2 tsp soy sauce</li></ul>"
            "<h2>Directions</h2><ol><li>Fry the garlic.</li><li>Add the noodles and the sauce.</li></ol>"
            "</article></body></html>")
    result = published(html)
    assert "Subscribe" not in result.html
    assert "<li>120 g noodles</li>" in result.html and "<li>Add the noodles and the sauce.</li>" in result.html


def test_a_site_name_beside_the_headline_goes_when_the_page_shows_the_headline():
    from trafilatura.utils import load_html

    tree = load_html("<html><head><title>Ports and power in the Gulf - Review</title></head>"
                     "<body><h1>Ports and power in the Gulf</h1><p>text</p></body></html>")
    assert page_title(tree, "Ports and power in the Gulf - Review") == "Ports and power in the Gulf"
    # A headline shorter than what stands beside it may be the site's name: kept whole.
    tree = load_html("<html><head><title>Why we left the coast — Ana Ruiz</title></head>"
                     "<body><h1>Ana Ruiz</h1><p>text</p></body></html>")
    assert page_title(tree, "Why we left the coast — Ana Ruiz") == "Why we left the coast — Ana Ruiz"
    # The <title> writes its quotation marks straight, the <h1> curly: the same headline.
    tree = load_html("<html><head><title>Gates on Russia: 'Being friendly isn't enough' | World News</title></head>"
                     "<body><h1>Gates on Russia: ‘Being friendly isn’t enough’</h1><p>text</p></body></html>")
    assert page_title(tree, "Gates on Russia: 'Being friendly isn't enough' | World News") == \
        "Gates on Russia: ‘Being friendly isn’t enough’"


def test_a_long_paragraph_with_furniture_words_is_kept_in_a_saved_page():
    # A call to action at the end of a long paragraph does not make the paragraph furniture;
    # the same call to action on its own line does.
    paragraph = SENTENCE * 3 + "Check back for more and subscribe to our video channel for updates."
    html = ("<html><head><title>Border talks go on</title></head><body><article><h1>Border talks go on</h1>"
            f"<p>{paragraph}</p><p>{SENTENCE * 2}</p>"
            "<p>Subscribe to our channel for updates.</p></article></body></html>")
    result = published(html)
    assert "subscribe to our video channel" in result.html
    assert "Subscribe to our channel for updates." not in result.html


def test_lines_between_recurring_lines_of_a_saved_page_are_kept():
    # A recipe's quantities ("1", "2") recur on many pages; the ingredient between two of
    # them is no furniture for that.
    from plugins.dumps.corpus import lines_of, recurring

    def saved(dish, fruit):
        return (f"<html><head><title>{dish}</title></head><body><article><h1>{dish}</h1>"
                f"<p>{dish} for the weekend. {SENTENCE}</p><h2>Ingredients</h2>"
                f"<p>1</p><p>cup of brown sugar for the {fruit}</p><p>2</p><p>cans of {fruit} slices, drained</p><p>1</p>"
                f"<h2>Steps</h2><p>Bake the {fruit}. {SENTENCE}</p></article></body></html>").encode()

    pages = [saved(dish, fruit) for dish, fruit in (("Upside-down cake", "pineapple"), ("Tart", "plum"), ("Pie", "pear"))]
    signal = recurring((lines_of(data, True) for data in pages), 3)
    assert "0" in signal and "cans of pineapple slices drained" not in signal
    result = clean_dump(pages[0], "page.html", Cleaner(Boilerplate(), signal))
    assert "cans of pineapple slices, drained" in result.html


@pytest.mark.parametrize("paragraphs, passes", [(2, 2), (40, 1)])
def test_trafilaturas_default_mode_is_read_only_after_a_short_recall_extraction(monkeypatch, paragraphs, passes):
    # The default mode adds paragraphs where the recall mode took a narrow part of the page;
    # after a long recall extraction it is not run.
    import plugins.dumps.htmldump as htmldump

    modes = []
    real = htmldump._extract
    monkeypatch.setattr(htmldump, "_extract", lambda tree, **mode: modes.append(mode) or real(tree, **mode))
    body = "".join(f"<p>{SENTENCE}Point {i} closes.</p>" for i in range(paragraphs))
    result = published(f"<html><head><title>Talks</title></head><body><article>{body}</article></body></html>")
    assert len(modes) == passes
    assert f"Point {paragraphs - 1} closes." in result.html


THREAD = """<div class="box"><p>Comments</p>
<div><p>Samir K.</p><p>2 hours ago</p>
<p>This is exactly what I have been saying for years: nobody can keep both friends forever, and the bill comes due.</p></div>
<div><p>Lena</p><p>5 hours ago</p>
<p>Great piece, although I think the author underrates how much the ports matter to the navy in the long run.</p></div>
</div>
"""


def test_readers_comments_the_markup_does_not_mark_are_left_out_below_a_link_to_them():
    html = page("box").replace(b"</article></main>", THREAD.encode("utf-8") + b"</article></main>")
    result = clean_dump(html, "page.html", Cleaner(Boilerplate()))
    assert result.html.rstrip().endswith("between the two great powers.</p>")
    for text in ("Samir", "saying for years", "Great piece", "hours ago"):
        assert text not in result.html, text
    thread = [b for b in result.cleaned.blocks if b.rule.startswith("readers' comments")]
    assert [b.plain for b in thread][-1].startswith("Great piece")


def test_a_count_of_the_comments_above_the_article_cuts_nothing():
    html = page("box").replace(b'<p class="byline">', b'<p>12 comments</p>\n<p class="byline">')
    result = clean_dump(html, "page.html", Cleaner(Boilerplate()))
    assert result.html.rstrip().endswith("between the two great powers.</p>")


def test_a_date_and_byline_line_above_the_article_are_left_to_the_posts_header():
    html = page("box").replace(b'<p class="byline">By Nadia Farouk \xc2\xb7 June 14, 2022</p>',
                               b"<p>Written by: Nadia Farouk</p>\n<p>June 14, 2022</p>")
    result = clean_dump(html, "page.html", Cleaner(Boilerplate()))
    body = [b.plain for b in result.cleaned.body]
    assert body[0].startswith("Gulf monarchies have spent")
    assert "Nadia Farouk" not in result.html and "June 14, 2022" not in result.html
    assert result.cleaned.author == "Nadia Farouk"  # the page's metadata gives them
    assert result.cleaned.date.year == 2022


def test_a_timelines_first_date_above_its_first_paragraph_is_kept():
    entries = "".join(f"<h2>{day}</h2><p>{SENTENCE}</p>" for day in ("March 18, 2014", "February 24, 2022"))
    head = '<head><meta property="article:published_time" content="2022-06-14T09:30:00+00:00"></head>'
    result = published(f"<html>{head}<body><article><h1>A short history of the dispute</h1>{entries}</article></body></html>")
    assert result.cleaned.date.year == 2022
    assert [b.plain for b in result.cleaned.body][0] == "March 18, 2014"


def test_a_byline_above_the_article_stays_when_the_pages_metadata_names_no_author():
    html = page("box").replace(b'"author": {"@type": "Person", "name": "Nadia Farouk"}', b'"publisher": "The Example Review"')
    html = html.replace(b'<p class="byline">By Nadia Farouk \xc2\xb7 June 14, 2022</p>', b"<p>Written by: Nadia Farouk</p>")
    result = clean_dump(html, "page.html", Cleaner(Boilerplate()))
    assert not result.cleaned.author
    assert "Written by: Nadia Farouk" in result.html


def test_a_data_table_in_the_article_is_kept_as_a_table_head_row_and_all():
    # Its head row of short labels reads like a menu ("Country | Capital | Troops"); in the
    # table it is the table's. A menu laid out as a table of one row stays furniture.
    rows = "".join(f"<tr><td>{country}</td><td>{capital}</td><td>{troops}</td></tr>" for country, capital, troops in
                   (("Estonia", "Tallinn", "1,200"), ("Latvia", "Riga", "1,500"), ("Lithuania", "Vilnius", "1,100")))
    html = ("<html><head><title>Where the battalions stand</title></head><body><article>"
            "<h1>Where the battalions stand</h1>" + "".join(f"<p>{SENTENCE}Point {i} closes.</p>" for i in range(3))
            + "<table><tr><td>Home | World | Europe</td><td>Opinion</td></tr></table>"
            + f"<table><tr><th>Country</th><th>Capital</th><th>Troops</th></tr>{rows}</table>"
            + f"<p>{SENTENCE}The end.</p></article></body></html>").encode()
    result = clean_dump(html, "page.html", Cleaner(Boilerplate()))
    assert ("<table>\n<thead>\n<tr><th>Country</th><th>Capital</th><th>Troops</th></tr>\n</thead>\n<tbody>\n"
            "<tr><td>Estonia</td><td>Tallinn</td><td>1,200</td></tr>") in result.html
    assert "Lithuania" in result.html and "Opinion" not in result.html


def test_tables_render_apart_from_lists_and_from_each_other():
    from plugins.dumps.blocks import Block
    from plugins.dumps.render import render

    def row(table, *cells, head=False):
        return Block(text=" | ".join(cells), kind="row", extra={"cells": list(cells), "head": head, "table": table})

    html = render([Block(text="one", kind="li"), row(0, "a", "b", head=True), row(0, "**c**", ""),
                   row(1, "e", "f"), Block(text="After.")])
    assert html == ("<ul>\n<li>one</li>\n</ul>\n<table>\n<thead>\n<tr><th>a</th><th>b</th></tr>\n</thead>\n<tbody>\n"
                    "<tr><td><strong>c</strong></td><td></td></tr>\n</tbody>\n</table>\n"
                    "<table>\n<tbody>\n<tr><td>e</td><td>f</td></tr>\n</tbody>\n</table>\n<p>After.</p>")


def test_a_saved_pages_short_paragraph_is_a_subheading_only_when_set_in_bold():
    # A page marks its subheadings; a short plain paragraph above a paragraph is a joke's
    # punchline, a byline or a commenter's name there, not a heading.
    body = "".join(f"<p>{SENTENCE}Point {i} closes.</p>" for i in range(3))
    result = published("<html><body><article>" + body + "<p>Oh shoot</p>" + f"<p>{SENTENCE}</p>"
                       + "<p><b>Serving tips</b></p>" + f"<p>{SENTENCE}Serve it warm.</p></article></body></html>")
    assert "<p>Oh shoot</p>" in result.html
    assert "<h2>Serving tips</h2>" in result.html


def test_a_subheading_broken_over_two_lines_is_one_subheading():
    xml = "<body><head>Quarry plan will<lb/>undermine rural road</head><p>By Ada Lind<lb/>March 3, 2021</p></body>"
    assert blocks_of(xml) == [("h", "Quarry plan will undermine rural road"), ("p", "By Ada Lind"), ("p", "March 3, 2021")]


def test_an_inline_quotation_stays_in_its_sentence():
    page = ("<html><body><article>" + "".join(f"<p>{SENTENCE}Point {i} closes.</p>" for i in range(3))
            + "<p>„<q>Wer optimal schützen will, muss wissen, wie Angreifer vorgehen</q>“, sagt der Leiter.</p>"
            + "</article></body></html>")
    result = published(page)
    assert "<p>„Wer optimal schützen will, muss wissen, wie Angreifer vorgehen“, sagt der Leiter.</p>" in result.html
    assert "<blockquote>" not in result.html


def test_bold_inside_bold_is_one_bold_run():
    xml = "<body><p><hi rend='#b'><ref><hi rend='#b'>Elias</hi></ref></hi> und <hi rend='#b'>Mikael</hi> siegen.</p></body>"
    assert blocks_of(xml) == [("p", "**Elias** und **Mikael** siegen.")]


def test_a_heading_of_several_sentences_is_a_paragraph():
    # A page that sets its standfirst, or an interview's question, in an <h2>.
    lead = "The bats did it. Or so the new study says, after two years of work in caves across the south."
    xml = (f"<body><head>{lead}</head><head>What the study found</head><head>Long gone? Not so fast.</head>"
           "<head>1. Can I plant lemon seeds?</head><p>Text.</p></body>")
    assert blocks_of(xml) == [("p", lead), ("h", "What the study found"), ("h", "Long gone? Not so fast."),
                              ("h", "1. Can I plant lemon seeds?"), ("p", "Text.")]


def test_a_sentence_a_line_break_cut_is_one_line_again():
    xml = ("<body><p>The only condition<lb/>is a line of sixteen megabits.<lb/>By Ada Lind<lb/>March 3, 2021"
           "<lb/>Berlin<lb/>**Bold start**<lb/>and more<lb/>Weingut Giefing, Rust<lb/>wein-rust.at"
           "<lb/>Tabellen-<lb/>buch</p></body>")
    assert [text for _, text in blocks_of(xml)] == [
        "The only condition is a line of sixteen megabits.", "By Ada Lind", "March 3, 2021", "Berlin",
        "**Bold start** and more", "Weingut Giefing, Rust", "wein-rust.at", "Tabellen-buch"]
