"""De-identification: allow-listed export rows -> payload records (FORMAT.md section 5).

Input is storage.export_queries.ClientRow, which already holds only allow-listed columns (no
names, contacts, free text, facility or exact dates: they are never selected). This module
maps every value through a closed vocabulary (anything unexpected becomes null or is dropped),
so even a stray value in the vault cannot carry text out. Quasi-identifiers are returned
separately for kanon.anonymize; the record body holds only measures that are never generalized.

Pure: any thread.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from coachdesk.core.models import ClientStatus, Gender, Pathway, ResourceCategory, Setting
from coachdesk.exchange.kanon import (
    Key,
    LocalAnonymization,
    QuasiIdentifiers,
    Released,
    anonymize_local,
)
from coachdesk.exchange.payload_schema import (
    EMPLOYMENT,
    HOUSING,
    MAX_COUNT,
    MAX_MONTHS,
    MAX_REFERRALS,
    OUTCOME_BOOLS,
    OUTCOME_INTS,
    QUASI_IDENTIFIERS,
    TIMEPOINTS,
)
from coachdesk.storage.export_queries import ClientRow

_GENDERS = frozenset(g.value for g in Gender)
_SETTINGS = frozenset(s.value for s in Setting)
_PATHWAYS = frozenset(p.value for p in Pathway)
_STATUSES = frozenset(s.value for s in ClientStatus)
_CATEGORIES = frozenset(c.value for c in ResourceCategory)
MAX_AGE = 130


@dataclass(frozen=True, slots=True)
class DeidRecord:
    pseudonym: str
    quasi: QuasiIdentifiers
    body: dict[str, Any]  # every non-quasi-identifier member of the payload record


def _in(value: Any, allowed: frozenset[str] | tuple[str, ...]) -> str | None:
    return value if isinstance(value, str) and value in allowed else None


def _int_in(value: Any, low: int, high: int) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    return None


def _flag(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _clamp(value: Any, high: int) -> int:
    return min(max(int(value or 0), 0), high)


_BARC_DIGITS = {ch: int(ch) for ch in "123456"}
_OUTCOME_INT_RANGES = tuple(OUTCOME_INTS.items())


def _barc10(answers: Any) -> dict[str, Any] | None:
    if not isinstance(answers, str) or len(answers) != 10 or not answers.isdigit():
        return None
    if _BARC_DIGITS.keys() >= set(answers):  # the usual ten ASCII digits 1-6: no more to check
        items = [_BARC_DIGITS[ch] for ch in answers]
        return {"items": items, "total": sum(items)}
    items = [int(ch) for ch in answers]
    if not all(1 <= i <= 6 for i in items):
        return None
    return {"items": items, "total": sum(items)}


def _outcome(timepoint: str, values: dict[str, Any]) -> dict[str, Any]:
    # Called for every assessment of every record: the checks of _int_in and _flag inline
    # for the plain ints SQLite returns, the helpers for anything else.
    get = values.get
    result: dict[str, Any] = {"timepoint": timepoint}
    for name, (low, high) in _OUTCOME_INT_RANGES:
        value = get(name)
        if type(value) is int:
            result[name] = value if low <= value <= high else None
        else:
            result[name] = _int_in(value, low, high)
    for name in OUTCOME_BOOLS:
        value = get(name)
        result[name] = None if value is None else bool(value)
    result["housing"] = _in(get("housing"), HOUSING)
    result["employment"] = _in(get("employment"), EMPLOYMENT)
    result["social_connectedness"] = _int_in(get("social_connectedness"), 1, 5)
    return result


def deidentify(row: ClientRow, *, months_between: bool = False) -> DeidRecord:
    """One payload record (without its quasi-identifier values) and its quasi-identifiers."""
    age = row.age_at_intake if _int_in(row.age_at_intake, 0, MAX_AGE) is not None else None
    quasi = QuasiIdentifiers(
        age=age,
        gender=_in(row.gender, _GENDERS),
        setting=_in(row.setting, _SETTINGS),
        intake_year=_int_in(row.intake_year, 1900, 2200),
    )
    pathways = sorted({p.strip() for p in row.pathways.split(",")} & _PATHWAYS)
    referrals = {
        category: {"made": min(made, MAX_REFERRALS), "linked": min(linked, made, MAX_REFERRALS)}
        for category, (made, linked) in sorted(row.referrals.items())
        if category in _CATEGORIES and made > 0
    }
    barc = []
    for tp in TIMEPOINTS:
        scored = _barc10(row.barc10.get(tp))
        if scored is not None:
            barc.append({"timepoint": tp, **scored})
    body: dict[str, Any] = {
        "pathways": pathways,
        "status": _in(row.status, _STATUSES) or ClientStatus.ACTIVE.value,
        "sessions": _clamp(row.sessions, MAX_COUNT),
        "contact_attempts": _clamp(row.contact_attempts, MAX_COUNT),
        "group_sessions": _clamp(row.group_sessions, MAX_COUNT),
        "referrals": referrals,
        "barc10": barc,
        "outcomes": [_outcome(tp, row.outcomes[tp]) for tp in TIMEPOINTS if tp in row.outcomes],
    }
    if months_between:
        body["months_between"] = [
            {"from": first, "to": second, "months": _clamp(months, MAX_MONTHS)}
            for first, second, months in row.months_between
            if first in TIMEPOINTS and second in TIMEPOINTS
        ]
    return DeidRecord(row.pseudonym, quasi, body)


def payload_record(record: DeidRecord, values: Key) -> dict[str, Any]:
    """The record as it goes into the payload, with its generalized quasi-identifiers."""
    return {
        "pseudonym": record.pseudonym,
        **dict(zip(QUASI_IDENTIFIERS, values, strict=True)),
        **record.body,
    }


def anonymize_records(
    records: Sequence[DeidRecord], k: int, state: Mapping[str, tuple[Key, bool]]
) -> tuple[LocalAnonymization, dict[str, tuple[Key, bool]]]:
    """Local k-anonymity for one export, given what earlier exports to the same RCO carried
    (`state`: pseudonym -> (values, native), storage.export_state). Returns the result and the
    state to save with the bundle (only records sent this time; withheld ones keep theirs)."""
    previous = [Released(*state[r.pseudonym]) if r.pseudonym in state else None for r in records]
    result = anonymize_local([r.quasi for r in records], k, previous)
    updates = {
        records[i].pseudonym: (released.values, released.native)
        for i, released in result.released.items()
    }
    return result, updates
