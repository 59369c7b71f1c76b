"""Enrollment and bundle refusals carry catalog codes (issue 16): a tampered enrollment file
and a truncated bundle at the RCO come out in Spanish through the real CLI with
COACHDESK_LANG=es, while the English (printed, kept in the import's JSON and audit) is
word for word what it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coachdesk.crypto.identity import RcoIdentity
from coachdesk.exchange.bundle import MIN_BUNDLE_BYTES, BundleRejected, open_bundle
from coachdesk.exchange.enrollment import EnrollmentError, make_enrollment, parse_enrollment
from coachdesk.i18n import catalog
from coachdesk.i18n.catalog import Message, Worded, describe, message_from_json, message_to_json
from coachdesk.rco import audit as rco_audit
from coachdesk.rco.importer import Outcome
from tests.conftest import PASSPHRASE, RunCli
from tests.rco_support import new_coach, new_rco

ENV = {"COACHDESK_PASSPHRASE": PASSPHRASE}
ES = {**ENV, "COACHDESK_LANG": "es"}

ALTERED_EN = "The enrollment file was altered after the RCO made it."
DECRYPT_EN = "The bundle cannot be decrypted: it was altered, truncated or has extra bytes."
TRUNCATED_EN = "The bundle is truncated."


def _tampered_enrollment(tmp_path: Path) -> Path:
    doc = json.loads(make_enrollment(RcoIdentity.generate(), "Riverside RCO"))
    doc["rco_name"] = "Someone Else's RCO"  # the signature no longer covers the body
    path = tmp_path / "enrollment.json"
    path.write_text(json.dumps(doc), "utf-8")
    return path


def _error_line(result) -> str:  # type: ignore[no-untyped-def]
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    return line


def test_tampered_enrollment_file_in_spanish_and_english(
    run_cli: RunCli, vault_path: Path, tmp_path: Path
) -> None:
    path = _tampered_enrollment(tmp_path)
    with pytest.raises(EnrollmentError) as caught:
        parse_enrollment(path.read_bytes())
    assert str(caught.value) == ALTERED_EN  # the English is unchanged
    spanish = describe(caught.value, "es")
    assert spanish == (
        "El archivo de inscripción fue alterado después de que la organización lo creara."
    )

    args = ("vault", "enroll", str(vault_path), str(path), "--fingerprint", "AB")
    assert _error_line(run_cli(*args, env=ENV)) == f"coachdesk: {ALTERED_EN}"
    assert _error_line(run_cli(*args, env=ES)) == f"coachdesk: {spanish}"


@pytest.mark.parametrize(
    ("data", "english"),
    [
        (b"", "This is not a CoachDesk enrollment file."),
        (b"x" * 70_000, "This is not a CoachDesk enrollment file (it is far too large)."),
        (b'{"format": "coachdesk-enrollment", "version": 2}', None),
    ],
)
def test_every_enrollment_refusal_has_a_code(data: bytes, english: str | None) -> None:
    with pytest.raises(EnrollmentError) as caught:
        parse_enrollment(data)
    error = caught.value
    assert catalog.has(error.code)
    if english is not None:
        assert str(error) == english
    assert describe(error, "es") != describe(error, "en")


def test_truncated_bundle_refused_in_spanish_by_rco_import(run_cli: RunCli, tmp_path: Path) -> None:
    rco = new_rco(tmp_path / "rco")
    (tmp_path / "coach").mkdir()
    coach = new_coach(tmp_path / "coach", rco.enrollment(), rco.fingerprint, 3, seed=2)
    data = coach.export().read_bytes()
    coach.close()
    cut = tmp_path / "cut.cdbundle"  # cut at the end: it no longer decrypts
    cut.write_bytes(data[:-40])
    stub = tmp_path / "stub.cdbundle"  # only the header is left
    stub.write_bytes(data[: MIN_BUNDLE_BYTES - 1])

    # In the process: the reason stays the English text, and keeps its code beside it.
    summary = rco.import_paths([cut, stub])
    reasons = {Path(r.path).name: r for r in summary.results}
    assert [r.outcome for r in summary.results] == [Outcome.REJECTED] * 2
    assert reasons["cut.cdbundle"].reason == DECRYPT_EN
    assert reasons["stub.cdbundle"].reason == TRUNCATED_EN
    assert reasons["stub.cdbundle"].message == Message("bundle.truncated")
    assert reasons["stub.cdbundle"].message.text("es") == "El paquete está truncado."
    # The inbox fetch's "Refused X: <reason>" words the kept reason in its own language.
    # (rco/fetch.py builds it from `r.reason` exactly so.)
    refused = Message("rco.fetch.refused", {"path": "stub.cdbundle", "reason": TRUNCATED_EN})
    kept = reasons["stub.cdbundle"].reason
    worded = Message("rco.fetch.refused", {"path": "stub.cdbundle", "reason": kept})
    assert worded.text("en") == refused.text("en") == f"Refused stub.cdbundle: {TRUNCATED_EN}"
    assert worded.text("es") == "Rechazado stub.cdbundle: El paquete está truncado."
    # The audit keeps the English, as before.
    details = [rco_audit.fields_of(e) for e in rco.backend.audit_entries()]
    assert {d.get("reason") for d in details} >= {DECRYPT_EN, TRUNCATED_EN}
    store = str(rco.backend.store.path)  # type: ignore[attr-defined]
    rco.close()

    english = run_cli("rco", "import", store, str(cut), str(stub), env=ENV)
    assert english.returncode == 1 and "Traceback" not in english.stderr
    assert f"{cut}: {DECRYPT_EN}" in english.stdout
    assert f"{stub}: {TRUNCATED_EN}" in english.stdout

    spanish = run_cli("rco", "import", store, str(cut), str(stub), env=ES)
    assert spanish.returncode == 1 and "Traceback" not in spanish.stderr
    decrypt_es = catalog.text("bundle.cannot_decrypt", "es")
    assert f"{cut}: {decrypt_es}" in spanish.stdout
    assert f"{stub}: El paquete está truncado." in spanish.stdout
    assert DECRYPT_EN not in spanish.stdout and TRUNCATED_EN not in spanish.stdout

    # --json keeps the English reason (scripts and the audit read it), in either language.
    as_json = run_cli("rco", "import", store, str(stub), "--json", env=ES)
    [row] = json.loads(as_json.stdout)["files"]
    assert row["reason"] == TRUNCATED_EN


def test_bundle_refusals_have_codes_and_worded_reasons_survive_json() -> None:
    rco = RcoIdentity.generate()
    for data, code in [
        (b"not a bundle", "bundle.not_a_bundle"),
        (b"x" * (40 * 1024 * 1024), "bundle.far_too_large"),
    ]:
        with pytest.raises(BundleRejected) as caught:
            open_bundle(data, rco)
        assert caught.value.code == code
        assert describe(caught.value, "es") == catalog.text(code, "es")
    # A Worded reason inside a kept message is kept by its code, not as English.
    kept = message_to_json(
        Message("rco.fetch.refused", {"path": "a", "reason": Worded(Message("bundle.truncated"))})
    )
    back = message_from_json(kept)
    assert back is not None
    assert back.text("es") == "Rechazado a: El paquete está truncado."
