"""The funder report: the same suppressed figures as the dashboard, as rows for CSV, JSON,
text and PDF, with the methods stated. No Qt, no SQL.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coachdesk.errors import CoachDeskError
from coachdesk.exchange.payload_schema import (
    DEMOGRAPHICS,
    DESTINATIONS,
    FAMILY_ANSWERS,
    SUPPORT_KINDS,
)
from coachdesk.files import write_atomic
from coachdesk.i18n import catalog
from coachdesk.rco import handoffs as rco_handoffs
from coachdesk.rco import metrics
from coachdesk.rco.metrics import DOMAINS, FOLLOW_UP_TARGET, TIMEPOINTS, Figures, Filters

if TYPE_CHECKING:
    from coachdesk.rco.desk import RcoDesk

SUPPRESSED = "suppressed"
NO_RECORDS = "no records"
NONE_DUE = "none due"  # a rate whose denominator is zero
TIMEPOINT_LABELS = {
    "baseline": "Baseline (within 30 days of intake)",
    "followup_180": "180-day reassessment (+/- 30 days)",
    "annual": "Annual reassessment (+/- 30 days)",
    "closeout": "Closeout (within 30 days of the end of services)",
}
CATEGORY_LABELS = {
    "detox": "Detox",
    "treatment": "Treatment",
    "moud": "MOUD",
    "harm_reduction": "Harm reduction",
    "housing": "Housing",
    "employment": "Employment",
    "mutual_aid": "Mutual aid",
    "family_support": "Family support",
    "legal_aid": "Legal aid",
    "health_care": "Health care",
    "other": "Other",
}


@dataclass(slots=True)
class Row:
    section: str
    measure: str
    category: str
    value: float | int | None  # None = suppressed (unless `text` says otherwise)
    kind: str  # "count", "percent", "mean", "hours", "text"
    text: str = ""  # shown instead of the value: "no records", "none due", completeness words

    @property
    def display(self) -> str:
        if self.text:
            return self.text
        if self.value is None:
            return SUPPRESSED
        if self.kind == "percent":
            return f"{self.value * 100:.1f}%"
        if self.kind == "hours":
            return f"{self.value:.1f}"
        if self.kind == "mean":
            return (
                f"{self.value:+.1f}"
                if self.measure.startswith("Mean change")
                else f"{self.value:.1f}"
            )
        return str(self.value)


SETTING_LABELS = {
    "emergency_department": "Emergency department",
    "jail_prison": "Jail or prison",
    "drug_court": "Drug court",
    "treatment_center": "Treatment center",
    "police_fire": "Police or fire station",
    "community": "Community",
    "clinical": "Clinical (ED or treatment, grouped)",
    "justice_first_responder": "Justice or first responder (grouped)",
    "not stated": "Not stated (suppressed by k-anonymity)",
}


def _label(value: str) -> str:
    return SETTING_LABELS.get(value, value.replace("_", " ").capitalize())


AGE_LABELS = {
    "under_18": "Under 18",
    "18_24": "18-24",
    "25_34": "25-34",
    "35_44": "35-44",
    "45_54": "45-54",
    "55_64": "55-64",
    "65_plus": "65 and over",
    "unknown": "Unknown (no date of birth)",
}
DEMOGRAPHIC_LABELS = {
    "woman": "Woman",
    "man": "Man",
    "non_binary": "Non-binary",
    "other": "Another gender",
    "undisclosed": "Not disclosed",
    "american_indian_alaska_native": "American Indian or Alaska Native",
    "asian": "Asian",
    "black_african_american": "Black or African American",
    "native_hawaiian_pacific_islander": "Native Hawaiian or Other Pacific Islander",
    "white": "White",
    "two_or_more": "Two or more races",
    "prefers_not_to_say": "Prefers not to say",
    "not_recorded": "Not recorded",
    "hispanic_latino": "Hispanic or Latino",
    "not_hispanic_latino": "Not Hispanic or Latino",
    **AGE_LABELS,
}
TABLE_LABELS = {
    "age": "Age at intake",
    "gender": "Gender",
    "race": "Race",
    "ethnicity": "Ethnicity",
}
RATE_MEASURE = "Rate (in window / due)"
DEMOGRAPHICS_SECTION = "Demographics of people served"
COMPLETENESS_SECTION = "Data completeness"
FOLLOW_UP_MEASURES = {
    "due": "Due",
    "window": "Reached in window",
    "late": "Reached late",
    "missed": "Missed",
}
COVERAGE_WORDS = {
    "covered": "covered",
    "partial": "partly covered",
    "none": "sent nothing covering this period",
}


def _count(fig: Figures, s: str, measure: str, category: str, key: str) -> Row:
    if fig.empty:
        return Row(s, measure, category, None, "count", NO_RECORDS)
    return Row(s, measure, category, fig.count(key), "count")


def _rate(fig: Figures, s: str, measure: str, category: str, num: str, den: str) -> Row:
    if fig.empty:
        return Row(s, measure, category, None, "percent", NO_RECORDS)
    if fig.count(den) == 0:
        return Row(s, measure, category, None, "percent", NONE_DUE)
    return Row(s, measure, category, fig.rate(num, den), "percent")


def _mean(fig: Figures, s: str, measure: str, category: str, key: str) -> Row:
    if fig.empty:
        return Row(s, measure, category, None, "mean", NO_RECORDS)
    return Row(s, measure, category, fig.mean(key), "mean")


def _follow_up_rows(fig: Figures, s: str, suffix: str, label: str) -> list[Row]:
    out = []
    for t in TIMEPOINTS:
        category = f"{label}{TIMEPOINT_LABELS[t]}"
        for kind, measure in FOLLOW_UP_MEASURES.items():
            out.append(_count(fig, s, measure, category, f"fu.{kind}.{t}{suffix}"))
        out.append(
            _rate(
                fig,
                s,
                "Rate (in window / due)",
                category,
                f"fu.window.{t}{suffix}",
                f"fu.due.{t}{suffix}",
            )
        )
    return out


def rows(fig: Figures) -> list[Row]:
    """The report's rows for format 2 figures (the desk's own figures)."""
    out: list[Row] = []
    add = out.append
    s = "People served"
    add(_count(fig, s, "People served", "All", "people"))
    add(_count(fig, s, "New enrollments", "All", "enrolled"))
    add(_count(fig, s, "Episodes ended", "All", "ended"))
    for setting in fig.settings:
        add(_count(fig, s, "By setting", _label(setting), f"people.setting.{setting}"))
    if len(fig.devices) > 1:
        for device, label in fig.devices.items():
            add(_count(fig, s, "By coach device", label, f"people.device.{device}"))
    s = "Contacts"
    add(_count(fig, s, "Sessions", "All", "sessions"))
    add(_count(fig, s, "Contact attempts", "All", "attempts"))
    add(_count(fig, s, "Group sessions", "All", "group_sessions"))
    out += support_rows(fig)
    s = "Referrals"
    for cat in ("", *metrics.REFERRAL_CATEGORIES):
        suffix = f".{cat}" if cat else ""
        label = CATEGORY_LABELS.get(cat, "All categories")
        if cat and fig.values.get(f"ref.made{suffix}", 0) == 0:
            continue
        add(_count(fig, s, "Made", label, f"ref.made{suffix}"))
        add(_count(fig, s, "Linked", label, f"ref.linked{suffix}"))
        add(_count(fig, s, "Linked within 30 days", label, f"ref.linked30{suffix}"))
        add(_rate(fig, s, "Linkage rate", label, f"ref.linked{suffix}", f"ref.made{suffix}"))
    out += _follow_up_rows(fig, "Follow-up", "", "")
    if len(fig.devices) > 1:
        for device, name in fig.devices.items():
            out += _follow_up_rows(fig, "Follow-up by coach", f".{device}", f"{name}: ")
    out += _barc_and_domain_rows(fig)
    s = DEMOGRAPHICS_SECTION
    for table, groups in DEMOGRAPHICS.items():
        for g in groups:
            if fig.values.get(f"{table}.{g}", 0) == 0 and not fig.empty:
                continue
            label = f"{TABLE_LABELS[table]}: {DEMOGRAPHIC_LABELS.get(g, g)}"
            add(_count(fig, s, "People", label, f"{table}.{g}"))
            add(_rate(fig, s, "Share of people served", label, f"{table}.{g}", "people"))
    s = COMPLETENESS_SECTION
    for c in fig.completeness:
        words = COVERAGE_WORDS[c.coverage]
        if c.format == 2 and c.coverage == "partial":
            words += f" (through {c.covered_through})"
        elif c.format == 1:
            words = "sent only format 1 bundles (estimated separately below)"
        elif c.format == 0:
            words = "has sent nothing yet"
        sent = (c.last_created_at or c.last_imported_at or "never")[:10]
        add(Row(s, c.label, sent, None, "text", words))
    if fig.format1 is not None:
        out += format1_rows(fig.format1)
    return out


KIND_SECTION = "People served by kind"
SUPPORT_SECTION = "Support given"
ACCOMPANIMENT_SECTION = "Accompaniments by destination"
FAMILY_SECTION = "Family follow-up"
KIND_LABELS = {
    "person_in_recovery": "Person in or seeking recovery",
    "family_member": "Family member or concerned significant other",
}
SUPPORT_LABELS = {
    "coaching_session": "Coaching session",
    "accompaniment": "Accompaniment",
    "crisis_contact": "Crisis contact",
    "navigation": "Navigation (benefits, housing, care)",
    "group": "Group",
    "family_session": "Family session",
}
DESTINATION_LABELS = {
    "treatment": "To treatment",
    "court": "To court",
    "appointment": "To an appointment",
    "meeting": "To a meeting",
}
FAMILY_LABELS = {
    "treatment": "Loved one engaged in treatment",
    "support": "Loved one engaged in recovery support",
    "own_support": "Family member has support of their own",
}
SUPPORT_MEASURES = ("Contacts", "Hours")


def _hours(fig: Figures, s: str, category: str, key: str) -> Row:
    if fig.empty:
        return Row(s, "Hours", category, None, "hours", NO_RECORDS)
    minutes = fig.count(key)
    return Row(s, "Hours", category, None if minutes is None else minutes / 60, "hours")


def _rest(
    fig: Figures, s: str, measure: str, category: str, wholes: list[str], parts: list[str]
) -> Row:
    """A figure the desk does not publish (metrics: the derived part of a split), shown only
    when its whole and every other part are shown: then it tells nothing new."""
    if fig.empty:
        return Row(s, measure, category, None, "count", NO_RECORDS)
    known = [fig.count(k) for k in (*wholes, *parts)]
    if any(v is None for v in known):
        return Row(s, measure, category, None, "count")
    total = sum(fig.values.get(k, 0) for k in wholes)
    return Row(s, measure, category, total - sum(fig.values.get(k, 0) for k in parts), "count")


def support_rows(fig: Figures) -> list[Row]:
    """Issue 21: people served by kind, contacts and hours by support kind, accompaniments by
    destination, the family follow-up (the dashboard's support tab shows these rows)."""
    out: list[Row] = []
    add = out.append
    s = KIND_SECTION
    family, person = f"kind.{metrics.FAMILY_KIND}", KIND_LABELS[metrics.PERSON_KIND]
    people = _rest(fig, s, "People", person, ["people"], [family])
    add(people)
    share = None if people.value is None or not fig.count("people") else people.value
    add(
        Row(s, "Share of people served", person, None, "percent", people.text)
        if share is None
        else Row(s, "Share of people served", person, share / fig.values["people"], "percent")
    )
    label = KIND_LABELS[metrics.FAMILY_KIND]
    add(_count(fig, s, "People", label, family))
    add(_rate(fig, s, "Share of people served", label, family, "people"))
    s = SUPPORT_SECTION
    named = [f"support.{k}" for k in SUPPORT_KINDS if k != metrics.DERIVED_SUPPORT]
    for kind in SUPPORT_KINDS:
        if kind == metrics.DERIVED_SUPPORT:
            whole = ["sessions", "group_sessions"]
            add(_rest(fig, s, "Contacts", SUPPORT_LABELS[kind], whole, named))
        else:
            add(_count(fig, s, "Contacts", SUPPORT_LABELS[kind], f"support.{kind}"))
        add(_hours(fig, s, SUPPORT_LABELS[kind], f"minutes.{kind}"))
    s = ACCOMPANIMENT_SECTION
    for d in DESTINATIONS:
        add(_count(fig, s, "Accompaniments", DESTINATION_LABELS[d], f"accomp.{d}"))
    s = FAMILY_SECTION
    add(_count(fig, s, "Family members with a follow-up", "", "fam.n"))
    for a in FAMILY_ANSWERS:
        add(_count(fig, s, FAMILY_LABELS[a], "People", f"fam.{a}"))
        add(_rate(fig, s, FAMILY_LABELS[a], "Share", f"fam.{a}", "fam.n"))
    return out


def _barc_and_domain_rows(fig: Figures) -> list[Row]:
    out: list[Row] = []
    add = out.append
    s = "BARC-10 recovery capital"
    add(_count(fig, s, "People with baseline and a follow-up", "", "barc.n"))
    add(_mean(fig, s, "Mean at baseline", "", "barc.baseline"))
    add(_mean(fig, s, "Mean at latest", "", "barc.latest"))
    add(_mean(fig, s, "Mean change", "", "barc.change"))
    add(_count(fig, s, "Below 47 at baseline", "", "barc.below"))
    add(_count(fig, s, "Crossed 47", "", "barc.cross"))
    add(
        _rate(
            fig, s, "Share crossing 47", "of those below 47 at baseline", "barc.cross", "barc.below"
        )
    )
    s = "Outcome domains"
    for name, (label, _) in DOMAINS.items():
        k = f"dom.{name}"
        add(_count(fig, s, label, "People with both answers", f"{k}.n"))
        add(_rate(fig, s, label, "Baseline", f"{k}.base_yes", f"{k}.n"))
        add(_rate(fig, s, label, "Latest follow-up", f"{k}.fu_yes", f"{k}.n"))
        if name == "use":
            add(_mean(fig, s, "Mean days of use, past 30 days", "Baseline", "dom.use.days_base"))
            add(
                _mean(
                    fig, s, "Mean days of use, past 30 days", "Latest follow-up", "dom.use.days_fu"
                )
            )
    return out


FORMAT1_SECTION = "Format 1 estimates (not exact)"


def format1_rows(fig: Figures) -> list[Row]:
    """Estimated figures of devices that only sent format 1 bundles, in one labelled section."""
    s = FORMAT1_SECTION
    out = [
        _count(fig, s, "People served (episodes reported in the period)", "All", "people"),
        _count(fig, s, "Sessions (lifetime of those episodes)", "All", "sessions"),
        _count(fig, s, "Contact attempts (lifetime)", "All", "attempts"),
        _count(fig, s, "Referrals made (lifetime)", "All categories", "ref.made"),
        _count(fig, s, "Referrals linked (lifetime)", "All categories", "ref.linked"),
    ]
    for t in TIMEPOINTS:
        label = TIMEPOINT_LABELS[t]
        out.append(_count(fig, s, "Follow-ups due (estimated from years)", label, f"fu.due.{t}"))
        out.append(_count(fig, s, "Follow-ups reached (timing unknown)", label, f"fu.reached.{t}"))
    return out


_METHODS = (
    "source",
    "period",
    "referrals",
    "follow_up",
    "barc",
    "support",
    "demographics",
    "completeness",
    "suppression",
)


def methods(threshold: int, fiscal_start: int = 1, lang: str = "en") -> list[str]:
    """The methods paragraphs, worded in the catalog ("doc.funder.method.*"): English in the
    report's files, the PDF's language in the PDF."""
    fiscal = (
        catalog.text("doc.funder.fiscal_calendar", lang)
        if fiscal_start == 1
        else catalog.text(
            "doc.funder.fiscal_start", lang, month=catalog.text(f"month.{fiscal_start}", lang)
        )
    )
    values = {
        "fiscal": fiscal,
        "target": f"{FOLLOW_UP_TARGET:.0%}",
        "top": threshold - 1,
        "threshold": threshold,
        "suppressed": _word(SUPPRESSED, lang),
        "no_records": _word(NO_RECORDS, lang),
        "none_due": _word(NONE_DUE, lang),
    }
    return [catalog.text(f"doc.funder.method.{key}", lang, **values) for key in _METHODS]


def _word(english: str, lang: str) -> str:
    return catalog.text(f"doc.funder.word.{english.replace(' ', '_')}", lang)


@dataclass(slots=True)
class Report:
    rco_name: str
    period: str
    filters: dict[str, str]
    generated_at: str
    threshold: int
    rows: list[Row] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)
    periods_with_data: list[str] = field(default_factory=list)
    fiscal_start: int = 1  # month; the PDF words the methods' fiscal year in its language

    def to_json(self) -> dict[str, Any]:
        return {
            "rco": self.rco_name,
            "period": self.period,
            "filters": self.filters,
            "generated_at": self.generated_at,
            "small_cell_threshold": self.threshold,
            "rows": [
                {
                    "section": r.section,
                    "measure": r.measure,
                    "category": r.category,
                    "value": r.value,
                    "display": r.display,
                }
                for r in self.rows
            ],
            "methods": self.methods,
            "periods_with_data": self.periods_with_data,
        }


def build_report(
    desk: RcoDesk, period: str, device_fingerprint: str = "", setting: str = ""
) -> Report:
    device_id = ""
    if device_fingerprint:
        device = next(
            (d for d in desk.devices() if d.fingerprint == device_fingerprint.strip().upper()), None
        )
        if device is None:
            raise CoachDeskError(code="rco.desk.no_device", fingerprint=device_fingerprint)
        device_id = device.device_id
    filters = Filters(period, device_id, setting)
    fiscal_start = desk.policy.fiscal_year_start
    try:
        key = filters.period_key(fiscal_start)
    except ValueError as exc:
        raise CoachDeskError(str(exc)) from None
    threshold = desk.policy.small_cell
    fig = desk.figures(filters)
    found = rows(fig)
    if not device_id and not setting:  # issue 19: the hand-off counts of the period
        found += _handoff_rows(desk, threshold, key, fiscal_start)
    return Report(
        desk.name,
        "all periods" if key == "all" else key,
        {k: v for k, v in (("device", device_fingerprint), ("setting", setting)) if v},
        datetime.now(UTC).isoformat(timespec="seconds"),
        threshold,
        found,
        methods(threshold, fiscal_start),
        desk.data().periods(),
        fiscal_start,
    )


# -- hand-offs (issue 19; figures in rco/handoffs.py) ---------------------------------------


def _handoff_rows(desk: RcoDesk, threshold: int, key: str, fiscal_start: int) -> list[Row]:
    return [
        Row("Hand-offs between coaches", measure, "", value, "count")
        for measure, value in rco_handoffs.measures(desk.backend, threshold, key, fiscal_start)
    ]


def csv_text(report: Report) -> str:
    """The rows, after '#' header lines that carry the threshold and the methods."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = [
        f"{report.rco_name}: outcomes for {report.period}; generated {report.generated_at}",
        f"small-cell threshold: {report.threshold} (counts 1-{report.threshold - 1} suppressed)",
        *(f"methods: {m}" for m in report.methods),
    ]
    for line in header:  # plain comment lines, never quoted, so readers can skip "#"
        buffer.write(f"# {' '.join(line.split())}\n")
    writer.writerow(["rco", "period", "section", "measure", "category", "value"])
    for r in report.rows:
        writer.writerow(
            [report.rco_name, report.period, r.section, r.measure, r.category, r.display]
        )
    return buffer.getvalue()


def write_csv(report: Report, target: Path | str) -> Path:
    return write_atomic(target, csv_text(report).encode("utf-8"))


def text_lines(report: Report) -> list[str]:
    lines = [f"{report.rco_name}: outcomes for {report.period}"]
    section = ""
    for r in report.rows:
        if r.section != section:
            section = r.section
            lines.append(f"\n{section}")
        label = f"{r.measure}" + (f" ({r.category})" if r.category else "")
        lines.append(f"  {label}: {r.display}")
    lines.append("\nPeriods with data: " + (", ".join(report.periods_with_data) or "none"))
    return lines
