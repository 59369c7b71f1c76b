"""The report's vocabulary on the desk's screen, in the window's language.

The funder report's words (rco/report.py, rco/metrics.py: section, group and category names,
"suppressed", "no records") stay English in the store and the files; the dashboard shows them
through `word()` (context "RcoWords", resources/translations/coachdesk_rco_es.ts). A label
made of two known parts ("Age at intake: 25-34", "Coach Ada: Baseline (...)") is translated
part by part; anything else (a coach's name, a date) is shown as it is. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication

from coachdesk.rco.report import Row
from coachdesk.ui.forms._common import QT_TRANSLATE_NOOP

# Every word lupdate must see (generated from the report's label tables; keep in step).
WORDS = [
    QT_TRANSLATE_NOOP("RcoWords", "suppressed"),
    QT_TRANSLATE_NOOP("RcoWords", "no records"),
    QT_TRANSLATE_NOOP("RcoWords", "none due"),
    QT_TRANSLATE_NOOP("RcoWords", "All"),
    QT_TRANSLATE_NOOP("RcoWords", "All categories"),
    QT_TRANSLATE_NOOP("RcoWords", "Baseline"),
    QT_TRANSLATE_NOOP("RcoWords", "Latest follow-up"),
    QT_TRANSLATE_NOOP("RcoWords", "People"),
    QT_TRANSLATE_NOOP("RcoWords", "Share of people served"),
    QT_TRANSLATE_NOOP("RcoWords", "People with both answers"),
    QT_TRANSLATE_NOOP("RcoWords", "Mean days of use, past 30 days"),
    QT_TRANSLATE_NOOP("RcoWords", "Baseline (within 30 days of intake)"),
    QT_TRANSLATE_NOOP("RcoWords", "180-day reassessment (+/- 30 days)"),
    QT_TRANSLATE_NOOP("RcoWords", "Annual reassessment (+/- 30 days)"),
    QT_TRANSLATE_NOOP("RcoWords", "Closeout (within 30 days of the end of services)"),
    QT_TRANSLATE_NOOP("RcoWords", "Detox"),
    QT_TRANSLATE_NOOP("RcoWords", "Treatment"),
    QT_TRANSLATE_NOOP("RcoWords", "MOUD"),
    QT_TRANSLATE_NOOP("RcoWords", "Harm reduction"),
    QT_TRANSLATE_NOOP("RcoWords", "Housing"),
    QT_TRANSLATE_NOOP("RcoWords", "Employment"),
    QT_TRANSLATE_NOOP("RcoWords", "Mutual aid"),
    QT_TRANSLATE_NOOP("RcoWords", "Family support"),
    QT_TRANSLATE_NOOP("RcoWords", "Legal aid"),
    QT_TRANSLATE_NOOP("RcoWords", "Health care"),
    QT_TRANSLATE_NOOP("RcoWords", "Other"),
    QT_TRANSLATE_NOOP("RcoWords", "Emergency department"),
    QT_TRANSLATE_NOOP("RcoWords", "Jail or prison"),
    QT_TRANSLATE_NOOP("RcoWords", "Drug court"),
    QT_TRANSLATE_NOOP("RcoWords", "Treatment center"),
    QT_TRANSLATE_NOOP("RcoWords", "Police or fire station"),
    QT_TRANSLATE_NOOP("RcoWords", "Community"),
    QT_TRANSLATE_NOOP("RcoWords", "Clinical (ED or treatment, grouped)"),
    QT_TRANSLATE_NOOP("RcoWords", "Justice or first responder (grouped)"),
    QT_TRANSLATE_NOOP("RcoWords", "Not stated (suppressed by k-anonymity)"),
    QT_TRANSLATE_NOOP("RcoWords", "Under 18"),
    QT_TRANSLATE_NOOP("RcoWords", "18-24"),
    QT_TRANSLATE_NOOP("RcoWords", "25-34"),
    QT_TRANSLATE_NOOP("RcoWords", "35-44"),
    QT_TRANSLATE_NOOP("RcoWords", "45-54"),
    QT_TRANSLATE_NOOP("RcoWords", "55-64"),
    QT_TRANSLATE_NOOP("RcoWords", "65 and over"),
    QT_TRANSLATE_NOOP("RcoWords", "Unknown (no date of birth)"),
    QT_TRANSLATE_NOOP("RcoWords", "Woman"),
    QT_TRANSLATE_NOOP("RcoWords", "Man"),
    QT_TRANSLATE_NOOP("RcoWords", "Non-binary"),
    QT_TRANSLATE_NOOP("RcoWords", "Another gender"),
    QT_TRANSLATE_NOOP("RcoWords", "Not disclosed"),
    QT_TRANSLATE_NOOP("RcoWords", "American Indian or Alaska Native"),
    QT_TRANSLATE_NOOP("RcoWords", "Asian"),
    QT_TRANSLATE_NOOP("RcoWords", "Black or African American"),
    QT_TRANSLATE_NOOP("RcoWords", "Native Hawaiian or Other Pacific Islander"),
    QT_TRANSLATE_NOOP("RcoWords", "White"),
    QT_TRANSLATE_NOOP("RcoWords", "Two or more races"),
    QT_TRANSLATE_NOOP("RcoWords", "Prefers not to say"),
    QT_TRANSLATE_NOOP("RcoWords", "Not recorded"),
    QT_TRANSLATE_NOOP("RcoWords", "Hispanic or Latino"),
    QT_TRANSLATE_NOOP("RcoWords", "Not Hispanic or Latino"),
    QT_TRANSLATE_NOOP("RcoWords", "Age at intake"),
    QT_TRANSLATE_NOOP("RcoWords", "Gender"),
    QT_TRANSLATE_NOOP("RcoWords", "Race"),
    QT_TRANSLATE_NOOP("RcoWords", "Ethnicity"),
    QT_TRANSLATE_NOOP("RcoWords", "Due"),
    QT_TRANSLATE_NOOP("RcoWords", "Reached in window"),
    QT_TRANSLATE_NOOP("RcoWords", "Reached late"),
    QT_TRANSLATE_NOOP("RcoWords", "Missed"),
    QT_TRANSLATE_NOOP("RcoWords", "Rate (in window / due)"),
    QT_TRANSLATE_NOOP("RcoWords", "covered"),
    QT_TRANSLATE_NOOP("RcoWords", "partly covered"),
    QT_TRANSLATE_NOOP("RcoWords", "sent nothing covering this period"),
    QT_TRANSLATE_NOOP("RcoWords", "Stable housing"),
    QT_TRANSLATE_NOOP("RcoWords", "Employed or in school"),
    QT_TRANSLATE_NOOP("RcoWords", "Any arrest, past 30 days"),
    QT_TRANSLATE_NOOP("RcoWords", "No days of use, past 30 days"),
    QT_TRANSLATE_NOOP("RcoWords", "In treatment or on MOUD"),
    QT_TRANSLATE_NOOP("RcoWords", "sent only format 1 bundles (estimated separately below)"),
    QT_TRANSLATE_NOOP("RcoWords", "has sent nothing yet"),
    QT_TRANSLATE_NOOP("RcoWords", "never"),
    # the dashboard's short timepoint names (ui/rco/window.py)
    QT_TRANSLATE_NOOP("RcoWords", "180 days"),
    QT_TRANSLATE_NOOP("RcoWords", "Annual"),
    QT_TRANSLATE_NOOP("RcoWords", "Closeout"),
    QT_TRANSLATE_NOOP("RcoWords", "No records for this selection"),  # ui/rco/plots.py
]
_KNOWN = frozenset(WORDS)
V = TypeVar("V")


def word(text: str) -> str:
    if text in _KNOWN:
        return QCoreApplication.translate("RcoWords", text)
    head, sep, tail = text.partition(": ")
    if sep and (head in _KNOWN or tail in _KNOWN):
        return f"{word(head)}{sep}{word(tail)}"
    return text


class Translated(Mapping[str, V]):
    """A label table whose labels (str, or the first item of a tuple) come out translated."""

    def __init__(self, table: Mapping[str, V]) -> None:
        self._table = table

    def __getitem__(self, key: str) -> V:
        value: Any = self._table[key]
        if isinstance(value, str):
            return word(value)  # type: ignore[return-value]
        if isinstance(value, tuple) and value and isinstance(value[0], str):
            return (word(value[0]), *value[1:])  # type: ignore[return-value]
        return value  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


def row(r: Row) -> Row:
    """A report row with its words translated (numbers untouched)."""
    shown = r.display
    text = word(shown) if (r.text or r.value is None) else r.text
    return replace(r, measure=word(r.measure), category=word(r.category), text=text)


# An import's outcome (rco/importer.py Outcome values) as the Import page and the Store page's
# audit log show it; the words keep the "ImportPage" context they were translated in.
OUTCOMES = {
    "imported": QT_TRANSLATE_NOOP("ImportPage", "imported"),
    "already_present": QT_TRANSLATE_NOOP("ImportPage", "already present"),
    "pending": QT_TRANSLATE_NOOP("ImportPage", "pending"),
    "flagged": QT_TRANSLATE_NOOP("ImportPage", "flagged"),
    "rejected": QT_TRANSLATE_NOOP("ImportPage", "rejected"),
}


def outcome_label(value: str) -> str:
    english = OUTCOMES.get(value)
    return QCoreApplication.translate("ImportPage", english) if english else value
