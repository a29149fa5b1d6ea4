"""Furniture by kind (data/boilerplate.yaml): examples written for these tests, not taken from any dump."""

import pytest

from plugins.dumps.boilerplate import Boilerplate, boilerplate_for
from plugins.dumps.clean import Cleaner
from plugins.dumps.pipeline import clean_dump

RULES = Boilerplate()

# (kind, line): lines an old site might wrap around an article.
FURNITURE = [
    ("paywall", "To continue reading, please subscribe."),
    ("paywall", "To read the full article, log in or become a subscriber for $1 a week."),
    ("paywall", "This article is for subscribers only."),
    ("paywall", "You have reached your limit of free articles this month."),
    ("paywall", "You've read 3 of 5 free stories"),
    ("paywall", "Get unlimited digital access for $1 a week"),
    ("paywall", "Enjoy full digital access to our journalism."),
    ("paywall", "Dieser Artikel ist exklusiv für Abonnenten."),
    ("paywall", "Cet article est réservé aux abonnés."),
    ("promo", "We rely on your support to keep local news free for everyone"),
    ("promo", "Your donation helps keep our journalism independent."),
    ("promo", "Make a contribution"),
    ("social", "For the latest stories and breaking news download the Harbour Times apps for iOS and Android."),
    ("legal", "The Harbour Times is not responsible for the opinions, statements or media content presented by contributors."),
    ("navigation", "Skip to content Skip to navigation Skip to footer"),
    ("navigation", "Zum Inhalt springen Zur Hauptnavigation springen"),
    ("signup", "You are logged in as"),
    ("signup", "Sie sind nicht angemeldet"),
    ("browser_notice", "Dein Browser ist leider veraltet."),
    ("browser_notice", "Download a newer browser for a better experience"),
    ("social", "Embedded Video"),
    ("social", "Folge mir auf Instagram"),
    ("navigation", "Impressum | Datenschutz"),
    ("image_credit", "Der Abgeordnete vor der Wahl im Landtag © Ann Lee / Agentur"),
    ("image_credit", "The minister arrives at the summit in Vilnius (c) Bo Park/Pool"),
    ("metadata", "Ann Lee2019-01-07T17:27:31+02:00June 19th, 2018|News|3 Comments"),
    ("navigation", "Type to search or hit ESC to close"),
    ("navigation", "Geben Sie einen Suchbegriff ein und drücken Sie Enter"),
    ("feedback", "Was this article helpful?"),
    ("feedback", "Report an error"),
    ("feedback", "War dieser Artikel hilfreich?"),
    ("advert", "Promoted Links by Taboola"),
    ("advert", "Advertisement - Scroll to continue"),
    ("share", "Gift this article"),
    ("share", "toggle caption"),
    ("comments", "Commenting has been disabled for this article."),
    ("related", "More on this story"),
    ("related", "Relacionado"),
    ("comment_links", "Comentar"),
    ("navigation", "Search for articles and topics"),
    ("signup", "Subscribe to the Weekly Dispatch"),
    ("signup", "Subscribe now"),
    ("signup", "Abonnez-vous à partir de 1€ par mois"),
    ("signup", "Suscríbete a nuestro boletín"),
    ("signup", "Powered by Substack"),
    ("signup", "Bereits Abonnent? Anmelden"),
    ("signup", "If you are seeing this message but you are already a subscriber, you can log in here for full access to every story we publish."),
    ("signup", "Sign up to get the week's best reads and the odd offer from our partners, as chosen by the editors of the desk."),
    ("signup", "Get our free ConvertKit-powered digest every Monday"),
    ("signup", "Sign up with Brevo"),
    ("signup", "Published with Ghost"),
    ("signup", "Join 40,000 readers of our Friday briefing"),
    ("signup", "Made with Mailchimp"),
    ("signup", "* indicates required field"),
    ("signup", "E-mail *"),
    ("signup", "First name"),
    ("signup", "Thank you for subscribing!"),
    ("signup", "No spam. Unsubscribe any time."),
    ("signup", "Sign up for our weekly newsletter on Asian security and get analysis every Friday."),
    ("signup", "Never miss a dispatch"),
    ("signup", "Get the Gulf Monitor's morning edition by email every weekday and never miss our best stories"),
    ("signup", "Du willst nichts mehr verpassen?"),
    ("signup", "Verpassen Sie keine Nachrichten mehr aus dem Nahen Osten: Jetzt kostenlos den Newsletter der Redaktion bestellen."),
    ("signup", "Ne manquez rien de l'actualité diplomatique"),
    ("share", "Share this story"),
    ("share", "Facebook Twitter LinkedIn"),
    ("share", "Share on Telegram"),
    ("share", "Tweet this"),
    ("share", "Diesen Artikel teilen"),
    ("share", "Partager cet article"),
    ("metadata", "Posted in Diplomacy, Europe | Leave a comment"),
    ("metadata", "Veröffentlicht unter Außenpolitik | 3 Kommentare"),
    ("metadata", "This entry was posted in Diplomacy and tagged NATO, Turkey, sanctions, the summit in Vilnius. Bookmark the permalink."),
    ("share", "1.2k shares"),
    ("share", "Copy link"),
    ("comments", "Leave a response"),
    ("comments", "Comments are closed."),
    ("comments", "Log in to reply"),
    ("comments", "12 thoughts on “Why the border talks stalled again”"),
    ("comments", "One reply to \"Five myths about sanctions\""),
    ("comments", "3 Gedanken zu „Die Gespräche in Genf“"),
    ("comment_links", "12 Comments"),
    ("comment_links", "Write a comment"),
    ("comments", "Submit comment"),
    ("comments", "Netiquette"),
    ("comments", "Community guidelines"),
    ("comments", "Comment policy"),
    ("comments", "Your e-mail address will not be published. Name and comment are required."),
    ("comments", "Save my name, e-mail and website for my next comment."),
    ("advert", "Advertisement"),
    ("advert", "- ADVERTISEMENT -"),
    ("advert", "Sponsored content"),
    ("advert", "Story continues below advertisement"),
    ("promo", "Enrol now in our Diploma in Foreign Policy"),
    ("promo", "Webinar: Maritime Security in the Red Sea, register free"),
    ("promo", "Online course on diplomacy and negotiation"),
    ("promo", "Support independent journalism"),
    ("promo", "Become a member"),
    ("contact", "Email us at editors@example.org"),
    ("contact", "Call +44 20 7946 0958"),
    ("contact", "WhatsApp: +1 555 010 2233"),
    ("contact", "Contact us for syndication"),
    ("contact", "www.example.org/contact"),
    ("legal", "Disclaimer: The views expressed in this piece are those of the author alone."),
    ("legal", "© 2021 Example Media Ltd. All rights reserved."),
    ("legal", "Copyright 2019 The Example Review"),
    ("legal", "This post may contain affiliate links. If you buy something through them, we may earn a small commission at no cost to you."),
    ("legal", "Advertising disclosure: some links in our stories are from partners."),
    ("legal", "Für Links auf dieser Seite erhält die Redaktion ggf. eine Provision vom Händler."),
    ("legal", "Privacy Policy | Terms of Use"),
    ("legal", "Opinions expressed are solely the author's and do not necessarily reflect those of the publisher."),
    ("navigation", "Home » World » Asia"),
    ("navigation", "Home / Analysis / Europe"),
    ("navigation", "Skip to content"),
    ("navigation", "Vorheriger Beitrag"),
    ("navigation", "Article précédent"),
    ("navigation", "Entrada siguiente"),
    ("navigation", "Toggle navigation"),
    ("navigation", "« Talks in Geneva stall again"),
    ("navigation", "← Talks in Geneva stall again"),
    ("navigation", "Next page →"),
    ("navigation", "Impressum"),
    ("navigation", "Mentions légales"),
    ("navigation", "Search for: Search"),
    ("navigation", "Main menu"),
    ("navigation", "Menü schließen"),
    ("navigation", "Zum Inhalt springen"),
    ("navigation", "Aller au contenu"),
    ("navigation", "Next story"),
    ("navigation", "Back to top"),
    ("navigation", "Back to the front page"),
    # the strings of blog platforms' widgets and forms, in the pool's languages
    ("comments", "Name (required)"),
    ("comments", "E-Mail (erforderlich) (Adresse wird niemals veröffentlicht)"),
    ("comments", "Notify me of follow-up comments by email."),
    ("comments", "Benachrichtigung bei weiteren Kommentaren per E-Mail senden"),
    ("comments", "Verbinde mit %s"),
    ("share", "One blogger likes this."),
    ("share", "%d Bloggern gefällt das:"),
    ("related", "Neueste Kommentare"),
    ("related", "Articles récents"),
    ("navigation", "Sie sind hier: Startseite » Politik"),
    ("navigation", "You are here"),
    ("navigation", "Monat auswählen"),
    ("navigation", "Nach oben"),
    ("navigation", "Abbrechen"),
    ("cookie", "Cookie-Einstellungen"),
    ("promo", "Jetzt Mitglied werden"),
    ("navigation", "Jetzt anmelden"),
    ("related", "Blog Archive"),
    ("related", "Über mich"),
    ("navigation", "View site in Reader"),
    ("navigation", "Primary Sidebar"),
    ("navigation", "Member-only story"),
    ("signup", "Discover more from The Harbour Desk"),
    ("signup", "Already have a WordPress.com account? Log in now."),
    ("navigation", "Download the PDF"),
    ("navigation", "News | Opinion | Long Reads | Events"),
    ("navigation", "Home | Video | World | U.S. | Africa | Asia | Europe | Latin America | Middle East | Business | Tech | Travel"),
    ("navigation", "World · Defence · Analysis · Podcasts"),
    ("navigation", "Regions > Europe > Balkans"),
    ("related", "Related stories"),
    ("related", "More top stories"),
    ("related", "More Must-Reads From TIME"),
    ("related", "Today's five most popular stories"),
    ("related", "You may also like"),
    ("related", "Trending now"),
    ("related", "Most read"),
    ("related", "Am beliebtesten"),
    ("related", "Empfohlene Beiträge"),
    ("related", "Les plus populaires"),
    ("related", "More from this author"),
    ("related", "Also read: Why the Arctic matters to Beijing"),
    ("related", "READ ALSO | Five takeaways from the summit"),
    ("image_credit", "Photo: Wikimedia Commons"),
    ("image_credit", "(Image credit: Harbour Authority)"),
    ("image_credit", "Photograph by Anna Berg, Coastguard Service"),
    ("image_credit", "Video credit: Coastguard Service"),
    ("metadata", "notes.html - Created 03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm"),
    ("metadata", "News date : 04/21/2022 Category : Announcements"),
    ("metadata", "March 2, 2021 at 10:15 AM | categories: Travel, Rail | View Comments"),
    ("cookie", "We and our partners use cookies to measure audiences and personalise content."),
    ("image_credit", "Image credit: Ministry of Defence"),
    ("image_credit", "Photo by Jane Roe / Reuters"),
    ("image_credit", "(Representational image)"),
    # a caption closed by its credit
    ("image_credit", "Striking members of the union outside the ministry last year. Photograph: Anna Berg/Reuters"),
    ("image_credit", "Der Abgeordnete vor dem Landtag in Kiel. (Foto: Bo Park)"),
    ("image_credit", "Courtesy of the Harbour Authority"),
    ("related", "Trending"),
    ("related", "Popular Posts"),
    ("related", "Latest on Flickr"),
    ("related", "Trending: the minister's speech, the border, the summit"),
    ("contact", "Contact the newsroom"),
    ("contact", "Contact us today for a free consultation."),
    ("related", "Popular Articles This Week"),
    ("related", "Recent Comments"),
    ("related", "Top Stories"),
    ("related", "Most Viewed"),
    ("legal", "Copyright Harbour Times 2014"),
    ("legal", "Copyright by the Harbour Times © 2022."),
    # the labels and pitches whose words open the sentences in PROSE
    ("signup", "I agree to the terms and the privacy notice"),
    ("signup", "Abonnieren Sie unseren Newsletter."),
    ("signup", "Not a member? Sign up"),
    ("comment_links", "No comments yet"),
    ("comment_links", "No comments yet. Be the first to comment!"),
    ("promo", "Workshop & Roundtable"),
    ("signup", "Your email:"),
    ("metadata", "This entry was posted in News."),
    ("promo", "Online course: Diplomacy and International Relations"),
    ("legal", "Read our full Privacy Policy as well as Terms & Conditions."),
    ("legal", "Disclosure: this post contains affiliate links"),
    ("legal", "The views in this article do not necessarily reflect those of the Harbour Times."),
    # a gallery's counter under its picture
    ("image_credit", "Photo 3 of 12"),
    ("image_credit", "Bild 9 von 10"),
    ("cookie", "We use cookies to improve your experience. By continuing you agree to our use of cookies."),
    ("cookie", "Accept all cookies"),
    ("cookie", "Cookie preferences"),
    ("cookie", "Got it!"),
    ("cookie", "Wir verwenden Cookies, um Inhalte zu personalisieren und Zugriffe zu analysieren."),
    ("cookie", "Hier klicken, um notwendige Cookies zu aktivieren/deaktivieren."),
    ("cookie", "Datenschutz & Cookies: Diese Website verwendet Cookies."),
    ("cookie", "Nous utilisons des cookies pour améliorer votre expérience sur notre site."),
    ("cookie", "Utilizamos cookies propias y de terceros para mejorar nuestros servicios."),
    ("social", "Follow us on Twitter"),
    ("social", "Follow us on Facebook and get every update from the Harbour Desk posted straight to your news feed"),
    ("social", "Join our Telegram channel"),
    ("social", "Download our app"),
    ("social", "Download on the App Store"),
    ("social", "GET IT ON Google Play"),
    ("social", "Available on the App Store and Google Play"),
    ("social", "Twitter | LinkedIn | YouTube"),
    ("social", "View this post on Instagram"),
    # The same kinds in other languages.
    ("share", "Teilen mit:"),
    ("share", "Klick, um über Twitter zu teilen (Wird in neuem Fenster geöffnet)"),
    ("share", "Gefällt mir Wird geladen …"),
    ("share", "Like Loading..."),
    ("share", "Click to share on Twitter (Opens in new window)"),
    ("advert", "Advertisement:"),
    ("share", "Partager sur Facebook"),
    ("comments", "Antworten"),
    ("comments", "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert"),
    ("comments", "Votre adresse e-mail ne sera pas publiée."),
    ("comments", "Odpowiedz"),
    ("comments", "Rispondi"),
    ("comments", "Laat een reactie achter"),
    ("comments", "O seu endereço de email não será publicado. Campos obrigatórios marcados com *"),
    ("comments", "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *"),
    ("comments", "Please understand that comments are moderated and may take a while to appear."),
    ("comments", "Alle Kommentare werden moderiert."),
    ("social", "Download the Harbour Times app"),
    ("social", "Laden Sie unsere App für iOS und Android herunter"),
    ("comments", "Fill in your details below or click an icon to log in:"),
    ("comments", "This site uses Akismet to reduce spam. Learn how your comment data is processed."),
    ("related", "Das könnte Sie auch interessieren"),
    ("related", "À lire aussi"),
    ("advert", "Anzeige"),
    ("navigation", "Beitragsnavigation"),
    ("navigation", "Zurück zur Übersicht"),
    ("navigation", "Accueil"),
    ("signup", "Jetzt abonnieren"),
    ("signup", "Username or email address *"),
    ("signup", "Passwort"),
    ("signup", "Get the day's briefing straight to your inbox"),
    ("navigation", "Close this search box."),
    ("signup", "Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen und per E-Mail Benachrichtigungen zu erhalten."),
    ("related", "Meistgelesen"),
    ("image_credit", "(Bild: Anna Berg)"),
    ("image_credit", "Foto: picture alliance/dpa"),
    ("metadata", "Schlagworte: Außenpolitik, Türkei"),
    ("comment_links", "Kommentar hinzufügen"),
    ("server_error", "Warning: mysql_connect(): Access denied for user in /var/www/site/db.php on line 12"),
    ("server_error", "Deprecated: Function create_function() is deprecated in /srv/blog/functions.php on line 4"),
    ("browser_notice", "Please enable JavaScript to view the comments."),
    ("browser_notice", "JavaScript ist deaktiviert. Bitte aktivieren Sie JavaScript in Ihrem Browser."),
    ("browser_notice", "You are using an outdated browser. Please upgrade your browser to improve your experience."),
    ("browser_notice", "Your browser does not support the video tag."),
    ("social", "A post shared by Jane Roe (@janeroe) on Mar 3, 2019 at 10:04am PST"),
    ("social", "Ein Beitrag geteilt von Erika Muster (@erika.muster)"),
    ("signup", "Geben Sie Ihre E-Mail-Adresse an, um diesen Blog zu abonnieren und Benachrichtigungen zu erhalten."),
    ("signup", "Enter your email address to subscribe to this blog and receive notifications of new posts by email."),
    ("legal", "This work is licensed under a Creative Commons Attribution 4.0 International License."),
    ("legal", "Dieses Werk ist lizenziert unter einer Creative Commons Namensnennung 4.0 International Lizenz."),
    ("legal", "Proudly powered by WordPress"),
    ("legal", "Theme by Anders Norén"),
    ("legal", "Blog at WordPress.com."),
    ("share", "Click to email a link to a friend (Opens in new window)"),
    ("share", "Klick, um dies einem Freund per E-Mail zu senden (Wird in neuem Fenster geöffnet)"),
    ("signup", "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden."),
    ("promo", "Unterstützen Sie unabhängigen Journalismus!"),
    ("promo", "Apoya el periodismo independiente"),
    ("metadata", "3 hours ago"),
    ("metadata", "vor 2 Tagen"),
    ("image_credit", "Foto: Max Muster / Pixabay"),
    ("image_credit", "Jane Roe - stock.adobe.com"),
    ("legal", "Die Inhalte dieser Website stehen unter einer Creative Commons Namensnennung 4.0 Lizenz."),
    ("social", "Folgen Sie uns auf Twitter"),
    ("signup", "Ich habe die Datenschutzerklärung gelesen und akzeptiere sie."),
    ("image_credit", "Bildrechte: Mitteldeutscher Rundfunk"),
    ("image_credit", "Leena Simon, CC-BY-SA 4.0"),
    ("image_credit", "(mlharing / iStock.com)"),
    ("share", "Sharen mit:"),
    ("navigation", "Loading ..."),
    ("navigation", "Mehr anzeigen"),
    ("related", "Noticias relacionadas"),
    ("related", "Vous aimerez aussi"),
    ("related", "Weiter lesen"),
    ("cookie", "Zustimmen und Inhalt laden"),
    ("navigation", "Back to table of contents"),
    ("comments", "You must be logged in to post a comment."),
    ("comments", "Bitte anmelden, um zu kommentieren"),
    ("comments", "Para comentar debes registrarte y completar los datos generales."),
]

# Running IR prose that uses furniture words; every one must be kept.
PROSE = [
    "Discover more from the ministry's archives, the new website tells its visitors.",
    "Archives in Kyiv were moved to the west of the country in 2022.",
    "Follow the money, the prosecutor told the jury.",
    "Sie sind hier nicht willkommen, sagte der Bürgermeister den Demonstranten.",
    "You are here to listen, the chairman told the delegates on the first morning.",
    "Notify me of any change, the minister told her staff before she left for Brussels.",
    "Nach oben ging es für den Dax erst am Nachmittag.",
    "Follow us on this journey through the Andes, where the road ends at a glacier and the guides turn back.",
    "Follow us on foot along the old border, past the watchtowers that nobody has manned since 1991.",
    "More local news outlets close",
    "The most popular stories of 2023 were about Ukraine",
    "More troops from Germany",
    "Sponsored content from the defence ministry was shown on state television every evening.",
    "Report an error in the ballot count, the election commission told party observers in Tbilisi.",
    "Apple said users could download the new app from Monday, though not in China.",
    "The ministry said it is not responsible for the statements of opposition leaders abroad.",
    "You are logged in through the ministry's portal, the official explained to the committee.",
    "Russia told its citizens to use a newer browser after the sanctions cut them off from Chrome updates.",
    "The song's rights, held by Sony © since 1998, were sold to a fund in Abu Dhabi.",
    "Search and rescue teams could not enter the building until the army pressed on to the river.",
    # a pitch's words in news sentences
    "“We rely on your support,” the minister told the donors' conference in Brussels.",
    "Your support helps Ukraine win, the president told the summit in Vilnius.",
    "Make a contribution to the reconstruction fund, the bank urged its members.",
    "We count on you to work together, the mayor told residents after the flood.",
    # paywall words in news sentences
    "To read the full report, investors had to wait until the ministry published it on Monday.",
    "To access the port, ships must register with the harbour master and log in to the system.",
    "The article was written for members of parliament who sit on the defence committee.",
    "The story is available to members of the public at the archive from Monday.",
    "Inspectors were given full access to the plant for a month, the agency said.",
    "Russia demanded full access to the grain corridor for $1 billion, diplomats said.",
    "To continue reading the report, diplomats had to register with the OSCE secretariat.",
    "You are logged in to a system that the NSA can read, the whistleblower said.",
    "Your browser is out of date, a message told Russian users after Google left the market.",
    "Moscow threatened to cut off gas to any government that chose to subscribe to the price cap agreed by the G7.",
    "Analysts expect Ankara to share intelligence on the Kurdish militias with Washington only if the sanctions are lifted.",
    "The diplomats joked that the negotiations were like accepting cookies on a website: nobody reads the terms before agreeing.",
    "Beijing has kept contact with the Taliban through its embassy in Kabul, unlike most Western capitals.",
    "India refuses to subscribe to the idea that the Quad is a military alliance aimed at any one country.",
    "The share of Russian oil in India's imports rose from two per cent to almost forty per cent within a year.",
    "Diplomats say the first contact between the two delegations took place in Muscat, far from the cameras.",
    "The treaty's opponents read it as a promise to follow Washington into any future war in the Pacific.",
    "Brussels may receive compensation claims from the farmers whose exports were blocked at the border.",
    "VIDEO: Voting on the harbour's future",  # a headline's label, not a credit
    "Moscow asked Apple to remove the opposition's voting app from the App Store before the election.",
    "Diplomats who never miss a summit say this one felt different from the start.",
    "The ministry's new portal was written in JavaScript by a contractor in Tallinn.",
    "A post shared by the embassy on Monday was deleted within the hour.",
    "Powered by cheap gas from Russia, German industry grew for two decades without pause.",
    "The court heard that the photographs were published under a Creative Commons licence that forbids resale.",
    "Posted in the ministry's newsletter last week, the letter said the talks had stalled and would not resume.",
    # a credit word inside a sentence, and a byline with its author's photo credit
    "The ministry released a photo: the two leaders shaking hands in front of the harbour.",
    "Von Anna Berg Foto: Bo Park",
    # a courtesy and a count of photographs inside a sentence
    "Courtesy calls on the new ambassador took up most of the minister's week in Ankara.",
    "Photo 3 of the set shows the delegation leaving the palace.",
    "Courtesy of the ambassador's intervention, the talks resumed within the hour.",
    # short news sentences that open with a furniture label's words
    "Latest polls suggest the ruling party will lose its majority.",
    "Popular anger at the price of bread has grown since the spring.",
    "Trending on social media was a video of the minister's arrival.",
    "Also on Tuesday, the EU imposed new sanctions on Minsk.",
    "Related talks will take place in Vienna next week.",
    "More from the capital as soon as we have it.",
    "Contact between the two delegations resumed on Monday.",
    "Copyright disputes delayed the film's release in China.",
    "I agree with the minister on this point.",
    "Her newsletter reaches 40,000 readers.",
    "Not a member of NATO, Austria stayed out of the war.",
    "No comment was available from the embassy.",
    "One response from Moscow was to expel diplomats.",
    "Of course, Turkey may still apply to join.",
    "The ministry launched an online course for diplomats.",
    "The IMF set strict terms and conditions for the loan.",
    "Disclosure of the documents embarrassed the ministry.",
    "The vote does not necessarily reflect public opinion.",
    "Shared on Telegram, the video spread fast.",
    "Photos by soldiers show the damage.",
    "Become a member of the alliance, Kyiv was told, and the war will end.",
    "Workshop of the world no more: China's factories slow",
    "Course correction in Berlin",
    "Webinar diplomacy replaced summits during the pandemic.",
    "Your email to the ambassador went unanswered, he was told.",
    "Email sent by the minister was leaked to the press.",
    "Posted in Kabul for three years, she saw the collapse coming.",
    "Top officials will meet in Riyadh on Sunday.",
    "Recent talks in Doha failed.",
]


@pytest.mark.parametrize("kind,line", FURNITURE, ids=[f"{k}:{line[:30]}" for k, line in FURNITURE])
def test_each_kind_of_furniture_is_recognised(kind, line):
    rule = RULES.match(line)
    assert rule is not None, f"not recognised as furniture: {line!r}"
    assert rule.kind == kind


@pytest.mark.parametrize("sentence", PROSE)
def test_prose_with_furniture_words_is_not_furniture(sentence):
    assert RULES.match(sentence) is None


@pytest.mark.parametrize("line", ["« Les négociations reprennent à Genève »", "«Die Gespräche gehen weiter»", "»Wir schaffen das«",
                                  "Menu planning for the summit dinner", "Search for the missing diplomats",
                                  "Weiter geht es mit der Reform", "Mehr Geld für Schulen"])
def test_quotations_and_sentences_with_menu_words_are_not_navigation(line):
    assert RULES.match(line) is None


@pytest.mark.parametrize("line", ["0.0.0-20180720214833-f61e0f7", "v1.2.3", "3.9", "05.03.2021", "2008-2012",
                                  "12.10.2015 - 14.10.2015", "2021-03-05"])
def test_versions_numbers_and_dates_are_no_contact_details(line):
    assert RULES.match(line) is None


@pytest.mark.parametrize("line", ["example.org", "https://example.org/2021/03/talks", "WWW.EXAMPLE.CO.UK",
                                  "+49 30 1234 5678", "(555) 010-2233"])
def test_web_addresses_and_phone_numbers_on_their_own_are_contact_details(line):
    rule = RULES.match(line)
    assert rule is not None and rule.kind == "contact"


@pytest.mark.parametrize("line", ["By Jane Roe | Staff Writer | Foreign Desk", "Jane Roe · March 3, 2023 · 5 min read",
                                  "Posted on Monday, May 29, 2017 | 9 min read", "Turkey, Greece and the EU: friends | rivals"])
def test_bylines_and_date_lines_with_separators_are_not_a_menu(line):
    assert RULES.match(line) is None


def test_a_sentence_after_thousands_of_menu_items_is_no_menu():
    # Every item's spaces could end it or start the separator: tried split by split, this
    # line would take longer than the age of the universe to fail.
    line = "World news today | " * 3000 + "and the talks in Vienna went on until late at night"
    assert RULES.match(line) is None


def lede(n):
    """A distinct paragraph of plain IR prose."""
    return (
        f"Paragraph {n} of the analysis: the foreign ministers met again in Vienna, and the talks on the "
        f"nuclear file went on for a {n}th round without any agreement on sanctions relief or inspections."
    )


def dump_with(lines):
    """A text dump: title, a paragraph, the furniture lines, two more paragraphs."""
    return "\n\n".join(["Why the nuclear talks stalled again", lede(1), *lines, lede(2), lede(3)])


def cleaned_text(text, recurring=frozenset()):
    result = clean_dump(text.encode(), "test.txt", Cleaner(RULES, recurring))
    assert not result.skip_reason, result.skip_reason
    return result


@pytest.mark.parametrize("kind", sorted({k for k, _ in FURNITURE}))
def test_furniture_inside_an_article_is_removed_with_its_kind(kind):
    lines = [line for k, line in FURNITURE if k == kind]
    result = cleaned_text(dump_with(lines))
    kept = [b.plain for b in result.cleaned.body]
    assert kept == [lede(1), lede(2), lede(3)]
    furniture = [b for b in result.removed if b.role == "furniture"]
    assert len(furniture) == len(lines)
    assert {b.furniture for b in furniture} == {kind}


def test_prose_with_furniture_words_survives_a_whole_dump():
    result = cleaned_text(dump_with(PROSE))
    kept = [b.plain for b in result.cleaned.body]
    assert kept == [lede(1), *PROSE, lede(2), lede(3)]


def test_a_signup_form_is_removed_as_a_cluster():
    form = ["Get our Monday digest", "First name", "E-mail address", "Join now", "We respect your privacy."]
    result = cleaned_text(dump_with(form))
    assert [b.plain for b in result.cleaned.body] == [lede(1), lede(2), lede(3)]
    assert {b.furniture for b in result.removed if b.plain in form} == {"signup"}


def test_a_related_list_after_the_article_is_removed_with_its_titles():
    related = ["Related stories", "Why Seoul is buying more missiles", "What the Gulf wants from Beijing", "Five myths about sanctions"]
    result = cleaned_text("\n\n".join(["Why the nuclear talks stalled again", lede(1), lede(2), lede(3), *related]))
    assert [b.plain for b in result.cleaned.body] == [lede(1), lede(2), lede(3)]


def test_a_related_box_inside_the_article_loses_its_one_headline_however_it_looks():
    box = ["Related coverage", "Key winners at the regional film awards"]
    result = cleaned_text("\n\n".join(["Why the nuclear talks stalled again", lede(1), *box, lede(2), lede(3)]))
    assert [b.plain for b in result.cleaned.body] == [lede(1), lede(2), lede(3)]


def test_a_reports_discussion_section_is_no_comment_thread():
    text = "\n\n".join(["Why the nuclear talks stalled again", lede(1), lede(2), "Discussion", lede(3), lede(4)])
    assert [b.plain for b in cleaned_text(text).cleaned.body] == [lede(1), lede(2), "Discussion", lede(3), lede(4)]


def test_a_subheading_after_an_inline_read_more_line_stays():
    lines = ["Read more: Why Seoul is buying more missiles", "The view from the capital"]
    result = cleaned_text("\n\n".join(["Why the nuclear talks stalled again", lede(1), *lines, lede(2), lede(3)]))
    assert [b.plain for b in result.cleaned.body] == [lede(1), lines[1], lede(2), lede(3)]


def test_a_site_can_add_its_own_furniture_patterns():
    rules = boilerplate_for({"promo": {"short": ["^buy the print edition$"]}})
    assert RULES.match("Buy the print edition") is None
    rule = rules.match("Buy the print edition")
    assert rule is not None and rule.kind == "promo"


def test_a_site_kind_of_its_own_can_open_a_block_of_furniture():
    rules = boilerplate_for({"classifieds": {"short": ["^classifieds$"], "starts_zone": True}})
    rule = rules.match("Classifieds")
    assert rule is not None and rule.kind == "classifieds" and rule.starts_zone


@pytest.mark.parametrize("patterns, message", [
    ({"any": ["(unclosed"]}, r"DUMPS\['boilerplate'\]\['promo'\]\['any'\]: /\(unclosed/ is not a regular expression"),
    ({"short": [True]}, r"DUMPS\['boilerplate'\]\['promo'\]\['short'\]: True is not a pattern; put it in quotes"),
])
def test_a_broken_pattern_stops_the_build_saying_where_it_is_written(patterns, message):
    with pytest.raises(ValueError, match=message):
        Boilerplate({"promo": patterns})


# -- the needle prefilter: a shortcut, never a change of answer ---------------------------
def _every_rule(line):
    """What Boilerplate.match answers without its prefilter: every rule, in order, on the
    line without its markers (as a regex: match strips them with str methods)."""
    import re

    plain = re.sub(r"^[\s>*•·\-–—|#]+|[\s|]+$", "", line.replace("**", "")).strip()
    short = len(plain.split()) <= RULES.short_words
    return next((r for r in RULES.rules if plain and (short or not r.short_only) and r.pattern.search(plain)), None)


PREFILTER_LINES = [line for _, line in FURNITURE] + [
    "ſubscribe now",  # long s: case-insensitive regexes take it for "s"
    "SHARE THIS STORY",
    "Contact us at desk@example.org for corrections",
    "Read more: İnside the talks",
    "The talks resumed on Monday after a pause of six weeks, officials said.",
    "© 2024 Example Review",
    "News | Opinion | Long Reads",
    " > • **Subscribe** now |\u3000",  # markers and Unicode spaces around a line
    "\u2014 Share this story \u2014 |\n",
    "| — |",
    "The talks resumed on Monday after a pause of six weeks, officials said. Related stories follow |",
    "ÜBER UNS",  # a needle keeps what a lower-cased line holds as the regex sees it ("ber uns")
    "Über Uns | Kontakt",
    "← Vorheriger Beitrag",
    "Nächste Seite →",
    "« Les négociations reprennent »",
    "Hinterlasse einen Kommentar",
]


@pytest.mark.parametrize("line", PREFILTER_LINES)
def test_the_needle_prefilter_never_changes_the_answer(line):
    assert Boilerplate.match.__wrapped__(RULES, line) == _every_rule(line)


def test_needles_of_other_scripts_keep_what_case_folding_cannot_change():
    from plugins.dumps.boilerplate import needles

    assert needles("^(über uns|impressum)$") == {"ber uns", "impressum"}
    assert needles("^[←◀]\\s") == {"←", "◀"}  # arrows have no case: as they are
    assert needles("^ü$") is None  # nothing a lower-cased line surely holds


def test_most_rules_have_needles():
    assert sum(rule.needles is not None for rule in RULES.rules) >= 0.9 * len(RULES.rules)


def test_ascii_folds_are_all_the_non_ascii_letters_re_ignorecase_takes_for_ascii():
    import re
    import sys

    from plugins.dumps.boilerplate import ASCII_FOLDS

    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    found = {cp for cp in range(128, sys.maxunicode + 1) if ascii_letter.fullmatch(chr(cp))}
    assert found == set(ASCII_FOLDS)


def test_whitespace_is_what_str_isspace_and_the_regex_s_take_for_it():
    import re
    import sys

    from plugins.dumps.boilerplate import WHITESPACE

    space = re.compile(r"\s")
    assert {c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()} == set(WHITESPACE)
    assert {c for c in map(chr, range(sys.maxunicode + 1)) if space.fullmatch(c)} == set(WHITESPACE)
