"""Brief Assessment of Recovery Capital (BARC-10), scored exactly as published.

Vilsaint et al., Drug and Alcohol Dependence 177:71-76 (2017). Ten statements, each answered
1 (strongly disagree) .. 6 (strongly agree); the total is the sum, 10..60. A total of 47 or more
predicts sustained remission.
"""

from __future__ import annotations

from collections.abc import Sequence

from coachdesk.errors import ValidationError

ITEMS: tuple[str, ...] = (
    "There are more important things to me in life than using substances.",
    "In general I am happy with my life.",
    "I have enough energy to complete the tasks I set myself.",
    "I am proud of the community I live in and feel part of it.",
    "I get lots of support from friends.",
    "I regard my life as challenging and fulfilling without the need for using drugs or alcohol.",
    "My living space has helped to drive my recovery journey.",
    "I take full responsibility for my actions.",
    "I am happy dealing with a range of professional people.",
    "I am making good progress on my recovery journey.",
)

ANSWERS: tuple[str, ...] = (
    "Strongly disagree",
    "Disagree",
    "Somewhat disagree",
    "Somewhat agree",
    "Agree",
    "Strongly agree",
)

MIN_ANSWER, MAX_ANSWER = 1, 6
MIN_TOTAL, MAX_TOTAL = 10, 60
REMISSION_THRESHOLD = 47


def validate(answers: Sequence[int]) -> tuple[int, ...]:
    """Return the answers as a tuple, or raise ValidationError naming the first bad one."""
    if len(answers) != len(ITEMS):
        raise ValidationError(
            field="answers", code="barc10.count", expected=len(ITEMS), got=len(answers)
        )
    for number, value in enumerate(answers, start=1):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(field="answers", code="barc10.not_whole", number=number)
        if not MIN_ANSWER <= value <= MAX_ANSWER:
            raise ValidationError(
                field="answers",
                code="barc10.out_of_range",
                number=number,
                value=value,
                low=MIN_ANSWER,
                high=MAX_ANSWER,
            )
    return tuple(answers)


def score(answers: Sequence[int]) -> int:
    return sum(validate(answers))


def parse_answers(text: str) -> tuple[int, ...]:
    """Parse '6,5,4,...' as typed on a command line."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    try:
        values = [int(p) for p in parts]
    except ValueError:
        raise ValidationError(field="answers", code="barc10.parse") from None
    return validate(values)


def meets_threshold(total: int) -> bool:
    return total >= REMISSION_THRESHOLD
