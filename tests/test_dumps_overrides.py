"""Editor override files beside a dump: applied when valid, a clear message when not."""

from datetime import date

import pytest
from pelican.settings import DEFAULT_CONFIG

from plugins.dumps.overrides import OverrideError, load, parse
from plugins.dumps.reader import DumpReader

ARTICLE = "\n\n".join([
    "A headline found by the cleaner",
    "By Someone Else",
    "The coastguards of the two countries exchanged warnings near the shoal again on Monday, the third incident this month.",
    "Diplomats in both capitals expect a hotline to be set up before the regional summit, if the incidents stop in time.",
])
VALID = """title: The shoal standoff, explained
date: 2021-05-04
author: Ana Reyes
slug: shoal-standoff
tags: [ASEAN, Philippines]
remove_tags: China
status: hidden
"""


def test_valid_override_is_parsed():
    fields = parse(VALID, "x.txt.yaml")
    assert fields["title"] == "The shoal standoff, explained"
    assert fields["date"].date() == date(2021, 5, 4)
    assert (fields["author"], fields["slug"], fields["status"]) == ("Ana Reyes", "shoal-standoff", "hidden")
    assert fields["tags"] == ["ASEAN", "Philippines"]
    assert fields["remove_tags"] == ["China"]


@pytest.mark.parametrize("text,expected", [
    ("title: fine\ndate: [unclosed\n", "x.txt.yaml:3"),
    ("title: fine\n  author: bad indent\n", "x.txt.yaml:2"),
    ("colour: blue\n", "unknown key(s) colour"),
    ("status: maybe\n", "status must be one of"),
    ("date: next tuesday\n", "is not a date"),
    ("- a list\n", "expected 'key: value' lines"),
    ("tags: {a: 1}\n", "tags must be a list"),
])
def test_broken_override_names_the_file_and_problem(text, expected):
    with pytest.raises(OverrideError) as error:
        parse(text, "x.txt.yaml")
    assert "x.txt.yaml" in str(error.value)
    assert expected in str(error.value)


def reader(tmp_path):
    settings = dict(DEFAULT_CONFIG, PATH=str(tmp_path))
    (tmp_path / "dumps").mkdir(exist_ok=True)
    return DumpReader(settings)


def test_reader_applies_a_valid_override(tmp_path):
    dump = tmp_path / "dumps" / "shoal.txt"
    read = reader(tmp_path)
    dump.write_text(ARTICLE)
    (tmp_path / "dumps" / "shoal.txt.yaml").write_text(VALID)
    content, meta = read.read(str(dump))
    assert meta["title"] == "The shoal standoff, explained"
    assert meta["date"].date() == date(2021, 5, 4)
    assert str(meta["author"]) == "Ana Reyes"
    assert meta["slug"] == "shoal-standoff"
    assert meta["status"] == "hidden"
    assert meta["topics_add"] == ["ASEAN", "Philippines"]
    assert meta["topics_remove"] == ["China"]
    assert "coastguards" in content


def test_reader_builds_the_dump_despite_a_broken_override(tmp_path, caplog):
    dump = tmp_path / "dumps" / "shoal.txt"
    read = reader(tmp_path)
    dump.write_text(ARTICLE)
    (tmp_path / "dumps" / "shoal.txt.yaml").write_text("title: ok\nwhatever: [\n")
    content, meta = read.read(str(dump))
    assert meta["title"] == "A headline found by the cleaner"
    assert str(meta["author"]) == "Someone Else"
    assert "coastguards" in content
    flag = next(f for f in type(read).reports["shoal.txt"]["flags"] if f.startswith("override ignored"))
    assert "shoal.txt.yaml:" in flag
    assert any("shoal.txt.yaml" in r.getMessage() for r in caplog.records)


def test_no_override_file_is_no_override(tmp_path):
    assert load(str(tmp_path / "missing.txt"), ".yaml") == ({}, None)


def test_an_override_slug_cannot_leave_the_output_folder(tmp_path):
    dump = tmp_path / "dumps" / "shoal.txt"
    read = reader(tmp_path)
    dump.write_text(ARTICLE)
    (tmp_path / "dumps" / "shoal.txt.yaml").write_text("slug: ../../../etc/passwd\n")
    _, meta = read.read(str(dump))
    assert "/" not in meta["slug"] and ".." not in meta["slug"]
    assert meta["slug"] == "etcpasswd"  # the override's slug, slugified: its dots and slashes gone


def test_reader_names_a_dump_by_its_path_under_the_dumps_folder(tmp_path):
    read = reader(tmp_path)
    assert read.source_of(str(tmp_path / "dumps" / "2019" / "06" / "a.txt")) == "2019/06/a.txt"
    assert read.source_of(str(tmp_path / "dumps" / "." / "b.html")) == "b.html"
    assert read.source_of(str(tmp_path / "dumps-old" / "c.txt")) is None  # a sibling sharing its name's start
    assert read.source_of(str(tmp_path / "pages" / "about.html")) is None
