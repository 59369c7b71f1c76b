"""Moved: Caseload is coachdesk.application.caseload (a core module must not import storage).

Kept only so the modules not yet updated keep importing it (exchange/export.py, app/worker.py,
ui/main_window.py, ui/workspace.py, ui/clients.py, ui/exchange.py; the CLI and the tests use the
new path). Allowlisted in tests/unit/test_layering.py: delete it with its last user.
"""

from coachdesk.application.caseload import CLIENT, DISCLOSURE_LOOKBACK, Caseload

__all__ = ["CLIENT", "DISCLOSURE_LOOKBACK", "Caseload"]
