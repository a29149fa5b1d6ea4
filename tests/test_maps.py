"""The world map (plugins/maps, issue 18): a real site built into tmp_path with the kit's
settings and theme, its /topics/ and country pages read back as HTML, plus the prepared
geometry checked against the taxonomy it must cover."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from lxml import html

from plugins.maps import draw, world

ROOT = Path(__file__).resolve().parent.parent

# Hand-written posts; the tagger finds the countries (and their relation) by name.
POSTS = {
    "pact.md": """Title: Singapore and Turkey sign a defence pact
Date: 2024-02-01

Singapore and Turkey signed a defence cooperation pact in Ankara on Monday. Singapore's
defence minister said Turkey is a valued partner. Turkey will train officers from Singapore,
and Singapore will buy Turkish drones.

Relations between Singapore and Turkey have grown for a decade, and Singapore hopes Turkey
will open a regional office.
""",
    "trade.md": """Title: Turkey and Singapore expand trade
Date: 2024-03-01

Turkey and Singapore agreed to double their trade by 2030. Singapore's ports will handle more
Turkish goods, and Turkey wants Singapore's investors in its industry.

Officials from Singapore and Turkey will meet again in Singapore in the autumn.
""",
    "vote.md": """Title: Turkey votes
Date: 2024-04-01

Turkey held local elections on Sunday. In Turkey, the opposition won Istanbul and Ankara again,
and Turkey's president accepted the results.
""",
}


def build(root: Path, name: str) -> Path:
    """`pelican` with the kit's settings, as an editor runs it, in a child process: Pelican
    keeps plugin signal receivers for the life of a process, and other tests' builds must
    not run this build's plugins."""
    content = root / "content"
    if not content.exists():
        content.mkdir(parents=True)
        for file, text in POSTS.items():
            (content / file).write_text(text, "utf-8")
    run = subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(root / name), "-q",
                          "-s", str(ROOT / "pelicanconf.py"), "--cache-path", str(root / f"{name}-cache")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    return root / name


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(tmp_path_factory.mktemp("maps"), "out")


def map_links(page: Path) -> dict:
    """{title: (href, the shape's tag, its class)} of the links on a page's map."""
    tree = html.fromstring(page.read_bytes())
    (svg,) = tree.xpath("//svg[@class='map']")
    links = {}
    for link in svg.xpath(".//a"):
        (title,) = link.xpath("./title/text()")
        (shape,) = link.xpath("./path|./circle")
        links[title] = (link.get("href"), shape.tag, shape.get("class"))
    return links


def heading(site: Path, href: str) -> str:
    page = site / href.strip("/") / "index.html"
    return html.fromstring(page.read_bytes()).xpath("string(//h1)").strip()


def test_topics_map_shows_singapore_and_turkey_and_their_relation(site):
    links = map_links(site / "topics" / "index.html")
    turkey = links["Turkey: 3 articles"]
    singapore = links["Singapore: 2 articles"]
    relation = links["Singapore-Turkey relations: 2 articles"]
    assert turkey[:2] == ("/topics/turkey/", "path") and heading(site, turkey[0]) == "Turkey"
    # Singapore is too small for the 1:110m scale: a dot where it lies.
    assert singapore[:2] == ("/topics/singapore/", "circle") and heading(site, singapore[0]) == "Singapore"
    assert relation[0] == "/topics/singapore-turkey-relations/" and relation[2].startswith("rel ")
    assert heading(site, relation[0]) == "Singapore-Turkey relations"
    # The busiest country gets the darkest shade; tab order is busiest first, relations last.
    assert turkey[2] == f"c{draw.LEVELS}" and singapore[2].startswith("c") and singapore[2] != turkey[2]
    assert list(links) == ["Turkey: 3 articles", "Singapore: 2 articles", "Singapore-Turkey relations: 2 articles"]


def test_the_lists_stay_below_the_map(site):
    tree = html.fromstring((site / "topics" / "index.html").read_bytes())
    (figure,) = tree.xpath("//figure[@class='world-map']")
    listed = tree.xpath("//figure[@class='world-map']/following::section//ul[@class='topic-counts']//a/text()")
    assert {"Turkey", "Singapore", "Singapore-Turkey relations"} <= set(listed)
    assert figure.xpath("string(.//figcaption)").split()[:3] == ["The", "2", "countries"]


def test_a_country_page_shows_its_relations(site):
    links = map_links(site / "topics" / "turkey" / "index.html")
    assert links["Singapore-Turkey relations: 2 articles"][0] == "/topics/singapore-turkey-relations/"
    assert links["Singapore: 2 articles"][:2] == ("/topics/singapore/", "circle")
    tree = html.fromstring((site / "topics" / "turkey" / "index.html").read_bytes())
    assert tree.xpath("//svg[@class='map']/path[@class='self']"), "Turkey itself is not highlighted"
    # A relation's own page has no map (its two countries are linked in its header).
    assert not html.fromstring((site / "topics/singapore-turkey-relations/index.html").read_bytes()).xpath("//svg")


def test_maps_are_byte_identical_across_builds(site, tmp_path):
    again = build(tmp_path, "again")
    for page in ("topics/index.html", "topics/turkey/index.html", "topics/singapore/index.html"):
        assert (again / page).read_bytes() == (site / page).read_bytes(), page


# -- the geometry -----------------------------------------------------------------------------

def test_every_taxonomy_country_has_a_place_on_the_map():
    """A shape, or a dot for the small states the 1:110m scale drops."""
    geometry = world.world()
    countries = yaml.safe_load((ROOT / "plugins/topics/data/countries.yaml").read_text("utf-8"))
    missing = [c["name"] for c in countries if c["iso"] not in geometry.centres]
    assert missing == []
    assert {"SG", "BH", "MV", "MT"} <= geometry.dots and "TR" in geometry.shapes
    for x, y in geometry.centres.values():
        assert 0 <= x <= geometry.width and 0 <= y <= geometry.height


def _vertices(path_data: str):
    """The absolute vertices of prepare_world's path data (M, m and l with whole numbers)."""
    x = y = start_x = start_y = 0
    for command, numbers in re.findall(r"([Mml])([^Mmlz]*)", path_data):
        values = [int(n) for n in re.findall(r"-?\d+", numbers)]
        if command in "Mm":
            x, y = (values[0], values[1]) if command == "M" else (start_x + values[0], start_y + values[1])
            start_x, start_y = x, y
            yield x, y, True
        else:
            for dx, dy in zip(values[::2], values[1::2]):
                x, y = x + dx, y + dy
                yield x, y, False


def test_no_shape_runs_across_the_map():
    """Russia and Fiji cross 180°: cut there, no edge of theirs spans the map sideways."""
    geometry = world.world()
    for code, d in geometry.shapes.items():
        points = list(_vertices(d))
        for (x0, _, _), (x1, _, new_ring) in zip(points, points[1:]):
            assert new_ring or abs(x1 - x0) < geometry.width / 4, code
        assert all(-1 <= x <= geometry.width + 1 and -1 <= y <= geometry.height + 1 for x, y, _ in points), code


def test_geometry_is_small():
    """Every page with a map carries all of it: keep it to a few tens of kilobytes."""
    assert world.GEOMETRY.stat().st_size < 40_000
    assert json.loads(world.GEOMETRY.read_text("utf-8"))["width"] == 1000


def test_shades_follow_a_log_scale_from_the_least_to_the_most():
    assert [draw.level(n, 1, 100) for n in (1, 3, 10, 30, 100)] == [1, 2, 3, 4, 5]
    assert [draw.level(n, 40, 80) for n in (40, 50, 57, 67, 80)] == [1, 2, 3, 4, 5]
    assert draw.level(7, 7, 7) == 3  # all alike: one middle shade
    assert draw._legend([1, 1, 3, 10, 12, 100]) == (("c1", "1"), ("c2", "3"), ("c3", "10–12"), ("c5", "100"))


def test_country_codes_read_fast_agree_with_yaml(tmp_path, monkeypatch):
    """world.codes reads the taxonomy's countries with a regex when every entry has the
    generated layout, and parses the YAML when one does not: both give the same answer."""
    real = ROOT / "plugins/topics/data/countries.yaml"
    parsed = {e["name"]: e["iso"] for e in yaml.safe_load(real.read_text("utf-8"))}
    with monkeypatch.context() as patch:
        patch.setattr(world.yaml, "load", lambda *a, **k: pytest.fail("the taxonomy's own layout was parsed as YAML"))
        assert world._codes(real, 0) == parsed
    edited = tmp_path / "countries.yaml"
    edited.write_text(real.read_text("utf-8") + '- name: "Atlantis: the lost"\n  iso: AX\n- iso: NO\n  name: Nowhere\n',
                      "utf-8")
    # YAML reads a bare NO as false: the regex must not take that entry as a code either.
    assert world._codes(edited, 0) == {**parsed, "Atlantis: the lost": "AX"}
    assert world.codes({"TOPICS": {"data_dir": str(tmp_path)}})["Atlantis: the lost"] == "AX"
