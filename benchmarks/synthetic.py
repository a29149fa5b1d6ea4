"""Synthetic IR articles and the dumps a scraper would have made of them.

The benchmark needs thousands of distinct articles whose dumps look like real crawl
output: a few sites, each with its own furniture that recurs across its dumps (so the
corpus signal has something to find), prose that never repeats a line across dumps (so
it is not mistaken for furniture), and the same article as clean Markdown for stock
Pelican. Everything comes from one seeded `random.Random`, so a size and a seed always
give the same files. No text here is taken from the project's corpus.
"""

import html
import random
import re
import textwrap
from dataclasses import dataclass, field
from datetime import date, timedelta

# (name, short name used as a tag, adjective, capital)
COUNTRIES = [
    ("Turkey", "Turkey", "Turkish", "Ankara"),
    ("the United States", "US", "American", "Washington"),
    ("Russia", "Russia", "Russian", "Moscow"),
    ("China", "China", "Chinese", "Beijing"),
    ("India", "India", "Indian", "New Delhi"),
    ("Pakistan", "Pakistan", "Pakistani", "Islamabad"),
    ("Iran", "Iran", "Iranian", "Tehran"),
    ("Saudi Arabia", "Saudi Arabia", "Saudi", "Riyadh"),
    ("Israel", "Israel", "Israeli", "Jerusalem"),
    ("Japan", "Japan", "Japanese", "Tokyo"),
    ("South Korea", "South Korea", "South Korean", "Seoul"),
    ("Germany", "Germany", "German", "Berlin"),
    ("France", "France", "French", "Paris"),
    ("the United Kingdom", "UK", "British", "London"),
    ("Ukraine", "Ukraine", "Ukrainian", "Kyiv"),
    ("Poland", "Poland", "Polish", "Warsaw"),
    ("Australia", "Australia", "Australian", "Canberra"),
    ("Brazil", "Brazil", "Brazilian", "Brasilia"),
    ("Egypt", "Egypt", "Egyptian", "Cairo"),
    ("Indonesia", "Indonesia", "Indonesian", "Jakarta"),
    ("Vietnam", "Vietnam", "Vietnamese", "Hanoi"),
    ("the Philippines", "Philippines", "Philippine", "Manila"),
    ("Qatar", "Qatar", "Qatari", "Doha"),
    ("the United Arab Emirates", "UAE", "Emirati", "Abu Dhabi"),
    ("Greece", "Greece", "Greek", "Athens"),
    ("Armenia", "Armenia", "Armenian", "Yerevan"),
    ("Azerbaijan", "Azerbaijan", "Azerbaijani", "Baku"),
    ("Nigeria", "Nigeria", "Nigerian", "Abuja"),
    ("South Africa", "South Africa", "South African", "Pretoria"),
    ("Canada", "Canada", "Canadian", "Ottawa"),
    ("Sri Lanka", "Sri Lanka", "Sri Lankan", "Colombo"),
    ("Bangladesh", "Bangladesh", "Bangladeshi", "Dhaka"),
    ("Kazakhstan", "Kazakhstan", "Kazakh", "Astana"),
    ("Ethiopia", "Ethiopia", "Ethiopian", "Addis Ababa"),
]
# (as written in prose, tag)
ORGS = [
    ("NATO", "NATO"), ("the European Union", "EU"), ("the UN Security Council", "UN"),
    ("ASEAN", "ASEAN"), ("BRICS", "BRICS"), ("the Quad", "Quad"), ("AUKUS", "AUKUS"),
    ("the IAEA", "IAEA"), ("the Shanghai Cooperation Organisation", "SCO"),
    ("the African Union", "African Union"), ("the G20", "G20"), ("OPEC", "OPEC"),
]
SYSTEMS = [
    "S-400", "F-35", "Patriot", "Bayraktar TB2", "THAAD", "HIMARS", "Su-57", "J-20",
    "Rafale", "Iron Dome", "BrahMos", "Kinzhal", "MQ-9 Reaper", "Leopard 2", "Shahed-136",
]
TOPICS = [
    "arms deal", "trade agreement", "border dispute", "naval exercise", "sanctions regime",
    "gas pipeline", "nuclear programme", "peace talks", "defence pact", "grain corridor",
    "maritime boundary", "port investment", "ceasefire", "debt restructuring", "missile test",
    "joint patrol", "export controls", "visa regime", "currency swap", "satellite launch",
]
ROLES = [
    "foreign minister", "defence minister", "president", "prime minister", "national security adviser",
    "ambassador", "deputy foreign minister", "chief of defence staff", "trade minister", "envoy",
]
VERBS = [
    "signed", "suspended", "criticised", "welcomed", "announced", "postponed", "expanded",
    "renegotiated", "condemned", "quietly endorsed", "questioned", "revived", "downplayed",
]
ADJECTIVES = [
    "cautious", "uneasy", "pragmatic", "transactional", "fragile", "ambitious", "lopsided",
    "durable", "tense", "unusually warm", "ambiguous", "costly", "symbolic", "strained",
]
REASONS = [
    "a dispute over technology transfer", "a change of government", "payment problems",
    "pressure from {org}", "a row over spare parts", "delays at the factory",
    "new sanctions", "a disagreement over training crews", "an election campaign",
]
OPENERS = [
    "", "", "", "Meanwhile, ", "At the same time, ", "Privately, ", "Even so, ",
    "By contrast, ", "On paper, ", "For now, ", "Publicly at least, ", "In {year}, ",
]
SENTENCES = [
    "{C}'s decision to [revisit|reopen|shelve|fast-track] the {topic} with {c2} has {reaction} in {cap2}.",
    "[Officials|Aides|Negotiators|Sources] in {cap} [say|believe|suggest] the {topic} could be [finalised|signed|ratified] before {month} {year2}.",
    "{Adj} [diplomats|officials|negotiators] told [reporters|journalists|a briefing] that {org} would [review|discuss|revisit] the {topic} at its next [summit|meeting|session].",
    "The {system} has become a [measure|test|symbol] of how far {c} [will|is prepared to|seems willing to] go to hedge against {c2}.",
    "[Analysts|Economists|Bankers] in {cap} put the [value|cost|price] of the {topic} at about ${n} billion over {k} years.",
    "{C} first raised the [matter|issue|question] at {org} in {year}, but [talks|discussions|negotiations] stalled within {k} months.",
    "[Critics|Opposition lawmakers|Former officials] argue that {c} cannot [buy|field|deploy] the {system} and keep its [standing|influence|seat at the table] inside {org}.",
    "The {role} of {c} said on {weekday} that the {topic} was {adj} but [necessary|overdue|unavoidable].",
    "[Trade|Two-way trade|Bilateral commerce] between {c} and {c2} has {trend} by {p} per cent since {year}.",
    "{Org} has so far [avoided taking sides|stayed neutral|kept its distance], although {k} [member states|governments|members] have [voiced concern|raised objections|asked for talks].",
    "A {adj} delegation from {cap} arrived in {cap2} on {weekday} for {k} days of [talks|meetings|negotiations].",
    "Deliveries of the {system}, first promised for {year}, slipped after {reason}.",
    "None of this means {c} is [abandoning|turning away from|giving up on] {c2}; the relationship is [simply|merely] becoming more {adj}.",
    "The {role} of {c2} {verb} the {topic} in a [speech to parliament|televised address|press conference] in {month}.",
    "Satellite images [published|released|shared] in {month} suggest {c} has moved {k} [batteries|units|launchers] of the {system} closer to the [border|coast|capital].",
    "{C2} has {verb} a parallel {topic2} with {c3}, a move read in {cap} as a [warning|signal|provocation].",
    "The {topic} would give {c} access to {n} [ports|airfields|bases] across the [region|Indian Ocean|Black Sea|Gulf].",
    "[Polls|Surveys] in {c} show {p} per cent of [voters|respondents] back closer ties with {c2}.",
    "What [worries|concerns|unsettles] planners in {cap2} is not the {system} itself but what comes [after|with] it.",
    "{Org} officials insist the {topic} does not change [the bloc's|their] position on {c}.",
    "The {role} of {c3} is expected to visit {cap} in {month} to discuss the {topic2}.",
    "A leaked [memo|cable|briefing note] from {cap} describes the {topic} as {adj} and [politically expensive|hard to sell at home|a gamble].",
    "Both sides {verb} the idea of a joint [commission|working group|task force], which last met in {year}.",
    "The first [tranche|instalment|payment] of ${n} million was [released|paid out|transferred] in {month} {year}, according to the [finance ministry|central bank|treasury] in {cap}.",
]
HEADINGS = [
    "What the {system} changes for {c}", "The view from {cap}", "Why {org} is watching",
    "{C} and {c2} after the {topic}", "A {adj} balance", "The road to {month}",
    "Money, arms and the {topic}", "What comes next for {c2}",
]
LIST_INTROS = ["Three points stand out:", "The main obstacles are:", "Officials list several demands:",
               "Observers point to the following:"]
LIST_ITEMS = [
    "{C} wants guarantees on the {topic} before {month}.", "{Org} seeks a say over the {system} in {c2}.",
    "{C2} insists on a review of the {topic2} by {year2}.", "A budget of ${n} million for {adj} joint training with {c2}.",
    "Access for inspectors to {k} sites near {cap}.", "A timetable for the {topic} agreed by {cap2}.",
]
TITLES = [
    "{C} and {c2} edge closer to a {topic}", "Why {c}'s {system} plans worry {org}",
    "{Org} summit: what {c} wants from the {topic}", "Inside {c}'s bet on the {system}",
    "The {topic} that could reshape ties between {c} and {c2}",
    "{C} signals a shift on the {topic} as {c2} looks on",
    "Can {org} hold the line on the {topic} with {c}?", "{Adj} partners: {c}, {c2} and the {system}",
    "The {system} question in {cap}", "{C} weighs a {topic} with {c2} ahead of {month} talks",
]
FIRST_NAMES = ["Amira", "Daniel", "Priya", "Kemal", "Sofia", "Hiroshi", "Lena", "Tomasz", "Farah", "Mateo",
               "Ingrid", "Rohan", "Chloe", "Yusuf", "Nadia", "Elias", "Mei", "Oluwaseun", "Ana", "Viktor"]
LAST_NAMES = ["Okafor", "Lindqvist", "Raman", "Demir", "Castellanos", "Takeda", "Brennan", "Kowalczyk",
              "Haddad", "Moreau", "Varga", "Sethi", "Nakamura", "Adeyemi", "Ferreira", "Holm", "Qureshi",
              "Ivanova", "Mensah", "Whitfield"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


_CHOICE = re.compile(r"\[([^\]]+)\]")


@dataclass(frozen=True)
class Site:
    """One old website: how its scraper flattened pages, and the furniture it wrapped them in."""

    name: str
    newsletter: str
    layout: str  # "blank" (blank-line paragraphs), "line" (one per line) or "wrap" (hard-wrapped)
    date_form: str  # a strftime-like form, see _date_line
    nav: tuple = ()
    share: tuple = ("Share on Facebook", "Share on Twitter")
    pitch: str = ""
    disclaimer: str = "The views expressed are the author's own."


SITES = [
    Site("The Meridian Review", "The Meridian Brief", "blank", "{month} {day}, {year}",
         nav=("Home", "World", "Defence", "Analysis", "About"), pitch="Our best analysis, every Friday morning."),
    Site("Statecraft Weekly", "Statecraft Weekly Digest", "line", "{day} {month} {year}",
         share=("Share on Facebook", "Share on LinkedIn", "Share on WhatsApp"),
         disclaimer="Disclaimer: The views expressed are the author's own and do not reflect those of Statecraft Weekly."),
    Site("Borderlines Journal", "Borderlines Dispatch", "wrap", "Published on {iso}",
         nav=("Regions", "Security", "Economy", "Podcasts"), pitch="Join readers in 90 countries."),
    Site("Global Affairs Desk", "the Global Affairs Desk newsletter", "blank", "Posted on {weekday}, {month} {day}, {year} | {minutes} min read",
         share=("Share on Facebook", "Tweet this", "Email this article")),
    Site("The Diplomatic Ledger", "The Ledger Weekly", "line", "Updated: {day} {mon} {year}",
         nav=("News", "Opinion", "Long Reads", "Events", "Subscribe"), pitch="No spam. Unsubscribe at any time.",
         disclaimer="The views expressed are the author's own."),
    Site("Eurasia Watch", "Eurasia Watch Insider", "wrap", "{month} {day}, {year}",
         share=("Share on Facebook", "Share on Twitter", "Share on Telegram")),
]


@dataclass
class Article:
    title: str
    author: str
    date: date
    blocks: list  # ("p", text) | ("h", text) | ("ul", [items])
    tags: list
    site: Site
    also_read: str
    extras: dict = field(default_factory=dict)


def _fill(template, rng, focus):
    """A template with its [a|b] choices made and slots filled, mostly from the article's focus."""
    template = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    c, c2, org, system, topic = focus
    c3 = rng.choice(COUNTRIES)
    values = {
        "c": c[0], "C": c[0][0].upper() + c[0][1:], "c2": c2[0], "C2": c2[0][0].upper() + c2[0][1:],
        "c3": c3[0], "cap": c[3], "cap2": c2[3], "org": org[0], "Org": org[0][0].upper() + org[0][1:],
        "system": system if rng.random() < 0.7 else rng.choice(SYSTEMS),
        "topic": topic, "topic2": rng.choice(TOPICS), "role": rng.choice(ROLES), "verb": rng.choice(VERBS),
        "adj": rng.choice(ADJECTIVES), "Adj": c[2] if rng.random() < 0.5 else c2[2],
        "reaction": rng.choice(["raised eyebrows", "caused alarm", "been welcomed", "gone largely unnoticed"]),
        "trend": rng.choice(["grown", "fallen", "nearly doubled", "shrunk"]),
        "month": rng.choice(MONTHS), "weekday": rng.choice(WEEKDAYS), "year": rng.randint(2005, 2023),
        "year2": rng.randint(2024, 2030), "n": rng.randint(2, 480), "k": rng.randint(2, 19), "p": rng.randint(3, 78),
    }
    values["reason"] = rng.choice(REASONS).format(**values)
    return template.format(**values).replace("s's ", "s' ")


def _sentence(rng, focus):
    opener = rng.choice(OPENERS).format(year=rng.randint(2005, 2023))
    text = _fill(rng.choice(SENTENCES), rng, focus)
    if opener and text.startswith(("The ", "A ", "Both ", "None ", "What ", "Deliveries ", "Analysts ",
                                   "Officials ", "Critics ", "Trade ", "Polls ", "Satellite ")):
        text = text[0].lower() + text[1:]
    return opener + text


def _paragraph(rng, focus):
    return " ".join(_sentence(rng, focus) for _ in range(rng.randint(3, 5)))


def _name(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _focus(rng):
    c, c2 = rng.sample(COUNTRIES, 2)
    return c, c2, rng.choice(ORGS), rng.choice(SYSTEMS), rng.choice(TOPICS)


def _title(rng, focus=None):
    return _fill(rng.choice(TITLES), rng, focus or _focus(rng))


def articles(n: int, seed: int = 1) -> list:
    """n distinct articles (distinct titles, so stock Pelican's slugs never collide)."""
    rng = random.Random(seed)
    seen, out = set(), []
    start = date(2014, 1, 1)
    while len(out) < n:
        focus = _focus(rng)
        title = _title(rng, focus)
        if title.lower() in seen:
            continue
        seen.add(title.lower())
        blocks = [("p", _paragraph(rng, focus)) for _ in range(rng.randint(6, 10))]
        if rng.random() < 0.5:
            blocks.insert(rng.randint(2, len(blocks) - 1), ("h", _fill(rng.choice(HEADINGS), rng, focus)))
        if rng.random() < 0.3:
            at = rng.randint(2, len(blocks) - 1)
            items = [_fill(t, rng, focus) for t in rng.sample(LIST_ITEMS, rng.randint(3, 4))]
            blocks[at:at] = [("p", rng.choice(LIST_INTROS)), ("ul", items)]
        c, c2, org, system, _ = focus
        out.append(Article(
            title=title, author=_name(rng), date=start + timedelta(days=rng.randint(0, 3650)), blocks=blocks,
            tags=[c[1], c2[1], org[1], system], site=rng.choice(SITES), also_read=_title(rng),
            extras={"html": rng.random() < 0.1, "minutes": rng.randint(3, 14), "drop": rng.random()},
        ))
    return out


def _date_line(article):
    d, form = article.date, article.site.date_form
    return form.format(month=MONTHS[d.month - 1], mon=MONTHS[d.month - 1][:3], day=d.day, year=d.year,
                       iso=d.isoformat(), weekday=WEEKDAYS[d.weekday()], minutes=article.extras["minutes"])


def _furniture(article):
    """The furniture blocks of a text dump: (before the body, after it)."""
    site, d = article.site, article.date
    top = [" | ".join(site.nav)] if site.nav else []
    signup = [f"Subscribe to {site.newsletter}"] + ([site.pitch] if site.pitch else []) + [
        "First Name", "Email Address *", "Subscribe"]
    comments = ["Leave a Reply", "Your email address will not be published.", "Comment", "Name *", "Email *",
                "Post Comment"]
    bottom = [site.disclaimer, *site.share, *signup]
    if article.extras["drop"] > 0.3:  # not every page had comments open
        bottom += comments
    bottom += [f"© {d.year} {site.name}. All rights reserved."]
    return top, bottom


def to_text(article) -> str:
    """The article as a scraper flattened it from its site, furniture included."""
    site = article.site
    top, bottom = _furniture(article)
    lines = top + [article.title, f"by {article.author}", _date_line(article)]
    body = []
    for kind, value in article.blocks:
        if kind == "ul":
            body.append("\n".join(f"* {item}" for item in value) if site.layout != "line" else "\n".join(value))
        elif site.layout == "wrap" and kind == "p":
            body.append(textwrap.fill(value, 72))
        else:
            body.append(value)
    body.insert(min(3, len(body)), f"Also Read: {article.also_read}")
    lines += body + bottom
    return ("\n" if site.layout == "line" else "\n\n").join(lines) + "\n"


def to_html(article) -> str:
    """The article as a saved web page of its site."""
    e, site, d = html.escape, article.site, article.date
    nav = "".join(f'<li><a href="/{e(item.lower().replace(" ", "-"))}/">{e(item)}</a></li>' for item in site.nav or ("Home",))
    parts = []
    for kind, value in article.blocks:
        if kind == "p":
            parts.append(f"<p>{e(value)}</p>")
        elif kind == "h":
            parts.append(f"<h2>{e(value)}</h2>")
        else:
            parts.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in value) + "</ul>")
    parts.insert(min(3, len(parts)), f'<p class="also-read"><strong>Also Read:</strong> <a href="/related/">{e(article.also_read)}</a></p>')
    share = " ".join(f'<a href="#share">{e(s)}</a>' for s in site.share)
    body = "\n".join(parts)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(article.title)} | {e(site.name)}</title>
<meta name="author" content="{e(article.author)}">
<meta property="article:published_time" content="{d.isoformat()}T08:00:00+00:00">
</head><body>
<header><a class="logo" href="/">{e(site.name)}</a><nav><ul>{nav}</ul></nav></header>
<main><article>
<h1>{e(article.title)}</h1>
<p class="byline">By <span class="author">{e(article.author)}</span> · <time datetime="{d.isoformat()}">{e(_date_line(article))}</time></p>
<div class="share">{share}</div>
{body}
<p><em>{e(site.disclaimer)}</em></p>
<form class="signup" action="/subscribe" method="post"><h3>Subscribe to {e(site.newsletter)}</h3>
<label>Email Address *<input type="email" name="email"></label><button type="submit">Subscribe</button></form>
</article>
<section id="comments"><h3>Leave a Reply</h3><form><textarea name="comment"></textarea><button>Post Comment</button></form></section>
</main>
<footer><p>© {d.year} {e(site.name)}. All rights reserved.</p></footer>
</body></html>
"""


def to_markdown(article) -> str:
    """The same article as an editor would write it for stock Pelican: metadata and body only."""
    lines = [f"Title: {article.title}", f"Date: {article.date.isoformat()}", f"Author: {article.author}",
             f"Tags: {', '.join(article.tags)}", ""]
    for kind, value in article.blocks:
        if kind == "p":
            lines += [value, ""]
        elif kind == "h":
            lines += [f"## {value}", ""]
        else:
            lines += [*(f"- {item}" for item in value), ""]
    return "\n".join(lines)


# -- accessors for scoring (benchmarks/synthetic_score.py); they change no output ------------

def date_line(article) -> str:
    """The article's date as its site prints it in the dump."""
    return _date_line(article)


def furniture_lines(article) -> list:
    """Every line of furniture its dump carries (to_html's for an HTML page, else to_text's),
    byline and date line included: none of it may reach the published body."""
    site = article.site
    also = f"Also Read: {article.also_read}"
    if article.extras["html"]:
        return [*(site.nav or ("Home",)), site.name, f"By {article.author} · {_date_line(article)}",
                *site.share, also, site.disclaimer, f"Subscribe to {site.newsletter}", "Email Address *",
                "Subscribe", "Leave a Reply", "Post Comment", f"© {article.date.year} {site.name}. All rights reserved."]
    top, bottom = _furniture(article)
    return [*top, f"by {article.author}", _date_line(article), also, *bottom]
