"""Tag every article with the topics IR readers follow (countries, relations, systems...).

Tagging runs on `article_generator_pretaxonomy`, after the reader (and its cache), so a
taxonomy or settings change takes effect on the next build even with Pelican's cache on.
"""
import logging

from pelican import signals

from . import context, settings
from .model import Registry
from .tagger import Tagger

logger = logging.getLogger(__name__)

_state = {}  # the build's Tagger, keyed by its options, so autoreload rebuilds stay cheap


def _listify(value):
    """Metadata from an override file or a reader: a list, or one comma-separated string."""
    if not value:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v) for v in value]


def _tagger(pelican_settings):
    options = settings.read(pelican_settings)
    key = tuple(sorted((k, repr(v)) for k, v in options.items()))
    if _state.get("key") != key:
        _state.update(key=key, tagger=Tagger(options))
    return _state["tagger"]


def tag_articles(generator):
    """Replace each article's tags with ranked Topic objects (editor tags merged)."""
    tagger = _tagger(generator.settings)
    registry = Registry(generator.settings)
    for article in (*generator.articles, *generator.drafts, *generator.hidden_articles):
        meta = article.metadata
        if not hasattr(article, "topics_own"):
            # The author's own Tags:, remembered once: a cached article already carries ours.
            article.topics_own = [t.name for t in getattr(article, "tags", None) or []]
        detected = tagger.tag(
            article.title,
            article.content,
            hints=_listify(meta.get("tag_hints")),
            add=_listify(meta.get("topics_add")),
            remove=_listify(meta.get("topics_remove")),
            own=article.topics_own,
        )
        tags = []
        for d in detected:
            parties = tuple(registry.get(p, tagger.canonical(p).kind) for p in d.parties)
            tags.append(registry.get(d.name, d.kind, parties))
        article.tags = tags
        logger.debug("%s: %s", article.source_path, [t.name for t in tags])


def topic_context(generator):
    """Counts, dates and related topics on each topic; /topics/ grouped by kind."""
    context.annotate(generator.tags)
    generator.context["topics_by_kind"] = context.by_kind(generator.tags)


def register():
    signals.article_generator_pretaxonomy.connect(tag_articles)
    signals.article_generator_finalized.connect(topic_context)
