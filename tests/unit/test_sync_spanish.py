"""Sync refusals in Spanish: a WebDAV server refusing the password, a read-only folder and a
pulled USB stick come out in Spanish through `report.text("es")`, the indicator's status and
`coachdesk sync` with COACHDESK_LANG=es, with no English left. Real server, real folders."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from coachdesk.exchange import sync
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.i18n import catalog
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, RunCli
from tests.fault.mounts import remount_read_only, tmpfs
from tests.sync_helpers import add_bundles, dav_settings, dav_transport
from tests.webdav_server import DavServer, Pki

pytest_plugins = ["tests.sync_fixtures"]
pytestmark = pytest.mark.timeout(120)
ES = {"COACHDESK_PASSPHRASE": PASSPHRASE, "COACHDESK_LANG": "es"}

# Words of the English messages that no Spanish sentence has. Addresses, paths, file names
# and commands (anything with / - _ : or an inner dot) are the same in both languages.
_ENGLISH = re.compile(
    r"\b(the|The|was|were|is|are|stay|stays|waiting|refused|could|not|server|exports?|"
    r"inbox|folder|sent|may|write|ask|run|again|password|user)\b"
)
_NEUTRAL = re.compile(r"\S*[/_:\\-]\S*|\S+\.\w\S*|`[^`]*`")


def english_left(text: str) -> list[str]:
    return _ENGLISH.findall(_NEUTRAL.sub(" ", text))


def test_the_english_finder_finds_english() -> None:
    assert english_left("The RCO's server refused the user name or password.")
    assert not english_left("El servidor de la organización rechazó el usuario o la contraseña.")
    assert not english_left("No se pudo enviar coachdesk-export-000001.cdbundle a /inbox/")


@pytest.fixture
def read_only_disk(tmp_path: Path) -> Iterator[Path]:
    with tmpfs(tmp_path / "ro", "64k") as folder:
        remount_read_only(folder)
        yield folder


def _assert_spanish(lines: list[str], *expected: str) -> None:
    text = "\n".join(lines)
    for part in expected:
        assert part in text, (part, text)
    assert not english_left(text), (english_left(text), text)


def test_a_wrong_webdav_password_is_told_in_spanish(vault: Vault, dav: DavServer, pki: Pki) -> None:
    add_bundles(vault, 2)
    report = sync.sync_once(vault, dav_transport(dav.url, pki, password="wrong password"))
    assert report.error.startswith("The RCO's server refused the user name or password")
    assert report.problem is not None and report.problem.code == "webdav.wrong_credentials"
    _assert_spanish(
        report.text("es"),
        "El servidor de la organización rechazó el usuario o la contraseña; pida a la "
        "organización las credenciales de la bandeja y vuelva a ejecutar "
        "`coachdesk sync-setup`. Las exportaciones siguen esperando.",
        "2 exportaciones siguen esperando su envío.",
    )
    # The indicator reads the vault alone: the error was kept as a message, not only English.
    status = sync.sync_status(vault)
    assert status.state == sync.SyncState.FAILED and "password" in status.last_error
    _assert_spanish(
        [status.message.text("es"), status.reason.text("es")],
        "La sincronización falló: El servidor de la organización rechazó",
    )
    assert status.reason.text("en") == status.last_error


def test_a_read_only_folder_is_told_in_spanish(vault: Vault, read_only_disk: Path) -> None:
    add_bundles(vault, 2)
    report = sync.sync_once(vault, FolderTransport(read_only_disk))
    assert report.error == (
        f"CoachDesk may not write in the folder {read_only_disk}. The export stays waiting."
    )
    _assert_spanish(
        report.text("es"),
        f"CoachDesk no tiene permiso para escribir en la carpeta {read_only_disk}. La "
        "exportación sigue esperando.",
    )
    _assert_spanish([sync.sync_status(vault).message.text("es")], "La sincronización falló")


def test_a_refused_bundle_and_a_refused_directory_are_told_in_spanish(
    vault: Vault, tmp_path: Path
) -> None:
    from tests.sync_helpers import enroll

    enroll(vault)
    (item,) = add_bundles(vault, 1)
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / item.file_name).write_bytes(b"another file under the same name")
    (stick / "coachdesk-directory.json").write_bytes(b"{ damaged")
    report = sync.sync_once(vault, FolderTransport(stick))
    assert list(report.failed) == [item.file_name]
    assert str(report.failed[item.file_name]).startswith("A different file named")
    assert report.directory == sync.DirectoryOutcome.REFUSED
    _assert_spanish(
        report.text("es"),
        f"No se pudo enviar {item.file_name}: Ya hay otro archivo llamado {item.file_name} en "
        f"{stick}; no se sobrescribió.",
        "El archivo del directorio de recursos está dañado.",
    )


def test_the_stored_last_error_survives_reopening_and_an_older_one_falls_back(
    vault_path: Path, tmp_path: Path
) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        add_bundles(vault, 1)
        sync.sync_once(vault, FolderTransport(tmp_path / "pulled"))
    with Vault.open(vault_path, PASSPHRASE) as vault:
        status = sync.sync_status(vault)
        assert status.state == sync.SyncState.OFFLINE
        assert status.problem is not None and status.problem.code == "transport.folder.offline"
        assert status.reason.text("es").startswith("La carpeta ")
        # An older CoachDesk wrote only the English: it is shown as it is.
        with vault.transaction():
            vault.set_meta(sync.LAST_ERROR_META, "Some older sentence.")
        assert sync.sync_status(vault).reason == catalog.Message.plain("Some older sentence.")
        with vault.transaction():
            vault.set_meta(sync.LAST_ERROR_META, "x")
            vault.set_meta(sync.LAST_ERROR_MESSAGE_META, '{"code": "no.such", "params": {}}')
        assert sync.sync_status(vault).problem is None


def test_messages_kept_as_json_come_back_the_same() -> None:
    message = catalog.Message(
        "webdav.refused",
        {
            "what": catalog.Message("webdav.step.upload", {"name": "a.cdbundle"}),
            "status": 418,
            "stay": catalog.Message("transport.stay.exports"),
        },
    )
    again = catalog.message_from_json(catalog.message_to_json(message))
    assert again == message and again.text("es") == message.text("es")
    assert "subida de a.cdbundle" in message.text("es")
    for damaged in ("", "[]", "{", '{"code": "webdav.refused", "params": {}}'):
        assert catalog.message_from_json(damaged) is None


def test_coachdesk_sync_speaks_spanish_for_a_wrong_password(
    run_cli: RunCli, vault_path: Path, dav: DavServer, pki: Pki
) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        add_bundles(vault, 2)
        sync.save_webdav_settings(vault, dav_settings(dav.url, pki, password="guess"))
    done = run_cli("sync", str(vault_path), env=ES)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("coachdesk: El servidor de la organización rechazó el usuario")
    _assert_spanish([done.stderr, done.stdout], "2 exportaciones siguen esperando su envío.")
    listed = run_cli("outbox", str(vault_path), env=ES)
    failed = "La sincronización falló: El servidor de la organización rechazó"
    assert listed.stdout.startswith(failed)
    english = run_cli("sync", str(vault_path), env={"COACHDESK_PASSPHRASE": PASSPHRASE})
    assert "The RCO's server refused the user name or password" in english.stderr


def test_coachdesk_sync_speaks_spanish_for_a_read_only_folder_and_a_pulled_stick(
    run_cli: RunCli, vault_path: Path, read_only_disk: Path, tmp_path: Path
) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        add_bundles(vault, 1)
    done = run_cli("sync", str(vault_path), "--folder", str(read_only_disk), env=ES)
    assert done.returncode == 1
    assert done.stderr == (
        f"coachdesk: CoachDesk no tiene permiso para escribir en la carpeta {read_only_disk}. "
        "La exportación sigue esperando.\n"
    )
    _assert_spanish([done.stdout], "1 exportación sigue esperando su envío.")
    pulled = run_cli("sync", str(vault_path), "--folder", str(tmp_path / "gone"), env=ES)
    assert pulled.returncode == 1
    _assert_spanish([pulled.stderr, pulled.stdout], "¿se retiró la memoria USB")
    unset = run_cli("sync", str(vault_path), env=ES)
    _assert_spanish([unset.stderr], "No hay ninguna salida configurada")
