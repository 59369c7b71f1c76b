"""QtWidgets: the window, dialogs, widgets, models, lock screen, plots."""

from coachdesk.app.qtguard import keep_none_alive

keep_none_alive()
