from __future__ import annotations

import pytest

from coachdesk.core import barc10
from coachdesk.errors import ValidationError


def test_ten_items_with_published_wording() -> None:
    assert len(barc10.ITEMS) == 10
    assert barc10.ITEMS[0].startswith("There are more important things to me in life")
    assert barc10.ITEMS[9] == "I am making good progress on my recovery journey."
    assert barc10.ANSWERS[0] == "Strongly disagree" and barc10.ANSWERS[5] == "Strongly agree"


@pytest.mark.parametrize(
    ("answers", "total"),
    [([1] * 10, 10), ([6] * 10, 60), ([5, 5, 5, 5, 5, 5, 5, 4, 4, 4], 47), ([3] * 10, 30)],
)
def test_total_is_the_sum(answers: list[int], total: int) -> None:
    assert barc10.score(answers) == total


def test_threshold_is_47() -> None:
    assert barc10.meets_threshold(47)
    assert not barc10.meets_threshold(46)


@pytest.mark.parametrize(
    "answers",
    [[0] + [3] * 9, [7] + [3] * 9, [3] * 9, [3] * 11, [3] * 9 + [-1], [True] + [3] * 9],
)
def test_out_of_range_or_wrong_count_is_refused(answers: list[int]) -> None:
    with pytest.raises(ValidationError):
        barc10.score(answers)


def test_parse_answers_from_command_line() -> None:
    assert barc10.parse_answers("6,5,4,4,5,6,3,5,4,5") == (6, 5, 4, 4, 5, 6, 3, 5, 4, 5)
    assert barc10.parse_answers(" 1 ; 2;3,4,5,6,1,2,3,4 ") == (1, 2, 3, 4, 5, 6, 1, 2, 3, 4)
    with pytest.raises(ValidationError, match="ten numbers"):
        barc10.parse_answers("6,5,x")
