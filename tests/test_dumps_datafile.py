"""The plugin's YAML reader: PyYAML's safe loading, only faster."""

import io

import pytest
import yaml

from plugins.dumps import datafile

DOCUMENT = """\
months:
  1: [January, Jan., Januar]
joins: [at, um]
"true": yes
"""


def test_reads_what_safe_load_reads():
    assert datafile.load(DOCUMENT) == yaml.safe_load(DOCUMENT)
    assert datafile.load(io.StringIO(DOCUMENT)) == yaml.safe_load(DOCUMENT)


def test_builds_no_python_objects():
    # An editor's override file is data: a tag that would run code is refused.
    with pytest.raises(yaml.YAMLError):
        datafile.load("title: !!python/object/apply:os.getcwd []\n")


def test_a_malformed_file_raises_yamls_own_error():
    with pytest.raises(yaml.YAMLError):
        datafile.load("title: [unclosed\n")
