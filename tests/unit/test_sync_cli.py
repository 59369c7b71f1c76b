"""`coachdesk sync`, `sync-setup` and `outbox` from a terminal, against real folders and DAV."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from coachdesk.errors import CoachDeskError
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, RunCli
from tests.sync_helpers import add_bundles, directory_bytes, enroll
from tests.webdav_server import PASSWORD, USER, DavServer, Pki

pytest_plugins = ["tests.sync_fixtures"]
pytestmark = pytest.mark.timeout(120)
ENV = {"COACHDESK_PASSPHRASE": PASSPHRASE}


def _prepare(vault_path: Path, count: int) -> list[str]:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        return [i.file_name for i in add_bundles(vault, count)]


def test_sync_to_a_folder_then_list_the_outbox(
    run_cli: RunCli, vault_path: Path, tmp_path: Path
) -> None:
    names = _prepare(vault_path, 2)
    stick = tmp_path / "stick"
    stick.mkdir()
    done = run_cli("sync", str(vault_path), "--folder", str(stick), env=ENV)
    assert done.returncode == 0, done.stderr
    assert f"Sent 2 exports to the folder {stick}." in done.stdout
    assert sorted(os.listdir(stick)) == sorted(names)

    listed = run_cli("outbox", str(vault_path), env=ENV)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith("Up to date")
    assert all("sent" in line for line in listed.stdout.splitlines()[1:])
    as_json = json.loads(run_cli("outbox", str(vault_path), "--json", env=ENV).stdout)
    assert as_json["status"]["state"] == "up_to_date"
    assert [i["file_name"] for i in as_json["items"]] == names
    assert all("sealed" not in i and i["size"] == 2048 for i in as_json["items"])


def test_nothing_sendable_exits_1_with_one_line_and_the_bundles_wait(
    run_cli: RunCli, vault_path: Path, tmp_path: Path
) -> None:
    _prepare(vault_path, 2)
    gone = run_cli("sync", str(vault_path), "--folder", str(tmp_path / "pulled"), env=ENV)
    assert gone.returncode == 1
    assert gone.stderr.count("\n") == 1 and "Traceback" not in gone.stderr
    assert "USB stick removed" in gone.stderr
    assert "2 exports still waiting to be sent." in gone.stdout
    report = json.loads(
        run_cli(
            "sync", str(vault_path), "--folder", str(tmp_path / "pulled"), "--json", env=ENV
        ).stdout
    )
    assert report["ok"] is False and report["offline"] is True and report["waiting"] == 2
    listed = json.loads(run_cli("outbox", str(vault_path), "--json", env=ENV).stdout)
    assert [i["state"] for i in listed["items"]] == ["waiting", "waiting"]
    assert listed["status"]["state"] == "offline"

    assert gone.stdout.count("USB stick removed") == 0  # the reason is printed once, on stderr

    unset = run_cli("sync", str(vault_path), env=ENV)
    assert unset.returncode == 1 and "sync-setup" in unset.stderr
    assert unset.stderr.count("\n") == 1


def test_sync_setup_then_sync_over_webdav(
    run_cli: RunCli, vault_path: Path, tmp_path: Path, dav: DavServer, pki: Pki
) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        rco = enroll(vault)
        names = [i.file_name for i in add_bundles(vault, 3)]
    (dav.root / "coachdesk-directory.json").write_bytes(directory_bytes(rco, 4, "Harbor Detox"))
    ca = tmp_path / "rco-ca.pem"
    ca.write_text(pki.ca_pem)
    env = {**ENV, "COACHDESK_WEBDAV_PASSWORD": PASSWORD}
    setup = run_cli(
        "sync-setup",
        str(vault_path),
        "--webdav",
        dav.url,
        "--user",
        USER,
        "--ca-cert",
        str(ca),
        env=env,
    )
    assert setup.returncode == 0, setup.stderr
    assert "accepted the credentials" in setup.stdout and PASSWORD not in setup.stdout

    wrong = run_cli(
        "sync-setup",
        str(vault_path),
        "--webdav",
        dav.url,
        "--user",
        USER,
        "--ca-cert",
        str(ca),
        env={**ENV, "COACHDESK_WEBDAV_PASSWORD": "guess"},
    )
    assert wrong.returncode == 1 and "Saved, but" in wrong.stderr and "password" in wrong.stderr
    untrusted = run_cli("sync-setup", str(vault_path), "--webdav", dav.url, "--user", USER, env=env)
    assert untrusted.returncode == 1 and "certificate" in untrusted.stderr
    setup = run_cli(
        "sync-setup",
        str(vault_path),
        "--webdav",
        dav.url,
        "--user",
        USER,
        "--ca-cert",
        str(ca),
        env=env,
    )
    assert setup.returncode == 0, setup.stderr
    done = run_cli("sync", str(vault_path), "--json", env=ENV)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["sent"] == names and report["directory"]["outcome"] == "merged"
    assert sorted(dav.files()) == sorted([*names, "coachdesk-directory.json"])
    # the password is in no output and in no file outside the vault's encrypted database
    home = Path(os.environ["COACHDESK_HOME"]).parent
    for folder in (home, vault_path):
        for path in folder.rglob("*"):
            if path.is_file():
                assert PASSWORD.encode() not in path.read_bytes(), path
    assert PASSWORD not in done.stdout + done.stderr


def test_sync_setup_refuses_bad_input_plainly(
    run_cli: RunCli, vault_path: Path, tmp_path: Path
) -> None:
    env = {**ENV, "COACHDESK_WEBDAV_PASSWORD": PASSWORD}
    plain = run_cli(
        "sync-setup",
        str(vault_path),
        "--webdav",
        "http://127.0.0.1/inbox/",
        "--user",
        USER,
        env=env,
    )
    assert plain.returncode == 1 and "https://" in plain.stderr
    bad_ca = tmp_path / "ca.pem"
    bad_ca.write_text("not a certificate")
    refused = run_cli(
        "sync-setup",
        str(vault_path),
        "--webdav",
        "https://127.0.0.1:9/inbox/",
        "--user",
        USER,
        "--ca-cert",
        str(bad_ca),
        env=env,
    )
    assert refused.returncode == 1 and "not a PEM certificate" in refused.stderr
    no_password = run_cli(
        "sync-setup",
        str(vault_path),
        "--webdav",
        "https://127.0.0.1:9/inbox/",
        "--user",
        USER,
        env=ENV,
    )
    assert no_password.returncode == 1 and "COACHDESK_WEBDAV_PASSWORD" in no_password.stderr
    unreachable = run_cli(
        "sync-setup",
        str(vault_path),
        "--webdav",
        "https://127.0.0.1:9/inbox/",
        "--user",
        USER,
        env=env,
    )
    assert unreachable.returncode == 0, unreachable.stderr
    assert "cannot be reached just now" in unreachable.stdout


def test_the_ca_certificate_check_refuses_anything_but_pem_certificates(
    tmp_path: Path, pki: Pki
) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    from coachdesk.application.sync_setup import SyncSetupError, read_ca_file

    good = tmp_path / "rco-ca.pem"
    good.write_text(pki.ca_pem)
    assert read_ca_file(good) == pki.ca_pem
    der = tmp_path / "rco-ca.der"
    cert = x509.load_pem_x509_certificate(pki.ca_pem.encode())
    der.write_bytes(cert.public_bytes(serialization.Encoding.DER))
    key = tmp_path / "server.key"
    key.write_bytes(pki.key_file.read_bytes())
    huge = tmp_path / "huge.pem"
    huge.write_bytes(pki.ca_pem.encode() * 1000)
    cases = {
        der: "rco-ca.der is not a PEM certificate file.",
        key: "server.key is not a PEM certificate file.",
        huge: "huge.pem is too large to be a certificate.",
    }
    for path, sentence in cases.items():
        with pytest.raises(SyncSetupError) as caught:
            read_ca_file(path)
        assert str(caught.value) == sentence
    with pytest.raises(SyncSetupError, match=r"^Cannot read .*missing\.pem: No such file"):
        read_ca_file(tmp_path / "missing.pem")


def test_settings_from_fields_keep_what_was_left_empty(pki: Pki) -> None:
    from coachdesk.application import sync_setup
    from coachdesk.exchange.transports.webdav import ProxyMode, ProxySettings, WebDavSettings

    proxy = ProxySettings(ProxyMode.MANUAL, "http://proxy.facility:3128", "fac", "proxy-pw")
    kept = WebDavSettings("https://dav.example.org/inbox/", USER, PASSWORD, pki.ca_pem, proxy)
    same = sync_setup.webdav_settings(" https://dav.example.org/inbox ", f" {USER} ", kept=kept)
    assert same == kept  # empty password, no CA, no proxy given: all kept
    changed = sync_setup.webdav_settings(
        kept.url, USER, "new pw", ca_pem="", proxy=ProxySettings(ProxyMode.DIRECT), kept=kept
    )
    assert (changed.password, changed.ca_pem, changed.proxy.mode) == ("new pw", "", "direct")
    again = sync_setup.proxy_settings("manual", proxy.url, "fac", "", kept=proxy)
    assert again == proxy  # the same proxy user: its password is kept
    other = sync_setup.proxy_settings("manual", proxy.url, "someone", "x", kept=proxy)
    assert other.password == "x"
    with pytest.raises(sync_setup.SyncSetupError, match="not a proxy mode"):
        sync_setup.proxy_settings("sideways")
    with pytest.raises(CoachDeskError, match="password is empty"):
        sync_setup.proxy_settings("manual", proxy.url, "someone", "", kept=proxy)
