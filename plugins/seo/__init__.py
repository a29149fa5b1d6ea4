"""sitemap.xml and robots.txt for search engines."""

from .plugin import register

__all__ = ["register"]
