"""`coachdesk handoff send|list|accept|refuse|roster` through the real command (issue 19)."""

from __future__ import annotations

from pathlib import Path

from coachdesk.application.caseload import Caseload
from coachdesk.exchange.transports.folder import FolderTransport
from tests.conftest import PASSPHRASE, RunCli
from tests.handoff.world import make_world, sync


def test_handoff_through_the_command_line(tmp_path: Path, run_cli: RunCli) -> None:
    world = make_world(tmp_path)
    for coach in (world.ada, world.ben):
        sync(coach, FolderTransport(world.stick))
    client_id = Caseload(world.ada.vault).list_clients()[0].id
    a, b = str(world.ada.vault.path), str(world.ben.vault.path)
    ben_fp, stick = world.ben.fingerprint, str(world.stick)
    world.close()
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}

    roster = run_cli("handoff", "roster", a, env=env)
    assert roster.returncode == 0 and ben_fp in roster.stdout and "Bexa Morrow" in roster.stdout
    send = ("handoff", "send", a, str(client_id), "--to", ben_fp, "--within-program")
    bad = run_cli(*send, " ", env=env)
    assert bad.returncode == 1 and "needs its reason" in bad.stderr
    assert "Traceback" not in bad.stderr
    es = run_cli(*send, " ", env={**env, "COACHDESK_LANG": "es"})
    assert "necesita su motivo" in es.stderr
    preview = run_cli(*send, "ED discharge", "--preview", env=env)
    assert preview.returncode == 0 and "session note" in preview.stdout
    assert "2.12(c)(3)" in preview.stdout
    sent = run_cli(*send, "ED discharge", env=env)
    assert sent.returncode == 0, sent.stderr
    handoff_id = sent.stdout.split("Hand-off ")[1].split()[0]
    assert run_cli("sync", a, "--folder", stick, env=env).returncode == 0
    got = run_cli("sync", b, "--folder", stick, env=env)
    assert "waits for you" in got.stdout, got.stdout + got.stderr
    listed = run_cli("handoff", "list", b, env=env)
    assert handoff_id in listed.stdout and "waiting" in listed.stdout
    accepted = run_cli("handoff", "accept", b, handoff_id, env=env)
    assert accepted.returncode == 0 and "Accepted" in accepted.stdout
    again = run_cli("handoff", "accept", b, handoff_id, env=env)
    assert again.returncode == 0 and "accepted already" in again.stdout
    refused = run_cli("handoff", "refuse", b, handoff_id, env=env)
    assert refused.returncode == 1 and "accepted already" in refused.stderr
    unknown = run_cli("handoff", "accept", b, "f" * 32, env=env)
    assert unknown.returncode == 1 and "There is no hand-off" in unknown.stderr
    # Today's first contact (in the chosen language), and "done" refuses to fake it
    today = run_cli("today", "list", b, env=env)
    assert today.returncode == 0, today.stderr
    line = next(x for x in today.stdout.splitlines() if "first_contact" in x)
    assert "First contact (handed off from Arlo Venn)" in line
    assert "accepted in the last hour" in line
    es_today = run_cli("today", "list", b, env={**env, "COACHDESK_LANG": "es"})
    assert "Primer contacto (transferido por Arlo Venn)" in es_today.stdout
    assert "aceptada en la última hora" in es_today.stdout
    client, due = line.split()[0], line.split()[2]
    done = run_cli("today", "done", b, client, "first_contact", due, env=env)
    assert done.returncode == 1 and "would record a contact that did not happen" in done.stderr
    assert "Traceback" not in done.stderr
