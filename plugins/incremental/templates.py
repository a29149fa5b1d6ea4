"""Compiled templates kept between builds, in CACHE_PATH.

Jinja compiles every template it loads from source, in every build: a twentieth of a
1,000-dump rebuild. Its bytecode cache checks only the template's source, not the
settings, filters and plugins it was compiled with, so here the checksum also covers the
site digest (settings, theme, plugin code) and Jinja's version; Jinja itself checks
Python's.
"""

import logging
import os

import jinja2

logger = logging.getLogger(__name__)


def site_key(site: bytes) -> str:
    """What a compiled template, or a template's list of context names, was made with:
    the site digest (fingerprint.site_digest) and Jinja's version."""
    return f"{site.hex()} jinja2 {jinja2.__version__}"


class TemplateCache(jinja2.FileSystemBytecodeCache):
    def __init__(self, directory: str, key: str):
        super().__init__(directory, "%s.jinja")
        self.key = key

    def get_source_checksum(self, source: str) -> str:
        return super().get_source_checksum(f"{self.key}\0{source}")

    def load_bytecode(self, bucket) -> None:
        """A cache that cannot be read is compiled afresh."""
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - unreadable or damaged, Jinja compiles the source
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        """A cache that cannot be written costs the next build time, never this one."""
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError as error:
            logger.warning("%s: cannot keep a compiled template: %s", self.directory, error)


def cache_templates(generator, key: str) -> None:
    """Give the generator's Jinja environment the template cache, unless the settings'
    JINJA_ENVIRONMENT brings a bytecode cache of its own."""
    if generator.env.bytecode_cache is None:
        directory = os.path.join(generator.settings["CACHE_PATH"], "templates")
        generator.env.bytecode_cache = TemplateCache(directory, key)
