"""Feeds for readers who subscribe instead of signing up: site and per-topic RSS/Atom
written with feedgen, an OPML of every topic feed, and the small context step the
theme needs (feed URLs, related articles, neighbours)."""

from .plugin import register

__all__ = ["register"]
