"""Dashboard figures checked against numbers computed independently from the decrypted
payloads of real coach bundles; filters; the funder report (CSV, JSON, PDF read back)."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from coachdesk.rco import metrics
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import open_sealed
from coachdesk.rco.metrics import Filters
from coachdesk.rco.model import Episode
from coachdesk.rco.report import SUPPRESSED, build_report, csv_text, write_csv
from coachdesk.reports.funder_pdf import NOTICE, write_funder_pdf
from tests.conftest import PASSPHRASE, RunCli
from tests.rco_support import new_coach, new_rco

FOLLOW = ("followup_180", "annual", "closeout")


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An RCO store with three coaches' real bundles: two imported in 2025-Q4, one in 2026-Q1."""
    root = tmp_path_factory.mktemp("rco-metrics")
    desk = new_rco(root / "rco")
    payloads: dict[str, list[dict[str, Any]]] = {}
    cells: list[dict[str, Any]] = []
    for i, (clients, when) in enumerate(
        [
            (60, datetime(2025, 11, 5, tzinfo=UTC)),
            (45, datetime(2025, 12, 1, tzinfo=UTC)),
            (50, datetime(2026, 2, 10, tzinfo=UTC)),
        ]
    ):
        folder = root / f"coach{i}"
        folder.mkdir()
        coach = new_coach(folder, desk.enrollment(), desk.fingerprint, clients, seed=100 + i)
        path = coach.export()
        opened = open_sealed(path.read_bytes(), desk.identity)
        payloads[opened.device_id] = opened.records
        cells += opened.payload["periods"]["cells"]
        desk.clock = lambda when=when: when
        desk.import_paths([path])
        desk.confirm_device(coach.fingerprint, f"Coach {i}")
        coach.close()
    store = desk.backend.store.path  # type: ignore[attr-defined]
    desk.close()
    return {"store": store, "payloads": payloads, "root": root, "cells": cells}


def _people(populated: dict[str, Any], period: str) -> int:
    """People served in a period, summed straight from the payloads' format 2 cells."""
    return sum(c["counts"].get("people", 0) for c in populated["cells"] if c["period"] == period)


@pytest.fixture
def desk(populated: dict[str, Any]) -> RcoDesk:
    d = RcoDesk.open(populated["store"], PASSPHRASE)
    yield d  # type: ignore[misc]
    d.close()


def _latest(items: list[dict[str, Any]]) -> dict[str, Any] | None:
    later = [x for x in items if x["timepoint"] in FOLLOW]
    return later[-1] if later else None


def _independent(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures, computed straight from payload records without coachdesk.rco."""
    out: dict[str, Any] = {"people": len(records)}
    out["settings"] = Counter(r["setting"] or "not stated" for r in records)
    made: Counter[str] = Counter()
    linked: Counter[str] = Counter()
    for r in records:
        for cat, v in r["referrals"].items():
            made[cat] += v["made"]
            linked[cat] += v["linked"]
    out["made"], out["linked"] = made, linked
    out["sessions"] = sum(r["sessions"] for r in records)
    out["attempts"] = sum(r["contact_attempts"] for r in records)
    out["reached"] = {
        t: sum(1 for r in records if any(b["timepoint"] == t for b in r["barc10"] + r["outcomes"]))
        for t in ("baseline", *FOLLOW)
    }
    pairs = []
    for r in records:
        base = [b for b in r["barc10"] if b["timepoint"] == "baseline"]
        last = _latest(r["barc10"])
        if base and last:
            pairs.append((base[0]["total"], last["total"]))
    out["barc_n"] = len(pairs)
    out["barc_change"] = sum(b - a for a, b in pairs) / len(pairs) if pairs else None
    out["barc_cross"] = sum(1 for a, b in pairs if a < 47 <= b)
    out["barc_below"] = sum(1 for a, _ in pairs if a < 47)
    housing = [
        (base[0]["housing"] == "stable", last["housing"] == "stable")
        for r in records
        if (base := [o for o in r["outcomes"] if o["timepoint"] == "baseline"])
        and (last := _latest(r["outcomes"]))
        and base[0]["housing"] is not None
        and last["housing"] is not None
    ]
    out["housing"] = (len(housing), sum(a for a, _ in housing), sum(b for _, b in housing))
    return out


def _check(fig: metrics.Figures, truth: dict[str, Any]) -> int:
    """Every shown figure equals the truth; returns how many were compared."""
    compared = 0

    def same(shown: float | None, true: float) -> None:
        nonlocal compared
        if shown is not None:
            assert shown == pytest.approx(true)
            compared += 1

    same(fig.count("people"), truth["people"])
    for setting, n in truth["settings"].items():
        same(fig.count(f"people.setting.{setting}"), n)
    same(fig.count("sessions"), truth["sessions"])
    same(fig.count("attempts"), truth["attempts"])
    same(fig.count("ref.made"), sum(truth["made"].values()))
    same(fig.count("ref.linked"), sum(truth["linked"].values()))
    for cat in metrics.REFERRAL_CATEGORIES:
        same(fig.count(f"ref.made.{cat}"), truth["made"][cat])
        same(fig.count(f"ref.linked.{cat}"), truth["linked"][cat])
        if truth["made"][cat]:
            same(
                fig.rate(f"ref.linked.{cat}", f"ref.made.{cat}"),
                truth["linked"][cat] / truth["made"][cat],
            )
    for t, n in truth["reached"].items():
        same(fig.count(f"fu.reached.{t}"), n)
    same(fig.count("fu.due.baseline"), truth["people"])
    same(fig.count("barc.n"), truth["barc_n"])
    if truth["barc_change"] is not None:
        same(fig.mean("barc.change"), truth["barc_change"])
    same(fig.count("barc.cross"), truth["barc_cross"])
    same(fig.count("barc.below"), truth["barc_below"])
    n, base, last = truth["housing"]
    same(fig.count("dom.housing.n"), n)
    same(fig.rate("dom.housing.base_yes", "dom.housing.n"), base / n)
    same(fig.rate("dom.housing.fu_yes", "dom.housing.n"), last / n)
    # nothing small is ever shown
    for key in fig.values:
        shown = fig.count(key)
        assert shown is None or not 1 <= shown < fig.threshold, key
    return compared


def test_dashboard_matches_independent_figures(populated: dict[str, Any], desk: RcoDesk) -> None:
    every = [r for records in populated["payloads"].values() for r in records]
    fig = metrics.compute_format1(desk.episodes(), Filters(), 11, desk.device_names())
    assert _check(fig, _independent(every)) >= 25
    assert fig.count("people") == 155


def test_filters_by_period_device_and_setting(populated: dict[str, Any], desk: RcoDesk) -> None:
    payloads = populated["payloads"]
    ids = list(payloads)
    fig = metrics.compute_format1(desk.episodes(), Filters(period="2025"), 11)
    assert fig.count("people") == 105
    _check(fig, _independent(payloads[ids[0]] + payloads[ids[1]]))
    fig = metrics.compute_format1(desk.episodes(), Filters(period="2026-Q1"), 11)
    assert fig.count("people") == 50
    assert (
        metrics.compute_format1(desk.episodes(), Filters(period="2025-Q3"), 11).values["people"]
        == 0
    )
    fig = metrics.compute_format1(desk.episodes(), Filters(device_id=ids[1]), 11)
    assert _check(fig, _independent(payloads[ids[1]])) > 5
    setting = Counter(r["setting"] for r in payloads[ids[0]]).most_common(1)[0][0]
    if setting:
        fig = metrics.compute_format1(desk.episodes(), Filters(setting=setting), 11)
        chosen = [r for recs in payloads.values() for r in recs if r["setting"] == setting]
        assert fig.values["people"] == len(chosen)
        _check(fig, _independent(chosen))
    with pytest.raises(ValueError):
        Filters(period="2026-Q5").period_bounds()


def test_small_selection_is_suppressed() -> None:
    episodes = [
        Episode(
            "d1",
            f"p{i}",
            "community",
            "30-39",
            "woman",
            "active",
            "2025",
            barc10={"baseline": 30, "followup_180": 48},
        )
        for i in range(7)
    ]
    fig = metrics.compute_format1(episodes, Filters(), 11)
    assert fig.count("people") is None
    assert fig.mean("barc.change") is None
    assert fig.count("sessions") is None
    assert fig.count("ref.made") == 0  # zero is not a small cell


def test_funder_report_csv_json_pdf(
    populated: dict[str, Any], desk: RcoDesk, tmp_path: Path
) -> None:
    report = build_report(desk, "2025")
    people = _people(populated, "2025")
    assert people > 50 and report.rows[0].value == people
    csv_path = write_csv(report, tmp_path / "report.csv")
    lines = csv_path.read_text("utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    assert any("threshold: 11" in line for line in comments)
    assert sum("methods:" in line for line in comments) == len(report.methods)
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    assert len(rows) == len(report.rows)
    assert [r["value"] for r in rows] == [r.display for r in report.rows]
    assert any(r["value"] == SUPPRESSED for r in rows)
    pdf = write_funder_pdf(report, tmp_path / "report.pdf")
    reader = PdfReader(str(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    pages = len(reader.pages)
    assert f"page {pages} of {pages}" in text and "page 1 of" in text
    assert text.count(NOTICE) == pages
    assert "Harbor RCO: outcomes report, 2025" in text
    assert "Methods" in text and "Small-cell suppression" in text and "days 150-210" in text
    assert "People served" in text and str(people) in text
    for row in report.rows:
        if row.kind == "percent" and row.value is not None:
            assert row.display in text
    # fonts embedded, nothing of the records' pseudonyms
    fonts = {
        str(f["/BaseFont"])
        for page in reader.pages
        for f in page["/Resources"]["/Font"].values()  # type: ignore[index, union-attr]
    }
    assert fonts and all("Helvetica" not in f for f in fonts)
    for records in populated["payloads"].values():
        for r in records[:5]:
            assert r["pseudonym"] not in text and r["pseudonym"] not in csv_text(report)


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_funder_pdf_in_english_and_spanish(desk: RcoDesk, tmp_path: Path) -> None:
    report = build_report(desk, "2025")
    en = _pdf_text(write_funder_pdf(report, tmp_path / "en.pdf", lang="en"))
    es = _pdf_text(write_funder_pdf(report, tmp_path / "es.pdf", lang="es"))
    assert "Harbor RCO: informe de resultados, 2025" in es
    for words in (
        "Personas atendidas",
        "Derivaciones",
        "Seguimiento",
        "Datos demográficos de las personas atendidas",
        "Integridad de los datos",
        "Métodos",
        "Supresión de celdas pequeñas",
        "Meta 80%",
        "Dispositivo del coach",
    ):
        assert words in " ".join(es.split()), words
    assert "página 1 de" in es and es.count(NOTICE) == en.count(NOTICE)
    sections = {r.section for r in report.rows} | {"Methods", "outcomes report", "suppressed"}
    flat = " ".join(es.split())
    for name in sections - {"Follow-up"}:  # "Seguimiento" is not "Follow-up"
        assert name not in flat, name
    assert "Follow-up" not in flat and "page 1 of" not in es
    # the same figures in both: every shown number of the rows, and no other digits added
    for row in report.rows:
        if row.value is not None and not row.text:
            assert row.display in en and row.display in es, row
    numbers = re.compile(r"\d+(?:\.\d+)?%?")
    figures = sorted(numbers.findall(_table_part(en)))
    assert len(figures) > 100 and figures == sorted(numbers.findall(_table_part(es)))
    # the CSV and JSON keep their English words
    assert "People served" in csv_text(report) and report.to_json()["rows"][0]["section"] == (
        "People served"
    )


def _table_part(text: str) -> str:
    """The PDF text from the first section to the methods, without the footers."""
    body = re.split(r"\n(?:People served|Personas atendidas)\n", text, maxsplit=1)[1]
    body = re.split(r"\n(?:Methods|Métodos)\n", body)[0]
    body = re.sub(r"(Target|Meta)\s+\d+%", " ", body)  # a header a page break may repeat
    footer = re.compile(r"CFR|(?:page|página) \d+ (?:of|de) \d+|De-identified|Cifras agr|RCO: ")
    return "\n".join(line for line in body.splitlines() if not footer.search(line))


def test_cli_report(populated: dict[str, Any], run_cli: RunCli, tmp_path: Path) -> None:
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    r = run_cli(
        "rco",
        "report",
        str(populated["store"]),
        "--period",
        "2026",
        "--json",
        "--csv",
        str(tmp_path / "r.csv"),
        "--pdf",
        str(tmp_path / "r.pdf"),
        env=env,
    )
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["period"] == "2026" and data["rows"][0]["value"] == _people(populated, "2026")
    assert {"all", "2025", "2026", "2026-Q1"} <= set(data["periods_with_data"])
    assert (tmp_path / "r.csv").is_file() and PdfReader(str(tmp_path / "r.pdf")).pages
    bad = run_cli("rco", "report", str(populated["store"]), "--period", "last year", env=env)
    assert bad.returncode == 1 and "not a period" in bad.stderr


def test_cli_report_lang(populated: dict[str, Any], run_cli: RunCli, tmp_path: Path) -> None:
    """--lang words the PDF (default: $COACHDESK_LANG); the CSV stays English either way."""
    store = str(populated["store"])
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    out = {name: tmp_path / f"{name}.pdf" for name in ("es", "env", "en")}
    for name, extra, lang_env in (
        ("es", ["--lang", "es"], {}),
        ("env", [], {"COACHDESK_LANG": "es"}),
        ("en", ["--lang", "en"], {"COACHDESK_LANG": "es"}),
    ):
        csv_out = tmp_path / f"{name}.csv"
        args = ["--pdf", str(out[name]), "--csv", str(csv_out), *extra]
        r = run_cli("rco", "report", store, "--period", "2025", *args, env={**env, **lang_env})
        assert r.returncode == 0, r.stderr
        assert csv_out.read_text("utf-8").splitlines()[-1].startswith("Harbor RCO,2025,")
        assert "People served" in csv_out.read_text("utf-8")
    for name in ("es", "env"):
        text = _pdf_text(out[name])
        assert "informe de resultados" in text and "Methods" not in text
    assert "outcomes report" in _pdf_text(out["en"])
    bad = run_cli("rco", "report", store, "--period", "2025", "--lang", "fr", env=env)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr


def test_funder_pdf_words_agree_with_the_desks_words(desk: RcoDesk) -> None:
    """The PDF's Spanish (catalog) is the dashboard's Spanish (ui/rco/words.py's .ts) for every
    word both show, and an empty selection says so in Spanish."""
    import xml.etree.ElementTree as ET

    from coachdesk.reports.funder_pdf import render_funder_pdf
    from coachdesk.reports.messages import Messages
    from coachdesk.resources import resource

    ts = ET.parse(resource("translations", "coachdesk_rco_es.ts"))
    shown = {
        m.findtext("source"): m.findtext("translation")
        for context in ts.getroot()
        if context.findtext("name") == "RcoWords"
        for m in context.findall("message")
    }
    es = Messages("es", prefix="doc.funder.")
    shared = [w for w in shown if w and es.word(w) != w]
    assert len(shared) > 70
    for english in shared:
        assert es.word(english) == shown[english], english
    import io

    report = build_report(desk, "2019")
    text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(render_funder_pdf(report, lang="es"))).pages
    )
    assert "Sin registros para esta selección." in text and "no records" not in text


def test_every_word_of_the_report_has_its_spanish() -> None:
    """Every section, measure and group the report can print (all its label tables, the
    format 1 section) is in the catalog, so no English is left in a Spanish PDF."""
    from coachdesk.rco import report as report_mod
    from coachdesk.reports.messages import Messages

    es = Messages("es", prefix="doc.funder.")
    fig = metrics.compute_format1([], Filters(), 11)
    printed = report_mod.rows(fig) + report_mod.format1_rows(fig)
    words = {w for r in printed for w in (r.section, r.measure, r.category, r.text) if w}
    for table in (
        report_mod.CATEGORY_LABELS,
        report_mod.SETTING_LABELS,
        report_mod.DEMOGRAPHIC_LABELS,
        report_mod.TABLE_LABELS,
        report_mod.COVERAGE_WORDS,
        report_mod.TIMEPOINT_LABELS,
        report_mod.KIND_LABELS,
        report_mod.SUPPORT_LABELS,
        report_mod.DESTINATION_LABELS,
        report_mod.FAMILY_LABELS,
    ):
        words |= set(table.values())
    words |= {label for label, _ in metrics.DOMAINS.values()}
    assert len(words) > 120
    same = {"MOUD", "18-24", "25-34", "35-44", "45-54", "55-64"}  # Spanish as in English
    left = sorted(w for w in words - same if all(es.word(p) == p for p in w.split(": ")))
    assert not left, left


@pytest.mark.parametrize(("lang", "word"), [("en", "suppressed"), ("es", "suprimido")])
def test_funder_pdf_never_breaks_a_word_and_names_coaches_as_the_supervisor_did(
    desk: RcoDesk, tmp_path: Path, lang: str, word: str
) -> None:
    """Issue 15: "suppresse/d" wrapped in a table cell, and coaches were named by their
    device fingerprint."""
    report = build_report(desk, "all")
    text = _pdf_text(write_funder_pdf(report, tmp_path / f"{lang}.pdf", lang=lang))
    # suppressed cells read "*", explained once at the top; the word itself never split
    assert re.search(rf"\* =\s+{word}:", text), text[:400]
    broken = [
        k for k in range(3, len(word)) if re.search(rf"{word[:k]}-?\s*\n\s*{word[k:]}\b", text)
    ]
    assert broken == [], [word[:k] for k in broken]
    assert report.rows and sum(r.display == SUPPRESSED for r in report.rows) > 10
    assert text.count("\n*\n") > 10
    assert all(f"Coach {i}" in text for i in range(3))
    for device in desk.devices():
        assert device.fingerprint not in text
        assert device.fingerprint.replace("-", "")[:8] not in text.replace("-", "")
