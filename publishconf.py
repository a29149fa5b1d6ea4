"""Production settings: absolute URLs everywhere (pages, feeds, OPML)."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://example.github.io/ir-newsletter")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
