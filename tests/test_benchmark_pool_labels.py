"""benchmarks/pool_labels.py: the pool's figures from pages whose HTML labels their text dumps.
The pages are made up here; none comes from the pool."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import pool_labels  # noqa: E402

MENU = ["Home", "World", "Politics", "Business", "Science", "Sport", "Opinion", "Weather"]
FOOTER = ["Terms", "Privacy", "Contact us", "Archive"]


def _page(folder: Path, name: str, headline: str, paragraphs: list[str]) -> None:
    nav = "".join(f"<li><a href='/{m.lower()}'>{m}</a></li>" for m in MENU)
    foot = "".join(f"<a href='/{f.lower()}'>{f}</a> " for f in FOOTER)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    (folder / "html" / f"{name}.html").write_text(
        f"<html><head><title>{headline} | The Harbour Times</title></head><body><nav><ul>{nav}</ul></nav>"
        f"<article><h1>{headline}</h1>{body}</article><footer>{foot}</footer></body></html>", encoding="utf-8")
    (folder / "txt" / f"{name}.txt").write_text(
        "\n".join(MENU + [headline] + paragraphs + FOOTER) + "\n", encoding="utf-8")


def test_the_pool_figures_count_what_the_cleaned_posts_keep(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "txt").mkdir()
    _page(tmp_path, "a", "Fishing fleets return to the northern banks early", [
        "The first trawlers reached the northern banks on Monday, three weeks earlier than in any year "
        "since records began, after a mild winter left the sea open along most of the coast.",
        "Skippers said the catch in the first days was good but the prices at the harbour were lower than "
        "they had hoped, because buyers had stocked up during the long closure of the grounds.",
        "The ministry said it would review the quotas in the spring, once scientists have counted the stocks "
        "that moved north with the warmer water over the past two seasons.",
    ])
    _page(tmp_path, "b", "Council votes to rebuild the old harbour bridge", [
        "The town council voted on Tuesday to rebuild the harbour bridge, closed since a storm damaged its "
        "piers two winters ago, and to pay for it with a loan from the regional bank.",
        "Opponents said the money would be better spent on the school, whose roof has leaked for years, "
        "but the plan passed by eleven votes to six after a debate that ran past midnight.",
        "Work is to start in the summer and the bridge should reopen before the autumn storms of next year, "
        "the mayor said, if the engineers find the old foundations sound.",
    ])
    totals = pool_labels.score(tmp_path)
    assert totals["pages"] == totals["published"] == 2
    assert totals["titles_right"] == totals["titled"] == 2
    assert totals["article_kept"] == totals["article"] > 0
    assert totals["furniture"] > 0 and totals["furniture_kept"] == 0
