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


_MONTHS = {1: "January", 4: "April", 7: "July", 10: "October"}


def methods(threshold: int, fiscal_start: int = 1) -> list[str]:
    fiscal = (
        "Fiscal years are not used (the fiscal year is the calendar year)."
        if fiscal_start == 1
        else f"Fiscal years start on {_MONTHS[fiscal_start]} 1 and are named by the calendar "
        "year they end in (FY2027 ends in 2027)."
    )
    return [
        "Source: each coach's CoachDesk vault computes these counts on the coach's device from "
        "the exact dates it holds (bundle format 2) and sends only the counts per calendar "
        "quarter, calendar year and fiscal year, signed by the device and sealed for this RCO; "
        "no date finer than a year and no record about a person is used for these figures. "
        "Figures are sums over the coach devices; a person served by two coaches counts twice. "
        "The latest bundle of a device replaces its counts for every period it covers.",
        f"Period = time of service. {fiscal} People served: episodes with at least one session, "
        "contact attempt or group session dated in the period. New enrollments: intake date in "
        "the period. Episodes ended: the date of discharge, transfer or lost contact in the "
        "period. Sessions, contact attempts and group sessions: notes dated in the period "
        "(UTC date). Only what happened up to the day each device sealed its latest bundle is "
        "counted (see data completeness).",
        "Referrals: made = referrals dated in the period, by resource category; linked = those "
        "of them whose status is linked; linked within 30 days = linked with a status date at "
        "most 30 days after the referral. Linkage rate = linked / made.",
        "Follow-up (after SAMHSA SUPRT): windows are baseline = intake to 30 days after; "
        "180-day = days 150-210 after intake; annual = days 335-395; closeout = the end of "
        "services to 30 days after. A follow-up is due in the period in which its window "
        "closed; an episode that ended before a reassessment window opened has no such "
        "reassessment (the closeout cancels later reassessments). Reached in window = a BARC-10 "
        "or outcome assessment of that timepoint dated inside the window; reached late = only "
        "dated outside it; missed = due - in window - late. Rate = reached in window / due; the "
        f"program target is {FOLLOW_UP_TARGET:.0%} of those due.",
        "BARC-10 (Vilsaint et al. 2017): people with a baseline BARC-10 and a follow-up BARC-10 "
        "(180-day, annual or closeout) dated in the period; latest = the latest such follow-up "
        "in the period; change = latest total - baseline total (10-60); 47 or more predicts "
        "sustained remission; crossed 47 = baseline below 47 and latest 47 or more. Outcome "
        "domains: the same people, baseline answer vs latest follow-up answer in the period "
        "(past 30 days), counting those who answered both.",
        "Who and what (issue 21): people served by kind = a person in or seeking recovery, or a "
        "family member or concerned significant other (family recovery coaching, "
        "CRAFT-informed). Support given = sessions and group sessions dated in the period by "
        "support kind (contact attempts are not counted), with the sum of their recorded "
        "durations in hours; accompaniments by destination. Family follow-up = family members "
        "with a family follow-up dated in the period; of them, those whose latest follow-up in "
        "the period says their loved one is engaged in treatment, in recovery support, and that "
        "they have support of their own. Family members have no BARC-10 or SUPRT follow-up: "
        "those figures count persons in recovery only. A device that has not exported since it "
        "was updated reports no support kinds yet (its sessions and group sessions count as "
        "coaching sessions).",
        "Demographics: the people served in the period by age at intake (from the date of "
        "birth on the device), gender, race (OMB categories; more than one chosen = two or "
        "more races) and ethnicity, each as recorded by the coach.",
        "Data completeness lists every confirmed coach device: whether its latest format 2 "
        "bundle covered the period (partly = sealed before the period ended), and when it was "
        "sealed. Devices that only ever sent format 1 bundles are not in the figures above; "
        "their estimates are shown in a separate section: format 1 carries years, not dates, so "
        "the period there is the import quarter and follow-ups due are guessed from years.",
        f"Small-cell suppression: every count from 1 to {threshold - 1} is suppressed, and so is "
        "every further cell from which a suppressed count could be derived by adding or "
        "subtracting other figures (including not-published complements such as referrals not "
        "linked), of this report or of any other report the desk produces for the period: all "
        "coaches, each coach, each setting, each coach and setting, with their demographic "
        "tables; a figure shared by two reports is suppressed in both. Sessions and contacts "
        "are suppressed with a small number of people. Rates and means are suppressed when a "
        f"count they rest on is suppressed; means need at least {threshold} people. Suppressed "
        f"figures are shown as '{SUPPRESSED}' (in the PDF's tables as *); an empty selection "
        f"as '{NO_RECORDS}'; a rate with nobody due as '{NONE_DUE}'.",
    ]


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
            raise CoachDeskError(f"No coach device has the fingerprint {device_fingerprint}.")
        device_id = device.device_id
    filters = Filters(period, device_id, setting)
    fiscal_start = desk.policy.fiscal_year_start
    try:
        key = filters.period_key(fiscal_start)
    except ValueError as exc:
        raise CoachDeskError(str(exc)) from None
    threshold = desk.policy.small_cell
    fig = desk.figures(filters)
    return Report(
        desk.name,
        "all periods" if key == "all" else key,
        {k: v for k, v in (("device", device_fingerprint), ("setting", setting)) if v},
        datetime.now(UTC).isoformat(timespec="seconds"),
        threshold,
        rows(fig),
        methods(threshold, fiscal_start),
        desk.data().periods(),
    )


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
