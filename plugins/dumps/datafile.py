"""The plugin's YAML files: its data (data/*.yaml) and the editor's override files.

Read with libyaml's loader when PyYAML has it (its wheels do): eight times faster than
the pure-Python one, and every build waits for the data files before it cleans a dump.
"""

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(source):
    """The YAML document in `source` (a string or an open file), as PyYAML's safe_load
    reads it; a malformed one raises yaml.YAMLError."""
    return yaml.load(source, Loader=_LOADER)
