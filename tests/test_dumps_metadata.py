"""Date lines as sites write them, extra words and all."""

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from dumps.metadata import parse_date  # noqa: E402


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Posted on Monday, October 31, 2022 | 9 min read", date(2022, 10, 31)),
        ("Updated: 4 March 2019", date(2019, 3, 4)),
        ("2021-07-04", date(2021, 7, 4)),
    ],
)
def test_date_lines_with_trailing_details(line, expected):
    assert parse_date(line).date() == expected


def test_a_sentence_mentioning_a_date_is_not_a_date_line():
    assert parse_date("On 31 October 2022 the two governments met in Ankara to talk about the border and trade") is None
