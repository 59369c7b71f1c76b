"""Outcome figures (pure functions: no Qt, no SQL, no I/O).

`compute(data, filters, threshold, device_names, devices)` returns `Figures`: integer cells tied
by equations (for suppression), means, which cells are suppressed, and the data completeness of
the selection. Every number a front-end or report shows comes from `Figures.count()` /
`Figures.rate()` / `Figures.mean()`, which return None when the figure is suppressed, so nothing
can show a small cell by accident.

Format 2 (exact periods): the figures are sums over devices of the per-period cells each device
computed from exact dates (exchange/aggregates.py states every definition; rco/report.py's
methods repeat them). Devices that never sent a format 2 bundle contribute through their
format 1 episodes, computed by `compute_format1` with the old, estimated definitions and shown
separately, labelled as estimates:
- Period: an episode belongs to every import quarter from the first to the latest bundle that
  reported it. Sessions etc.: the episodes' counts as last reported (cumulative).
- Follow-up due: baseline - every episode; 180-day and annual - reached, or a later timepoint
  reached, or the episode is active or lost contact and its intake year is at least two
  calendar years before the year it was last reported; closeout - reached, or the episode ended.

Suppression goes through ONE call site, `suppress_cells`. Format 2 figures are suppressed
consistently across the family of reports the desk can produce for a period (all coaches, each
coach, each setting, each coach x setting, each with its breakdowns and demographic tables):
the family is suppressed once per period (`period_family`, kept with the DeskData until the
next import) and each selection reads its cells from it, so no suppressed cell follows from
adding and subtracting reports (docs/deidentification.md). Format 1 estimates keep the
per-table rule.
"""

from __future__ import annotations

import base64
import hashlib
import json
import marshal
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from coachdesk.core import timepoints
from coachdesk.exchange import aggregates, periods
from coachdesk.exchange.payload_schema import (
    CLIENT_KINDS,
    DEMOGRAPHICS,
    DESTINATIONS,
    FAMILY_ANSWERS,
    SUPPORT_KINDS,
)
from coachdesk.rco.model import Coverage, Device, DeviceStatus, Episode, PeriodCell
from coachdesk.rco.suppression import (
    Equation,
    FamilyPattern,
    Measure,
    cross_pattern,
    report_name,
    suppress,
)

TIMEPOINTS = ("baseline", "followup_180", "annual", "closeout")
FOLLOW_UPS = ("followup_180", "annual", "closeout")
BARC_THRESHOLD = aggregates.BARC_THRESHOLD
FOLLOW_UP_TARGET = timepoints.FOLLOW_UP_TARGET
REFERRAL_CATEGORIES = (
    "detox",
    "treatment",
    "moud",
    "harm_reduction",
    "housing",
    "employment",
    "mutual_aid",
    "family_support",
    "legal_aid",
    "health_care",
    "other",
)
_ENDED = ("discharged", "transferred", "lost_contact")
# Issue 21. One part of each split is derived from its whole (as the demographic tables' last
# group), so the identities a reader knows (kinds add up to the people served, support kinds to
# the sessions and group sessions, destinations to the accompaniments) hold between the
# family's forms and a small cell cannot be recovered by subtraction. The derived part of the
# kinds and of the support kinds is not published (hidden: protected, never a complement that
# would take the people served or the sessions with it); the report shows it only when every
# cell it follows from is shown (rco/report.py), when it tells nothing new.
FAMILY_KIND, PERSON_KIND = CLIENT_KINDS
DERIVED_SUPPORT = "coaching_session"
DERIVED_DESTINATION = DESTINATIONS[-1]
EVENT_SUMS = (
    "sessions",
    "attempts",
    "group_sessions",
    *(f"{cell}.{k}" for cell in ("support", "minutes") for k in SUPPORT_KINDS),
    *(f"accomp.{d}" for d in DESTINATIONS),
)


@dataclass(frozen=True, slots=True)
class Filters:
    period: str = ""  # "" (all), "2026", "2026-Q1" or "FY2027"
    device_id: str = ""
    setting: str = ""

    def period_bounds(self, fiscal_start: int = 1) -> tuple[int, int] | None:
        """First and last quarter index of the period (None: all); ValueError when malformed."""
        try:
            return periods.bounds(self.period, fiscal_start)
        except periods.PeriodError as exc:
            raise ValueError(str(exc)) from None

    def period_key(self, fiscal_start: int = 1) -> str:
        try:
            return periods.normalize(self.period, fiscal_start)
        except periods.PeriodError as exc:
            raise ValueError(str(exc)) from None


def select(episodes: Iterable[Episode], filters: Filters, fiscal_start: int = 1) -> list[Episode]:
    bounds = filters.period_bounds(fiscal_start)
    out = []
    for e in episodes:
        if bounds and not (
            periods.quarter_of_key(e.period_first) <= bounds[1]
            and periods.quarter_of_key(e.period_last) >= bounds[0]
        ):
            continue
        if filters.device_id and e.device_id != filters.device_id:
            continue
        if filters.setting and e.setting != filters.setting:
            continue
        out.append(e)
    return out


# -- per-episode facts -----------------------------------------------------------------------


def reached(e: Episode, timepoint: str) -> bool:
    return timepoint in e.barc10 or timepoint in e.outcomes


def _year_span(intake_year: str | None) -> tuple[int, int] | None:
    if not intake_year:
        return None
    parts = intake_year.split("-")
    try:
        return int(parts[0]), int(parts[-1])
    except ValueError:
        return None


def due(e: Episode, timepoint: str) -> bool:
    if reached(e, timepoint) or timepoint == "baseline":
        return True
    if timepoint == "closeout":
        return e.status in _ENDED
    later = TIMEPOINTS[TIMEPOINTS.index(timepoint) + 1 :]
    if any(reached(e, t) for t in later if t != "closeout"):
        return True
    span = _year_span(e.intake_year)
    if span is None or e.status not in ("active", "lost_contact") or not e.period_last:
        return False
    return int(e.period_last[:4]) - span[1] >= 2


def latest_follow_up(values: dict[str, object]) -> str | None:
    found = [t for t in FOLLOW_UPS if t in values]
    return found[-1] if found else None


DOMAINS = aggregates.DOMAINS


# -- figures --------------------------------------------------------------------------------


@dataclass(slots=True)
class Figures:
    threshold: int
    values: dict[str, int] = field(default_factory=dict)
    hidden: set[str] = field(default_factory=set)
    equations: list[Equation] = field(default_factory=list)
    means: dict[str, tuple[float, str]] = field(default_factory=dict)  # key -> (mean, n key)
    suppressed: set[str] = field(default_factory=set)
    settings: list[str] = field(default_factory=list)
    devices: dict[str, str] = field(default_factory=dict)  # device_id -> label
    empty: bool = False  # nothing at all in the selection: "no records", not "suppressed"
    period: str = "all"
    completeness: list[DeviceCompleteness] = field(default_factory=list)
    # Estimated figures from devices that only ever sent format 1 bundles (None: there are none)
    format1: Figures | None = None

    def count(self, key: str) -> int | None:
        if key in self.hidden or key in self.suppressed:
            return None
        return self.values.get(key, 0)

    def rate(self, numerator: str, denominator: str) -> float | None:
        n, d = self.count(numerator), self.count(denominator)
        if n is None or d is None or d == 0:
            return None
        return n / d

    def mean(self, key: str) -> float | None:
        mean, n_key = self.means.get(key, (0.0, ""))
        n = self.count(n_key)
        if n is None or n < self.threshold:
            return None
        return mean

    def total(self, parts: Sequence[str]) -> int:
        return sum(self.values.get(p, 0) for p in parts)


def _table(fig: Figures, total: str, parts: dict[str, int], hidden: bool = False) -> None:
    for key, value in parts.items():
        fig.values[key] = value
        if hidden:
            fig.hidden.add(key)
    fig.equations.append((total, tuple(parts)))


@dataclass(frozen=True, slots=True)
class EpisodeFacts:
    """What one episode contributes to every figure, whatever the filters."""

    reached: tuple[bool, ...]  # per TIMEPOINTS
    due: tuple[bool, ...]  # per TIMEPOINTS
    barc: tuple[int, int] | None  # (baseline, latest follow-up)
    domains: tuple[tuple[bool, bool] | None, ...]  # per DOMAINS: (baseline, latest)
    days: tuple[int, int] | None  # days of use (baseline, latest)


def facts_of(e: Episode) -> EpisodeFacts:
    """The episode's facts, computed on first use and kept on the episode (records are not
    changed after loading; a new import loads new Episode objects)."""
    cached = e.facts
    if isinstance(cached, EpisodeFacts):
        return cached
    last_barc = latest_follow_up(e.barc10)  # type: ignore[arg-type]
    barc = (
        (e.barc10["baseline"], e.barc10[last_barc])
        if "baseline" in e.barc10 and last_barc is not None
        else None
    )
    last = latest_follow_up(e.outcomes)  # type: ignore[arg-type]
    domains: list[tuple[bool, bool] | None] = []
    days = None
    for _, test in DOMAINS.values():
        if "baseline" not in e.outcomes or last is None:
            domains.append(None)
            continue
        b, f = test(e.outcomes["baseline"]), test(e.outcomes[last])
        domains.append(None if b is None or f is None else (b, f))
    if last is not None and "baseline" in e.outcomes:
        b_days, f_days = e.outcomes["baseline"].get("days_used"), e.outcomes[last].get("days_used")
        if b_days is not None and f_days is not None:
            days = (int(b_days), int(f_days))  # type: ignore[call-overload]
    facts = EpisodeFacts(
        tuple(reached(e, t) for t in TIMEPOINTS),
        tuple(due(e, t) for t in TIMEPOINTS),
        barc,
        tuple(domains),
        days,
    )
    e.facts = facts
    return facts


def compute_format1(
    episodes: Iterable[Episode],
    filters: Filters = Filters(),
    threshold: int = 11,
    device_names: dict[str, str] | None = None,
    fiscal_start: int = 1,
) -> Figures:
    """Estimated figures from format 1 episodes (import quarters, years), suppressed.

    One pass over the selection; per-episode work is cached by facts_of, so a refresh after a
    filter change only adds numbers up."""
    chosen = select(episodes, filters, fiscal_start)
    fig = Figures(threshold)
    v = fig.values
    v["people"] = len(chosen)

    by_setting: dict[str, int] = {}
    by_device: dict[str, int] = {}
    made = dict.fromkeys(REFERRAL_CATEGORIES, 0)
    linked = dict.fromkeys(REFERRAL_CATEGORIES, 0)
    sessions = attempts = groups = 0
    n_tp = len(TIMEPOINTS)
    due_n = [0] * n_tp
    reached_n = [0] * n_tp
    pairs: list[tuple[int, int]] = []
    n_dom = len(DOMAINS)
    dom_n, dom_base, dom_fu = [0] * n_dom, [0] * n_dom, [0] * n_dom
    days_n = days_base = days_fu = 0
    use_index = list(DOMAINS).index("use")
    for e in chosen:
        setting = e.setting or "not stated"
        by_setting[setting] = by_setting.get(setting, 0) + 1
        by_device[e.device_id] = by_device.get(e.device_id, 0) + 1
        sessions += e.sessions
        attempts += e.attempts
        groups += e.group_sessions
        for cat, rc in e.referrals.items():
            key = cat if cat in made else "other"
            made[key] += rc.made
            linked[key] += rc.linked
        f = facts_of(e)
        for i in range(n_tp):
            due_n[i] += f.due[i]
            reached_n[i] += f.reached[i]
        if f.barc is not None:
            pairs.append(f.barc)
        for i, pair in enumerate(f.domains):
            if pair is not None:
                dom_n[i] += 1
                dom_base[i] += pair[0]
                dom_fu[i] += pair[1]
                if i == use_index and f.days is not None:
                    days_n += 1
                    days_base += f.days[0]
                    days_fu += f.days[1]

    # People by setting and by coach device.
    fig.settings = sorted(by_setting)
    fig.devices = {d: (device_names or {}).get(d, d[:8]) for d in sorted(by_device)}
    _table(fig, "people", {f"people.setting.{s}": n for s, n in sorted(by_setting.items())})
    _table(fig, "people", {f"people.device.{d}": n for d, n in sorted(by_device.items())})

    # Contacts (sums of events, shown only when the people they come from may be shown).
    v["sessions"], v["attempts"], v["group_sessions"] = sessions, attempts, groups

    # Referrals made / linked by category (with the not-linked complement hidden).
    _table(fig, "ref.made", {f"ref.made.{c}": made[c] for c in REFERRAL_CATEGORIES})
    _table(fig, "ref.linked", {f"ref.linked.{c}": linked[c] for c in REFERRAL_CATEGORIES})
    _table(
        fig,
        "ref.notlinked",
        {f"ref.notlinked.{c}": made[c] - linked[c] for c in REFERRAL_CATEGORIES},
        hidden=True,
    )
    v["ref.made"], v["ref.linked"] = sum(made.values()), sum(linked.values())
    v["ref.notlinked"] = v["ref.made"] - v["ref.linked"]
    fig.hidden.add("ref.notlinked")
    fig.equations.append(("ref.made", ("ref.linked", "ref.notlinked")))
    for c in REFERRAL_CATEGORIES:
        fig.equations.append((f"ref.made.{c}", (f"ref.linked.{c}", f"ref.notlinked.{c}")))

    # Follow-up at each timepoint.
    for i, t in enumerate(TIMEPOINTS):
        v[f"fu.due.{t}"], v[f"fu.reached.{t}"] = due_n[i], reached_n[i]
        v[f"fu.missed.{t}"] = due_n[i] - reached_n[i]
        fig.hidden.add(f"fu.missed.{t}")
        fig.equations.append((f"fu.due.{t}", (f"fu.reached.{t}", f"fu.missed.{t}")))

    # BARC-10 baseline vs latest.
    below = [p for p in pairs if p[0] < BARC_THRESHOLD]
    v["barc.n"], v["barc.below"] = len(pairs), len(below)
    v["barc.above"] = len(pairs) - len(below)
    v["barc.cross"] = sum(1 for _, last in below if last >= BARC_THRESHOLD)
    v["barc.stay"] = len(below) - v["barc.cross"]
    fig.hidden |= {"barc.above", "barc.stay"}
    fig.equations += [
        ("barc.n", ("barc.below", "barc.above")),
        ("barc.below", ("barc.cross", "barc.stay")),
    ]
    if pairs:
        fig.means["barc.baseline"] = (sum(p[0] for p in pairs) / len(pairs), "barc.n")
        fig.means["barc.latest"] = (sum(p[1] for p in pairs) / len(pairs), "barc.n")
        fig.means["barc.change"] = (sum(p[1] - p[0] for p in pairs) / len(pairs), "barc.n")

    # Outcome domains, baseline vs latest follow-up.
    for i, name in enumerate(DOMAINS):
        n, base_yes, fu_yes = dom_n[i], dom_base[i], dom_fu[i]
        k = f"dom.{name}"
        v[f"{k}.n"], v[f"{k}.base_yes"], v[f"{k}.fu_yes"] = n, base_yes, fu_yes
        v[f"{k}.base_no"], v[f"{k}.fu_no"] = n - base_yes, n - fu_yes
        fig.hidden |= {f"{k}.base_no", f"{k}.fu_no"}
        fig.equations += [
            (f"{k}.n", (f"{k}.base_yes", f"{k}.base_no")),
            (f"{k}.n", (f"{k}.fu_yes", f"{k}.fu_no")),
        ]
    if days_n:
        fig.means["dom.use.days_base"] = (days_base / days_n, "dom.use.n")
        fig.means["dom.use.days_fu"] = (days_fu / days_n, "dom.use.n")

    fig.empty = not chosen
    fig.suppressed = suppress_cells(fig, filters)
    _suppress_event_sums(fig, EVENT_SUMS)
    return fig


def _suppress_event_sums(fig: Figures, keys: Sequence[str]) -> None:
    """Event sums are shown only when the people count behind them is shown and not small."""
    if fig.count("people") is None or fig.values["people"] < fig.threshold:
        fig.suppressed |= set(keys)


def suppress_cells(fig: Figures, filters: Filters, family: FamilyPattern | None = None) -> set[str]:
    """THE suppression call site: the cells of `fig` to suppress (primary and complementary).

    With `family` (format 2: the period's family, `period_family`) the selection's cells are
    read from the family's one pattern; without it (format 1 estimates, or a selection the
    family does not hold, e.g. a coach with no data in the period) per table: each connected
    set of equations of this one selection."""
    report = _report_of(filters)
    if family is None or not family.holds(report):
        return suppress(fig.values, fig.equations, fig.threshold, fig.hidden)
    return {
        key
        for key in fig.values
        if key not in fig.hidden and not family.shown(report, _family_cell(key))
    }


# -- the desk's family of reports for a period (rco/suppression.cross_family) ----------------

FAMILY_DIMENSIONS = ("device", "setting")  # atoms: one per (device, setting) with data


def _sum_of(names: Iterable[str], sign: int = 1) -> dict[str, int]:
    return {n: sign for n in names}


def _family_measures() -> tuple[Measure, ...]:
    """Every figure of a format 2 selection as a Measure over the per-(device, setting) counts.
    Derived figures are combinations of base counts, so every identity a reader knows (a total
    is the sum of its parts, missed = due - in window - late, each demographic table adds up to
    the people served) holds between the forms: the last group of each demographic table is
    people minus the other groups."""
    out = [
        Measure("people", breakdowns=FAMILY_DIMENSIONS),
        Measure("enrolled"),
        Measure("ended"),
        *(Measure(n, people="people") for n in ("sessions", "attempts", "group_sessions")),
    ]
    for kind in ("made", "linked", "linked30"):
        names = [f"ref.{kind}.{c}" for c in REFERRAL_CATEGORIES]
        out += [Measure(n) for n in names]
        out.append(Measure(f"ref.{kind}", _sum_of(names)))
    for c in ("", *(f".{c}" for c in REFERRAL_CATEGORIES)):
        made, linked, linked30 = (
            _family_parts(f"ref.{kind}{c}") for kind in ("made", "linked", "linked30")
        )
        out.append(Measure(f"ref.notlinked{c}", _combine(made, linked), hidden=True))
        out.append(Measure(f"ref.late{c}", _combine(linked, linked30), hidden=True))
    for t in TIMEPOINTS:
        kinds = [f"fu.{kind}.{t}" for kind in ("due", "window", "late")]
        out += [Measure(n, breakdowns=("device",)) for n in kinds]
        missed = {kinds[0]: 1, kinds[1]: -1, kinds[2]: -1}
        out.append(Measure(f"fu.missed.{t}", missed, breakdowns=("device",)))
    out += [Measure("barc.n"), Measure("barc.below"), Measure("barc.cross")]
    out.append(Measure("barc.above", {"barc.n": 1, "barc.below": -1}, hidden=True))
    out.append(Measure("barc.stay", {"barc.below": 1, "barc.cross": -1}, hidden=True))
    for name in DOMAINS:
        k = f"dom.{name}"
        out += [Measure(f"{k}.n"), Measure(f"{k}.base_yes"), Measure(f"{k}.fu_yes")]
        out.append(Measure(f"{k}.base_no", {f"{k}.n": 1, f"{k}.base_yes": -1}, hidden=True))
        out.append(Measure(f"{k}.fu_no", {f"{k}.n": 1, f"{k}.fu_yes": -1}, hidden=True))
    for table, groups in DEMOGRAPHICS.items():
        *named, last = (f"{table}.{g}" for g in groups)
        out += [Measure(n) for n in named]
        out.append(Measure(last, {"people": 1, **_sum_of(named, -1)}))
    out += _support_measures()
    return tuple(out)


def _support_measures() -> list[Measure]:
    """Client kinds, support kinds (count and minutes), destinations, family follow-up."""
    out = [
        Measure(f"kind.{FAMILY_KIND}"),
        Measure(f"kind.{PERSON_KIND}", {"people": 1, f"kind.{FAMILY_KIND}": -1}, hidden=True),
    ]
    named = [f"support.{k}" for k in SUPPORT_KINDS if k != DERIVED_SUPPORT]
    out += [Measure(n, people="people") for n in named]
    derived = {"sessions": 1, "group_sessions": 1, **_sum_of(named, -1)}
    out.append(Measure(f"support.{DERIVED_SUPPORT}", derived, hidden=True))
    out += [Measure(f"minutes.{k}", people="people") for k in SUPPORT_KINDS]
    places = [f"accomp.{d}" for d in DESTINATIONS if d != DERIVED_DESTINATION]
    out += [Measure(n, people="people") for n in places]
    rest = {"support.accompaniment": 1, **_sum_of(places, -1)}
    out.append(Measure(f"accomp.{DERIVED_DESTINATION}", rest, people="people"))
    out.append(Measure("fam.n"))
    for a in FAMILY_ANSWERS:
        out.append(Measure(f"fam.{a}"))
        out.append(Measure(f"fam.no_{a}", {"fam.n": 1, f"fam.{a}": -1}, hidden=True))
    return out


def _family_parts(name: str) -> dict[str, int]:
    """A referral figure as base counts: a category is itself, a total sums the categories."""
    if name.count(".") == 2:
        return {name: 1}
    return _sum_of(f"{name}.{c}" for c in REFERRAL_CATEGORIES)


def _combine(plus: Mapping[str, int], minus: Mapping[str, int]) -> dict[str, int]:
    out = dict(plus)
    for n, c in minus.items():
        out[n] = out.get(n, 0) - c
    return out


FAMILY_MEASURES = _family_measures()
_BASE = tuple(m.name for m in FAMILY_MEASURES if m.parts is None)
_BASE_SET = frozenset(_BASE)


def _report_of(filters: Filters) -> str:
    return report_name(
        {
            d: v
            for d, v in zip(FAMILY_DIMENSIONS, (filters.device_id, filters.setting), strict=True)
            if v
        }
    )


def _family_cell(key: str) -> str:
    """The family's name for a figure key (per-coach follow-ups are a device breakdown)."""
    if key.startswith("fu.") and key.count(".") == 3:
        head, device = key.rsplit(".", 1)
        return f"{head}.device.{device}"
    return key


# Bump when the family's pattern would change for the same cells (measures, the algorithm):
# stored patterns of another version are computed again.
FAMILY_VERSION = 3


Progress = Callable[[int, int], None]  # (done, total) while a family is computed


class ComputePattern(Protocol):
    """A family's pattern computed elsewhere (rco/family_child.py: in a child process), or
    None: computed here."""

    def __call__(
        self,
        atoms: Mapping[tuple[str, ...], Mapping[str, int]],
        dimensions: Sequence[str],
        measures: Sequence[Measure],
        threshold: int,
        progress: Progress | None,
    ) -> FamilyPattern | None: ...


class PatternStore(Protocol):
    """Where computed family patterns are kept between desk sessions (the store's meta)."""

    def load(self, key: str) -> str | None: ...

    def save(self, key: str, text: str) -> None: ...


def period_family(
    data: DeskData, period: str, threshold: int, progress: Progress | None = None
) -> FamilyPattern:
    """The period's family of reports, suppressed at once: kept on `data` (until the next
    import loads new data) and, through `data.patterns`, in the store under a digest of
    everything it depends on (the period's atoms, the threshold, FAMILY_VERSION), so a
    desk opened later reads it instead of computing it again (issue 14: at 500 coaches the
    family takes far longer than a refresh may)."""
    cache = data.families
    if (period, threshold) not in cache:
        atoms: dict[tuple[str, ...], dict[str, int]] = {}
        base = _BASE_SET
        for c in data.period_cells(period):
            mine = {name: n for name, n in c.counts.items() if name in base}
            row = atoms.get((c.device_id, c.setting))
            if row is None:
                atoms[(c.device_id, c.setting)] = mine
            else:  # one cell per (device, period, setting) in a store; summed elsewhere
                for name, n in mine.items():
                    row[name] = row.get(name, 0) + n
        key = f"figures.family.{threshold}.{period}"
        digest = _digest(atoms, threshold)
        pattern = _stored(data.patterns, key, digest)
        if pattern is None:
            elsewhere = data.compute_pattern
            if elsewhere is not None:
                pattern = elsewhere(atoms, FAMILY_DIMENSIONS, FAMILY_MEASURES, threshold, progress)
            if pattern is None:
                pattern = cross_pattern(
                    atoms, FAMILY_DIMENSIONS, FAMILY_MEASURES, threshold, progress=progress
                )
            if data.patterns is not None:
                data.patterns.save(key, json.dumps({"digest": digest, "pattern": _pack(pattern)}))
        cache[(period, threshold)] = pattern
    return cache[(period, threshold)]


def _digest(atoms: Mapping[tuple[str, ...], Mapping[str, int]], threshold: int) -> str:
    """What the pattern is computed from, hashed. marshal is fast and deterministic for
    these plain values; another Python's marshal at worst costs one recomputation."""
    # Each row as it was read (its names in the store's order: one order for the same
    # stored cells, and another order only costs a recomputation), the rows sorted.
    rows = sorted(atoms.items())
    return hashlib.sha256(marshal.dumps((FAMILY_VERSION, threshold, rows))).hexdigest()


def _pack(pattern: FamilyPattern) -> str:
    return base64.b64encode(zlib.compress(pattern.to_json().encode(), 6)).decode("ascii")


def _stored(patterns: PatternStore | None, key: str, digest: str) -> FamilyPattern | None:
    """The stored pattern if it was computed from exactly these atoms (else None)."""
    text = None if patterns is None else patterns.load(key)
    if not text:
        return None
    try:
        doc = json.loads(text)
        if doc.get("digest") != digest:
            return None
        return FamilyPattern.from_json(zlib.decompress(base64.b64decode(doc["pattern"])).decode())
    except (ValueError, KeyError, TypeError, zlib.error):
        return None  # unreadable: computed again (and replaced)


# -- format 2: sums of the devices' period cells ----------------------------------------------

FOLLOW_UP_KINDS = ("due", "window", "late", "missed")


@dataclass(slots=True)
class DeskData:
    cells: list[PeriodCell]
    coverage: dict[str, Coverage]  # device_id -> its latest format-2 coverage
    format1: list[Episode]  # episodes of devices that never sent a format 2 bundle
    fiscal_year_start: int = 1
    # (period, threshold) -> the period's suppressed family (period_family); the data is not
    # changed after loading (a new import loads a new DeskData)
    families: dict[tuple[str, int], FamilyPattern] = field(
        default_factory=dict, repr=False, compare=False
    )
    patterns: PatternStore | None = field(default=None, repr=False, compare=False)
    compute_pattern: ComputePattern | None = field(default=None, repr=False, compare=False)
    # The store's cells one period at a time, when asked for (the desk: `cells` is then
    # empty and `keys` lists every (period, setting) with cells); None: all in `cells`.
    load_period: Callable[[str], list[PeriodCell]] | None = field(
        default=None, repr=False, compare=False
    )
    keys: list[tuple[str, str]] | None = field(default=None, repr=False, compare=False)
    _by_period: dict[str, list[PeriodCell]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def period_cells(self, period: str) -> list[PeriodCell]:
        """The cells of one period from devices with a format-2 coverage (indexed once)."""
        if self._by_period is None:
            index: dict[str, list[PeriodCell]] = {}
            for c in self.cells:
                if c.device_id in self.coverage:
                    index.setdefault(c.period, []).append(c)
            self._by_period = index
        if self.load_period is not None and period not in self._by_period:
            loaded = self.load_period(period)
            self._by_period[period] = [c for c in loaded if c.device_id in self.coverage]
        return self._by_period.get(period, [])

    def uncomputed(self) -> DeskData:
        """The same inputs, nothing computed from them and no stored pattern (benchmarks)."""
        return DeskData(
            self.cells,
            self.coverage,
            self.format1,
            self.fiscal_year_start,
            load_period=self.load_period,
            keys=self.keys,
        )

    def _keys(self) -> Iterable[tuple[str, str]]:
        return self.keys if self.keys is not None else ((c.period, c.setting) for c in self.cells)

    def periods(self) -> list[str]:
        """Every period that has data, newest first ("all" first)."""
        found = {period for period, _ in self._keys()}
        for e in self.format1:
            for key in (e.period_first, e.period_last):
                found.add(key)
                found.add(key[:4])
        return sorted(found | {periods.ALL}, key=periods.sort_key)

    def settings(self) -> list[str]:
        return sorted(
            {setting for _, setting in self._keys()}
            | {e.setting for e in self.format1 if e.setting}
        )


@dataclass(frozen=True, slots=True)
class DeviceCompleteness:
    device_id: str
    label: str
    format: int  # 2: sent format 2; 1: only format 1 bundles (estimates); 0: nothing yet
    coverage: str  # "covered" | "partial" | "none"
    covered_through: str | None  # last quarter its latest format-2 bundle covered
    last_created_at: str | None  # when its latest format-2 bundle was sealed
    last_imported_at: str | None  # when its latest bundle of any format was imported


def completeness(
    data: DeskData, devices: Iterable[Device], filters: Filters, names: dict[str, str]
) -> list[DeviceCompleteness]:
    """For each confirmed device (of the selection): did its data cover the period?"""
    bounds = filters.period_bounds(data.fiscal_year_start)
    out = []
    for d in devices:
        if d.status != DeviceStatus.CONFIRMED:
            continue
        if filters.device_id and d.device_id != filters.device_id:
            continue
        cov = data.coverage.get(d.device_id)
        label = names.get(d.device_id, d.fingerprint)
        if cov is None:
            fmt = 1 if d.bundles else 0
            out.append(
                DeviceCompleteness(d.device_id, label, fmt, "none", None, None, d.last_bundle_at)
            )
            continue
        last = periods.quarter_of_key(cov.last_quarter)
        first = periods.quarter_of_key(cov.first_quarter or cov.last_quarter)
        if bounds is None:
            state = "covered"
        elif last < bounds[0] or first > bounds[1]:
            state = "none" if last < bounds[0] else "covered"  # before its first activity: 0
        else:
            state = "covered" if last >= bounds[1] else "partial"
        out.append(
            DeviceCompleteness(
                d.device_id, label, 2, state, cov.last_quarter, cov.created_at, d.last_bundle_at
            )
        )
    return out


def _sum_cells(
    data: DeskData, filters: Filters
) -> tuple[dict[str, int], dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """Totals of the selection, per device and per setting."""
    key = filters.period_key(data.fiscal_year_start)
    total: dict[str, int] = {}
    by_device: dict[str, dict[str, int]] = {}
    by_setting: dict[str, dict[str, int]] = {}
    for c in data.period_cells(key):
        if filters.device_id and c.device_id != filters.device_id:
            continue
        if filters.setting and c.setting != filters.setting:
            continue
        for target in (by_device.setdefault(c.device_id, {}), by_setting.setdefault(c.setting, {})):
            get = target.get
            for name, n in c.counts.items():
                target[name] = get(name, 0) + n
    for part in by_setting.values():  # every cell is in one setting: the total is theirs
        get = total.get
        for name, n in part.items():
            total[name] = get(name, 0) + n
    return total, by_device, by_setting


def compute(
    data: DeskData,
    filters: Filters = Filters(),
    threshold: int = 11,
    device_names: dict[str, str] | None = None,
    devices: Iterable[Device] = (),
    progress: Progress | None = None,
) -> Figures:
    """All dashboard and report figures of one selection, with suppression applied.
    `progress` is told how far the period's family is while it is computed (the first
    refresh of a period after an import)."""
    names = device_names or {}
    fig = cells(data, filters, threshold, names)
    family = period_family(data, fig.period, threshold, progress)
    fig.suppressed = suppress_cells(fig, filters, family)
    _suppress_event_sums(fig, EVENT_SUMS)
    fig.completeness = completeness(data, devices, filters, names)
    if data.format1:
        chosen = Filters(filters.period, filters.device_id, filters.setting)
        estimate = compute_format1(data.format1, chosen, threshold, names, data.fiscal_year_start)
        fig.format1 = None if estimate.empty else estimate
    return fig


def cells(data: DeskData, filters: Filters, threshold: int, names: dict[str, str]) -> Figures:
    """The figures of one selection BEFORE suppression (values, hidden cells, equations)."""
    total, by_device, by_setting = _sum_cells(data, filters)
    fig = Figures(threshold)
    fig.period = filters.period_key(data.fiscal_year_start)
    v = fig.values
    get = total.get
    for name in ("people", "enrolled", "ended", "sessions", "attempts", "group_sessions"):
        v[name] = get(name, 0)
    fig.empty = not any(total.values())

    fig.settings = sorted(s for s, c in by_setting.items() if c.get("people", 0))
    labels = {d: names.get(d, d[:8]) for d in by_device}
    fig.devices = dict(sorted(labels.items(), key=lambda item: (item[1], item[0])))
    _table(
        fig,
        "people",
        {f"people.setting.{s}": by_setting[s].get("people", 0) for s in sorted(by_setting)},
    )
    if not filters.device_id:
        _table(
            fig,
            "people",
            {f"people.device.{d}": by_device[d].get("people", 0) for d in sorted(by_device)},
        )

    # Referrals made / linked / linked within 30 days, by category.
    for kind in ("made", "linked", "linked30"):
        _table(
            fig,
            f"ref.{kind}",
            {f"ref.{kind}.{c}": get(f"ref.{kind}.{c}", 0) for c in REFERRAL_CATEGORIES},
        )
        v[f"ref.{kind}"] = sum(get(f"ref.{kind}.{c}", 0) for c in REFERRAL_CATEGORIES)
    for c in ("", *(f".{c}" for c in REFERRAL_CATEGORIES)):
        v[f"ref.notlinked{c}"] = v[f"ref.made{c}"] - v[f"ref.linked{c}"]
        v[f"ref.late{c}"] = v[f"ref.linked{c}"] - v[f"ref.linked30{c}"]
        fig.hidden |= {f"ref.notlinked{c}", f"ref.late{c}"}
        fig.equations += [
            (f"ref.made{c}", (f"ref.linked{c}", f"ref.notlinked{c}")),
            (f"ref.linked{c}", (f"ref.linked30{c}", f"ref.late{c}")),
        ]
    _table(
        fig,
        "ref.notlinked",
        {f"ref.notlinked.{c}": v[f"ref.notlinked.{c}"] for c in REFERRAL_CATEGORIES},
        hidden=True,
    )
    _table(
        fig,
        "ref.late",
        {f"ref.late.{c}": v[f"ref.late.{c}"] for c in REFERRAL_CATEGORIES},
        hidden=True,
    )

    # Follow-up per timepoint: due = in window + late + missed; overall and per coach.
    for t in TIMEPOINTS:
        parts = _follow_up(get, t)
        for kind, n in parts.items():
            v[f"fu.{kind}.{t}"] = n
        fig.equations.append((f"fu.due.{t}", (f"fu.window.{t}", f"fu.late.{t}", f"fu.missed.{t}")))
        for d in sorted(by_device):
            dparts = _follow_up(by_device[d].get, t)
            for kind, n in dparts.items():
                v[f"fu.{kind}.{t}.{d}"] = n
            fig.equations.append(
                (
                    f"fu.due.{t}.{d}",
                    (f"fu.window.{t}.{d}", f"fu.late.{t}.{d}", f"fu.missed.{t}.{d}"),
                )
            )
        for kind in FOLLOW_UP_KINDS:
            fig.equations.append(
                (f"fu.{kind}.{t}", tuple(f"fu.{kind}.{t}.{d}" for d in sorted(by_device)))
            )

    # BARC-10 baseline vs latest follow-up in the period.
    n = v["barc.n"] = get("barc.n", 0)
    v["barc.below"], v["barc.cross"] = get("barc.below", 0), get("barc.cross", 0)
    v["barc.above"] = n - v["barc.below"]
    v["barc.stay"] = v["barc.below"] - v["barc.cross"]
    fig.hidden |= {"barc.above", "barc.stay"}
    fig.equations += [
        ("barc.n", ("barc.below", "barc.above")),
        ("barc.below", ("barc.cross", "barc.stay")),
    ]
    if n:
        base, latest = get("barc.base_sum", 0), get("barc.latest_sum", 0)
        fig.means["barc.baseline"] = (base / n, "barc.n")
        fig.means["barc.latest"] = (latest / n, "barc.n")
        fig.means["barc.change"] = ((latest - base) / n, "barc.n")

    # Outcome domains, baseline vs latest follow-up in the period.
    for name in DOMAINS:
        k = f"dom.{name}"
        dn = v[f"{k}.n"] = get(f"{k}.n", 0)
        v[f"{k}.base_yes"], v[f"{k}.fu_yes"] = get(f"{k}.base_yes", 0), get(f"{k}.fu_yes", 0)
        v[f"{k}.base_no"], v[f"{k}.fu_no"] = dn - v[f"{k}.base_yes"], dn - v[f"{k}.fu_yes"]
        fig.hidden |= {f"{k}.base_no", f"{k}.fu_no"}
        fig.equations += [
            (f"{k}.n", (f"{k}.base_yes", f"{k}.base_no")),
            (f"{k}.n", (f"{k}.fu_yes", f"{k}.fu_no")),
        ]
    days_n = v["dom.use.n"]
    if days_n:
        fig.means["dom.use.days_base"] = (get("dom.use.days_base", 0) / days_n, "dom.use.n")
        fig.means["dom.use.days_fu"] = (get("dom.use.days_fu", 0) / days_n, "dom.use.n")

    # Demographics of the people served: each table splits them exactly.
    for table, groups in DEMOGRAPHICS.items():
        _table(fig, "people", {f"{table}.{g}": get(f"{table}.{g}", 0) for g in groups})
    _support_cells(fig, get)
    return fig


def _support_cells(fig: Figures, get: Callable[[str, int], int]) -> None:
    """Issue 21's figures, derived parts computed as in `_support_measures`."""
    v = fig.values
    family = get(f"kind.{FAMILY_KIND}", 0)
    kinds = {f"kind.{FAMILY_KIND}": family, f"kind.{PERSON_KIND}": v["people"] - family}
    _table(fig, "people", kinds)
    fig.hidden.add(f"kind.{PERSON_KIND}")
    v["contacts"] = v["sessions"] + v["group_sessions"]  # not shown: what support kinds split
    fig.hidden.add("contacts")
    fig.equations.append(("contacts", ("sessions", "group_sessions")))
    support = {f"support.{k}": get(f"support.{k}", 0) for k in SUPPORT_KINDS}
    support[f"support.{DERIVED_SUPPORT}"] = v["contacts"] - sum(
        n for name, n in support.items() if name != f"support.{DERIVED_SUPPORT}"
    )
    _table(fig, "contacts", support)
    fig.hidden.add(f"support.{DERIVED_SUPPORT}")
    for k in SUPPORT_KINDS:
        v[f"minutes.{k}"] = get(f"minutes.{k}", 0)
    places = {f"accomp.{d}": get(f"accomp.{d}", 0) for d in DESTINATIONS}
    places[f"accomp.{DERIVED_DESTINATION}"] = v["support.accompaniment"] - sum(
        n for name, n in places.items() if name != f"accomp.{DERIVED_DESTINATION}"
    )
    _table(fig, "support.accompaniment", places)
    n = v["fam.n"] = get("fam.n", 0)
    for a in FAMILY_ANSWERS:
        yes = v[f"fam.{a}"] = get(f"fam.{a}", 0)
        v[f"fam.no_{a}"] = n - yes
        fig.hidden.add(f"fam.no_{a}")
        fig.equations.append(("fam.n", (f"fam.{a}", f"fam.no_{a}")))


def _follow_up(get: Callable[[str, int], int], t: str) -> dict[str, int]:
    due_n, window, late = get(f"fu.due.{t}", 0), get(f"fu.window.{t}", 0), get(f"fu.late.{t}", 0)
    return {"due": due_n, "window": window, "late": late, "missed": due_n - window - late}
