"""Metrics over hand-made episodes (no bundle format needed): periods, follow-up due rules,
BARC-10 crossing, domains, suppression of small selections; and the rco package is Qt-free."""

from __future__ import annotations

import subprocess
import sys

from coachdesk.rco import metrics
from coachdesk.rco.metrics import Filters
from coachdesk.rco.model import Episode, ReferralCount
from tests.conftest import REPO


def _ep(i: int, **kw: object) -> Episode:
    base: dict[str, object] = {
        "device_id": "d1",
        "pseudonym": f"p{i:03d}",
        "setting": "community",
        "age_band": "30-39",
        "gender": "woman",
        "status": "active",
        "intake_year": "2024",
        "period_first": "2026-Q1",
        "period_last": "2026-Q1",
    }
    base.update(kw)
    return Episode(**base)  # type: ignore[arg-type]


def test_periods_overlap_first_to_last_import() -> None:
    eps = [_ep(i, period_first="2025-Q3", period_last="2026-Q2") for i in range(12)]
    eps += [_ep(100 + i, period_first="2026-Q3", period_last="2026-Q3") for i in range(15)]
    count = lambda p: metrics.compute_format1(eps, Filters(period=p)).values["people"]  # noqa: E731
    assert count("2025") == 12
    assert count("2026") == 27
    assert count("2026-Q3") == 15
    assert count("2025-Q2") == 0


def test_follow_up_due_rules() -> None:
    reached_both = _ep(1, barc10={"baseline": 30, "followup_180": 40})
    skipped_to_annual = _ep(2, barc10={"baseline": 30, "annual": 40})
    old_active = _ep(3, barc10={"baseline": 30}, intake_year="2023")
    recent = _ep(4, barc10={"baseline": 30}, intake_year="2025")
    discharged_early = _ep(5, barc10={"baseline": 30}, intake_year="2023", status="discharged")
    span = _ep(6, barc10={"baseline": 30}, intake_year="2024-2025")
    unknown_year = _ep(7, barc10={"baseline": 30}, intake_year=None)
    assert metrics.due(reached_both, "followup_180")
    assert metrics.due(skipped_to_annual, "followup_180")  # missed 180 but reached annual
    assert metrics.due(old_active, "followup_180") and metrics.due(old_active, "annual")
    assert not metrics.due(recent, "followup_180")
    assert not metrics.due(discharged_early, "followup_180")
    assert metrics.due(discharged_early, "closeout") and not metrics.due(old_active, "closeout")
    assert not metrics.due(span, "followup_180")  # could be 2025: not known to be due
    assert not metrics.due(unknown_year, "annual")


def test_barc_crossing_domains_and_referrals_on_a_large_selection() -> None:
    eps = []
    for i in range(40):
        eps.append(
            _ep(
                i,
                barc10={"baseline": 40 if i < 28 else 50, "followup_180": 48 if i < 12 else 44},
                outcomes={
                    "baseline": {"housing": "homeless", "days_used": 10, "arrests": 1},
                    "annual": {
                        "housing": "stable" if i < 25 else "unstable",
                        "days_used": 0,
                        "arrests": 0,
                    },
                },
                referrals={"moud": ReferralCount(2, 1 if i < 20 else 0)},
                sessions=3,
                attempts=1,
            )
        )
    fig = metrics.compute_format1(eps, Filters())
    assert fig.count("people") == 40 and fig.count("sessions") == 120
    assert fig.count("barc.n") == 40 and fig.count("barc.below") == 28
    assert fig.count("barc.cross") == 12
    assert fig.mean("barc.change") == (12 * 8 + 16 * 4 - 12 * 6) / 40
    # 30 below / 10 above would reveal the 10 above by subtraction: one of them is hidden
    eps_b = [_ep(i, barc10={"baseline": 40 if i < 30 else 50, "annual": 45}) for i in range(40)]
    assert metrics.compute_format1(eps_b, Filters()).count("barc.below") is None
    assert fig.count("dom.housing.n") == 40
    assert fig.rate("dom.housing.fu_yes", "dom.housing.n") == 25 / 40
    assert fig.rate("dom.housing.base_yes", "dom.housing.n") == 0
    assert fig.mean("dom.use.days_base") == 10 and fig.mean("dom.use.days_fu") == 0
    assert fig.count("ref.made.moud") == 80 and fig.count("ref.linked.moud") == 20
    # a selection of 7 people: every count of them is suppressed
    small = metrics.compute_format1(eps[:7], Filters())
    assert small.count("people") is None and small.count("barc.n") is None
    assert small.mean("barc.change") is None and small.count("sessions") is None
    # housing at annual stable for 37 of 40 -> 3 not stable: hidden, so the 37 is suppressed too
    eps2 = [
        _ep(
            i,
            outcomes={
                "baseline": {"housing": "stable"},
                "annual": {"housing": "stable" if i < 37 else "homeless"},
            },
        )
        for i in range(40)
    ]
    fig2 = metrics.compute_format1(eps2, Filters())
    assert fig2.count("dom.housing.n") == 40
    assert fig2.rate("dom.housing.fu_yes", "dom.housing.n") is None


def test_rco_packages_import_without_qt() -> None:
    script = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.startswith('PySide6') or name == 'shiboken6':\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import coachdesk.rco.desk, coachdesk.rco.metrics, coachdesk.rco.report\n"
        "import coachdesk.rco.suppression, coachdesk.rco.importer, coachdesk.rco.store\n"
        "import coachdesk.reports.funder_pdf, coachdesk.cli.rco_cmds, coachdesk.storage.rco_repos\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr
