"""Outcome figures over de-identified episodes (pure functions: no Qt, no SQL, no I/O).

`compute(episodes, filters, threshold, device_names)` returns `Figures`: integer cells tied by
equations (for suppression), means, and which cells are suppressed. Every number a front-end
or report shows comes from `Figures.count()` / `Figures.rate()` / `Figures.mean()`, which return
None when the figure is suppressed, so nothing can show a small cell by accident.

Definitions (also printed in the funder report's methods section):
- Period: an episode belongs to every import quarter from the first to the latest bundle that
  reported it (a person served across two years counts in both).
- People served: episodes in the selection. Sessions, contact attempts and group sessions: the
  episodes' counts as last reported (cumulative over the episode).
- Referrals: made and linked by category; linkage rate = linked / made.
- Follow-up at each timepoint: reached = an assessment recorded at that timepoint. Due:
  baseline - every episode; 180-day and annual - reached, or a later timepoint reached, or the
  episode is active or lost contact and its intake year is at least two calendar years before
  the year it was last reported (bundles carry years, not dates); closeout - reached, or the
  episode ended (discharged, transferred, lost contact). Target: 80% of those due.
- BARC-10: episodes with a baseline and a later total; change = latest - baseline; crossing 47
  = baseline below 47 and latest 47 or more (share of those below 47 at baseline).
- Outcome domains: episodes with an answer at baseline and at the latest follow-up: stable
  housing; employed or in school; any arrest (past 30 days); no days of use (past 30 days) and
  mean days of use; in treatment or on MOUD.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from coachdesk.rco.model import Episode
from coachdesk.rco.suppression import Equation, suppress

TIMEPOINTS = ("baseline", "followup_180", "annual", "closeout")
FOLLOW_UPS = ("followup_180", "annual", "closeout")
BARC_THRESHOLD = 47
FOLLOW_UP_TARGET = 0.80
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


@dataclass(frozen=True, slots=True)
class Filters:
    period: str = ""  # "" (all), "2026", or "2026-Q1"
    device_id: str = ""
    setting: str = ""

    def period_bounds(self) -> tuple[str, str] | None:
        p = self.period.strip().upper()
        if not p:
            return None
        if len(p) == 4 and p.isdigit():
            return f"{p}-Q1", f"{p}-Q4"
        if len(p) == 7 and p[:4].isdigit() and p[4:6] == "-Q" and p[6] in "1234":
            return p, p
        raise ValueError(f"'{self.period}' is not a period like 2026 or 2026-Q1")


def select(episodes: Iterable[Episode], filters: Filters) -> list[Episode]:
    bounds = filters.period_bounds()
    out = []
    for e in episodes:
        if bounds and not (e.period_first <= bounds[1] and e.period_last >= bounds[0]):
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


def _housing(o: dict[str, object]) -> bool | None:
    v = o.get("housing")
    return None if v is None else v == "stable"


def _employed(o: dict[str, object]) -> bool | None:
    v = o.get("employment")
    return None if v is None else v in ("employed", "student")


def _arrested(o: dict[str, object]) -> bool | None:
    v = o.get("arrests")
    return None if v is None else int(v) > 0  # type: ignore[call-overload]


def _no_use(o: dict[str, object]) -> bool | None:
    v = o.get("days_used")
    return None if v is None else int(v) == 0  # type: ignore[call-overload]


def _engaged(o: dict[str, object]) -> bool | None:
    a, b = o.get("in_treatment"), o.get("on_moud")
    if a is None and b is None:
        return None
    return bool(a) or bool(b)


DOMAINS: dict[str, tuple[str, Callable[[dict[str, object]], bool | None]]] = {
    "housing": ("Stable housing", _housing),
    "employment": ("Employed or in school", _employed),
    "arrests": ("Any arrest, past 30 days", _arrested),
    "use": ("No days of use, past 30 days", _no_use),
    "engagement": ("In treatment or on MOUD", _engaged),
}


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


def compute(
    episodes: Iterable[Episode],
    filters: Filters = Filters(),
    threshold: int = 11,
    device_names: dict[str, str] | None = None,
) -> Figures:
    """All dashboard and report figures for the selected episodes, with suppression applied.

    One pass over the selection; per-episode work is cached by facts_of, so a refresh after a
    filter change only adds numbers up."""
    chosen = select(episodes, filters)
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

    fig.suppressed = suppress(v, fig.equations, threshold, fig.hidden)
    # Event sums are shown only when the people count behind them is shown and not small.
    if fig.count("people") is None or v["people"] < threshold:
        fig.suppressed |= {"sessions", "attempts", "group_sessions"}
    return fig
