"""How long a recovery plan takes to render, against a bare reportlab document of the same size.

Run with: python -m pytest tests/benchmarks/test_pdf_bench.py -m benchmark -s
Target: a typical plan under 150 ms (median). The baseline is a SimpleDocTemplate with the same
number of paragraphs in the same embedded font, measured in the same run, so the ratio says what
the plan's tables, footer and page decorations cost on top of reportlab itself.
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable

import pytest
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import Paragraph, SimpleDocTemplate

from coachdesk.core.models import RecoveryPlan
from coachdesk.reports.common import FONT, register_fonts, styles
from coachdesk.reports.plan_pdf import render_plan_pdf
from coachdesk.reports.samples import long_plan, sample_client, sample_profile, typical_plan
from tests.benchmarks.report import record

RUNS = 9


def _median_ms(work: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds. The CPU figure is the steadier one on a machine
    shared with other jobs, so the target is checked against it."""
    work()  # warm-up: font parsing and subsetting caches
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def _texts(plan: RecoveryPlan) -> list[str]:
    """Every piece of text the plan prints, one paragraph each."""
    w = plan.wellness
    out = [plan.vision, *plan.strengths, *plan.barriers, *plan.supports]
    for goal in plan.goals:
        out += [goal.goal, goal.why_it_matters]
        for step in goal.steps:
            out += [step.what, step.who, str(step.by_when), step.status.value]
    out += [*w.triggers, *w.warning_signs, *w.coping_strategies, *w.safe_places]
    out += [f"{c.name} {c.relationship} {c.phone}" for c in w.crisis_contacts]
    return out


def _bare(texts: list[str]) -> bytes:
    register_fonts()
    style = styles()["body"]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=LETTER, initialFontName=FONT)
    doc.build([Paragraph(t, style) for t in texts])
    return buffer.getvalue()


@pytest.mark.benchmark
@pytest.mark.parametrize(
    ("label", "plan"), [("typical", typical_plan()), ("40-goal", long_plan(40))]
)
def test_render_time(label: str, plan: RecoveryPlan) -> None:
    client, profile = sample_client(), sample_profile()
    texts = _texts(plan)
    plan_ms, plan_cpu = _median_ms(lambda: render_plan_pdf(plan, client, profile))
    card_ms, _ = _median_ms(lambda: render_plan_pdf(plan, client, profile, wallet_card=True))
    a4_ms, _ = _median_ms(lambda: render_plan_pdf(plan, client, profile, lang="es", paper="a4"))
    bare_ms, bare_cpu = _median_ms(lambda: _bare(texts))
    size = len(render_plan_pdf(plan, client, profile))
    print(
        f"\n{label} plan ({len(plan.goals)} goals, {sum(len(g.steps) for g in plan.goals)} steps, "
        f"{size // 1024} KB), median of {RUNS}: {plan_ms:.1f} ms wall / {plan_cpu:.1f} ms CPU; "
        f"with wallet card {card_ms:.1f} ms; Spanish A4 {a4_ms:.1f} ms\n"
        f"  baseline, bare reportlab with {len(texts)} paragraphs: {bare_ms:.1f} ms wall / "
        f"{bare_cpu:.1f} ms CPU; ratio {plan_ms / bare_ms:.2f}x wall, "
        f"{plan_cpu / bare_cpu:.2f}x CPU"
    )
    record(
        4,
        f"plan PDF render, {label} (CPU)",
        plan_cpu,
        "ms",
        "< 150 ms" if label == "typical" else "-",
        plan_cpu / bare_cpu,
        "bare reportlab, same paragraphs",
    )
    if label == "typical":
        assert plan_cpu < 150, f"typical plan took {plan_cpu:.0f} ms CPU (target < 150 ms)"
