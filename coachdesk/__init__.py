"""CoachDesk: an offline, encrypted workspace for recovery coaches."""

__version__ = "0.1.0"
