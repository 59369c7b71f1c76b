"""Import of bundles produced by real coach vaults: registry, re-import, counters, revocation,
folders, corrupt files, episode updates. Real SQLCipher stores, real keys, no mocks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coachdesk.core.models import ContactMode, SessionNote
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import Outcome
from coachdesk.rco.model import DeviceStatus
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, RunCli
from tests.rco_support import Coach, new_coach, new_rco


@pytest.fixture
def rco(tmp_path: Path) -> RcoDesk:
    desk = new_rco(tmp_path / "rco")
    yield desk  # type: ignore[misc]
    desk.close()


def _coach(tmp_path: Path, rco: RcoDesk, name: str, clients: int = 14, seed: int = 1) -> Coach:
    folder = tmp_path / name
    folder.mkdir()
    return new_coach(folder, rco.enrollment(), rco.fingerprint, clients, seed)


def test_unknown_device_waits_then_confirm_imports(tmp_path: Path, rco: RcoDesk) -> None:
    coach = _coach(tmp_path, rco, "a")
    first, second = coach.export(), coach.export()
    summary = rco.import_paths([first, second])
    assert [r.outcome for r in summary.results] == [Outcome.PENDING, Outcome.PENDING]
    assert summary.ok
    [device] = rco.devices()
    assert device.status == DeviceStatus.PENDING
    assert device.fingerprint == coach.fingerprint
    assert device.pending_bundles == 2
    assert rco.episodes() == []  # nothing imported before confirmation
    # importing the same waiting file again changes nothing
    again = rco.import_paths([first])
    assert again.results[0].outcome == Outcome.PENDING
    assert rco.devices()[0].pending_bundles == 2

    confirmed = rco.confirm_device(coach.fingerprint.lower(), "Coach A, county jail")
    assert [r.outcome for r in confirmed.results] == [Outcome.IMPORTED, Outcome.IMPORTED]
    [device] = rco.devices()
    assert device.status == DeviceStatus.CONFIRMED
    assert device.name == "Coach A, county jail"
    assert (device.bundles, device.last_counter, device.pending_bundles) == (2, 2, 0)
    assert len(rco.episodes()) == 14
    assert rco.flags() == []
    coach.close()


def test_reimport_is_a_noop_and_newer_records_update(tmp_path: Path, rco: RcoDesk) -> None:
    coach = _coach(tmp_path, rco, "a")
    path = coach.export()
    rco.import_paths([path])
    rco.confirm_device(coach.fingerprint)
    before = {e.pseudonym: e for e in rco.episodes()}
    assert rco.import_paths([path]).results[0].outcome == Outcome.ALREADY_PRESENT
    assert len(rco.bundles()) == 1

    # the coach records two more sessions for one client and exports again
    client = coach.caseload.list_clients()[0]
    for day in (3, 4):
        from datetime import UTC, datetime

        coach.caseload.add_note(
            SessionNote(
                client.id,
                datetime(2026, 2, day, 10, tzinfo=UTC),
                ContactMode.IN_PERSON,
                "Met in the peer room.",
                30,
            )
        )
    newer = coach.export()
    result = rco.import_paths([newer]).results[0]
    assert result.outcome == Outcome.IMPORTED
    after = {e.pseudonym: e for e in rco.episodes()}
    assert set(after) == set(before)  # updated, not duplicated
    changed = [p for p in after if after[p].sessions != before[p].sessions]
    assert len(changed) == 1
    assert after[changed[0]].sessions == before[changed[0]].sessions + 2
    assert all(e.counter == 2 for e in after.values())
    # the older bundle once more: still a no-op, newer data kept
    assert rco.import_paths([path]).results[0].outcome == Outcome.ALREADY_PRESENT
    assert {p: e.sessions for p, e in rco.episodes_by_key().items()} == {
        p: e.sessions for p, e in after.items()
    }
    coach.close()


def test_counter_repeated_or_backwards_is_flagged_and_kept(tmp_path: Path, rco: RcoDesk) -> None:
    coach = _coach(tmp_path, rco, "a")
    b1 = coach.export()
    coach.vault.close()
    shutil.copytree(tmp_path / "a" / "vault", tmp_path / "restored")  # a backup at counter 1
    coach.vault = Vault.open(tmp_path / "a" / "vault", PASSPHRASE)
    b2, b3 = coach.export(), coach.export()
    rco.import_paths([b1, b3])
    rco.confirm_device(coach.fingerprint)
    newest = {e.pseudonym: e.sessions for e in rco.episodes()}

    restored = Coach(Vault.open(tmp_path / "restored", PASSPHRASE), tmp_path / "a" / "out2")
    restored.out.mkdir()
    r2 = restored.export()  # counter 2 again, another bundle id; older than counter 3
    summary = rco.import_paths([r2])
    assert summary.results[0].outcome == Outcome.FLAGGED
    assert "lower than the 3" in summary.results[0].reason
    assert summary.ok  # flagged bundles are kept, not rejected
    summary = rco.import_paths([b2])
    assert summary.results[0].outcome == Outcome.FLAGGED
    assert "already used" in summary.results[0].reason
    kinds = [f.kind for f in rco.flags()]
    assert kinds == ["counter_backwards", "counter_repeated"]
    assert {b.bundle_id for b in rco.bundles() if b.flag} == {
        summary.results[0].bundle_id,
        next(
            b.bundle_id
            for b in rco.bundles()
            if b.counter == 2 and b.bundle_id != summary.results[0].bundle_id
        ),
    }
    # counter-3 data is not overwritten by the older bundles
    assert {e.pseudonym: e.sessions for e in rco.episodes()} == newest
    restored.close()
    coach.close()


def test_revoked_device_is_refused(tmp_path: Path, rco: RcoDesk) -> None:
    coach = _coach(tmp_path, rco, "a")
    rco.import_paths([coach.export()])
    rco.confirm_device(coach.fingerprint)
    waiting_from_other = _coach(tmp_path, rco, "b", seed=2)
    rco.import_paths([waiting_from_other.export()])
    assert rco.revoke_device(waiting_from_other.fingerprint) == 1  # its waiting bundle dropped
    rco.revoke_device(coach.fingerprint)
    summary = rco.import_paths([coach.export(), waiting_from_other.export()])
    assert [r.outcome for r in summary.results] == [Outcome.REJECTED, Outcome.REJECTED]
    assert all("revoked" in r.reason for r in summary.results)
    assert not summary.ok
    assert len(rco.bundles()) == 1
    assert len(rco.episodes()) == 14  # what came while it was trusted stays
    with pytest.raises(Exception, match="revoked"):
        rco.confirm_device(coach.fingerprint)
    coach.close()
    waiting_from_other.close()


def test_corrupt_files_among_good_ones(tmp_path: Path, rco: RcoDesk) -> None:
    coach = _coach(tmp_path, rco, "a")
    rco.import_paths([coach.export()])
    rco.confirm_device(coach.fingerprint)
    folder = tmp_path / "usb"
    folder.mkdir()
    good = [coach.export() for _ in range(3)]
    for path in good:
        shutil.copy(path, folder / path.name)
    data = good[0].read_bytes()
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x01
    (folder / "flipped.cdbundle").write_bytes(bytes(flipped))
    (folder / "truncated.cdbundle").write_bytes(data[: len(data) - 40])
    (folder / "trailing.cdbundle").write_bytes(data + b"junk")
    (folder / "notes.cdbundle").write_text("not a bundle at all")
    (folder / "readme.txt").write_text("ignored: not a bundle name")
    other = new_rco(tmp_path / "other-rco", "Other RCO")
    stranger = _coach(tmp_path, other, "c", seed=3)
    shutil.copy(stranger.export(), folder / "for-another-rco.cdbundle")
    before = (len(rco.bundles()), len(rco.episodes()))

    summary = rco.import_paths([folder])
    outcomes = {Path(r.path).name: r for r in summary.results}
    assert len(outcomes) == 8
    for path in good:
        assert outcomes[path.name].outcome == Outcome.IMPORTED
    for name in ("flipped", "truncated", "trailing", "notes", "for-another-rco"):
        result = outcomes[f"{name}.cdbundle"]
        assert result.outcome == Outcome.REJECTED, name
        assert result.reason and "Traceback" not in result.reason
    assert "another RCO" in outcomes["for-another-rco.cdbundle"].reason
    assert not summary.ok
    assert len(rco.bundles()) == before[0] + 3
    assert len(rco.episodes()) == before[1]  # same clients, newer versions
    assert rco.devices()[0].last_counter == 4
    coach.close()
    stranger.close()
    other.close()


def test_folder_of_200_bundles(tmp_path: Path, rco: RcoDesk) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    coaches = [_coach(tmp_path, rco, f"c{i}", clients=12, seed=10 + i) for i in range(8)]
    for coach in coaches:
        for _ in range(25):
            path = coach.export()
            path.rename(folder / f"{coach.fingerprint[:4]}-{path.name}")
    assert len(list(folder.iterdir())) == 200
    seen: list[tuple[int, int]] = []
    first = rco.import_paths([folder], progress=lambda d, t: seen.append((d, t)))
    assert first.count(Outcome.PENDING) == 200 and seen[-1] == (200, 200)
    for coach in coaches:
        assert all(
            r.outcome == Outcome.IMPORTED for r in rco.confirm_device(coach.fingerprint).results
        )
    assert len(rco.bundles()) == 200
    assert len(rco.episodes()) == 8 * 12
    assert {d.last_counter for d in rco.devices()} == {25}
    assert rco.flags() == []
    second = rco.import_paths([folder])
    assert second.count(Outcome.ALREADY_PRESENT) == 200
    for coach in coaches:
        coach.close()


def test_cli_import_devices_records_open(tmp_path: Path, rco: RcoDesk, run_cli: RunCli) -> None:
    coach = _coach(tmp_path, rco, "a")
    good = coach.export()
    bad = tmp_path / "bad.cdbundle"
    bad.write_bytes(good.read_bytes()[:-1])
    store = str(rco.backend.store.path)  # type: ignore[attr-defined]
    rco.close()
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}

    r = run_cli("rco", "open", store, str(good), "--json", env=env)
    assert r.returncode == 0, r.stderr
    opened = json.loads(r.stdout)
    assert opened["device_status"] == "unknown"
    assert len(opened["payload"]["records"]) == 14
    r = run_cli("rco", "open", store, str(bad), "--json", env=env)
    assert r.returncode == 1 and "Traceback" not in r.stderr and r.stdout == ""

    r = run_cli("rco", "import", store, str(good), "--json", env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["pending"] == 1
    r = run_cli("rco", "devices", store, "--json", env=env)
    [device] = json.loads(r.stdout)
    assert device["status"] == "pending" and device["fingerprint"] == coach.fingerprint
    r = run_cli("rco", "devices", store, "--confirm", coach.fingerprint, "--name", "A", env=env)
    assert r.returncode == 0 and "imported" in r.stdout
    r = run_cli("rco", "import", store, str(good), str(bad), "--json", env=env)
    assert r.returncode == 1
    result = json.loads(r.stdout)
    assert (result["already_present"], result["rejected"]) == (1, 1)
    r = run_cli("rco", "records", store, "--json", env=env)
    records = json.loads(r.stdout)
    assert len(records) == 14 and {rec["device"] for rec in records} == {"A"}
    payload_pseudonyms = {rec["pseudonym"] for rec in opened["payload"]["records"]}
    assert {rec["pseudonym"] for rec in records} == payload_pseudonyms
    r = run_cli("rco", "devices", store, "--revoke", coach.fingerprint, env=env)
    assert r.returncode == 0
    r = run_cli("rco", "import", store, str(coach.export()), env=env)
    assert r.returncode == 1 and "revoked" in r.stdout
    coach.close()
