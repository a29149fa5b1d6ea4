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
    assert result.skip_reason


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
