"""What the window's start does before and right after the lock screen's first paint (issue 18):
the window's options read without argparse the way argparse reads them, and SQLCipher proved to
work on the loader thread before any window that could open a vault is built."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coachdesk.__main__ import _encryption_problem
from coachdesk.app import bootstrap
from coachdesk.app import settings as opts
from coachdesk.app.settings import Settings
from coachdesk.app.startup import StagedStart
from coachdesk.cli import selftest


def _argparse(argv: list[str]) -> tuple[Path | None, str | None, bool, list[str]]:
    parser = argparse.ArgumentParser(prog="coachdesk")
    parser.add_argument("--vault-dir", type=Path)
    parser.add_argument("--lang", choices=["en", "es"])
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--quit-when-shown", action="store_true")
    args, rest = parser.parse_known_args(argv)
    return args.vault_dir, args.lang, args.quit_when_shown, rest


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--lang", "es"],
        ["--lang=en", "--vault-dir=/tmp/v w"],
        ["--quit-when-shown", "--vault-dir", "/tmp/vaults", "--demo"],
        ["-platform", "offscreen", "--lang", "es", "-style", "fusion"],
    ],
)
def test_the_quick_reading_of_the_options_is_argparses(argv: list[str]) -> None:
    assert bootstrap._quick_args(argv) is not None
    assert bootstrap._parse(argv) == _argparse(argv)


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["-h"], ["--vault", "/tmp"], ["--lang", "fr"], ["--lang"], ["--demo=1"]],
)
def test_what_only_argparse_answers_goes_to_argparse(argv: list[str]) -> None:
    assert bootstrap._quick_args(argv) is None  # help, abbreviations, wrong or missing values


def test_the_window_is_not_built_where_sqlcipher_does_not_work(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken() -> dict[str, object]:
        raise RuntimeError("SQLCipher 4 is not available: refusing to run without encryption")

    monkeypatch.setattr(selftest, "check_sqlcipher", broken)
    bootstrap.create_app()
    settings = Settings(tmp_path / "settings.ini")
    settings.set(opts.VAULTS_DIR, str(tmp_path / "vaults"))
    start = StagedStart(settings, prove=_encryption_problem)  # what `coachdesk` passes
    qtbot.addWidget(start.frame)
    start.show()
    with pytest.raises(SystemExit) as ended:
        start.finish()  # as after the loader, or at an early Unlock click
    assert ended.value.code == 1
    assert start.window is None  # no window that could open or write a vault
    err = capsys.readouterr().err
    assert "encryption (SQLCipher 4) is not available in this installation" in err
    assert "Traceback" not in err
