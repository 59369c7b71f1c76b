"""The export payload's vocabularies and its strict validator (FORMAT.md section 5).

Used on both sides: the workstation validates before sealing, the RCO after verifying. Every
object must have exactly its listed members; errors name the member. Pure: any thread.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Collection
from typing import Any

from coachdesk.core.models import (
    ClientKind,
    ClientStatus,
    Destination,
    Ethnicity,
    Gender,
    Pathway,
    Race,
    ResourceCategory,
    Setting,
    SupportKind,
    Timepoint,
)
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import periods
from coachdesk.exchange.enrollment import OPTIONAL_FIELDS

PAYLOAD_FORMAT = "coachdesk-export"
SCHEMA_VERSION = 2  # what this CoachDesk writes
SCHEMA_VERSIONS = (1, 2)  # what it reads
MAX_CELL_SETS = 5_000
MAX_CELL = 10_000_000
MAX_RECORDS = 20_000
MAX_STRING = 128
MAX_COUNT = 100_000
MAX_REFERRALS = 10_000
MAX_MONTHS = 240
MAX_COUNTER = 2**53 - 1

FINGERPRINT = re.compile(r"[0-9A-F]{4}(?:-[0-9A-F]{4}){7}")
_HEX = {n: re.compile(f"[0-9a-f]{{{n}}}") for n in (24, 32, 64)}
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00")
_YEAR = re.compile(r"(\d{4})")
_SPAN = re.compile(r"(\d{4})-(\d{4})")

# -- quasi-identifier ladders (level 0 = most detail, last = suppressed) -------------------

AGE_LEVELS = ("5y", "10y", "20y", "suppressed")
GENDER_LEVELS = ("exact", "grouped", "suppressed")
SETTING_LEVELS = ("exact", "group", "suppressed")
YEAR_LEVELS = ("year", "2y", "suppressed")
QUASI_IDENTIFIERS = ("age_band", "gender", "setting", "intake_year")
LEVELS: dict[str, tuple[str, ...]] = {
    "age_band": AGE_LEVELS,
    "gender": GENDER_LEVELS,
    "setting": SETTING_LEVELS,
    "intake_year": YEAR_LEVELS,
}
TOP_CODE_AGE = 90


def _bands(width: int, top: int) -> tuple[str, ...]:
    return (*(f"{lo}-{lo + width - 1}" for lo in range(0, top, width)), f"{top}+")


AGE_BANDS: dict[str, tuple[str, ...]] = {
    "5y": _bands(5, TOP_CODE_AGE),
    "10y": _bands(10, TOP_CODE_AGE),
    "20y": _bands(20, 80),
    "suppressed": (),
}

ANOTHER_GENDER = "another_or_undisclosed"
GENDER_VALUES: dict[str, tuple[str, ...]] = {
    "exact": tuple(g.value for g in Gender),
    "grouped": (Gender.WOMAN.value, Gender.MAN.value, ANOTHER_GENDER),
    "suppressed": (),
}

SETTING_GROUP: dict[str, str] = {
    Setting.EMERGENCY_DEPARTMENT: "clinical",
    Setting.TREATMENT_CENTER: "clinical",
    Setting.JAIL_PRISON: "justice_first_responder",
    Setting.DRUG_COURT: "justice_first_responder",
    Setting.POLICE_FIRE: "justice_first_responder",
    Setting.COMMUNITY: "community",
}
SETTING_VALUES: dict[str, tuple[str, ...]] = {
    "exact": tuple(s.value for s in Setting),
    "group": tuple(sorted(set(SETTING_GROUP.values()))),
    "suppressed": (),
}

# -- outcome vocabularies --------------------------------------------------------------------

TIMEPOINTS = tuple(t.value for t in Timepoint)  # also the timepoint order
HOUSING = ("stable", "unstable", "homeless", "institution")
EMPLOYMENT = ("employed", "unemployed", "student", "not_in_labor_force")
OUTCOME_INTS = {"days_used": (0, 30), "arrests": (0, 99), "ed_visits": (0, 99)}
OUTCOME_BOOLS = ("overdose", "in_treatment", "on_moud", "recovery_support")
OUTCOME_FIELDS = (
    "timepoint",
    "days_used",
    "overdose",
    "housing",
    "employment",
    "arrests",
    "ed_visits",
    "in_treatment",
    "on_moud",
    "recovery_support",
    "social_connectedness",
)
RECORD_FIELDS = (
    "pseudonym",
    "age_band",
    "gender",
    "setting",
    "intake_year",
    "pathways",
    "status",
    "sessions",
    "contact_attempts",
    "group_sessions",
    "referrals",
    "barc10",
    "outcomes",
)
OPTIONAL_RECORD_FIELDS = ("months_between",)
PAYLOAD_FIELDS = (
    "format",
    "schema_version",
    "bundle_id",
    "device_id",
    "device_public_key",
    "counter",
    "created_at",
    "recipient",
    "audit_head",
    "policy",
    "generalization",
    "summary",
    "records",
)


PAYLOAD_FIELDS_V2 = (*PAYLOAD_FIELDS, "periods")

# -- format 2: per-period aggregates (FORMAT.md section 7) -----------------------------------

# Age at intake for funder tables (the usual SAMHSA bands), from the exact date of birth.
AGE_GROUPS = ("under_18", "18_24", "25_34", "35_44", "45_54", "55_64", "65_plus", "unknown")
RACE_GROUPS = (
    *(r.value for r in Race if r != Race.PREFERS_NOT_TO_SAY),
    "two_or_more",
    Race.PREFERS_NOT_TO_SAY.value,
    "not_recorded",
)
ETHNICITY_GROUPS = (*(e.value for e in Ethnicity), "not_recorded")
GENDER_GROUPS = tuple(g.value for g in Gender)
DOMAIN_NAMES = ("housing", "employment", "arrests", "use", "engagement")
FOLLOW_UP_KINDS = ("due", "window", "late")  # missed = due - window - late, not sent
# Each demographic table splits the people served into exactly one group per person.
DEMOGRAPHICS: dict[str, tuple[str, ...]] = {
    "age": AGE_GROUPS,
    "gender": GENDER_GROUPS,
    "race": RACE_GROUPS,
    "ethnicity": ETHNICITY_GROUPS,
}
CELL_SETTINGS = (*(s.value for s in Setting), "not_stated")
# Who the people served are (issue 21): a split of `people` like a demographic table, but
# optional on import (format 2 bundles written before it have none: all persons in recovery).
CLIENT_KINDS = (ClientKind.FAMILY_MEMBER.value, ClientKind.PERSON_IN_RECOVERY.value)
SUPPORT_KINDS = tuple(k.value for k in SupportKind)
DESTINATIONS = tuple(d.value for d in Destination)
# A family client's follow-up: family members asked in the period, and of them who said yes.
FAMILY_ANSWERS = ("treatment", "support", "own_support")
MAX_MINUTES_PER_NOTE = 24 * 60


def _cell_names() -> tuple[str, ...]:
    names = ["people", "enrolled", "ended", "sessions", "attempts", "group_sessions"]
    names += [
        f"ref.{kind}.{c.value}" for kind in ("made", "linked", "linked30") for c in ResourceCategory
    ]
    names += [f"fu.{kind}.{t}" for kind in FOLLOW_UP_KINDS for t in TIMEPOINTS]
    names += ["barc.n", "barc.base_sum", "barc.latest_sum", "barc.below", "barc.cross"]
    names += [f"dom.{d}.{part}" for d in DOMAIN_NAMES for part in ("n", "base_yes", "fu_yes")]
    names += ["dom.use.days_base", "dom.use.days_fu"]
    names += [f"{table}.{group}" for table, groups in DEMOGRAPHICS.items() for group in groups]
    names += [f"kind.{k}" for k in CLIENT_KINDS]
    names += [f"{cell}.{k}" for cell in ("support", "minutes") for k in SUPPORT_KINDS]
    names += [f"accomp.{d}" for d in DESTINATIONS]
    names += ["fam.n", *(f"fam.{a}" for a in FAMILY_ANSWERS)]
    return tuple(names)


CELL_NAMES = _cell_names()
_CELL_SET = frozenset(CELL_NAMES)
_CELL_SETTING_SET = frozenset(CELL_SETTINGS)
# (part, whole): part <= whole in every cell set, whatever the data.
_AT_MOST = [
    *((f"ref.linked.{c.value}", f"ref.made.{c.value}") for c in ResourceCategory),
    *((f"ref.linked30.{c.value}", f"ref.linked.{c.value}") for c in ResourceCategory),
    ("barc.below", "barc.n"),
    ("barc.cross", "barc.below"),
    *((f"dom.{d}.{part}", f"dom.{d}.n") for d in DOMAIN_NAMES for part in ("base_yes", "fu_yes")),
    *((f"fam.{a}", "fam.n") for a in FAMILY_ANSWERS),
]

_AT_MOST_OF = dict(_AT_MOST)
_TABLE_OF = {f"{table}.{g}": table for table, groups in DEMOGRAPHICS.items() for g in groups}

PATHWAY_VALUES = frozenset(p.value for p in Pathway)
STATUS_VALUES = frozenset(s.value for s in ClientStatus)
CATEGORY_VALUES = frozenset(c.value for c in ResourceCategory)
_TIMEPOINT_SET = frozenset(TIMEPOINTS)
_HOUSING_SET = frozenset(HOUSING)
_EMPLOYMENT_SET = frozenset(EMPLOYMENT)
_OPTIONAL_SET = frozenset(OPTIONAL_FIELDS)
_AGE_SETS = {level: frozenset(values) for level, values in AGE_BANDS.items()}
_GENDER_SETS = {level: frozenset(values) for level, values in GENDER_VALUES.items()}
_SETTING_SETS = {level: frozenset(values) for level, values in SETTING_VALUES.items()}
_LEVEL_SETS = {name: frozenset(levels) for name, levels in LEVELS.items()}


def _up_to(
    levels: tuple[str, ...], values: dict[str, tuple[str, ...]]
) -> dict[str, frozenset[str]]:
    """Per rung, its values and every finer rung's: format 2 generalizes per class, so the
    bundle's `generalization` names the coarsest rung any record is on."""
    return {
        level: frozenset(v for finer in levels[: i + 1] for v in values[finer])
        for i, level in enumerate(levels)
    }


# Format 2: name -> rung -> values a record may carry under that bundle-wide rung.
_SETS_V2 = {
    "age_band": _up_to(AGE_LEVELS, AGE_BANDS),
    "gender": _up_to(GENDER_LEVELS, GENDER_VALUES),
    "setting": _up_to(SETTING_LEVELS, SETTING_VALUES),
}
_SETS_V1 = {"age_band": _AGE_SETS, "gender": _GENDER_SETS, "setting": _SETTING_SETS}


class SchemaError(CoachDeskError):
    """The payload does not follow FORMAT.md; the message names the member."""


# -- small checkers --------------------------------------------------------------------------


def _fail(path: str, what: str) -> SchemaError:
    return SchemaError(f"{path} {what}.")


def _members(
    value: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(path, "must be an object")
    keys = set(value)
    missing = [k for k in required if k not in keys]
    if missing:
        raise _fail(path, f"lacks '{missing[0]}'")
    extra = sorted(keys - set(required) - set(optional))
    if extra:
        raise _fail(path, f"has a member CoachDesk never exports ('{extra[0][:MAX_STRING]}')")
    return value


def _int(value: Any, path: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _fail(path, "must be a whole number")
    if not low <= value <= high:
        raise _fail(path, f"must be from {low} to {high}")
    return value


def _str(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise _fail(path, "must be text")
    if len(value) > MAX_STRING:
        raise _fail(path, "is too long")
    return value


def _match(value: Any, path: str, pattern: re.Pattern[str]) -> str:
    checked = _str(value, path)
    if not pattern.fullmatch(checked):
        raise _fail(path, "is not in the expected form")
    return checked


def _one_of(value: Any, path: str, allowed: Collection[str], nullable: bool = False) -> Any:
    if value is None and nullable:
        return None
    if _str(value, path) not in allowed:
        raise _fail(path, "has a value CoachDesk never exports")
    return value


def _bool(value: Any, path: str, nullable: bool = True) -> Any:
    if value is None and nullable:
        return None
    if not isinstance(value, bool):
        raise _fail(path, "must be true or false")
    return value


def _list(value: Any, path: str, limit: int) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(path, "must be a list")
    if len(value) > limit:
        raise _fail(path, "has too many entries")
    return value


def _timepoint_order(items: list[dict[str, Any]], key: str, path: str) -> None:
    order = [TIMEPOINTS.index(item[key]) for item in items]
    if order != sorted(set(order)):
        raise _fail(path, "must list each timepoint once, in order")


# -- the schema ------------------------------------------------------------------------------


def intake_year_ok(value: str, level: str, *, finer: bool = False) -> bool:
    """`value` is an intake year on rung `level`; with `finer` (format 2) also on a finer rung."""
    if finer and level != "year" and intake_year_ok(value, "year"):
        return True
    if finer and level == "suppressed":
        return intake_year_ok(value, "2y")
    if level == "year":
        return _YEAR.fullmatch(value) is not None and 1900 <= int(value) <= 2200
    if level == "2y":
        m = _SPAN.fullmatch(value)
        if m is None:
            return False
        start, end = int(m.group(1)), int(m.group(2))
        return 1900 <= start <= 2200 and start % 2 == 0 and end == start + 1
    return False


def _record(r: Any, path: str, generalization: dict[str, str], months: bool, local: bool) -> None:
    _members(r, path, RECORD_FIELDS + (OPTIONAL_RECORD_FIELDS if months else ()))
    _match(r["pseudonym"], f"{path}.pseudonym", _HEX[24])
    sets = _SETS_V2 if local else _SETS_V1
    for name in ("age_band", "gender", "setting"):
        _one_of(r[name], f"{path}.{name}", sets[name][generalization[name]], True)
    year = r["intake_year"]
    if year is not None and not intake_year_ok(
        _str(year, f"{path}.intake_year"), generalization["intake_year"], finer=local
    ):
        raise _fail(f"{path}.intake_year", "has a value CoachDesk never exports")
    pathways = _list(r["pathways"], f"{path}.pathways", len(PATHWAY_VALUES))
    for i, p in enumerate(pathways):
        _one_of(p, f"{path}.pathways[{i}]", PATHWAY_VALUES)
    if pathways != sorted(set(pathways)):
        raise _fail(f"{path}.pathways", "must be sorted without repeats")
    _one_of(r["status"], f"{path}.status", STATUS_VALUES)
    for name in ("sessions", "contact_attempts", "group_sessions"):
        _int(r[name], f"{path}.{name}", 0, MAX_COUNT)
    referrals = r["referrals"]
    if not isinstance(referrals, dict):
        raise _fail(f"{path}.referrals", "must be an object")
    for category, counts in referrals.items():
        where = f"{path}.referrals.{str(category)[:MAX_STRING]}"
        _one_of(category, where, CATEGORY_VALUES)
        _members(counts, where, ("linked", "made"))
        made = _int(counts["made"], f"{where}.made", 1, MAX_REFERRALS)
        _int(counts["linked"], f"{where}.linked", 0, made)
    barc = _list(r["barc10"], f"{path}.barc10", len(TIMEPOINTS))
    for i, b in enumerate(barc):
        where = f"{path}.barc10[{i}]"
        _members(b, where, ("items", "timepoint", "total"))
        _one_of(b["timepoint"], f"{where}.timepoint", _TIMEPOINT_SET)
        items = _list(b["items"], f"{where}.items", 10)
        if len(items) != 10:
            raise _fail(f"{where}.items", "must hold the 10 answers")
        for j, item in enumerate(items):
            if type(item) is not int or not 1 <= item <= 6:  # fast path; _int names the fault
                _int(item, f"{where}.items[{j}]", 1, 6)
        if _int(b["total"], f"{where}.total", 10, 60) != sum(items):
            raise _fail(f"{where}.total", "is not the sum of the answers")
    _timepoint_order(barc, "timepoint", f"{path}.barc10")
    outcomes = _list(r["outcomes"], f"{path}.outcomes", len(TIMEPOINTS))
    for i, o in enumerate(outcomes):
        where = f"{path}.outcomes[{i}]"
        _members(o, where, OUTCOME_FIELDS)
        _one_of(o["timepoint"], f"{where}.timepoint", _TIMEPOINT_SET)
        for name, (low, high) in OUTCOME_INTS.items():
            value = o[name]
            if value is not None and (type(value) is not int or not low <= value <= high):
                _int(value, f"{where}.{name}", low, high)
        for name in OUTCOME_BOOLS:
            if o[name] is not None and type(o[name]) is not bool:
                _bool(o[name], f"{where}.{name}")
        _one_of(o["housing"], f"{where}.housing", _HOUSING_SET, True)
        _one_of(o["employment"], f"{where}.employment", _EMPLOYMENT_SET, True)
        if o["social_connectedness"] is not None:
            _int(o["social_connectedness"], f"{where}.social_connectedness", 1, 5)
    _timepoint_order(outcomes, "timepoint", f"{path}.outcomes")
    if months:
        spans = _list(r["months_between"], f"{path}.months_between", len(TIMEPOINTS) - 1)
        for i, m in enumerate(spans):
            where = f"{path}.months_between[{i}]"
            _members(m, where, ("from", "months", "to"))
            first = _one_of(m["from"], f"{where}.from", TIMEPOINTS)
            second = _one_of(m["to"], f"{where}.to", TIMEPOINTS)
            if TIMEPOINTS.index(first) >= TIMEPOINTS.index(second):
                raise _fail(where, "must go forward in time")
            _int(m["months"], f"{where}.months", 0, MAX_MONTHS)


# -- compiled record checks (issue 14) ---------------------------------------------------------
# An import checks 400 records per bundle, 500 bundles a day. Each record is first checked by a
# function made once per bundle shape (rungs, optional fields, format): straight-line code over
# sets of the values allowed, no paths built, no checker calls. It accepts a subset of what
# `_record` accepts; a record it does not accept is walked by `_record`, which names the member
# at fault, so every refusal keeps its sentence (tests/unit/test_payload_schema_compiled.py
# compares the two on mutated records). A rule added to `_record` goes into `_record_check`
# too: else the fast check accepts a record the rule refuses.

_TIMEPOINT_INDEX = {t: i for i, t in enumerate(TIMEPOINTS)}
_RECORD_KEYS = frozenset(RECORD_FIELDS)
_RECORD_KEYS_MONTHS = frozenset(RECORD_FIELDS + OPTIONAL_RECORD_FIELDS)
_REFERRAL_KEYS = frozenset(("linked", "made"))
_BARC_KEYS = frozenset(("items", "timepoint", "total"))
_OUTCOME_KEYS = frozenset(OUTCOME_FIELDS)
_SPAN_KEYS = frozenset(("from", "months", "to"))
_BARC_ITEMS = 10
_HOUSING_OR_NONE = frozenset((*HOUSING, None))
_EMPLOYMENT_OR_NONE = frozenset((*EMPLOYMENT, None))
_DAYS, _ARRESTS, _ED_VISITS = (OUTCOME_INTS[n][1] for n in ("days_used", "arrests", "ed_visits"))
assert all(low == 0 for low, _ in OUTCOME_INTS.values())  # the check below assumes it
assert OUTCOME_BOOLS == ("overdose", "in_treatment", "on_moud", "recovery_support")


def _years(level: str, finer: bool) -> frozenset[str | None]:
    """The intake years `intake_year_ok` accepts on a rung, written in ASCII digits (its \\d
    also takes other scripts' digits: such a record is left to the walk), and None."""
    years = [str(y) for y in range(1900, 2201)]
    spans = [f"{y}-{y + 1}" for y in range(1900, 2201, 2)]
    return frozenset([None, *(v for v in years + spans if intake_year_ok(v, level, finer=finer))])


def _per_timepoint(entries: Any, keys: frozenset[str]) -> bool:
    """A list of objects with exactly `keys`, at most one per timepoint, in timepoint order."""
    if type(entries) is not list or len(entries) > len(TIMEPOINTS):
        return False
    last = -1
    for entry in entries:
        if type(entry) is not dict or entry.keys() != keys:
            return False
        at = _TIMEPOINT_INDEX.get(entry["timepoint"], -1)
        if at <= last:
            return False
        last = at
    return True


@functools.lru_cache(maxsize=128)
def _record_check(
    age: str, gender: str, setting: str, year: str, months: bool, local: bool
) -> Callable[[Any], bool]:
    """True when a record is valid under these rungs (False: let `_record` say why)."""
    sets = _SETS_V2 if local else _SETS_V1
    ages = frozenset((*sets["age_band"][age], None))
    genders = frozenset((*sets["gender"][gender], None))
    settings = frozenset((*sets["setting"][setting], None))
    years = _years(year, local)
    keys = _RECORD_KEYS_MONTHS if months else _RECORD_KEYS
    pseudonym = _HEX[24].fullmatch
    timepoint = _TIMEPOINT_INDEX.get
    most = len(TIMEPOINTS)

    def check(r: Any) -> bool:
        if type(r) is not dict or r.keys() != keys:
            return False
        p = r["pseudonym"]
        if type(p) is not str or len(p) != 24 or pseudonym(p) is None:
            return False
        if (
            r["age_band"] not in ages
            or r["gender"] not in genders
            or r["setting"] not in settings
            or r["intake_year"] not in years
            or r["status"] not in STATUS_VALUES
        ):
            return False
        ways = r["pathways"]
        if type(ways) is not list or (
            ways and (not PATHWAY_VALUES.issuperset(ways) or ways != sorted(set(ways)))
        ):
            return False
        for name in ("sessions", "contact_attempts", "group_sessions"):
            n = r[name]
            if type(n) is not int or not 0 <= n <= MAX_COUNT:
                return False
        referrals = r["referrals"]
        if type(referrals) is not dict:
            return False
        for category, counts in referrals.items():
            if (
                category not in CATEGORY_VALUES
                or type(counts) is not dict
                or counts.keys() != _REFERRAL_KEYS
            ):
                return False
            made, linked = counts["made"], counts["linked"]
            if type(made) is not int or type(linked) is not int:
                return False
            if not 1 <= made <= MAX_REFERRALS or not 0 <= linked <= made:
                return False
        barc = r["barc10"]
        if not _per_timepoint(barc, _BARC_KEYS):
            return False
        for b in barc:
            items, total = b["items"], b["total"]
            if type(items) is not list or len(items) != _BARC_ITEMS:
                return False
            for item in items:
                if type(item) is not int or not 1 <= item <= 6:
                    return False
            if type(total) is not int or total != sum(items):  # 10 answers of 1-6: 10-60
                return False
        outcomes = r["outcomes"]
        if not _per_timepoint(outcomes, _OUTCOME_KEYS):
            return False
        for o in outcomes:
            days, arrests, visits = o["days_used"], o["arrests"], o["ed_visits"]
            if days is not None and (type(days) is not int or not 0 <= days <= _DAYS):
                return False
            if arrests is not None and (type(arrests) is not int or not 0 <= arrests <= _ARRESTS):
                return False
            if visits is not None and (type(visits) is not int or not 0 <= visits <= _ED_VISITS):
                return False
            for flag in (o["overdose"], o["in_treatment"], o["on_moud"], o["recovery_support"]):
                if flag is not None and type(flag) is not bool:
                    return False
            if o["housing"] not in _HOUSING_OR_NONE or o["employment"] not in _EMPLOYMENT_OR_NONE:
                return False
            social = o["social_connectedness"]
            if social is not None and (type(social) is not int or not 1 <= social <= 5):
                return False
        if not months:
            return True
        spans = r["months_between"]
        if type(spans) is not list or len(spans) > most - 1:
            return False
        for m in spans:
            if type(m) is not dict or m.keys() != _SPAN_KEYS:
                return False
            first, second, count = timepoint(m["from"], -1), timepoint(m["to"], -1), m["months"]
            if first < 0 or first >= second or type(count) is not int:
                return False
            if not 0 <= count <= MAX_MONTHS:
                return False
        return True

    return check


def _quarter(value: Any, path: str) -> int:
    text = _str(value, path)
    try:
        return periods.quarter_of_key(text)
    except periods.PeriodError:
        raise _fail(path, "is not a quarter like 2026-Q1") from None


# The names the invariants read, made once (a bundle has ~80 cell sets, a day 40,000).
_KIND_NAMES = tuple(f"kind.{k}" for k in CLIENT_KINDS)
_SUPPORT_NAMES = tuple(f"support.{k}" for k in SUPPORT_KINDS)
_MINUTES_OF = tuple((f"minutes.{k}", f"support.{k}") for k in SUPPORT_KINDS)
_ACCOMP_NAMES = tuple(f"accomp.{d}" for d in DESTINATIONS)
_FOLLOW_UPS = tuple((f"fu.window.{t}", f"fu.late.{t}", f"fu.due.{t}") for t in TIMEPOINTS)
_ZEROS = itertools.repeat(0)  # map(get, names, _ZEROS): each name's count, 0 when absent


def _counts(value: Any, path: str) -> None:
    """One cell set: known names, whole numbers 1..MAX_CELL, and the invariants (one pass over
    the names present, since an import checks thousands of cell sets)."""
    if not isinstance(value, dict):
        raise _fail(path, "must be an object")
    if not value.keys() <= _CELL_SET:
        name = sorted(set(value) - _CELL_SET)[0]
        raise _fail(f"{path}.{str(name)[:MAX_STRING]}", "is not a figure CoachDesk exports")
    get = value.get
    totals = dict.fromkeys(DEMOGRAPHICS, 0)
    for name, count in value.items():  # every value first: the invariants compare them
        if type(count) is not int or not 1 <= count <= MAX_CELL:  # zero cells are left out
            _int(count, f"{path}.{name}", 1, MAX_CELL)
    for name, count in value.items():
        whole = _AT_MOST_OF.get(name)
        if whole is not None and count > get(whole, 0):
            raise _fail(f"{path}.{name}", f"is larger than {whole}")
        table = _TABLE_OF.get(name)
        if table is not None:
            totals[table] += count
    people = get("people", 0)
    for table, added in totals.items():
        if added != people:
            raise _fail(f"{path}.{table}", "does not add up to the people served")
    kinds = sum(map(get, _KIND_NAMES, _ZEROS))
    if kinds and kinds != people:  # absent in format 2 bundles written before issue 21
        raise _fail(f"{path}.kind", "does not add up to the people served")
    supported = sum(map(get, _SUPPORT_NAMES, _ZEROS))
    if supported and supported != get("sessions", 0) + get("group_sessions", 0):
        raise _fail(f"{path}.support", "does not add up to the sessions")
    for minutes, support in _MINUTES_OF:
        if get(minutes, 0) > MAX_MINUTES_PER_NOTE * get(support, 0):
            raise _fail(f"{path}.{minutes}", "is not a sum of durations")
    if sum(map(get, _ACCOMP_NAMES, _ZEROS)) != get("support.accompaniment", 0):
        raise _fail(f"{path}.accomp", "does not add up to the accompaniments")
    for window, late, due in _FOLLOW_UPS:
        if get(window, 0) + get(late, 0) > get(due, 0):
            raise _fail(f"{path}.{due}", "is smaller than the follow-ups reached")
    n = get("barc.n", 0)
    for total in ("barc.base_sum", "barc.latest_sum"):
        if not 10 * n <= get(total, 0) <= 60 * n:
            raise _fail(f"{path}.{total}", "is not a sum of BARC-10 totals")
    days = get("dom.use.n", 0)
    for total in ("dom.use.days_base", "dom.use.days_fu"):
        if get(total, 0) > 30 * days:
            raise _fail(f"{path}.{total}", "is not a sum of days of use")


def _periods(value: Any) -> None:
    section = _members(
        value, "periods", ("cells", "first_quarter", "fiscal_year_start", "last_quarter")
    )
    start = section["fiscal_year_start"]
    if type(start) is not int or start not in periods.FISCAL_STARTS:
        raise _fail("periods.fiscal_year_start", "must be 1, 4, 7 or 10")
    last = _quarter(section["last_quarter"], "periods.last_quarter")
    if section["first_quarter"] is None:
        allowed: set[str] = set()
    else:
        first = _quarter(section["first_quarter"], "periods.first_quarter")
        if first > last:
            raise _fail("periods.first_quarter", "is after the last quarter")
        allowed = set(periods.covered(first, last, start))
    cells = _list(section["cells"], "periods.cells", MAX_CELL_SETS)
    previous: tuple[str, str] | None = None
    for i, cell in enumerate(cells):
        where = f"periods.cells[{i}]"
        _members(cell, where, ("counts", "period", "setting"))
        if _str(cell["period"], f"{where}.period") not in allowed:
            raise _fail(f"{where}.period", "is not a period the bundle covers")
        _one_of(cell["setting"], f"{where}.setting", _CELL_SETTING_SET)
        key = (cell["period"], cell["setting"])
        if previous is not None and key <= previous:
            raise _fail(where, "is out of order or repeated")
        previous = key
        _counts(cell["counts"], f"{where}.counts")


HANDOFF_COUNTS = ("accepted", "continuing", "first_48h", "first_7d", "kept", "made")


def _handoff_counts(value: Any) -> None:
    """Issue 19: whole-history counts of a device's hand-offs (FORMAT.md "Hand-off counts")."""
    counts = _members(value, "handoffs", HANDOFF_COUNTS)
    for name in HANDOFF_COUNTS:
        _int(counts[name], f"handoffs.{name}", 0, MAX_COUNT)
    if not counts["first_48h"] <= counts["first_7d"] <= counts["accepted"]:
        raise _fail("handoffs.first_7d", "must be at most the hand-offs accepted")
    if counts["continuing"] > counts["accepted"]:
        raise _fail("handoffs.continuing", "must be at most the hand-offs accepted")


HANDOFF_QUARTER_COUNTS = ("accepted", "first_48h", "first_7d", "made", "quarter")
MAX_HANDOFF_QUARTERS = 400  # a hundred years of quarters


def _handoff_quarters(value: Any, last_quarter: Any) -> None:
    """Issue 19: the device's hand-off counts per quarter (FORMAT.md "Hand-off counts")."""
    rows = _list(value, "handoff_quarters", MAX_HANDOFF_QUARTERS)
    last = _quarter(last_quarter, "periods.last_quarter")
    previous = -1
    for i, row in enumerate(rows):
        where = f"handoff_quarters[{i}]"
        counts = _members(row, where, HANDOFF_QUARTER_COUNTS)
        quarter = _quarter(counts["quarter"], f"{where}.quarter")
        if quarter <= previous or quarter > last:
            raise _fail(f"{where}.quarter", "is out of order, repeated or after the last quarter")
        previous = quarter
        for name in HANDOFF_QUARTER_COUNTS[:-1]:
            _int(counts[name], f"{where}.{name}", 0, MAX_COUNT)
        if not counts["first_48h"] <= counts["first_7d"] <= counts["accepted"]:
            raise _fail(f"{where}.first_7d", "must be at most the hand-offs accepted")


def validate_payload(p: Any) -> None:
    """Raise SchemaError naming the first member that breaks FORMAT.md, else return."""
    if not isinstance(p, dict):
        raise _fail("The payload", "must be an object")
    version = p.get("schema_version")
    if type(version) is not int or version not in SCHEMA_VERSIONS:
        if "schema_version" in p and p.get("format") == PAYLOAD_FORMAT:
            raise SchemaError("The payload's schema version is not one this CoachDesk reads.")
        version = 1
    if version == 2:  # issue 19: receive key and hand-off counts; 20: referrals per entry
        extras = ("handoff_quarters", "handoffs", "receive_key", "resource_referrals")
        _members(p, "The payload", PAYLOAD_FIELDS_V2, extras)
        if "receive_key" in p:
            _match(p["receive_key"], "receive_key", _HEX[64])
        if "handoffs" in p:
            _handoff_counts(p["handoffs"])
    else:
        _members(p, "The payload", PAYLOAD_FIELDS)
    if p["format"] != PAYLOAD_FORMAT:
        raise SchemaError("The payload is not a CoachDesk export.")
    if p["schema_version"] not in SCHEMA_VERSIONS or isinstance(p["schema_version"], bool):
        raise SchemaError("The payload's schema version is not one this CoachDesk reads.")
    _match(p["bundle_id"], "bundle_id", _HEX[32])
    _match(p["device_id"], "device_id", _HEX[32])
    _match(p["device_public_key"], "device_public_key", _HEX[64])
    _int(p["counter"], "counter", 1, MAX_COUNTER)
    _match(p["created_at"], "created_at", _INSTANT)
    _match(p["recipient"], "recipient", FINGERPRINT)
    _match(p["audit_head"], "audit_head", _HEX[64])

    policy = _members(p["policy"], "policy", ("k", "optional_fields", "small_cell"))
    _int(policy["k"], "policy.k", 2, 1000)
    _int(policy["small_cell"], "policy.small_cell", 2, 1000)
    optional = _list(policy["optional_fields"], "policy.optional_fields", len(OPTIONAL_FIELDS))
    for i, name in enumerate(optional):
        _one_of(name, f"policy.optional_fields[{i}]", _OPTIONAL_SET)
    if len(set(optional)) != len(optional):
        raise _fail("policy.optional_fields", "repeats a field")

    generalization = _members(p["generalization"], "generalization", QUASI_IDENTIFIERS)
    for qi in QUASI_IDENTIFIERS:
        _one_of(generalization[qi], f"generalization.{qi}", _LEVEL_SETS[qi])

    records = _list(p["records"], "records", MAX_RECORDS)
    summary = _members(
        p["summary"], "summary", ("information_kept", "records", "suppressed_records")
    )
    if _int(summary["records"], "summary.records", 0, MAX_RECORDS) != len(records):
        raise _fail("summary.records", "does not match the records")
    _int(summary["suppressed_records"], "summary.suppressed_records", 0, len(records))
    kept = summary["information_kept"]
    if isinstance(kept, bool) or not isinstance(kept, int | float) or not 0 <= kept <= 1:
        raise _fail("summary.information_kept", "must be a number from 0 to 1")

    months = "months_between" in optional
    check = _record_check(*(generalization[qi] for qi in QUASI_IDENTIFIERS), months, version == 2)
    previous = ""
    for i, record in enumerate(records):
        try:
            accepted = check(record)
        except TypeError:  # an unhashable value where a name is expected
            accepted = False
        if not accepted:  # the walk names the member at fault (or finds none)
            _record(record, f"records[{i}]", generalization, months, version == 2)
        if record["pseudonym"] <= previous:
            raise _fail(f"records[{i}].pseudonym", "is out of order or repeated")
        previous = record["pseudonym"]
    if version == 2:
        _periods(p["periods"])
        if "handoff_quarters" in p:  # issue 19: within the quarters the periods cover
            _handoff_quarters(p["handoff_quarters"], p["periods"]["last_quarter"])
        if "resource_referrals" in p:
            _resource_referrals(p["resource_referrals"])


# -- referrals per directory entry (issue 20; FORMAT.md section 10) ---------------------------

_RESOURCE_REF = re.compile(r"[A-Za-z0-9._-]{1,100}")
MAX_RESOURCE_REFS = 5000


def _resource_referrals(value: Any) -> None:
    if not isinstance(value, dict) or len(value) > MAX_RESOURCE_REFS:
        raise _fail("resource_referrals", "must be an object of at most 5000 entries")
    for ref, counts in value.items():
        if not _RESOURCE_REF.fullmatch(ref):
            raise _fail("resource_referrals", "names an entry that is not a directory ref")
        where = f"resource_referrals.{ref}"
        entry = _members(counts, where, ("linked", "made"))
        made = _int(entry["made"], f"{where}.made", 1, 1_000_000)
        _int(entry["linked"], f"{where}.linked", 0, made)
