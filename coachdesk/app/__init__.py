"""QtCore glue for the desktop window: bootstrap, paths, settings, translations, the worker."""

from coachdesk.app.qtguard import keep_none_alive

keep_none_alive()
