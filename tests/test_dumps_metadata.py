"""Date lines as sites write them, extra words and all."""

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from dumps.metadata import (  # noqa: E402
    _words_only, bare_byline, byline, closing_credit, page_author, parse_date, reading_time, timestamp,
)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Posted on Monday, October 31, 2022 | 9 min read", date(2022, 10, 31)),
        ("Updated: 4 March 2019", date(2019, 3, 4)),
        ("2021-07-04", date(2021, 7, 4)),
        ("Mon 20 Jan 2020 06.05 GMT", date(2020, 1, 20)),
        ("Wed | Apr 27, 2022", date(2022, 4, 27)),
        ("Published: 10:00am, 20 Jan, 2020", date(2020, 1, 20)),
        ("10:08 am Fri Jul 19, 2013", date(2013, 7, 19)),
        ("Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46", date(2023, 11, 7)),
        ("2021/09/19", date(2021, 9, 19)),
        ("10/18/2020", date(2020, 10, 18)),  # slashes: month first, as American sites write
        ("18/10/2020", date(2020, 10, 18)),  # ... unless only day first is a date
        ("20.01.2020", date(2020, 1, 20)),  # dots: day first
        ("01.21.2020 07:00 AM", date(2020, 1, 21)),
        ("By Ann Lee 04 November 2020", date(2020, 11, 4)),
        ("by Ann Lee on January 20, 2020", date(2020, 1, 20)),
        ("By Ann Lee | 12/10/2020", date(2020, 12, 10)),
        ("Ann Lee | Mon, 4 May 2020", date(2020, 5, 4)),
        ("on December 4, 2006", date(2006, 12, 4)),  # "on" read as a label, not YAML's true
        ("by oz on December 4, 2006", date(2006, 12, 4)),  # a user name as the byline
        # Other languages, from data/dates.yaml.
        ("Freitag, 06.07.2018, 10:29", date(2018, 7, 6)),
        ("Veröffentlicht am 19. Dezember 2022", date(2022, 12, 19)),
        ("Erstellt am: 01.11.2023", date(2023, 11, 1)),
        ("Letzte Aktualisierung: 28.01.2022", date(2022, 1, 28)),
        ("First published on 3 May 2020", date(2020, 5, 3)),
        ("Anna Berg 19. Juni 2019", date(2019, 6, 19)),
        ("par Anne Roy, 21 juin 2018", date(2018, 6, 21)),
        ("Publicado: Jueves, 21 Abril 2022 04:45", date(2022, 4, 21)),
        ("04 de mayo de 2022 a las 09:01", date(2022, 5, 4)),
        ("28 kwietnia 2021", date(2021, 4, 28)),
        ("15 августа 2016, 13:43", date(2016, 8, 15)),
        ("Пятница, 4 марта 2022", date(2022, 3, 4)),
        ("Опубликовано: 12 декабря 2021", date(2021, 12, 12)),
        ("3 листопада 2022", date(2022, 11, 3)),
        ("Perşembe, 10 Şubat 2022", date(2022, 2, 10)),
        ("Yayınlanma: 12 KASIM 2021", date(2021, 11, 12)),  # capitals without the dotless ı
        ("الخميس 15 أغسطس، 2016", date(2016, 8, 15)),
        ("نشر في: 3 تشرين الأول 2021", date(2021, 10, 3)),  # the Levantine month names
        ("٢٣ مارس ٢٠٢٢", date(2022, 3, 23)),  # Eastern Arabic digits
        ("2020年1月2日 17:11", date(2020, 1, 2)),
        ("2020년 1월 2일", date(2020, 1, 2)),
        # a page's text runs the name into the date in numbers after it
        ("By Ann Lee2014-01-26 21:32:46 UTC", date(2014, 1, 26)),
    ],
)
def test_date_lines_with_trailing_details(line, expected):
    assert parse_date(line).date() == expected


def test_a_sentence_mentioning_a_date_is_not_a_date_line():
    assert parse_date("On 31 October 2022 the two governments met in Ankara to talk about the border and trade") is None


@pytest.mark.parametrize("line", [
    "2017年3月5日，十二届全国人大五次会议在人民大会堂开幕，国务院总理李克强作政府工作报告。",
    "2017-03-05，十二届全国人大五次会议在人民大会堂开幕，国务院总理李克强作政府工作报告。",
])
def test_a_sentence_opening_with_a_date_in_a_script_without_spaces_is_prose(line):
    """Words of Chinese are counted by characters: the sentence is too long for a date line."""
    assert parse_date(line) is None


@pytest.mark.parametrize("line", [
    "Science and Technology links (December 14th 2019)",  # a headline with a date in it
    "By contrast, on 1 May 2020 it fell",  # "by" opening a sentence, not a byline
    "31/31/2020",
    "Ehrenamt und Jugend 23.01.2020",  # a date after words that are not a name
    # twelve words, and a thirteenth once the date run into the last name is set apart
    "By Ann Lee and Bo Park and Cy Dee and Di Lee2020-05-01",
])
def test_lines_that_hold_a_date_but_are_not_date_lines(line):
    assert parse_date(line) is None


@pytest.mark.parametrize("line, name", [
    ("By Ann Lee 04 November 2020", "Ann Lee"),
    ("von Anna Berg , Jan von Daniels , Bo Park", "Anna Berg, Jan von Daniels, Bo Park"),  # linked names, spaced
    ("By Ann Lee , Bo Park", "Ann Lee, Bo Park"),
    ("By Ann Lee - January 10, 2020", "Ann Lee"),
    ("by Ann Lee on January 20, 2020", "Ann Lee"),
    ("By Ann Lee published 9 August 2012", "Ann Lee"),
    ("BY J.O. LEE APR. 26, 2022", "J.O. LEE"),
    ("By Ann Lee | 12/10/2020", "Ann Lee"),
    ("von Anna Berg am 16.08.2019", "Anna Berg"),
    ("By Ann Lee and Bo Park", "Ann Lee and Bo Park"),
    ("ByAnn Lee", "Ann Lee"),  # the label run into a linked name
    ("ByJ.R. Lee", "J.R. Lee"),
    ("By Ann Lee on Monday, March 5, 2018", "Ann Lee"),  # the weekday is the date's
    ("By Ann Lee on Mon, 03/05/2018", "Ann Lee"),
    ("Submitted by Ann Lee on Mon, 03/05/2018 - 10:20", "Ann Lee"),  # Drupal's byline
    ("Von Anna Berg am Montag, 4. Mai 2020", "Anna Berg"),
    # a user name in lower case, and names that end like a label or a weekday ("on",
    # "le", "el", "mon"): only whole words before the date are labels
    ("by oz on December 4, 2006", "oz"),
    ("Gespeichert von human am 7. Juli 2019 - 18:44", "human"),
    ("By Evan Symon, August 14, 2020", "Evan Symon"),
    ("By Wikimedia Foundation on January 15, 2020", "Wikimedia Foundation"),
    ("By Christian Thiele, 7. Dezember 2022", "Christian Thiele"),
    ("By Ursula von der Leyen on Jan 3, 2020", "Ursula von der Leyen"),
    ("Autor johnVeröffentlicht am 20. März 2014", "john"),  # the label run into the name
    # labels of more than one word, in the archives' languages (data/dates.yaml)
    ("Eine Kolumne von Nils Pickert", "Nils Pickert"),
    ("veröffentlicht von stylegart", "stylegart"),
    ("publié par Anne Roy", "Anne Roy"),
    ("von Fiona Berg und Mariam Hof", "Fiona Berg und Mariam Hof"),
    ("By Ann Lee, staff writer", "Ann Lee"),  # a role after the name
    ("By Ann Lee, senior correspondent, on Jan 3, 2020", "Ann Lee"),
    # what a page's text runs on after the name: a handle, the next field, the name again
    ("By Jon Porter@jporter", "Jon Porter"),
    ("By Ann Lee @annlee", "Ann Lee"),
    ("Von Anna Berg Foto: © Bo Park", "Anna Berg"),
    ("von Anna Berg Kategorien: Mode", "Anna Berg"),
    ("Autor: Anna Berg , Datum: 15.Jun.19", "Anna Berg"),
    ("Par Anne Roy Anne Roy", "Anne Roy"),
    # a date or time in numbers that the date reader does not read (a year of two digits)
    ("By ANN LEE 10/ 5/11 09:19 PM ET", "ANN LEE"),
    ("By Ann Lee 09:19 PM", "Ann Lee"),
    ("By Ann Lee2014-01-26 21:32:46 UTC", "Ann Lee"),
])
def test_a_byline_names_the_author_without_its_date(line, name):
    assert byline(line) == name


@pytest.mark.parametrize("line", [
    "By :", "BY COURSE/MEAL:", "By 2021",
    # a headline or a sentence that opens with a byline's word: not names
    "Von Tunis nach Teheran", "von der Fahrbahn abgekommen", "Von wem?",
    "Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»",
    "Von Ast getroffen: 46-jähriger Waldarbeiter tödlich verunglückt",
    "By Main Ingredient:",
    "By 10/5/11 the deal was done", "By 2030, the country will need 5.5 million nurses",
])
def test_a_label_without_a_name_or_a_phrase_after_it_names_no_author(line):
    assert byline(line) is None


@pytest.mark.parametrize("raw, author", [
    ("Nadia Farouk", "Nadia Farouk"),
    ("Sarah Hinger; Ludwig van Beethoven", "Sarah Hinger; Ludwig van Beethoven"),
    ("Nadia Farouk Nadia is a reporter who covers the Gulf; Has Written On Energy For Twelve Years Now", ""),
    ("Art Edwards says", ""),  # a commenter
    ("Article by", ""),  # a byline's bare label
    ("Reuters; Article by", "Reuters"),
    ("Par Anne Roy; Bo Park", "Anne Roy; Bo Park"),  # a byline's label before the name
    ("Zeige alle Beiträge von Petra Ruland", "Petra Ruland"),
    ("Autor john", "john"),
    ("Di Maria", "Di Maria"),  # a name that opens like a label
])
def test_a_saved_pages_author_metadata_keeps_names_only(raw, author):
    assert page_author(raw) == author


@pytest.mark.parametrize("line", [
    "Ben 19. Juni 2018 um 15:28 Uhr - Antworten",
    "Ann Fielding said, on August 3, 2019 at 3:12 pm",
    "wtorek, 11 maja 2021, 23:13",
    "Julia on 11/08/2020 at 9:52",
    "par JPA le 7 mai 2020 - 12h38",
])
def test_a_comments_head_is_dated_to_the_minute(line):
    assert timestamp(line)


@pytest.mark.parametrize("line", [
    "28.01.2022",  # a date without a time ("28.01" is no clock)
    "Ben - 15:28 - Antworten",  # a time without a date
    "Price may be higher now. Price of 02.01.2023 12:53",  # a sentence, then a stamp
    "A post shared by Ann Fielding (@annfielding) on Jun 16, 2019 at 7:30am PDT, in the harbour at dawn",
])
def test_lines_that_are_not_a_comments_head(line):
    assert not timestamp(line)


@pytest.mark.parametrize("line, minutes", [
    ("5 min read", 5), ("Reading time: 6 minutes", 6), ("Estimated reading time: 6 minutes", 6),
    ("3 Minuten Lesezeit", 3), ("Lesedauer: ca. 7 Min.", 7), ("8 minutos de lectura", 8),
    ("Temps de lecture : 4 min", 4),
])
def test_reading_time_lines_in_the_archives_languages(line, minutes):
    assert reading_time(line) == minutes


@pytest.mark.parametrize("line", ["5 minutes ago", "3 minutes of silence", "Minsk", "Reading time matters"])
def test_lines_that_are_no_reading_time(line):
    assert reading_time(line) is None


def test_a_word_yaml_reads_as_true_stops_the_build_with_its_place():
    _words_only({"labels": ["published", "on"]})
    with pytest.raises(ValueError, match=r"/labels: True is not a word"):
        _words_only({"labels": ["published", True]})


@pytest.mark.parametrize("line, alone", [
    ("Ann Lee", True),
    ("Ursula von der Leyen", True),
    ("Das Imperialismus-Phantom", False),  # a headline: names open with no article
    ("The Daily Brief", False),
    ("Der Turm der Wünsche", False),
])
def test_a_bare_byline_is_a_name_that_opens_with_no_article(line, alone):
    assert bare_byline(line) is alone


def test_a_source_before_a_date_may_open_with_an_article():
    assert parse_date("The Guardian | Mon 10 Feb 2020").date() == date(2020, 2, 10)


@pytest.mark.parametrize("line, credit", [
    ("Additional reporting by Steve Lee; Editing by Ann Roy, Bo Park and Cy Diaz", True),
    ("Reporting by Ann Lee in Kyiv; Editing by Bo Park", True),
    ("Contributing: Ann Lee, Bo Park", True),
    ("(Reporting by Ann Lee; Editing by Bo Park)", True),
    ("Associated Press writer Ann Lee in Kyiv contributed to this report.", True),
    ("Reporting by the ministry suggests the war will last for years, officials told parliament.", False),
    ("Editing by hand is slow.", False),
    ("Contributing factors were the drought and the war.", False),
    ("By Ann Lee", False),  # a byline, read in the header
])
def test_a_wire_storys_closing_credit_line(line, credit):
    assert closing_credit(line) is credit
