"""k-anonymity over the export's quasi-identifiers by generalization ladders (FORMAT.md 5).

Quasi-identifiers: age at intake, gender, setting, intake year (site is constant per bundle,
see FORMAT.md "What site means"). Each has a ladder from most detail to suppressed. Every
combination of ladder levels (4 x 3 x 3 x 3 = 108 nodes) is evaluated; a node's records whose
combination is shared by fewer than k records are "residual" and get all four values blanked
(the last resort), topped up from classes larger than k if the blanked group itself would be
smaller than k. The node with the least information loss wins, blanking at most
MAX_SUPPRESSED_SHARE of the records (or k records, whichever is more). Outcome measures are
never touched here.

Pure: any thread.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import product

from coachdesk.exchange.payload_schema import (
    ANOTHER_GENDER,
    LEVELS,
    QUASI_IDENTIFIERS,
    SETTING_GROUP,
    TOP_CODE_AGE,
)

MAX_SUPPRESSED_SHARE = 0.05

Key = tuple[str | None, str | None, str | None, str | None]
_BLANK: Key = (None, None, None, None)


@dataclass(frozen=True, slots=True)
class QuasiIdentifiers:
    """The most detailed values of one record (age in whole years; never a date)."""

    age: int | None
    gender: str | None
    setting: str | None
    intake_year: int | None


def age_band(age: int | None, level: str) -> str | None:
    if age is None or age < 0 or level == "suppressed":
        return None
    if level == "20y":
        return "80+" if age >= 80 else f"{age // 20 * 20}-{age // 20 * 20 + 19}"
    width = 5 if level == "5y" else 10
    if age >= TOP_CODE_AGE:
        return f"{TOP_CODE_AGE}+"
    low = age // width * width
    return f"{low}-{low + width - 1}"


def gender_value(gender: str | None, level: str) -> str | None:
    if gender is None or level == "suppressed":
        return None
    if level == "grouped" and gender not in ("woman", "man"):
        return ANOTHER_GENDER
    return gender


def setting_value(setting: str | None, level: str) -> str | None:
    if setting is None or level == "suppressed":
        return None
    return SETTING_GROUP[setting] if level == "group" else setting


def intake_year_value(year: int | None, level: str) -> str | None:
    if year is None or level == "suppressed":
        return None
    if level == "2y":
        start = year - year % 2
        return f"{start}-{start + 1}"
    return str(year)


_LADDERS = {
    "age_band": lambda q, lv: age_band(q.age, lv),
    "gender": lambda q, lv: gender_value(q.gender, lv),
    "setting": lambda q, lv: setting_value(q.setting, lv),
    "intake_year": lambda q, lv: intake_year_value(q.intake_year, lv),
}


@dataclass(frozen=True, slots=True)
class Anonymization:
    levels: dict[str, str]  # quasi-identifier -> ladder level name
    values: list[Key]  # per input record: (age_band, gender, setting, intake_year)
    suppressed: frozenset[int]  # indices of records whose quasi-identifiers were blanked
    k: int
    loss: float

    @property
    def information_kept(self) -> float:
        """Share of quasi-identifier values (4 per record) that are not blank."""
        if not self.values:
            return 1.0
        kept = sum(v is not None for key in self.values for v in key)
        return kept / (len(QUASI_IDENTIFIERS) * len(self.values))


def is_k_anonymous(values: Sequence[Key], k: int) -> bool:
    """Every combination (blank counted as a value) is shared by at least k records; a set of
    fewer than k records passes only when every value is blank."""
    if len(values) < k:
        return all(v == _BLANK for v in values)
    return all(count >= k for count in Counter(values).values())


def _columns(qis: Sequence[QuasiIdentifiers]) -> dict[str, list[list[str | None]]]:
    return {
        name: [[_LADDERS[name](q, level) for q in qis] for level in LEVELS[name]]
        for name in QUASI_IDENTIFIERS
    }


def _plan(keys: list[Key], k: int) -> tuple[list[int], int] | None:
    """Indices to blank for this node, and how many; None if the node cannot reach k."""
    counts = Counter(keys)
    small = {key for key, c in counts.items() if c < k and key != _BLANK}
    to_blank = [i for i, key in enumerate(keys) if key in small]
    blank_total = len(to_blank) + counts.get(_BLANK, 0)
    if 0 < blank_total < k:
        need = k - blank_total
        # Take records from the classes with the most to spare, keeping them at k or more.
        spare = sorted(
            ((c - k, key) for key, c in counts.items() if c > k and key != _BLANK),
            key=lambda item: (-item[0], str(item[1])),
        )
        if sum(s for s, _ in spare) < need:
            return None
        donors: dict[Key, int] = {}
        for surplus, key in spare:
            take = min(surplus, need)
            donors[key] = take
            need -= take
            if need == 0:
                break
        for i, key in enumerate(keys):
            if donors.get(key, 0) > 0:
                donors[key] -= 1
                to_blank.append(i)
    return to_blank, len(to_blank)


def suppression_limit(n: int, k: int) -> int:
    """Most records that may be blanked: a share of the caseload, but at least k, since a
    blanked group smaller than k would itself stand out."""
    return max(math.floor(MAX_SUPPRESSED_SHARE * n), k)


def anonymize(
    qis: Sequence[QuasiIdentifiers], k: int, floor: Mapping[str, str] | None = None
) -> Anonymization:
    """The least-loss k-anonymous generalization of `qis` (see the module docstring).

    `floor` holds the levels of the previous export to the same RCO: no quasi-identifier is
    shown finer than there, because the RCO can link records between exports by pseudonym
    and would otherwise combine, say, one export's exact gender with another's 5-year bands.
    """
    n = len(qis)
    names = QUASI_IDENTIFIERS
    top = {name: LEVELS[name][-1] for name in names}
    if n < k:
        return Anonymization(top, [_BLANK] * n, frozenset(range(n)), k, float(4 * n))
    columns = _columns(qis)
    limit = suppression_limit(n, k)
    lowest = {name: LEVELS[name].index((floor or {}).get(name, LEVELS[name][0])) for name in names}
    best: tuple[tuple[float, int, tuple[int, ...]], list[int]] | None = None
    for node in product(*(range(lowest[name], len(LEVELS[name])) for name in names)):
        cols = [columns[name][level] for name, level in zip(names, node, strict=True)]
        keys: list[Key] = list(zip(*cols, strict=True))
        planned = _plan(keys, k)
        if planned is None:
            continue
        to_blank, blanked = planned
        if blanked > limit:
            continue
        height = sum(
            level / (len(LEVELS[name]) - 1) for name, level in zip(names, node, strict=True)
        )
        loss = height * (n - blanked) + len(names) * blanked
        rank = (round(loss, 9), blanked, node)
        if best is None or rank < best[0]:
            best = (rank, to_blank)
    assert best is not None  # the all-suppressed node always qualifies when n >= k
    (loss, _, node), to_blank = best
    levels = {name: LEVELS[name][level] for name, level in zip(names, node, strict=True)}
    cols = [columns[name][level] for name, level in zip(names, node, strict=True)]
    values: list[Key] = list(zip(*cols, strict=True))
    for i in to_blank:
        values[i] = _BLANK
    return Anonymization(levels, values, frozenset(to_blank), k, loss)
