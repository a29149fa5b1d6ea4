"""Maps of the archive's coverage: a world map of countries and relations on /topics/, and a
map of a country's relations on its topic page, drawn at build time as inline SVG.

Needs the topics plugin (topic kinds, counts, a relation's two countries). The theme calls
`coverage_map(topics_by_kind, SITEURL)` and `relations_map(tag, SITEURL)`; both give a
Drawn, empty when there is nothing to draw. No script, font or other host is involved.
"""
from pelican import signals

from . import world
from .draw import Maps

__all__ = ["register"]


def add_template_helpers(generator) -> None:
    """The map helpers on every generator's Jinja environment; the geometry is loaded once."""
    maps = Maps(world.world(), world.codes(generator.settings))
    generator.env.globals.update(coverage_map=maps.coverage, relations_map=maps.relations)


def register():
    signals.generator_init.connect(add_template_helpers)
