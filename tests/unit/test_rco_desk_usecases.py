"""The desk's shared use cases (application/rco_desk.py) on a real store, and the commands
that call them: device confirmation by typed-back fingerprint, rename, import history, flag
acknowledgement, the report export and its audit entry, directory duplicates."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from coachdesk.application import rco_desk
from coachdesk.core.models import Resource, ResourceCategory
from coachdesk.errors import CoachDeskError, ValidationError
from coachdesk.i18n.catalog import Worded, describe, message_in
from coachdesk.rco import audit as rco_audit
from coachdesk.rco import ops
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.model import DeviceStatus, Flag
from coachdesk.storage import rco_repos
from tests.conftest import PASSPHRASE, RunCli
from tests.rco_support import DeskStore, desk_store


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> DeskStore:
    return desk_store(tmp_path_factory.mktemp("desk"))


@pytest.fixture
def store(template: DeskStore, tmp_path: Path) -> DeskStore:
    shutil.copytree(template.path, tmp_path / "rco")
    return DeskStore(tmp_path / "rco", template.confirmed, template.pending)


@pytest.fixture
def desk(store: DeskStore) -> Iterator[RcoDesk]:
    with RcoDesk.open(store.path, PASSPHRASE) as opened:
        yield opened


def _status(desk: RcoDesk, fingerprint: str) -> DeviceStatus:
    return next(d.status for d in desk.devices() if d.fingerprint == fingerprint)


def test_tail_matching_ignores_case_spaces_and_dashes() -> None:
    fp = "AB12-CD34-EF56-7890-1A2B-3C4D"
    assert rco_desk.fingerprint_tail(fp) == "1A2B-3C4D"
    assert rco_desk.tail_matches(fp, "1a2b 3c4d")
    assert rco_desk.tail_matches(fp, " 1A2B-3C4D ")
    assert not rco_desk.tail_matches(fp, "1A2B-3C4E")
    assert not rco_desk.tail_matches(fp, "3C4D")  # one group is not enough
    assert not rco_desk.tail_matches(fp, "")


def test_confirm_refuses_a_mismatch_plainly_and_changes_nothing(
    desk: RcoDesk, store: DeskStore
) -> None:
    before = len(desk.backend.audit_entries())
    wrong = "0000-0000"
    with pytest.raises(ValidationError) as error:
        rco_desk.confirm_typed(desk, store.pending, wrong, "Ben")
    assert "(0000-0000) is not the end of this device's fingerprint" in str(error.value)
    assert "no se confirmó" in describe(error.value, "es")
    with pytest.raises(ValidationError, match="last 2 groups"):
        rco_desk.confirm_typed(desk, store.pending, "  ", "Ben")
    assert _status(desk, store.pending) == DeviceStatus.PENDING
    assert len(desk.backend.audit_entries()) == before  # nothing recorded, nothing imported

    summary = rco_desk.confirm_typed(
        desk, store.pending, rco_desk.fingerprint_tail(store.pending).lower(), "Ben, jail"
    )
    assert [r.outcome.value for r in summary.results] == ["imported"]
    assert _status(desk, store.pending) == DeviceStatus.CONFIRMED


def test_rename_is_audited_and_refuses_an_empty_name(desk: RcoDesk, store: DeskStore) -> None:
    with pytest.raises(ValidationError, match="Type a name"):
        rco_desk.rename_device(desk, store.confirmed, "   ")
    renamed = rco_desk.rename_device(desk, store.confirmed, "  Ada Lopez, Eastside ED ")
    assert renamed.name == "Ada Lopez, Eastside ED"
    last = desk.backend.audit_entries()[-1]
    assert last.action == rco_audit.DEVICE_RENAMED
    assert rco_audit.fields_of(last)["device"] == store.confirmed


def test_history_lists_every_file_newest_first(desk: RcoDesk, store: DeskStore) -> None:
    history = rco_desk.import_history(desk)
    # b1 (pending, then imported at confirmation), b3 (pending, then imported), the old
    # copy's flagged one, Ben's pending one: newest first.
    assert history[0].result == "pending" and history[0].device == store.pending
    assert history[1].result == "flagged" and history[1].records > 0
    assert {h.result for h in history[2:]} == {"pending", "imported"}
    assert all(h.at and h.file for h in history)
    assert len(rco_desk.import_history(desk, 2)) == 2


def test_acknowledge_a_flag_with_a_note_once(desk: RcoDesk) -> None:
    (view,) = rco_desk.flag_views(desk)
    assert view.open and view.flag.kind == "counter_backwards"
    flag_id = int(view.flag.id or 0)
    with pytest.raises(ValidationError, match="Write a note"):
        rco_desk.acknowledge_flag(desk, flag_id, "  ")
    with pytest.raises(ValidationError, match="too long"):
        rco_desk.acknowledge_flag(desk, flag_id, "x" * 501)
    with pytest.raises(CoachDeskError, match="no flag 999"):
        rco_desk.acknowledge_flag(desk, 999, "a note")
    assert rco_desk.flag_views(desk)[0].open  # refusals changed nothing

    done = rco_desk.acknowledge_flag(desk, flag_id, "Laptop restored from a May backup.")
    assert not done.open and done.note == "Laptop restored from a May backup."
    last = desk.backend.audit_entries()[-1]
    assert last.action == rco_audit.FLAG_ACKNOWLEDGED
    assert rco_audit.fields_of(last)["note"] == "Laptop restored from a May backup."
    with pytest.raises(ValidationError, match="already acknowledged"):
        rco_desk.acknowledge_flag(desk, flag_id, "again")
    assert ops.audit_view(desk).broken_at is None


@pytest.mark.parametrize("fmt", ["pdf", "csv", "json"])
def test_export_report_writes_one_format_and_records_it(
    desk: RcoDesk, tmp_path: Path, fmt: str
) -> None:
    report = rco_desk.report_for(desk, "all")
    target = tmp_path / f"report.{fmt}"
    assert rco_desk.export_report(desk, report, {fmt: target}) == [target]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [f"report.{fmt}"]
    data = target.read_bytes()
    if fmt == "pdf":
        assert data.startswith(b"%PDF")
    elif fmt == "json":
        assert json.loads(data) == report.to_json()
    else:
        assert data.decode("utf-8").count(",") > 10
    last = desk.backend.audit_entries()[-1]
    assert last.action == rco_audit.REPORT_EXPORTED
    assert rco_audit.fields_of(last) == {
        "formats": [fmt],
        "files": [str(target)],
        "period": report.period,
        **({"language": "en"} if fmt == "pdf" else {}),  # the language of a PDF only
    }


def test_export_report_refuses_an_unknown_format_before_recording(
    desk: RcoDesk, tmp_path: Path
) -> None:
    before = len(desk.backend.audit_entries())
    with pytest.raises(ValidationError, match="PDF, CSV or JSON"):
        rco_desk.export_report(desk, rco_desk.report_for(desk, "all"), {"xls": tmp_path / "r"})
    assert len(desk.backend.audit_entries()) == before
    with pytest.raises(CoachDeskError, match="does not exist"):
        rco_desk.check_report_target(tmp_path / "nowhere" / "r.pdf")


def test_report_filters_by_device_id_or_fingerprint_alike(desk: RcoDesk, store: DeskStore) -> None:
    device_id = next(d.device_id for d in desk.devices() if d.fingerprint == store.confirmed)
    by_id = rco_desk.report_for(desk, "all", device_id)
    by_fp = rco_desk.report_for(desk, "all", store.confirmed)
    assert by_id.filters == by_fp.filters and by_id.rows == by_fp.rows


def test_the_same_directory_entry_twice_is_refused(desk: RcoDesk) -> None:
    with pytest.raises(CoachDeskError, match="already has Eastside MOUD Clinic") as error:
        desk.save_directory_entry(Resource(" eastside moud clinic ", ResourceCategory.MOUD))
    assert "ya tiene" in describe(error.value, "es")
    assert len(desk.directory()) == 1
    # Another category is another entry; editing the existing one (its ref) is not a duplicate.
    desk.save_directory_entry(Resource("Eastside MOUD Clinic", ResourceCategory.HEALTH_CARE))
    entry = desk.directory()[0]
    desk.save_directory_entry(
        Resource(entry.name, entry.category, phone="555-0199", rco_ref=entry.rco_ref)
    )
    assert len(desk.directory()) == 2


def test_cli_rename_history_acknowledge_and_report_audit(
    store: DeskStore, run_cli: RunCli, tmp_path: Path
) -> None:
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    path = str(store.path)
    r = run_cli("rco", "devices", path, "--rename", store.confirmed, "--name", "Ada L.", env=env)
    assert r.returncode == 0 and "is now named Ada L." in r.stdout, r.stderr
    r = run_cli("rco", "history", path, "--json", env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[1]["result"] == "flagged"
    r = run_cli("rco", "flags", path, "--acknowledge", "1", env=env)
    assert r.returncode != 0 and "Write a note" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("rco", "flags", path, "--acknowledge", "1", "--note", "checked", env=env)
    assert r.returncode == 0 and "[acknowledged " in r.stdout and "checked" in r.stdout
    out = tmp_path / "r.csv"
    r = run_cli("rco", "report", path, "--period", "all", "--csv", str(out), env=env)
    assert r.returncode == 0, r.stderr
    with RcoDesk.open(store.path, PASSPHRASE) as desk:
        entry = [e for e in desk.backend.audit_entries() if e.action == "report_exported"][-1]
        assert rco_audit.fields_of(entry) == {
            "formats": ["csv"],
            "files": [str(out)],
            "period": "all periods",
        }


# -- rco/desk.py's words: codes kept, worded in the reader's language (issue 15) ------------
# The English stays what the store, the audit log and `--json` hold; the desk and the CLI word
# them in their language. A flag stored before it had a code reads as the English it is.

ENV = {"COACHDESK_PASSPHRASE": PASSPHRASE}


def test_a_flag_keeps_its_code_in_the_store_and_reads_in_both_languages(desk: RcoDesk) -> None:
    (flag,) = desk.flags()
    assert isinstance(flag.detail, Worded)
    assert flag.detail.startswith("Counter 2 is lower than the 3 already received")
    spanish = message_in(flag.detail).text("es")
    assert spanish.startswith("El contador 2 es menor que el 3 ya recibido de este dispositivo")
    conn = desk.backend.store.conn  # type: ignore[attr-defined]
    (stored,) = conn.execute("SELECT detail FROM flags").fetchone()
    assert json.loads(stored)["code"] == "rco.desk.counter_backwards"
    (bundle_flag,) = [b.flag for b in desk.bundles() if b.flag]
    assert message_in(bundle_flag).text("es") == spanish
    # A row written before flags had codes: shown as the English it holds.
    with desk.backend.transaction():
        rco_repos.insert_flag(conn, Flag("2026-01-01T00:00:00+00:00", "d", "b", "k", "Old text."))
    old = desk.flags()[-1].detail
    assert old == "Old text." and not isinstance(old, Worded)
    assert message_in(old).text("es") == "Old text."


def test_import_results_and_the_history_word_their_reasons(desk: RcoDesk, store: DeskStore) -> None:
    history = rco_desk.import_history(desk)
    pending = next(e for e in history if e.result == "pending")
    assert pending.reason.startswith(f"New coach device {store.pending}: confirm")
    assert (
        message_in(pending.reason)
        .text("es")
        .startswith(f"Nuevo dispositivo de coach {store.pending}: confirme su huella")
    )
    flagged = next(e for e in history if e.result == "flagged")
    assert message_in(flagged.reason).text("es").startswith("El contador 2 es menor")


@pytest.mark.parametrize(
    ("call", "english", "spanish"),
    [
        (
            lambda d: d.confirm_device("ABCD-" * 7 + "ABCD"),
            "No coach device has the fingerprint",
            "Ningún dispositivo de coach tiene la huella",
        ),
        (
            lambda d: d.save_directory_entry(
                Resource("Hope House", ResourceCategory.HOUSING, phone="5" * 101)
            ),
            "The phone is too long (100 characters at most).",
            "El campo «teléfono» es demasiado largo (100 caracteres como máximo).",
        ),
        (
            lambda d: d.delete_directory_entry("nope"),
            "There is no directory entry nope.",
            "No existe la entrada del directorio nope.",
        ),
        (
            lambda d: d.publish_directory("/no/such/folder"),
            "The folder /no/such/folder does not exist.",
            "La carpeta /no/such/folder no existe.",
        ),
    ],
)
def test_refusals_in_english_and_spanish(
    desk: RcoDesk, call: object, english: str, spanish: str
) -> None:
    with pytest.raises(CoachDeskError) as caught:
        call(desk)  # type: ignore[operator]
    assert english in str(caught.value) and english in describe(caught.value, "en")
    assert spanish in describe(caught.value, "es")


def test_a_revoked_device_s_bundle_and_confirming_it_again_are_refused_in_spanish(
    desk: RcoDesk, store: DeskStore, tmp_path: Path
) -> None:
    desk.revoke_device(store.pending)
    with pytest.raises(CoachDeskError) as caught:
        desk.confirm_device(store.pending)
    assert describe(caught.value, "es").startswith("Este dispositivo fue revocado")


def test_the_cli_words_flags_history_and_refusals_in_spanish(
    store: DeskStore, run_cli: RunCli
) -> None:
    path = str(store.path)
    es = {**ENV, "COACHDESK_LANG": "es"}
    r = run_cli("rco", "flags", path, env=es)
    assert r.returncode == 0 and "El contador 2 es menor que el 3" in r.stdout, r.stderr
    r = run_cli("rco", "history", path, env=es)
    assert r.returncode == 0 and "Nuevo dispositivo de coach" in r.stdout, r.stderr
    assert re.search(r"dispositivo \S+, \d+ registros?\b", r.stdout), r.stdout  # no "(s)"
    r = run_cli("rco", "devices", path, env={**es, "COACHDESK_PASSPHRASE": "wrong"})
    assert r.returncode != 0 and "La frase de contraseña no abre este almacén." in r.stderr
    r = run_cli("rco", "devices", path, env={**ENV, "COACHDESK_PASSPHRASE": "wrong"})
    assert "The passphrase does not open this store." in r.stderr, r.stderr
    r = run_cli("rco", "devices", path, "--confirm", "ABCD-" * 7 + "ABCD", env=es)
    assert r.returncode != 0 and "Ningún dispositivo de coach tiene la huella" in r.stderr
    assert "Traceback" not in r.stderr
    # --json keeps the English, as the store and the audit log do
    r = run_cli("rco", "flags", path, "--json", env=es)
    assert json.loads(r.stdout)[0]["detail"].startswith("Counter 2 is lower than the 3")
    r = run_cli("rco", "flags", path, env=ENV)
    assert "Counter 2 is lower than the 3 already received" in r.stdout
