"""The automatic fetch's schedule (issue 14: "an optional schedule while the desk is
unlocked"): kept in the store with the inbox settings, bounded, readable from settings saved
before it existed, set by `rco fetch-setup --every` and kept when left out. The window's side
(the choice by keyboard, the fetch when due) is tests/ui/rco/test_rco_desk_fetch.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coachdesk.errors import CoachDeskError
from coachdesk.exchange.transports.webdav import WebDavSettings
from coachdesk.i18n.catalog import text
from coachdesk.rco import fetch
from coachdesk.rco.desk import RcoDesk
from tests.conftest import PASSPHRASE, RunCli
from tests.rco_support import new_rco

URL = "https://inbox.example.test/rco/inbox/"


def _settings(every: int = 0) -> fetch.FetchSettings:
    return fetch.FetchSettings(WebDavSettings(URL, "rco", "secret"), every=every)


@pytest.mark.parametrize("every", [1, 4, 1441, -5])
def test_a_schedule_out_of_bounds_is_refused_in_both_languages(every: int) -> None:
    with pytest.raises(CoachDeskError) as caught:
        _settings(every)
    assert caught.value.code == "rco.fetch.every_range"
    params = caught.value.params
    assert text(caught.value.code, "en", **params) == (
        f"An automatic fetch runs every 5 to 1440 minutes (or 0: never), not every {every}."
    )
    assert f"de 5 a 1440 minutos (o 0: nunca), no {every}." in text(
        caught.value.code, "es", **params
    )


def test_the_schedule_is_kept_and_old_settings_have_none(tmp_path: Path) -> None:
    desk = new_rco(tmp_path / "rco")
    with pytest.raises(CoachDeskError) as caught:
        fetch.save_fetch_schedule(desk, 30)  # no inbox yet
    assert caught.value.code == "rco.desk.no_inbox"
    fetch.save_fetch_settings(desk, _settings())
    assert fetch.save_fetch_schedule(desk, 30).every == 30
    stored = fetch.fetch_settings(desk)
    assert stored is not None and stored.every == 30 and stored.webdav.url == URL
    # Settings saved before the schedule existed: no "every", so no schedule.
    old = json.loads(_settings().to_json())
    del old["every"]
    with desk.backend.transaction():
        desk.backend.set_meta(fetch.META_KEY, json.dumps(old))
    stored = fetch.fetch_settings(desk)
    assert stored is not None and stored.every == 0
    # A schedule damaged in the store is the damaged-settings sentence, not a crash.
    old["every"] = 2
    with desk.backend.transaction():
        desk.backend.set_meta(fetch.META_KEY, json.dumps(old))
    with pytest.raises(CoachDeskError) as caught:
        fetch.fetch_settings(desk)
    assert caught.value.code == "rco.fetch.settings_damaged"
    desk.close()


def test_fetch_setup_sets_keeps_and_refuses_a_schedule(tmp_path: Path, run_cli: RunCli) -> None:
    desk = new_rco(tmp_path / "rco")
    store = desk.backend.store.path  # type: ignore[attr-defined]
    desk.close()
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE, "COACHDESK_WEBDAV_PASSWORD": "secret"}
    setup = ("rco", "fetch-setup", str(store), "--webdav", URL, "--user", "rco", "--no-check")

    r = run_cli(*setup, "--every", "30", env=env)
    assert r.returncode == 0, r.stderr
    assert "Automatic fetch: every 30 minutes while the desk is unlocked." in r.stdout
    r = run_cli(*setup, env={**env, "COACHDESK_LANG": "es"})  # left out: kept
    assert r.returncode == 0, r.stderr
    assert "Traer del buzón automáticamente: cada 30 minutos" in r.stdout
    r = run_cli(*setup, "--every", "3", env=env)
    assert r.returncode != 0
    assert "not every 3." in r.stderr and "Traceback" not in r.stderr
    with RcoDesk.open(store, PASSPHRASE) as again:
        stored = fetch.fetch_settings(again)
        assert stored is not None and stored.every == 30  # the refusal changed nothing
    r = run_cli(*setup, "--every", "0", env=env)
    assert r.returncode == 0 and "Automatic fetch: off" in r.stdout
