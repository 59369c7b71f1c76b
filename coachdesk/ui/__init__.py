"""QtWidgets: the windows, dialogs, widgets, models, lock screen, plots."""
