"""`coachdesk rco fetch`: the desk pulls bundles from the WebDAV inbox, against real servers:
nginx's dav module (no PROPFIND: the folder listing, JSON or HTML) and Apache mod_dav
(PROPFIND Depth 1, LOCK)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from coachdesk.exchange.directory import FILE_NAME as DIRECTORY_FILE
from coachdesk.exchange.directory import parse_directory
from coachdesk.exchange.enrollment import parse_enrollment
from coachdesk.exchange.transports import TransportError
from coachdesk.exchange.transports.webdav import InboxReader, WebDavSettings
from coachdesk.rco import fetch
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import Outcome
from tests.conftest import PASSPHRASE, RunCli
from tests.servers.apache import ApacheDav
from tests.servers.nginx import NginxDav
from tests.servers.rco_world import World, make_world
from tests.sync_helpers import FAST
from tests.webdav_server import PASSWORD, USER, Pki

pytest_plugins = ["tests.sync_fixtures", "tests.servers.fixtures"]
pytestmark = pytest.mark.timeout(120)
DavBackend = NginxDav | ApacheDav


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return make_world(tmp_path_factory.mktemp("world"))


@pytest.fixture
def desk(world: World, tmp_path: Path) -> Iterator[RcoDesk]:
    opened = world.open_copy(tmp_path / "store")
    yield opened
    opened.close()


def reader(server: DavBackend, pki: Pki) -> InboxReader:
    return InboxReader(WebDavSettings(server.url, USER, PASSWORD, pki.ca_pem), FAST)


def drop(server: DavBackend, files: dict[str, bytes]) -> None:
    """What the coaches' syncs left in the inbox."""
    for name, data in files.items():
        (server.root / name).write_bytes(data)


def test_fetch_imports_then_moves_every_bundle_out_of_the_inbox(
    dav_server: DavBackend, desk: RcoDesk, world: World, pki: Pki
) -> None:
    drop(dav_server, world.bundles)
    drop(dav_server, {"broken-000009-aaaaaaaa.cdbundle": b"CDB1 not really a bundle"})
    drop(dav_server, {DIRECTORY_FILE: b"{}", "readme.txt": b"hi", ".late.cdbundle.part": b"x"})
    before = len(desk.bundles())
    report = fetch.fetch_inbox(desk, reader(dav_server, pki))
    assert report.error == "", report.lines
    s = report.summary
    assert report.listed == len(world.bundles) + 1
    assert s.count(Outcome.IMPORTED) == len(world.confirmed)
    assert s.count(Outcome.PENDING) == len(world.unknown)
    assert s.count(Outcome.REJECTED) == 1 and not report.ok
    assert len(desk.bundles()) == before + len(world.confirmed)
    # only after the commit did each bundle leave: all in processed/, the refused one aside
    assert dav_server.files("processed") == world.bundles
    assert list(dav_server.files("rejected")) == ["broken-000009-aaaaaaaa.cdbundle"]
    assert sorted(dav_server.files()) == sorted(
        [DIRECTORY_FILE, "readme.txt", ".late.cdbundle.part"]
    )
    assert report.lines[0] == f"{len(world.bundles) + 1} bundles waiting in the {report.inbox}."
    again = fetch.fetch_inbox(desk, reader(dav_server, pki))
    assert again.ok and again.listed == 0 and again.summary.results == []
    methods = {m for m, _, _ in dav_server.requests()}
    assert "DELETE" not in methods  # nothing was deleted, only moved


def test_a_fetch_killed_after_its_commit_is_finished_by_the_next(
    dav_server: DavBackend, desk: RcoDesk, world: World, pki: Pki
) -> None:
    name, data = next(iter(world.confirmed.items()))
    drop(dav_server, {name: data})
    desk.import_bytes(data, name, name)  # the earlier run committed, then died before MOVE
    count = len(desk.bundles())
    (dav_server.root / "processed").mkdir()
    (dav_server.root / "processed" / name).write_bytes(data)  # ... or after a MOVE elsewhere
    report = fetch.fetch_inbox(desk, reader(dav_server, pki))
    assert report.ok, report.lines
    assert [r.outcome for r in report.summary.results] == [Outcome.ALREADY_PRESENT]
    assert len(desk.bundles()) == count  # nothing imported twice
    assert name not in dav_server.files()  # 412 on the MOVE: the committed copy was deleted
    assert dav_server.files("processed") == {name: data}


def test_delete_after_import_when_the_store_says_so(
    nginx: NginxDav, desk: RcoDesk, world: World, pki: Pki
) -> None:
    drop(nginx, world.confirmed)
    report = fetch.fetch_inbox(desk, reader(nginx, pki), after=fetch.After.DELETE)
    assert report.ok and sorted(report.cleared) == sorted(world.confirmed)
    assert nginx.files() == {} and not (nginx.root / "processed").exists()
    requests = nginx.requests()
    for name in world.confirmed:  # each DELETE came after that bundle's GET (and commit)
        get = requests.index(("GET", f"/inbox/{name}", 200))
        assert requests.index(("DELETE", f"/inbox/{name}", 204)) > get


def test_nginx_html_listing_and_no_listing(pki: Pki, desk: RcoDesk, world: World) -> None:
    html = NginxDav(pki, autoindex_format="html")
    try:
        drop(html, world.confirmed)
        report = fetch.fetch_inbox(desk, reader(html, pki))
        assert report.ok and report.summary.count(Outcome.IMPORTED) == len(world.confirmed)
        assert html.files("processed") == world.confirmed
    finally:
        html.stop()
    blind = NginxDav(pki, autoindex=False)
    try:
        drop(blind, world.confirmed)
        report = fetch.fetch_inbox(desk, reader(blind, pki))
        assert report.error.startswith("The RCO's server has no PROPFIND and does not list")
        assert "autoindex on;" in report.error and blind.files() == world.confirmed
    finally:
        blind.stop()


def test_a_locked_bundle_is_retried_then_left_for_the_next_fetch(
    apache: ApacheDav, desk: RcoDesk, world: World, pki: Pki
) -> None:
    name, data = next(iter(world.confirmed.items()))
    drop(apache, {name: data})
    other = reader(apache, pki)  # another WebDAV client holds an exclusive lock on the file
    lock = other._request(
        "LOCK",
        other._path(name),
        b'<?xml version="1.0" encoding="utf-8"?><lockinfo xmlns="DAV:">'
        b"<lockscope><exclusive/></lockscope><locktype><write/></locktype>"
        b"<owner>someone else</owner></lockinfo>",
        {"Content-Type": "application/xml", "Timeout": "Second-60"},
    )
    assert lock.status == 200
    token = lock.headers["Lock-Token"]
    first = reader(apache, pki)
    report = fetch.fetch_inbox(desk, first)
    assert report.summary.count(Outcome.IMPORTED) == 1
    assert report.left == {name: "it is locked on the server; it is moved on the next fetch."}
    assert len(first.waits) == FAST.attempts and name in apache.files()
    other._request("UNLOCK", other._path(name), headers={"Lock-Token": token})
    other.close()
    done = fetch.fetch_inbox(desk, reader(apache, pki))
    assert done.ok and [r.outcome for r in done.summary.results] == [Outcome.ALREADY_PRESENT]
    assert apache.files("processed") == {name: data}


def test_refusals_of_the_inbox_are_plain(nginx: NginxDav, desk: RcoDesk, pki: Pki) -> None:
    wrong = InboxReader(WebDavSettings(nginx.url, USER, "guess", pki.ca_pem), FAST)
    report = fetch.fetch_inbox(desk, wrong)
    assert report.error.startswith("The RCO's server refused the user name or password")
    assert report.text("es") == [
        "El servidor de la organización rechazó el usuario o la contraseña; pida a la "
        "organización las credenciales de la bandeja y vuelva a ejecutar "
        "`coachdesk rco fetch-setup`. Los paquetes siguen en la bandeja."
    ]
    with pytest.raises(TransportError, match="does not exist"):
        InboxReader(WebDavSettings(nginx.url + "nope/", USER, PASSWORD, pki.ca_pem)).list_names()


def test_fetch_setup_fetch_and_publish_from_the_command_line(
    run_cli: RunCli, world: World, tmp_path: Path, apache: ApacheDav, pki: Pki
) -> None:
    store = tmp_path / "store"
    world.open_copy(store).close()
    ca = tmp_path / "ca.pem"
    ca.write_text(pki.ca_pem)
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE, "COACHDESK_WEBDAV_PASSWORD": PASSWORD}
    setup = run_cli(
        "rco", "fetch-setup", str(store), "--webdav", apache.url, "--user", USER,
        "--ca-cert", str(ca), "--no-proxy", env=env,
    )  # fmt: skip
    assert setup.returncode == 0, setup.stderr
    assert "0 bundles waiting; imported bundles go to processed/" in setup.stdout
    drop(apache, world.confirmed)
    done = run_cli("rco", "fetch", str(store), "--json", env=env)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["import"]["imported"] == len(world.confirmed) and result["ok"]
    assert apache.files("processed") == world.confirmed
    # the report in COACHDESK_LANG: Spanish from the catalog, nothing left in English
    drop(apache, world.confirmed)
    spanish = run_cli("rco", "fetch", str(store), env={**env, "COACHDESK_LANG": "es"})
    assert spanish.returncode == 0, spanish.stderr
    n = len(world.confirmed)
    assert spanish.stdout.splitlines() == [
        f"{n} paquetes esperan en la bandeja WebDAV {apache.url}.",
        f"0 importados, {n} ya presentes, 0 esperando la confirmación del dispositivo, "
        "0 señalados, 0 rechazados.",
        f"{n} paquetes retirados de la bandeja.",
    ]
    published = run_cli("rco", "directory", "publish", str(store), "--inbox", env=env)
    assert published.returncode == 0, published.stderr
    assert "to the RCO's WebDAV inbox" in published.stdout
    with RcoDesk.open(store, PASSPHRASE) as desk:
        keys = parse_enrollment(desk.enrollment()).keys
    serial, _ = parse_directory(apache.files()[DIRECTORY_FILE], keys)
    assert serial == 1
    again = run_cli("rco", "directory", "publish", str(store), "--inbox", env=env)
    assert again.returncode == 0  # replaced in place (Overwrite: T for the RCO's own file)
    assert parse_directory(apache.files()[DIRECTORY_FILE], keys)[0] == 2
    assert PASSWORD not in setup.stdout + done.stdout + published.stdout


def test_fetch_through_the_proxy_and_without_an_inbox(
    nginx: NginxDav, desk: RcoDesk, world: World, pki: Pki, run_cli: RunCli, tmp_path: Path
) -> None:
    from coachdesk.exchange.transports.webdav import ProxyMode, ProxySettings
    from tests.servers.tinyproxy import PROXY_PASSWORD, PROXY_USER, TinyProxy

    proxy = TinyProxy()
    try:
        way = ProxySettings(ProxyMode.MANUAL, proxy.url, PROXY_USER, PROXY_PASSWORD)
        settings = WebDavSettings(nginx.url, USER, PASSWORD, pki.ca_pem, way)
        fetch.save_fetch_settings(desk, fetch.FetchSettings(settings))
        drop(nginx, world.confirmed)
        report = fetch.fetch_inbox(desk)
        assert report.ok and report.summary.count(Outcome.IMPORTED) == len(world.confirmed)
        assert set(proxy.connects()) == {f"127.0.0.1:{nginx.port}"}
        assert not nginx.proxy_authorization_seen()
        assert fetch.fetch_settings(desk) == fetch.FetchSettings(settings)
    finally:
        proxy.stop()
    store = tmp_path / "bare"
    world.open_copy(store).close()
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    unset = run_cli("rco", "fetch", str(store), env=env)
    assert unset.returncode == 1 and unset.stderr.count("\n") == 1
    assert "No inbox is set up for this store; run `coachdesk rco fetch-setup` first." in (
        unset.stderr
    )
    spanish = run_cli("rco", "fetch", str(store), env={**env, "COACHDESK_LANG": "es"})
    assert spanish.stderr == (
        "coachdesk: No hay ninguna bandeja configurada para este almacén; ejecute primero "
        "`coachdesk rco fetch-setup`.\n"
    )
