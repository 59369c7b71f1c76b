"""QtCore glue for the desktop windows: bootstrap, paths, settings, translations, the workers,
the idle lock."""
