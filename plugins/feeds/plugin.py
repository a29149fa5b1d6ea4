"""Wiring into Pelican: template helpers on every generator's Jinja environment, and a
generator that runs after the articles are read (context step) and writes the feeds."""

import logging
from dataclasses import dataclass
from pathlib import Path

from pelican import signals

from . import build, opml, urls
from .output import write_if_changed
from .related import link_articles
from .settings import FeedSettings, read
from .templating import helpers

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
        return urls.topic_feeds(self.base, self.sitename, tag)


_config: Config | None = None  # reset by every Pelican() (autoreload re-reads settings)


def configure(pelican) -> None:
    global _config
    _config = Config.of(pelican.settings)


def add_template_helpers(generator) -> None:
    """Templates get feed URLs (paths under SITEURL) and the helpers in templating.py."""
    generator.env.globals.update(helpers(_config))


def _newest_first(articles):
    return sorted(articles, key=lambda a: (a.date, a.url), reverse=True)


def _complete_topics(context) -> None:
    """Give templates what the topics plugin provides, when it is absent or a tag lacks it:
    `count`, `first_date`, `last_date` on tags, `topics_by_kind`, and `busiest_topics`."""
    tags = context.get("tags", [])
    for tag, articles in tags:
        dates = [a.date for a in articles]
        for name, value in (("count", len(articles)), ("first_date", min(dates)),
                            ("last_date", max(dates))):
            if not hasattr(tag, name):
                setattr(tag, name, value)
    busiest = sorted((tag for tag, _ in tags), key=lambda t: (-t.count, t.name.lower()))
    context.setdefault("topics_by_kind", [("Topics", busiest)] if busiest else [])
    context["busiest_topics"] = busiest[:BUSIEST_TOPICS]


class FeedsGenerator:
    """Runs after Pelican's own generators have read every article."""

    def __init__(self, context, settings, path, theme, output_path, *args, **kwargs):
        self.context = context
        self.output_path = Path(output_path)

    def generate_context(self):
        link_articles(self.context.get("articles", []), _config.feeds.related_articles)
        _complete_topics(self.context)

    def generate_output(self, writer):
        cfg, entries = _config, {}

        def write(articles, limit, title, description, page_url, feeds):
            chosen = _newest_first(articles)[:limit]
            for a in chosen:
                if a.url not in entries:
                    entries[a.url] = build.entry_for(a, cfg.base, cfg.tz)
            rendered = build.render(
                [entries[a.url] for a in chosen], title=title, description=description,
                page_url=page_url, feeds=feeds, language=cfg.language,
                topics_url=f"{cfg.base}/{self.context.get('TAGS_URL', 'topics/')}",
            )
            for feed in feeds:
                write_if_changed(self.output_path / feed.url, rendered[feed.format])

        write(self.context.get("articles", []), cfg.feeds.max_items, cfg.sitename,
              self.context.get("SITESUBTITLE", ""), f"{cfg.base}/",
              urls.site_feeds(cfg.base, cfg.sitename))
        outlines = []
        for tag, articles in sorted(self.context.get("tags", []), key=lambda p: p[0].slug):
            page_url = f"{cfg.base}/{tag.url}"
            feeds = cfg.topic_feeds(tag)
            write(articles, cfg.feeds.topic_max_items, f"{cfg.sitename}: {tag.name}",
                  f"Articles about {tag.name} from {cfg.sitename}", page_url, feeds)
            outlines.append((tag, feeds[0], page_url))
        write_if_changed(self.output_path / urls.OPML_PATH,
                         opml.render(f"{cfg.sitename}: topic feeds", outlines))
        logger.info("Feeds: site + %d topics", len(outlines))


def get_generators(pelican):
    return FeedsGenerator


def register():
    signals.initialized.connect(configure)
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(get_generators)
