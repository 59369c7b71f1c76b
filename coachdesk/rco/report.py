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
from coachdesk.files import write_atomic
from coachdesk.rco import metrics
from coachdesk.rco.metrics import DOMAINS, FOLLOW_UP_TARGET, TIMEPOINTS, Figures, Filters

if TYPE_CHECKING:
    from coachdesk.rco.desk import RcoDesk

SUPPRESSED = "suppressed"
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
    value: float | int | None  # None = suppressed
    kind: str  # "count", "percent", "mean"

    @property
    def display(self) -> str:
        if self.value is None:
            return SUPPRESSED
        if self.kind == "percent":
            return f"{self.value * 100:.1f}%"
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


def rows(fig: Figures) -> list[Row]:
    out: list[Row] = []
    add = out.append
    s = "People served"
    add(Row(s, "People served", "All", fig.count("people"), "count"))
    for setting in fig.settings:
        add(Row(s, "By setting", _label(setting), fig.count(f"people.setting.{setting}"), "count"))
    for device, label in fig.devices.items():
        add(Row(s, "By coach device", label, fig.count(f"people.device.{device}"), "count"))
    s = "Contacts"
    add(Row(s, "Sessions", "All", fig.count("sessions"), "count"))
    add(Row(s, "Contact attempts", "All", fig.count("attempts"), "count"))
    add(Row(s, "Group sessions", "All", fig.count("group_sessions"), "count"))
    s = "Referrals"
    for cat in ("", *metrics.REFERRAL_CATEGORIES):
        suffix = f".{cat}" if cat else ""
        label = CATEGORY_LABELS.get(cat, "All categories")
        if cat and fig.values.get(f"ref.made{suffix}", 0) == 0:
            continue
        add(Row(s, "Referrals made", label, fig.count(f"ref.made{suffix}"), "count"))
        add(Row(s, "Referrals linked", label, fig.count(f"ref.linked{suffix}"), "count"))
        add(
            Row(
                s,
                "Linkage rate",
                label,
                fig.rate(f"ref.linked{suffix}", f"ref.made{suffix}"),
                "percent",
            )
        )
    s = "Follow-up"
    for t in TIMEPOINTS:
        label = TIMEPOINT_LABELS[t]
        add(Row(s, "Due", label, fig.count(f"fu.due.{t}"), "count"))
        add(Row(s, "Reached", label, fig.count(f"fu.reached.{t}"), "count"))
        add(Row(s, "Follow-up rate", label, fig.rate(f"fu.reached.{t}", f"fu.due.{t}"), "percent"))
    s = "BARC-10 recovery capital"
    add(Row(s, "People with baseline and a later score", "", fig.count("barc.n"), "count"))
    add(Row(s, "Mean at baseline", "", fig.mean("barc.baseline"), "mean"))
    add(Row(s, "Mean at latest", "", fig.mean("barc.latest"), "mean"))
    add(Row(s, "Mean change", "", fig.mean("barc.change"), "mean"))
    add(Row(s, "Below 47 at baseline", "", fig.count("barc.below"), "count"))
    add(Row(s, "Crossed 47", "", fig.count("barc.cross"), "count"))
    add(
        Row(
            s,
            "Share crossing 47",
            "of those below 47 at baseline",
            fig.rate("barc.cross", "barc.below"),
            "percent",
        )
    )
    s = "Outcome domains"
    for name, (label, _) in DOMAINS.items():
        k = f"dom.{name}"
        add(Row(s, label, "People with both answers", fig.count(f"{k}.n"), "count"))
        add(Row(s, label, "Baseline", fig.rate(f"{k}.base_yes", f"{k}.n"), "percent"))
        add(Row(s, label, "Latest follow-up", fig.rate(f"{k}.fu_yes", f"{k}.n"), "percent"))
        if name == "use":
            add(
                Row(
                    s,
                    "Mean days of use, past 30 days",
                    "Baseline",
                    fig.mean("dom.use.days_base"),
                    "mean",
                )
            )
            add(
                Row(
                    s,
                    "Mean days of use, past 30 days",
                    "Latest follow-up",
                    fig.mean("dom.use.days_fu"),
                    "mean",
                )
            )
    return out


def methods(threshold: int) -> list[str]:
    return [
        "Source: de-identified, k-anonymous outcome records exported by each coach's CoachDesk "
        "vault, signed by the coach's device and sealed for this RCO. No names, dates of birth, "
        "exact dates or notes are held by the RCO.",
        "Period: an episode counts in every import quarter from the first to the latest export "
        "that reported it. Counts of sessions, contact attempts and referrals are as last "
        "reported for the episode.",
        "Timepoints (after SAMHSA SUPRT): baseline within 30 days of intake; reassessment at "
        "180 days and annually, each +/- 30 days; closeout within 30 days of the end of "
        "services. Follow-up rate = reached / due; the program target is "
        f"{FOLLOW_UP_TARGET:.0%}. Because exports carry years, not dates, a 180-day or annual "
        "follow-up counts as due when it was reached, when a later one was reached, or when "
        "the person is active or lost contact and the intake year is at least two calendar "
        "years before the report; a closeout is due once services ended.",
        "Linkage rate = referrals with status linked / referrals made, by resource category.",
        "BARC-10 (Vilsaint et al. 2017): total 10-60; change = latest follow-up total minus "
        "baseline total; 47 or more predicts sustained remission. Outcome domains compare the "
        "baseline answer with the latest follow-up answer of the same people (past 30 days).",
        f"Small-cell suppression: every count from 1 to {threshold - 1} is suppressed, and so is "
        "every further cell from which a suppressed count could be derived by adding or "
        "subtracting other published figures (including not-published complements such as "
        "follow-ups missed). Rates and means are suppressed when a count they rest on is "
        "suppressed; means need at least "
        f"{threshold} people. Suppressed figures are shown as '{SUPPRESSED}'.",
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
    try:
        filters.period_bounds()
    except ValueError as exc:
        raise CoachDeskError(str(exc)) from None
    threshold = desk.policy.small_cell
    fig = metrics.compute(desk.episodes(), filters, threshold, desk.device_names())
    return Report(
        desk.name,
        period,
        {k: v for k, v in (("device", device_fingerprint), ("setting", setting)) if v},
        datetime.now(UTC).isoformat(timespec="seconds"),
        threshold,
        rows(fig),
        methods(threshold),
    )


def csv_text(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
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
    return lines
