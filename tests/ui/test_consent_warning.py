"""The client's header warns when every consent has ended (issue 17: a client whose only
consent expired got no warning), and when every active one ends within 30 days; a client who
never signed one gets no header warning (the overview says so). The real window, en and es."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Consent
from coachdesk.storage.vault import Vault
from coachdesk.ui.common import fmt_date
from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock
from tests.ui.test_language_and_access import open_client_in, seed_client


def _consent(client_id: int, signed: date, ends: date) -> Consent:
    return Consent(
        client_id,
        "Harbor Recovery Community",
        "Attendance and plan progress",
        "County drug court",
        "Court supervision",
        "In writing to the coach",
        ends,
        "",
        "Teodora Quillan",
        signed,
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_header_warns_when_the_only_consent_expired(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, language: str
) -> None:
    client_id = seed_client(coach_vault)
    ended = date.today() - timedelta(days=3)
    with Vault.open(coach_vault, PASSPHRASE) as vault:
        Caseload(vault).add_consent(_consent(client_id, ended - timedelta(days=200), ended))
    window = make_window(language)
    unlock(qtbot, window)
    open_client_in(qtbot, window, client_id)
    warning = window.workspace.consent_warning
    qtbot.waitUntil(warning.isVisible, timeout=5_000)
    expected = {
        "en": "No active consent (the last one ended on {d}): nothing may be disclosed.",
        "es": "Ningún consentimiento vigente (el último terminó el {d}): "
        "no se puede divulgar nada.",
    }[language]
    assert warning.text() == expected.format(d=fmt_date(ended))

    # a new consent ending within 30 days: the warning turns into a reminder to renew
    soon = date.today() + timedelta(days=10)
    window.workspace._show_consents(  # what a saved consent shows (its write is tested apart)
        [
            _consent(client_id, ended - timedelta(days=200), ended),
            _consent(client_id, date.today(), soon),
        ]
    )
    assert warning.isVisible() and fmt_date(soon) in warning.text()
    # one active for a year: no warning
    window.workspace._show_consents(
        [_consent(client_id, date.today(), date.today() + timedelta(days=365))]
    )
    assert not warning.isVisible()
    window.workspace._show_consents([])  # never signed one: the overview says so, not the header
    assert not warning.isVisible()
