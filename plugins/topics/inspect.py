"""`invoke inspect PATH`, topics part: why each topic was given to one post or dump, or refused.

The file is read as a build reads it (Pelican's readers with the site's plugins), so a
Markdown post and a dump are explained alike, from the title and HTML the tagger sees.
"""
import os

from pelican.contents import Article, SkipStub
from pelican.plugins._utils import load_plugins
from pelican.readers import Readers

from . import settings as topic_settings
from .tagger import Tagger


def inspect_topics(path: str, settings: dict) -> str:
    """The tagger's verdicts on one content file, as text for a terminal."""
    for plugin in load_plugins(settings):  # so their readers (the dumps reader) are used
        plugin.register()
    readers = Readers(settings)
    base = os.path.abspath(settings["PATH"])
    source = os.path.abspath(path)
    if not source.startswith(os.path.join(base, "")):
        base = os.path.dirname(source)
    article = readers.read_file(base, os.path.relpath(source, base), content_class=Article)
    lines = [f"topics: {path}"]
    if isinstance(article, SkipStub):  # a skipped dump (the dumps part says why) or a draft
        return "\n".join(lines + ["  not tagged: the build does not publish it"])
    title = getattr(article, "title", "") or ""
    tagger = Tagger(topic_settings.read(settings))
    lines.append(f"title: {title}")
    lines += ["  " + line for line in tagger.explain(title, article._content or "")]
    return "\n".join(lines)
