"""The RCO store's HMAC-chained audit log: every supervisor action leaves one entry, the chain
verifies, `coachdesk rco audit` shows and exports it. Real stores, real coach bundles."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from coachdesk.core.models import Resource, ResourceCategory
from coachdesk.errors import WrongPassphraseError
from coachdesk.rco import audit as rco_audit
from coachdesk.rco import ops
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.report import build_report
from coachdesk.storage.audit import AuditLog
from tests.conftest import PASSPHRASE, RunCli
from tests.rco_support import new_coach, new_rco


def _details(desk: RcoDesk, action: str) -> list[dict[str, object]]:
    return [rco_audit.fields_of(e) for e in desk.backend.audit_entries() if e.action == action]


def test_every_supervisor_action_is_audited_in_one_chain(tmp_path: Path) -> None:
    desk = new_rco(tmp_path / "rco")
    (tmp_path / "coach").mkdir()
    coach = new_coach(tmp_path / "coach", desk.enrollment(), desk.fingerprint, 14, seed=3)
    bundle = coach.export()
    garbage = tmp_path / "garbage.cdbundle"
    garbage.write_bytes(b"not a bundle at all")
    fp = coach.fingerprint
    with desk:
        desk.import_paths([bundle, garbage])
        desk.confirm_device(fp, "Coach A")
        desk.rename_device(fp, "Coach A, county jail")
        desk.save_directory_entry(Resource("Hope House", ResourceCategory.HOUSING))
        inbox = tmp_path / "inbox"
        inbox.mkdir()
        desk.publish_directory(inbox)
        report = build_report(desk, "2026")
        rco_audit.record_report(desk.backend, report, ["pdf"], [tmp_path / "r.pdf"])
        desk.revoke_device(fp)

        imports = _details(desk, rco_audit.IMPORT)
        assert [(i["file"], i["result"]) for i in imports] == [
            (str(bundle), "pending"),
            (str(garbage), "rejected"),
            (bundle.name, "imported"),  # on confirmation: the waiting bundle went in
        ]
        assert imports[0]["device"] == fp and imports[2]["records"] == 14
        assert "reason" in imports[1]
        assert _details(desk, rco_audit.DEVICE_CONFIRMED) == [{"device": fp, "name": "Coach A"}]
        assert _details(desk, rco_audit.DEVICE_RENAMED) == [
            {"device": fp, "name": "Coach A, county jail"}
        ]
        assert _details(desk, rco_audit.DEVICE_REVOKED) == [{"device": fp}]
        assert _details(desk, rco_audit.DIRECTORY_PUBLISHED) == [
            {"file": str(inbox / "coachdesk-directory.json"), "serial": 1}
        ]
        assert _details(desk, rco_audit.REPORT_EXPORTED) == [
            {"files": [str(tmp_path / "r.pdf")], "formats": ["pdf"], "period": "2026"}
        ]
        assert desk.backend.audit_broken_at() is None
        # nothing from the records themselves: no pseudonym appears in the log
        text = " ".join(e.detail for e in desk.backend.audit_entries())
        assert all(e.pseudonym not in text for e in desk.episodes())
    coach.close()


def test_failed_unlocks_are_written_at_the_next_unlock(tmp_path: Path) -> None:
    new_rco(tmp_path / "rco").close()
    for _ in range(2):
        with pytest.raises(WrongPassphraseError):
            RcoDesk.open(tmp_path / "rco", "not the passphrase")
    with RcoDesk.open(tmp_path / "rco", PASSPHRASE) as desk:
        actions = [e.action for e in desk.backend.audit_entries()]
    assert actions == ["failed_unlock", "failed_unlock", "unlock"]
    with RcoDesk.open(tmp_path / "rco", PASSPHRASE) as desk:  # reported once, not again
        assert [e.action for e in desk.backend.audit_entries()][3:] == ["unlock"]


def test_an_entry_outside_a_transaction_gets_its_own_and_inside_one_rolls_back_with_it(
    tmp_path: Path,
) -> None:
    desk = new_rco(tmp_path / "rco")
    with desk:
        rco_audit.record(desk.backend, "test_alone")
        with pytest.raises(RuntimeError), desk.backend.transaction():
            rco_audit.record(desk.backend, "test_rolled_back")
            raise RuntimeError("the change failed")
        actions = [e.action for e in desk.backend.audit_entries()]
    assert actions == ["test_alone"]


def test_the_view_verifies_and_exports_csv_and_json(tmp_path: Path) -> None:
    desk = new_rco(tmp_path / "rco")
    with desk:
        rco_audit.record(desk.backend, rco_audit.BACKUP, file="x, with a comma")
        view = ops.audit_view(desk)
        target = ops.write_audit_csv(view, tmp_path / "audit.csv")
    assert view.broken_at is None and view.verdict == "Audit log intact (1 entries)."
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8"))))
    assert [(r["action"], json.loads(r["detail"]), r["verified"]) for r in rows] == [
        ("backup", {"file": "x, with a comma"}, "yes")
    ]
    assert view.to_json()["entries"][0]["detail"] == {"file": "x, with a comma"}
    assert rco_audit.describe(view.entries[0]) == "backup (file: x, with a comma)"


def test_cli_audit_shows_exports_and_fails_on_a_broken_chain(
    tmp_path: Path, run_cli: RunCli
) -> None:
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    store = tmp_path / "rco"
    assert run_cli("rco", "init", str(store), env=env).returncode == 0
    r = run_cli("rco", "report", str(store), "--period", "2026", "--json", env=env)
    assert r.returncode == 0, r.stderr
    out = tmp_path / "audit.csv"
    r = run_cli("rco", "audit", str(store), "--csv", str(out), env=env)
    assert r.returncode == 0, r.stderr
    assert "report exported (formats: json; period: 2026)" in r.stdout
    assert "Audit log intact" in r.stdout and out.is_file()
    r = run_cli("rco", "audit", str(store), "--json", env=env)
    data = json.loads(r.stdout)
    assert data["chain"] == "ok"
    assert [e["action"] for e in data["entries"]] == [
        "unlock",
        "report_exported",
        "unlock",
        "unlock",
    ]

    # an entry rewritten behind the triggers' back (raw SQL with the key) breaks the chain
    with RcoDesk.open(store, PASSPHRASE) as desk:
        conn = desk.backend.store.conn  # type: ignore[attr-defined]
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute('UPDATE audit SET detail = \'{"period":"2025"}\' WHERE id = 2')
        assert AuditLog(conn, desk.backend.store.audit_key).verify() == 2  # type: ignore[attr-defined]
    r = run_cli("rco", "audit", str(store), "--json", env=env)
    assert r.returncode == 1
    assert json.loads(r.stdout)["chain"] == "altered at entry 2"
    assert "altered at entry 2" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = run_cli("rco", "check", str(store), env=env)
    assert r.returncode == 1 and "audit log was altered at entry 2" in r.stdout
