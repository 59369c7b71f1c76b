"""RCO key rotation end to end: the desk changes its keys, a real coach vault follows at sync
(signed by the old key), bundles sealed before and after both import, a forged or damaged
rotation is refused by the coach. Real vaults, real keys, a real folder transport."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coachdesk.core.models import Resource, ResourceCategory
from coachdesk.crypto.identity import RcoIdentity
from coachdesk.exchange import export
from coachdesk.exchange.bundle import read_header
from coachdesk.exchange.enrollment import make_enrollment
from coachdesk.exchange.rotation import FILE_NAME, make_rotation_file, make_step
from coachdesk.exchange.sync import sync_once
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.rco import rotation
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import Outcome
from coachdesk.storage.audit import AuditLog
from tests.conftest import PASSPHRASE, RunCli
from tests.rco_support import Coach, new_coach, new_rco


@pytest.fixture
def setup(tmp_path: Path):  # type: ignore[no-untyped-def]
    desk = new_rco(tmp_path / "rco")
    (tmp_path / "coach").mkdir()
    coach = new_coach(tmp_path / "coach", desk.enrollment(), desk.fingerprint, 14, seed=5)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    yield desk, coach, inbox
    coach.close()
    desk.close()


def _enrolled(coach: Coach) -> str:
    enrollment = export.current_enrollment(coach.caseload)
    assert enrollment is not None
    return enrollment.fingerprint


def _sync(coach: Coach, inbox: Path) -> list[str]:
    return sync_once(coach.vault, FolderTransport(inbox)).lines


def test_coach_follows_a_rotation_and_both_keys_bundles_import(
    setup: tuple[RcoDesk, Coach, Path], run_cli: RunCli
) -> None:
    desk, coach, inbox = setup
    old_fp = desk.fingerprint
    before = coach.export()
    assert read_header(before.read_bytes()).recipient == old_fp

    result = rotation.rotate(desk, inbox)
    assert result.previous_fingerprint == old_fp and result.fingerprint == desk.fingerprint
    assert result.fingerprint != old_fp and result.published == inbox / FILE_NAME
    desk.save_directory_entry(Resource("Hope House", ResourceCategory.HOUSING))
    desk.publish_directory(inbox)  # signed by the new key

    lines = _sync(coach, inbox)
    notice = [line for line in lines if "changed its key" in line]
    assert len(notice) == 1 and result.fingerprint in notice[0]
    assert _enrolled(coach) == result.fingerprint
    assert any("directory number 1 merged" in line for line in lines), lines
    audit = AuditLog(coach.vault.conn, coach.vault.audit_key).entries()
    assert any(e.action == "rco_key_rotated" and old_fp in e.detail for e in audit)
    # seen once: the next sync says nothing more about it
    assert not [line for line in _sync(coach, inbox) if "changed its key" in line]

    after = coach.export()
    assert read_header(after.read_bytes()).recipient == result.fingerprint  # old key not used

    summary = desk.import_paths([before, after])
    assert [r.outcome for r in summary.results] == [Outcome.PENDING, Outcome.PENDING]
    confirmed = desk.confirm_device(coach.fingerprint)
    assert [r.outcome for r in confirmed.results] == [Outcome.IMPORTED, Outcome.IMPORTED]
    assert len(desk.episodes()) == 14
    assert [e.action for e in desk.backend.audit_entries()].count("key_rotated") == 1
    store = str(desk.backend.store.path)  # type: ignore[attr-defined]
    for bundle in (before, after):  # `rco open` reads either key's bundles too
        r = run_cli(
            "rco", "open", store, str(bundle), "--json", env={"COACHDESK_PASSPHRASE": PASSPHRASE}
        )
        assert r.returncode == 0 and json.loads(r.stdout)["device_status"] == "confirmed", r.stderr


def test_a_coach_that_missed_a_rotation_follows_the_whole_chain(
    setup: tuple[RcoDesk, Coach, Path],
) -> None:
    desk, coach, inbox = setup
    first = rotation.rotate(desk, inbox)
    second = rotation.rotate(desk, inbox)
    assert len(rotation.retired_identities(desk)) == 2
    _sync(coach, inbox)
    assert _enrolled(coach) == second.fingerprint != first.fingerprint
    bundle = coach.export()
    assert desk.import_paths([bundle]).results[0].outcome == Outcome.PENDING


def test_a_forged_rotation_is_refused_and_nothing_changes(
    setup: tuple[RcoDesk, Coach, Path],
) -> None:
    desk, coach, inbox = setup
    genuine = desk.fingerprint
    attacker = RcoIdentity.generate()
    forged = make_step(attacker, make_enrollment(attacker, "Harbor RCO"))
    forged["previous_fingerprint"] = genuine  # claims to replace the real key
    (inbox / FILE_NAME).write_bytes(make_rotation_file([forged]))
    lines = _sync(coach, inbox)
    assert any("not signed by that key" in line for line in lines), lines
    assert _enrolled(coach) == genuine
    assert read_header(coach.export().read_bytes()).recipient == genuine

    # a genuine step with its signature over another enrollment (swapped body): refused too
    real = make_step(desk.identity, make_enrollment(RcoIdentity.generate(), "Harbor RCO"))
    real["enrollment"] = make_enrollment(attacker, "Harbor RCO").decode()
    (inbox / FILE_NAME).write_bytes(make_rotation_file([real]))
    assert any("not signed by that key" in line for line in _sync(coach, inbox))
    assert _enrolled(coach) == genuine


@pytest.mark.parametrize(
    "content",
    [b"not json", b'{"format": "coachdesk-key-rotation", "version": 1, "steps": 3}', b"[]"],
)
def test_a_damaged_rotation_file_is_refused_plainly(
    setup: tuple[RcoDesk, Coach, Path], content: bytes
) -> None:
    desk, coach, inbox = setup
    (inbox / FILE_NAME).write_bytes(content)
    lines = _sync(coach, inbox)
    assert any("key-change file is damaged" in line for line in lines), lines
    assert _enrolled(coach) == desk.fingerprint


def test_cli_rotate(tmp_path: Path, run_cli: RunCli) -> None:
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    store, inbox = tmp_path / "rco", tmp_path / "inbox"
    assert run_cli("rco", "init", str(store), env=env).returncode == 0
    r = run_cli("rco", "rotate", str(store), "--folder", str(inbox), env=env)
    assert r.returncode == 1 and "does not exist; nothing was changed" in r.stderr
    inbox.mkdir()
    r = run_cli("rco", "rotate", str(store), "--folder", str(inbox), env=env)
    assert r.returncode == 0, r.stderr
    steps = json.loads((inbox / FILE_NAME).read_text())["steps"]
    assert len(steps) == 1 and steps[0]["previous_fingerprint"] in r.stdout
    (inbox / FILE_NAME).unlink()
    r = run_cli("rco", "rotate", str(store), "--folder", str(inbox), "--publish-only", env=env)
    assert r.returncode == 0 and len(json.loads((inbox / FILE_NAME).read_text())["steps"]) == 1
