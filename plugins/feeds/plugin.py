"""Wiring into Pelican: template helpers on every generator's Jinja environment, and a
generator that runs after the articles are read (context step) and writes the feeds."""

import gc
import hashlib
import heapq
import json
import logging
import multiprocessing
import os
import pickle
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals

from . import build, opml, urls
from .output import write_if_changed
from .related import link_articles
from .settings import FeedSettings, read
from .templating import helpers, striptags

__all__ = ["register"]

logger = logging.getLogger(__name__)

BUSIEST_TOPICS = 12  # how many topics `busiest_topics` offers the home page


@dataclass(frozen=True)
class Config:
    """Everything this plugin derives from the settings, computed once per Pelican run."""

    feeds: FeedSettings
    base: str  # absolute site URL for links inside feeds
    sitename: str
    tz: str
    language: str
    _topic_feeds: dict = field(default_factory=dict, compare=False, repr=False)  # memo of topic_feeds

    @classmethod
    def of(cls, settings):
        feeds = read(settings)
        return cls(
            feeds=feeds,
            base=urls.absolute_base(settings.get("SITEURL", ""), feeds.site_url),
            sitename=settings["SITENAME"],
            tz=settings["TIMEZONE"],
            language=settings["DEFAULT_LANG"],
        )

    def topic_feeds(self, tag):
        """A topic's feeds; asked for by every page that names the topic, made once."""
        key = (tag.slug, tag.name)
        found = self._topic_feeds.get(key)
        if found is None:
            found = self._topic_feeds[key] = urls.topic_feeds(self.base, self.sitename, tag)
        return found


_config: Config | None = None  # reset by every Pelican() (autoreload re-reads settings)


def configure(pelican) -> None:
    global _config
    _config = Config.of(pelican.settings)


def add_template_helpers(generator) -> None:
    """Templates get feed URLs (paths under SITEURL) and the helpers in templating.py."""
    generator.env.globals.update(helpers(_config))
    generator.env.filters["striptags"] = striptags


def _newest(articles, limit: int, order: dict) -> list:
    """The `limit` newest articles, newest first (ties by URL); `order` memoises each
    article's sort key, as Pelican computes `url` anew on every read."""
    def key(article):
        found = order.get(article)
        if found is None:
            found = order[article] = (article.date, article.url)
        return found

    return heapq.nlargest(limit, articles, key=key)


def _complete_topics(context) -> None:
    """Give templates what the topics plugin provides, when it is absent or a tag lacks it:
    `count`, `first_date`, `last_date` on tags (dates of dated articles only), `topics_by_kind`,
    and `busiest_topics`."""
    tags = context.get("tags", [])
    for tag, articles in tags:
        dates = [a.date for a in articles if not getattr(a, "undated", False)]
        known = (("first_date", min(dates)), ("last_date", max(dates))) if dates else ()
        for name, value in (("count", len(articles)), *known):
            if not hasattr(tag, name):
                setattr(tag, name, value)
    busiest = sorted((tag for tag, _ in tags), key=lambda t: (-t.count, t.name.lower()))
    context.setdefault("topics_by_kind", [("Topics", busiest)] if busiest else [])
    context["busiest_topics"] = busiest[:BUSIEST_TOPICS]


def _build_digest(settings) -> bytes:
    """This plugin's code and the plain settings: what every feed depends on besides its articles."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    digest.update(repr(sorted((k, v) for k, v in settings.items()
                              if isinstance(v, (str, int, float, bool, type(None))))).encode())
    return digest.digest()


def _article_digest(article) -> bytes:
    """Everything entry_for reads of an article."""
    author = getattr(article, "author", None)
    return hashlib.blake2b(pickle.dumps((
        article.url, article.title, article.date, getattr(article, "modified", None),
        author.name if author else "", tuple(t.name for t in getattr(article, "tags", ())),
        article.metadata.get("summary"), article._content), protocol=5), digest_size=16).digest()


class FeedsGenerator:
    """Runs after Pelican's own generators have read every article.

    Feeds start rendering as soon as every generator's context is final, in worker
    processes, while Pelican queues its pages; generate_output waits for them.
    A feed whose inputs (articles, titles, settings, this plugin's code) are those of the
    last build, and whose files are still there, is not rendered again: digests of the
    inputs are kept in CACHE_PATH, one file per output folder.
    """

    def __init__(self, context, settings, path, theme, output_path, *args, **kwargs):
        self.context = context
        self.output_path = Path(output_path)
        tag = hashlib.blake2b(str(self.output_path.resolve()).encode(), digest_size=8).hexdigest()
        self.digests_path = Path(settings["CACHE_PATH"]) / f"feeds-{tag}.json"
        self.build_digest = _build_digest(settings)
        self.digests, self.outlines, self.rendered = {}, [], 0  # filled by start()
        self._wait = None  # set by start(): waits until every feed is written

    def generate_context(self):
        link_articles(self.context.get("articles", []), _config.feeds.related_articles)
        _complete_topics(self.context)

    def _load_digests(self) -> dict:
        try:
            found = json.loads(self.digests_path.read_text(encoding="utf-8"))
            return found if isinstance(found, dict) else {}
        except (OSError, ValueError):
            return {}

    def start(self) -> None:
        """Plan every feed and start rendering the ones whose inputs changed.

        Called once the articles are final (all_generators_finalized): the feeds render in
        worker processes while Pelican queues its pages in this one.
        """
        if self._wait is not None:
            return
        cfg, articles_seen, order = _config, {}, {}
        previous, jobs = self._load_digests(), []
        topics_url = f"{cfg.base}/{self.context.get('TAGS_URL', 'topics/')}"
        output = str(self.output_path)  # os.path, not pathlib: asked twice per topic

        def plan(articles, limit, title, description, page_url, feeds):
            """Queue the feed for rendering unless its inputs and files are the last build's."""
            chosen = _newest(articles, limit, order)
            parts = [self.build_digest, pickle.dumps((title, description, page_url, cfg.base, cfg.tz))]
            for a in chosen:  # articles hash by identity: no `url` (formatted anew on each read)
                if a not in articles_seen:
                    articles_seen[a] = _article_digest(a)
                parts.append(articles_seen[a])
            digest = hashlib.blake2b(b"".join(parts), digest_size=16).hexdigest()
            self.digests[feeds[0].url] = digest
            files = (os.path.join(output, f.url) for f in feeds)
            if previous.get(feeds[0].url) != digest or not all(map(os.path.isfile, files)):
                jobs.append(_FeedJob(tuple(chosen), title, description, page_url, tuple(feeds), topics_url))

        plan(self.context.get("articles", []), cfg.feeds.max_items, cfg.sitename,
             self.context.get("SITESUBTITLE", ""), f"{cfg.base}/", urls.site_feeds(cfg.base, cfg.sitename))
        for tag, articles in sorted(self.context.get("tags", []), key=lambda p: p[0].slug):
            page_url = f"{cfg.base}/{tag.url}"
            feeds = cfg.topic_feeds(tag)
            plan(articles, cfg.feeds.topic_max_items, f"{cfg.sitename}: {tag.name}",
                 f"Articles about {tag.name} from {cfg.sitename}", page_url, feeds)
            self.outlines.append((tag, feeds[0], page_url))
        self.rendered = len(jobs)
        self._wait = _start_rendering(jobs, self.output_path, cfg.feeds.workers)

    def generate_output(self, writer):
        self.start()  # a no-op when all_generators_finalized has started it
        self._wait()
        cfg = _config
        write_if_changed(self.output_path / urls.OPML_PATH,
                         opml.render(f"{cfg.sitename}: topic feeds", self.outlines))
        try:
            self.digests_path.parent.mkdir(parents=True, exist_ok=True)
            self.digests_path.write_text(json.dumps(self.digests, sort_keys=True), encoding="utf-8")
        except OSError as error:
            logger.warning("%s: cannot keep feed digests (the next build renders every feed): %s",
                           self.digests_path, error)
        logger.info("Feeds: site + %d topics, %d rendered", len(self.outlines), self.rendered)


@dataclass(frozen=True)
class _FeedJob:
    """One feed pair to render: its newest articles and what its channel says."""

    articles: tuple
    title: str
    description: str
    page_url: str
    feeds: tuple
    topics_url: str

    def run(self, output_path: Path, entries: dict, made: dict) -> None:
        cfg = _config
        for a in self.articles:
            if a not in entries:  # an article in many feeds is turned into an entry once
                entries[a] = build.entry_for(a, cfg.base, cfg.tz)
        rendered = build.render(
            [entries[a] for a in self.articles], title=self.title, description=self.description,
            page_url=self.page_url, feeds=self.feeds, language=cfg.language, topics_url=self.topics_url,
            made=made,
        )
        for feed in self.feeds:
            write_if_changed(output_path / feed.url, rendered[feed.format])


# Fewer feeds than this to render: forking costs more than it saves.
PARALLEL_MIN = 64
_CHUNK = 8  # feeds per task handed to a worker
_pending: dict = {}  # the jobs, read by forked workers


def _run_pending(start: int, stop: int) -> None:
    for job in _pending["jobs"][start:stop]:
        job.run(_pending["output_path"], _pending["entries"], _pending["made"])


def _start_rendering(jobs: list, output_path: Path, workers: int):
    """Start rendering every job and return the function that waits until all are written.

    FEEDS["workers"] processes render them, Pelican's own counted (0: one per CPU). The
    others are forked now and start at once, while Pelican's own process queues its
    pages; when it is done (wait()) it takes the tasks no worker has started, from the
    end of the list while the workers go on from its start. With one process, or few
    feeds, they are all rendered here and now.
    """
    _pending.update(jobs=jobs, output_path=output_path, entries={}, made={})
    workers = workers or getattr(os, "process_cpu_count", os.cpu_count)() or 1
    if workers < 2 or len(jobs) < PARALLEL_MIN or "fork" not in multiprocessing.get_all_start_methods():
        try:
            _run_pending(0, len(jobs))
        finally:
            _pending.clear()
        return lambda: None
    # fork: the workers share the articles already in memory. Python 3.12+ warns of a
    # fork beside threads (Pelican's spinner); the workers log nothing, so never touch its locks.
    # Frozen, the build's objects are not walked (so not copied) by either side's collector.
    gc.freeze()
    pool = ProcessPoolExecutor(workers - 1, multiprocessing.get_context("fork"),
                               initializer=logging.disable, initargs=(logging.CRITICAL,))
    tasks = [(start, min(start + _CHUNK, len(jobs))) for start in range(0, len(jobs), _CHUNK)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        futures = [pool.submit(_run_pending, *task) for task in tasks]  # the workers fork here

    def wait():
        try:
            for future, task in zip(reversed(futures), reversed(tasks)):
                if future.cancel():  # no worker has started it: done here
                    _run_pending(*task)
            for future in futures:
                if not future.cancelled():
                    future.result()  # a failure in a worker is raised here and fails the build
        finally:
            pool.shutdown(cancel_futures=True)
            _pending.clear()
            gc.unfreeze()

    return wait


def start_feeds(generators) -> None:
    for generator in generators:
        if isinstance(generator, FeedsGenerator):
            generator.start()


def get_generators(pelican):
    return FeedsGenerator


def register():
    signals.initialized.connect(configure)
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(start_feeds)
