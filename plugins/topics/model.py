"""Topic: a Pelican Tag that knows its kind, one shared instance per name per build."""
import os
from functools import partial

from pelican.urlwrappers import Tag


class Topic(Tag):
    """A tag with `kind` and, for a relation, its two country Topics in `countries`.

    URLs and slugs follow the TAG_* settings (Pelican would look for TOPIC_* because it
    derives setting names from the class name).
    """

    def __init__(self, name, settings, kind="other", countries=()):
        super().__init__(name, settings)
        self.kind = kind
        self.countries = tuple(countries)
        self.slug = Tag(name, settings).slug

    def _tag_setting(self, key, get_page_name=False):
        value = str(self.settings[f"TAG_{key}"])
        if get_page_name:
            value = os.path.splitext(value)[0]
        return value.format(**self.as_dict())

    page_name = property(partial(_tag_setting, key="URL", get_page_name=True))
    url = property(partial(_tag_setting, key="URL"))
    save_as = property(partial(_tag_setting, key="SAVE_AS"))


class Registry:
    """Topics of the current build by name, so every article shares one instance."""

    def __init__(self, settings):
        self.settings = settings
        self.topics = {}

    def get(self, name, kind="other", countries=()):
        """The build's Topic for `name`; `countries` are the Topics of a relation's parties."""
        topic = self.topics.get(name)
        if topic is None:
            topic = self.topics[name] = Topic(name, self.settings, kind, countries)
        return topic
