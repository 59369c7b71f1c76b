"""Reporting periods of bundle format 2 (FORMAT.md section 7): quarters, calendar years, fiscal
years and "all", and which of them a quarter belongs to. Pure: any thread.

Keys: "2026-Q4" (calendar quarter), "2026" (calendar year), "FY2027" (the fiscal year that ENDS
in 2027, the usual US naming: with an October start, FY2027 = 2026-10-01 .. 2027-09-30) and
"all". A fiscal year starts on the first day of a calendar quarter (month 1, 4, 7 or 10), so
quarters nest in every kind of year and a bundle's periods are exact.
"""

from __future__ import annotations

import re
from datetime import date

from coachdesk.errors import CoachDeskError

FISCAL_STARTS = (1, 4, 7, 10)
ALL = "all"
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_YEAR = re.compile(r"(\d{4})")
_FISCAL = re.compile(r"FY(\d{4})")


class PeriodError(CoachDeskError):
    pass


def quarter_index(day: date) -> int:
    """A running quarter number (year * 4 + quarter - 1), for ranges and sorting."""
    return day.year * 4 + (day.month - 1) // 3


def quarter_key(index: int) -> str:
    return f"{index // 4}-Q{index % 4 + 1}"


def quarter_of_key(key: str) -> int:
    m = _QUARTER.fullmatch(key)
    if m is None:
        raise PeriodError(f"'{key}' is not a quarter like 2026-Q1.")
    return int(m.group(1)) * 4 + int(m.group(2)) - 1


def fiscal_year(index: int, fiscal_start: int) -> int:
    """The fiscal year (named by the calendar year it ends in) that holds quarter `index`."""
    year, quarter = divmod(index, 4)
    if fiscal_start == 1:
        return year
    return year + 1 if quarter * 3 + 1 >= fiscal_start else year


def containing(index: int, fiscal_start: int) -> tuple[str, ...]:
    """Every period key the quarter belongs to (fiscal years only when they differ from
    calendar years)."""
    keys = [quarter_key(index), str(index // 4)]
    if fiscal_start != 1:
        keys.append(f"FY{fiscal_year(index, fiscal_start)}")
    keys.append(ALL)
    return tuple(keys)


def covered(first: int, last: int, fiscal_start: int) -> list[str]:
    """Every period key that overlaps the quarters first..last (inclusive)."""
    found: dict[str, None] = {}
    for index in range(first, last + 1):
        for key in containing(index, fiscal_start):
            found[key] = None
    return list(found)


def bounds(key: str, fiscal_start: int = 1) -> tuple[int, int] | None:
    """(first, last) quarter index of a period key; None for "all"."""
    key = key.strip().upper()
    if key in ("", ALL.upper()):
        return None
    if m := _QUARTER.fullmatch(key):
        q = int(m.group(1)) * 4 + int(m.group(2)) - 1
        return q, q
    if m := _YEAR.fullmatch(key):
        return int(m.group(1)) * 4, int(m.group(1)) * 4 + 3
    if m := _FISCAL.fullmatch(key):
        end_year = int(m.group(1))
        if fiscal_start == 1:
            return end_year * 4, end_year * 4 + 3
        first = (end_year - 1) * 4 + (fiscal_start - 1) // 3
        return first, first + 3
    raise PeriodError(f"'{key}' is not a period like 2026, 2026-Q1 or FY2026.")


def normalize(key: str, fiscal_start: int = 1) -> str:
    """The canonical key ("all" for empty), or PeriodError with one plain sentence."""
    key = key.strip().upper()
    if key in ("", ALL.upper()):
        return ALL
    bounds(key, fiscal_start)
    if key.startswith("FY") and fiscal_start == 1:
        return key[2:]  # with a January start a fiscal year is the calendar year
    return key


def valid_key(key: str) -> bool:
    return key == ALL or bool(
        _QUARTER.fullmatch(key) or _YEAR.fullmatch(key) or _FISCAL.fullmatch(key)
    )


def sort_key(key: str) -> tuple[int, int, int]:
    """Newest first: all, then each year with its fiscal year and quarters."""
    if key == ALL:
        return (0, 0, 0)
    if m := _QUARTER.fullmatch(key):
        return (1, -int(m.group(1)), 3 + 4 - int(m.group(2)))
    if m := _FISCAL.fullmatch(key):
        return (1, -int(m.group(1)), 2)
    return (1, -int(key), 1)
