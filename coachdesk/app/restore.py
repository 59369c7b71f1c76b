"""Restore lives in the application layer (coachdesk.application.vault_ops.restore_backup).

The window (ui/main_window.py) imports it from here; it runs on the database worker with the
vault closed, and the coach then unlocks the restored vault with the backup's passphrase.
"""

from coachdesk.application.vault_ops import restore_backup

__all__ = ["restore_backup"]
