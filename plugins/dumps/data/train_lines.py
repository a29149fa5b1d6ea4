"""Learn data/lines.json (the line model of plugins/dumps/lines.py) from real pages.

usage: python plugins/dumps/data/train_lines.py POOL [--out plugins/dumps/data/lines.json] [--folds K]

POOL holds saved pages as html/<id>.html and the same pages as text dumps, txt/<id>.txt
(what a browser shows as the page's text). The HTML labels the text for free: a line of
the dump is the article's when it is part of what trafilatura extracts from the HTML, and
the headline when it matches the page's <h1>, og:title or <title> (its " - Site" tail or
not). One page in five is held out and the script prints how the model does on those.
Needs numpy (requirements-dev.txt); the plugin itself only reads the JSON it writes.
"""

import argparse
import glob
import json
import os
import re
import sys
import unicodedata
import zlib

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", ".."))

from plugins.dumps import lines  # noqa: E402
from plugins.dumps.clean import Cleaned, Cleaner  # noqa: E402
from plugins.dumps.header import metadata_fields  # noqa: E402
from plugins.dumps.decode import decode  # noqa: E402
from plugins.dumps.prepare import make_cleaner  # noqa: E402
from plugins.dumps.settings import dumps_settings  # noqa: E402
from plugins.dumps.textdump import text_blocks  # noqa: E402

# Languages whose stop words the model counts (jusText's lists): the pool's and the
# newsletter's, and their neighbours.
LANGUAGES = ("English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch",
             "Swedish", "Danish", "Norwegian_Bokmal")
# A block is the article's when the line model gives it at least this probability, and
# later prose when it has this much (EXTEND); the headline needs this share of the
# headline model's confidence among the lines above the article.
THRESHOLD = 0.3
TITLE_THRESHOLD = 0.0
EXTEND_THRESHOLD = 0.25
_WORDS = re.compile(r"\w+")
_TAIL = re.compile(r"\s+[-–—|·•:»/]\s+")


def norm(text: str) -> str:
    return " ".join(_WORDS.findall(unicodedata.normalize("NFKC", text or "").lower()))


def same_title(a: str, b: str) -> bool:
    """The same headline, as the real-pages scorer judges it (benchmarks/real_pages.py too)."""
    wa, wb = norm(a).split(), norm(b).split()
    if not wa or not wb:
        return False
    jaccard = len(set(wa) & set(wb)) / len(set(wa) | set(wb))
    ja, jb = " ".join(wa), " ".join(wb)
    contained = (ja in jb or jb in ja) and min(len(wa), len(wb)) >= 0.6 * max(len(wa), len(wb))
    return jaccard >= 0.7 or contained


def stopwords() -> list[str]:
    import justext

    words = set()
    for language in LANGUAGES:
        words |= {w.lower() for w in justext.get_stoplist(language)}
    return sorted(words)


def labels(html: str) -> tuple[set[str], str, list[str]]:
    """(normalised lines of the article, its whole normalised text, title candidates)."""
    import trafilatura
    from lxml import html as lxml_html

    text = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
    lines = [key for key in map(norm, text.split("\n")) if key]
    titles = []
    try:
        doc = lxml_html.fromstring(html)
        titles += [h.text_content() for h in doc.iter("h1")][:2]
        titles += doc.xpath('//meta[@property="og:title"]/@content')[:1]
        titles += doc.xpath("//title/text()")[:1]
    except Exception:
        pass
    titles += [part for t in titles for part in _TAIL.split(t)[:1]]
    # The whole text in the page's order: a text dump's line can span two of its lines.
    return set(lines), " ".join(lines), [t for t in titles if norm(t)]


def page_data(pool: str, page: str, cleaner):
    with open(os.path.join(pool, "html", page + ".html"), "rb") as handle:
        html = decode(handle.read())
    with open(os.path.join(pool, "txt", page + ".txt"), "rb") as handle:
        text = decode(handle.read())
    article, whole, titles = labels(html)
    blocks = text_blocks(text, cleaner.stands_alone)
    if len(blocks) < 3 or not article:
        return None
    cleaner.apply_rules(blocks, [])
    y = []
    for block in blocks:
        key = norm(block.plain)
        y.append(bool(key) and (key in article or (len(key) >= 40 and key in whole)))
    return blocks, y, titles, text


def fit(X: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 60):
    """Logistic regression by Newton's method on standardised features."""
    mean, scale = X.mean(0), X.std(0)
    scale[scale == 0] = 1.0
    Z = np.hstack([np.ones((len(X), 1)), (X - mean) / scale])
    w = np.zeros(Z.shape[1])
    penalty = np.eye(Z.shape[1]) * l2
    penalty[0, 0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(Z @ w, -30, 30)))
        gradient = Z.T @ (p - y) + penalty @ w
        hessian = (Z * (p * (1 - p))[:, None]).T @ Z + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {"bias": float(w[0]), "weights": [float(v) for v in w[1:]],
            "mean": [float(v) for v in mean], "scale": [float(v) for v in scale]}


def fit_ranking(pages: list, l2: float = 1.0, steps: int = 400, rate: float = 0.05):
    """A linear scorer whose softmax over each page's candidates puts its mass on the
    page's right ones (the headline is one line of a page, not a line of the corpus):
    gradient descent (Adam) on that log-likelihood, on standardised features."""
    X = np.vstack([x for x, _ in pages])
    mean, scale = X.mean(0), X.std(0)
    scale[scale == 0] = 1.0
    pages = [((x - mean) / scale, y) for x, y in pages]
    w = np.zeros(X.shape[1])
    m = v = np.zeros_like(w)
    for step in range(1, steps + 1):
        gradient = l2 * w
        for x, y in pages:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            right = p * y
            gradient += x.T @ (p - right / right.sum())
        gradient /= len(pages)
        m = 0.9 * m + 0.1 * gradient
        v = 0.999 * v + 0.001 * gradient**2
        w -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {"bias": 0.0, "weights": [float(u) for u in w],
            "mean": [float(u) for u in mean], "scale": [float(u) for u in scale]}


def fold(page: str, folds: int) -> int:
    return zlib.crc32(page.encode()) % folds


def held_out(page: str) -> bool:
    return fold(page, 5) == 0


def best_is_right(scorer, candidates: list, truth: list) -> bool:
    """Whether the candidate the headline ranking puts first is a right headline."""
    return truth[max(range(len(candidates)), key=lambda i: scorer.linear(candidates[i][1]))]


def cross_validated_titles(title_pages: list, folds: int) -> int:
    """Pages whose best-ranked candidate is a right headline, each page ranked by a
    ranking fitted on the pages of the other folds."""
    right = 0
    for k in range(folds):
        fitted = fit_ranking([(np.array([r for _, r in c]), np.array(t, dtype=float))
                              for p, c, t in title_pages if fold(p, folds) != k])
        scorer = lines._Regression({"features": list(lines.TITLE_FEATURES), **fitted}, lines.TITLE_FEATURES)
        right += sum(best_is_right(scorer, c, t) for p, c, t in title_pages if fold(p, folds) == k)
    return right


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pool")
    ap.add_argument("--out", default=str(lines.DATA.resolve()))
    ap.add_argument("--folds", type=int, default=0, help="also cross-validate the headline ranking over K folds")
    args = ap.parse_args()
    cleaner = make_cleaner({**dumps_settings({}), "line_model": False})
    data = load_pool(args.pool, cleaner)
    model = train(data, cleaner, args.folds)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(model, handle, indent=0)
        handle.write("\n")
    print(f"wrote {args.out}")


def load_pool(pool: str, cleaner) -> dict:
    """{page: (blocks, labels, titles, text)} for every page of the pool with both files."""
    pages = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(pool, "html", "*.html")))
    data = {}
    for page in pages:
        if os.path.exists(os.path.join(pool, "txt", page + ".txt")):
            found = page_data(pool, page, cleaner)
            if found:
                data[page] = found
    print(f"{len(data)} pages labelled of {len(pages)}")
    return data


def train(data: dict, cleaner, folds: int = 0) -> dict:
    """The model's JSON: stop words and the two regressions; prints held-out figures
    (and with `folds`, the headline ranking's cross-validated ones)."""
    words = stopwords()
    stop = frozenset(words)

    # The line model.
    rows = {page: lines.line_rows(found[0], stop) for page, found in data.items()}
    train = [p for p in data if not held_out(p)]
    X = np.array([r for p in train for r in rows[p]])
    y = np.array([v for p in train for v in data[p][1]], dtype=float)
    line = {"features": list(lines.FEATURES), **fit(X, y)}
    model = lines.Model({"stopwords": words, "line": line, "title": {
        "features": list(lines.TITLE_FEATURES), "bias": 0.0, "weights": [0.0] * len(lines.TITLE_FEATURES),
        "mean": [0.0] * len(lines.TITLE_FEATURES), "scale": [1.0] * len(lines.TITLE_FEATURES)}})
    probabilities = {p: [model.line.score(r) for r in rows[p]] for p in data}
    for name, group in (("train", train), ("held out", [p for p in data if held_out(p)])):
        tp = fp = fn = 0
        for p in group:
            for prob, truth in zip(probabilities[p], data[p][1]):
                tp += prob >= 0.5 and truth
                fp += prob >= 0.5 and not truth
                fn += prob < 0.5 and truth
        print(f"lines, {name}: precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, tp + fn):.3f}")

    # The headline model: candidates above where the cleaner, with the line model, finds
    # the article's start.
    located = Cleaner(cleaner.boilerplate, model=model)
    title_pages = []
    for page, (_, _, titles, text) in data.items():
        blocks = text_blocks(text, cleaner.stands_alone)
        span = located.locate(blocks, Cleaned(blocks))
        if span is None:
            continue
        start = located.header.start(blocks, span[0])
        content = [b.extra.get("p", 0.0) for b in blocks]
        candidates = lines.title_rows(blocks, start, content, metadata_fields, stop)
        truth = [any(same_title(blocks[i].plain, t) for t in titles) for i, _ in candidates]
        if any(truth):
            title_pages.append((page, candidates, truth))
    title = {"features": list(lines.TITLE_FEATURES), **fit_ranking(
        [(np.array([r for _, r in c]), np.array(t, dtype=float)) for p, c, t in title_pages if not held_out(p)])}
    model.title = lines._Regression(title, lines.TITLE_FEATURES)
    for name, want in (("train", False), ("held out", True)):
        group = [(c, t) for p, c, t in title_pages if held_out(p) == want]
        right = sum(best_is_right(model.title, c, t) for c, t in group)
        print(f"titles, {name}: {right}/{len(group)} pages with a findable title")
    if folds > 1:
        right = cross_validated_titles(title_pages, folds)
        print(f"titles, {folds}-fold cross-validated: {right}/{len(title_pages)} pages with a findable title")
    return {"stopwords": words, "threshold": THRESHOLD, "title_threshold": TITLE_THRESHOLD,
            "extend_threshold": EXTEND_THRESHOLD,
            "line": line, "title": title}


if __name__ == "__main__":
    main()
