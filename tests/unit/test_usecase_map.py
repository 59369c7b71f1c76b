"""Every use case with its command and its window action, checked against the real parser
and the real MainWindow: one side missing fails the test unless the table says why.

Window side: `action:NAME` is a QAction objectName on the unlocked MainWindow (menus and
shortcuts); `widget:module:Class[.attribute]` is a page, dialog or form the window shows.
`one_sided` says why a side is absent. `wired_by_lead` marks actions whose dialogs exist
(ui/vault_dialogs.py) but are not yet added to ui/main_window.py: the test checks that the
dialogs module creates them, and fails once they are on the window (delete the mark then).
"""

from __future__ import annotations

import argparse
import importlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from coachdesk.cli.main import build_parser
from coachdesk.ui import vault_dialogs

# The real window's fixtures (tests/ui/conftest.py), used here by name.
from tests.ui.conftest import (  # noqa: F401
    MakeWindow,
    clock,
    coach_vault,
    make_window,
    settings,
    unlock,
)


@dataclass(frozen=True)
class UseCase:
    name: str
    cli: str = ""  # "vault restore"
    window: str = ""  # "action:print" or "widget:coachdesk.ui.clients:ClientsPage"
    one_sided: str = ""  # why one side is missing
    wired_by_lead: bool = False


UI = "widget:coachdesk.ui"
USE_CASES = [
    # -- vault lifecycle (application/vault_ops.py) ----------------------------------------
    UseCase("create a vault", "vault init", f"{UI}.unlock:CreateVaultDialog"),
    UseCase(
        "unlock",
        window=f"{UI}.unlock:UnlockPage",
        one_sided="the CLI unlocks for each command (--passphrase-file / env / prompt)",
    ),
    UseCase(
        "lock", window="action:lock", one_sided="each CLI command locks the vault when it ends"
    ),
    UseCase(
        "check the vault",
        "vault check",
        one_sided="the window runs the quick checks at every unlock and opens a damaged vault "
        "read-only with a message; the full check is a command-line task",
    ),
    UseCase("back up", "vault backup", f"{UI}.settings_dialog:SettingsDialog.backup_requested"),
    UseCase("restore", "vault restore", f"{UI}.settings_dialog:SettingsDialog.restore_requested"),
    UseCase("change the passphrase", "vault passwd", "action:change_passphrase"),
    UseCase(
        "recover with the recovery code",
        "vault recover",
        "action:unlock_with_recovery_code",
    ),
    UseCase(
        "demo caseload",
        "demo-data",
        one_sided="the window opens a demo vault made by `coachdesk demo-data` (.ci/demo)",
    ),
    UseCase(
        "settings",
        window="action:settings",
        one_sided="window preferences (language, idle lock, vault folder) mean nothing to a CLI",
    ),
    # -- caseload (application/caseload.py) ------------------------------------------------
    UseCase("add a client", "client add", "action:new_client"),
    UseCase("list clients", "client list", f"{UI}.clients:ClientsPage"),
    UseCase("show a client", "client show", f"{UI}.workspace:ClientWorkspace"),
    UseCase("search", "search", "action:find"),
    UseCase("add a note", "note add", "action:new_note"),
    # -- win (issue 17): notes are records, read in full and corrected by an addendum ------
    UseCase("list a client's notes", "note list", f"{UI}.forms.notes:NotesList"),
    UseCase("read a note in full", "note show", f"{UI}.forms.notes:NoteReader"),
    UseCase(
        "remember the clients opened last",
        window=f"{UI}.today:TodayPage.set_recent",
        one_sided="Today's recent clients, a window list (kept in the vault across a restart)",
    ),
    UseCase(
        "add an addendum under a note",
        "note addendum",
        f"{UI}.forms.notes:NoteReader.addendum_requested",
    ),
    UseCase("record a BARC-10", "assess barc10", f"{UI}.forms.barc10:Barc10Form"),
    UseCase("record a family follow-up", "assess family", f"{UI}.family:FamilyFollowUpDialog"),
    UseCase("show the plan", "plan show", f"{UI}.forms.plan_editor:PlanEditor"),
    UseCase(
        "save the plan (a new version, or the working version updated: application/plans.py)",
        window=f"{UI}.forms.plan_editor:PlanEditor.save_requested",
        one_sided="plans are edited in the window; the CLI shows and prints them",
    ),
    UseCase(
        "edit the plan, consents, outcomes, referrals, resources",
        window=f"{UI}.forms.consent:ConsentForm",
        one_sided="structured editing is the window's; the CLI covers intake, notes, BARC-10",
    ),
    UseCase("today's reminders", "today list", f"{UI}.today:TodayPage"),
    UseCase("mark a Today item done", "today done", f"{UI}.today:TodayPage.mark_done"),
    UseCase("move a Today item to a later day", "today later", f"{UI}.today:TodayPage.snooze"),
    UseCase(
        "client overview",
        window=f"{UI}.overview:OverviewPage",
        one_sided="a window page summing up the record the CLI shows command by command",
    ),
    # -- documents (application/documents.py) ----------------------------------------------
    UseCase("plan PDF (save / print, disclosure)", "plan pdf", "action:print"),
    # -- exchange (application/enrollment.py, exchange/) -----------------------------------
    UseCase("enroll with the RCO", "vault enroll", "action:enroll"),
    UseCase("export outcomes into the outbox", "export", "action:export_outcomes"),
    UseCase("sync", "sync", "action:sync_now"),
    UseCase("sync settings", "sync-setup", "action:sync_settings"),
    UseCase("outbox", "outbox", "action:outbox"),
    # -- the RCO desk (rco/, application/rco_desk.py, application/rco_fetch.py): the desk
    # window (ui/rco/) and `coachdesk rco` call the same use cases ----------------------------
    *(
        UseCase(f"RCO: {command}", f"rco {command}", f"widget:coachdesk.ui.rco.{widget}")
        for command, widget in (
            ("init", "window:StartPage.create_requested"),
            ("import", "window:ImportPage.import_requested"),
            ("history", "window:ImportPage.show_history"),
            ("flags", "dialogs:AcknowledgeFlagDialog"),
            ("devices", "dialogs:ConfirmDeviceDialog"),
            ("report", "dialogs:ExportReportDialog"),
            ("directory add", "window:DirectoryPage.save_requested"),
            ("directory list", "window:DirectoryPage.show_entries"),
            ("directory remove", "window:DirectoryPage.remove_requested"),
            ("directory publish", "window:DirectoryPage.publish_requested"),
            ("fetch", "window:ImportPage.fetch_requested"),
            ("backup", "store_page:StorePage.backup_requested"),
            ("restore", "dialogs:RestoreDialog"),
            ("check", "store_page:StorePage.check_requested"),
            ("passwd", "store_page:StorePage.passphrase_requested"),
            ("audit", "store_page:StorePage.show_audit"),
        )
    ),
    UseCase(
        "RCO: enrollment",
        "rco enrollment",
        one_sided="written once per RCO (and after a rotation) from the command line",
    ),
    UseCase(
        "RCO: records", "rco records", one_sided="JSON for other tools; the desk shows figures"
    ),
    UseCase("RCO: open", "rco open", one_sided="a diagnostic: one bundle's payload as JSON"),
    UseCase(
        "RCO store: recover",
        "rco recover",
        "widget:coachdesk.ui.rco.window:RcoWindow._recovery_dialog",  # the start page's button
    ),
    *(
        UseCase(f"RCO store: {command}", f"rco {command}", one_sided=why)
        for command, why in (
            ("rotate", "a rare, planned change of the RCO's keys: command line only"),
            ("fetch-setup", "the inbox is set up once by the RCO's IT from the command line"),
            ("migrate-store", "moving a store to PostgreSQL is IT's task: command line only"),
        )
    ),
    UseCase("RCO desk window", "rco desk", "widget:coachdesk.ui.rco.window:RcoWindow"),
    # the schedule alone, in the window (the rest of fetch-setup is IT's, above)
    UseCase(
        "RCO: fetch automatically while unlocked",
        "rco fetch-setup",
        "widget:coachdesk.ui.rco.window:RcoWindow._save_schedule",
    ),
    # -- warm hand-off (application/handoff.py; issue 19) ---------------------------------
    UseCase("hand off a client: preview and send", "handoff send", "action:handoff"),
    UseCase("hand-offs received and sent", "handoff list", "action:incoming_handoffs"),
    UseCase(
        "the team roster",
        "handoff roster",
        f"{UI}.handoff:HandOffDialog",  # its receiving-coach picker
    ),
    UseCase("accept a hand-off", "handoff accept", f"{UI}.handoff:IncomingDialog.accept_selected"),
    UseCase("refuse a hand-off", "handoff refuse", f"{UI}.handoff:IncomingDialog.refuse_selected"),
    UseCase(
        "fetch hand-offs addressed to this device",
        window=f"{UI}.handoff:IncomingDialog.check_now",
        one_sided="the CLI fetches them with every `coachdesk sync`",
    ),
    # -- suggestions to the directory (issue 20: application/suggestions.py, rco/curation.py) --
    UseCase("suggest to the RCO's directory", "resources suggest", f"{UI}.suggest:SuggestDialog"),
    UseCase(
        "my suggestions and what the directory changed",
        "resources suggestions",
        f"{UI}.suggest:SuggestionsDialog",
    ),
    *(
        UseCase(
            f"RCO: suggestions {command}",
            f"rco suggestions {command}",
            f"widget:coachdesk.ui.rco.suggestions_page:SuggestionsPage.{attribute}",
        )
        for command, attribute in (
            ("list", "show_groups"),
            ("linkage", "show_groups"),
            ("accept", "accept_requested"),
            ("reject", "reject_requested"),
        )
    ),
]


def _cli_commands() -> set[str]:
    found: set[str] = set()

    def walk(parser: argparse.ArgumentParser, prefix: tuple[str, ...]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found.add(" ".join((*prefix, name)))
                    walk(sub, (*prefix, name))

    walk(build_parser(), ())
    return found


def test_the_table_is_well_formed() -> None:
    for case in USE_CASES:
        sides = bool(case.cli) + bool(case.window)
        assert sides == 2 or case.one_sided, f"{case.name}: say why it is one-sided"
        assert not (sides == 2 and case.one_sided), f"{case.name}: both sides exist"


def test_every_cli_command_exists_and_is_in_the_table() -> None:
    commands = _cli_commands()
    listed = {case.cli for case in USE_CASES if case.cli}
    assert listed <= commands, f"missing commands: {sorted(listed - commands)}"
    leaves = {c for c in commands if not any(o.startswith(c + " ") for o in commands)}
    assert leaves <= listed, f"commands missing from the table: {sorted(leaves - listed)}"


def _widget_exists(spec: str) -> bool:
    module_name, _, rest = spec.removeprefix("widget:").partition(":")
    class_name, _, attribute = rest.partition(".")
    cls = getattr(importlib.import_module(module_name), class_name, None)
    return cls is not None and (not attribute or hasattr(cls, attribute))


def test_every_window_action_exists(
    qtbot: QtBot,
    make_window: MakeWindow,  # noqa: F811 - the fixture imported above
    coach_vault: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    window = make_window()
    unlock(qtbot, window)
    names = {a.objectName() for a in window.findChildren(QAction)}
    from_dialogs = {
        a.objectName() for a in vault_dialogs.add_vault_actions(QMenu(), window, lambda: tmp_path)
    }
    for case in USE_CASES:
        if case.window.startswith("action:"):
            name = case.window.removeprefix("action:")
            if case.wired_by_lead:
                assert name in from_dialogs, case.name
                assert name not in names, f"{case.name} is wired now: drop wired_by_lead"
            else:
                assert name in names, f"{case.name}: no action {name!r} on the window"
        elif case.window:
            assert _widget_exists(case.window), f"{case.name}: {case.window} not found"
