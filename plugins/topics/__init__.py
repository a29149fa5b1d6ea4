"""Tag every article with the topics IR readers follow (countries, relations, systems...).

Tagging runs on `article_generator_pretaxonomy`, after the reader (and its cache), so a
taxonomy or settings change takes effect on the next build even with Pelican's cache on.
"""
import logging
import multiprocessing
import os
import warnings
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from pelican import signals

from . import context, settings, taxonomy
from .memo import Memo, version
from .model import Registry
from .tagger import Tagger

logger = logging.getLogger(__name__)

_state = {}  # the build's Tagger and its memo version, so autoreload rebuilds stay cheap


def _listify(value):
    """Metadata from an override file or a reader: a list, or one comma-separated string."""
    if not value:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v) for v in value]


def _tagger(options, memo: Memo) -> Tagger:
    """The Tagger for these options and this version of the code and taxonomy data."""
    if _state.get("version") != memo.version:
        _state.update(version=memo.version, tagger=memo.tagger(lambda: Tagger(options)))
    return _state["tagger"]


def _detect(tagger, inputs):
    """[(name, kind, ((party, its kind), ...))] for one article: plain data, kept in the memo."""
    title, content, hints, add, remove, own = inputs
    detected = tagger.tag(title, content, hints=hints, add=add, remove=remove, own=own)
    return [(d.name, d.kind, tuple((p, tagger.canonical(p).kind) for p in d.parties)) for d in detected]


# Fewer articles than this to tag: forking costs more than it saves.
PARALLEL_MIN = 200
_pending: dict = {}  # the tagger and the articles' inputs, read by forked workers


def _detect_pending(i):
    return _detect(_pending["tagger"], _pending["inputs"][i])


def _detect_all(tagger, inputs: list) -> list:
    """_detect over every article's inputs, in one forked process per CPU when it pays."""
    workers = getattr(os, "process_cpu_count", os.cpu_count)() or 1
    if workers < 2 or len(inputs) < PARALLEL_MIN or "fork" not in multiprocessing.get_all_start_methods():
        return [_detect(tagger, x) for x in inputs]
    _pending.update(tagger=tagger, inputs=inputs)
    try:
        # fork: the workers share the loaded taxonomy. Python 3.12+ warns of a fork beside
        # threads (Pelican's spinner); the workers log nothing, so never touch its locks.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            with ProcessPoolExecutor(workers, multiprocessing.get_context("fork"),
                                     initializer=logging.disable, initargs=(logging.CRITICAL,)) as pool:
                return list(pool.map(_detect_pending, range(len(inputs)), chunksize=32))
    finally:
        _pending.clear()


def tag_articles(generator):
    """Replace each article's tags with ranked Topic objects (editor tags merged)."""
    options = settings.read(generator.settings)
    memo = Memo(generator.settings.get("CACHE_PATH"), version(options, options["data_dir"] or taxonomy.DATA))
    registry = Registry(generator.settings)
    articles = [*generator.articles, *generator.drafts, *generator.hidden_articles]
    keys, missing = [], {}
    for article in articles:
        meta = article.metadata
        if not hasattr(article, "topics_own"):
            # The author's own Tags:, remembered once: a cached article already carries ours.
            article.topics_own = [t.name for t in getattr(article, "tags", None) or []]
        inputs = (article.title, article.content, _listify(meta.get("tag_hints")), _listify(meta.get("topics_add")),
                  _listify(meta.get("topics_remove")), article.topics_own)
        keys.append(memo.key(*inputs))
        if memo.get(keys[-1]) is None:
            missing.setdefault(keys[-1], inputs)
    if missing:
        for key, detected in zip(missing, _detect_all(_tagger(options, memo), list(missing.values()))):
            memo.put(key, detected)
    for article, key in zip(articles, keys):
        article.tags = [registry.get(name, kind, tuple(registry.get(p, k) for p, k in parties))
                        for name, kind, parties in memo.get(key)]
        logger.debug("%s: %s", article.source_path, [t.name for t in article.tags])
    memo.save()


class _Members(frozenset):
    """A topic's (or an author's) articles, in their list order, with `in` answered by the set.

    Pelican's generate_tags and generate_authors ask `article in articles` for every
    article of the site and every topic or author: quadratic with a list (seconds at
    10,000 articles). As a frozenset subclass that keeps the set's own `in`, each test is
    one C call; articles hash and compare by identity, so the answer is the list's own.
    Everything else (iteration, indexing, slicing for the paginator) follows the list.
    """

    def __new__(cls, articles):
        order = list(dict.fromkeys(articles))  # an article listed twice counts once, as in the set
        members = super().__new__(cls, order)
        members._order = order
        return members

    def __iter__(self):
        return iter(self._order)

    def __reversed__(self):
        return reversed(self._order)

    def __getitem__(self, index):
        return self._order[index]

    def index(self, article, *bounds):
        return self._order.index(article, *bounds)

    def __reduce__(self):
        return type(self), (self._order,)

    def __repr__(self):
        return f"_Members({self._order!r})"


Sequence.register(_Members)  # ordered: what hashes or compares it must keep the order


def topic_context(generator):
    """Counts, dates and related topics on each topic; /topics/ grouped by kind."""
    context.annotate(generator.tags)
    generator.context["topics_by_kind"] = context.by_kind(generator.tags)
    for topic, articles in generator.tags.items():
        generator.tags[topic] = _Members(articles)
    generator.authors = [(author, _Members(articles)) for author, articles in generator.authors]


def register():
    signals.article_generator_pretaxonomy.connect(tag_articles)
    signals.article_generator_finalized.connect(topic_context)
