"""Moved: Caseload is coachdesk.application.caseload (a core module must not import storage).

Kept only so modules not yet updated keep importing it (exchange/export.py, app/worker.py,
ui/*); allowlisted in tests/unit/test_layering.py, which fails once nothing imports it.
"""

from coachdesk.application.caseload import CLIENT, DISCLOSURE_LOOKBACK, Caseload

__all__ = ["CLIENT", "DISCLOSURE_LOOKBACK", "Caseload"]
