"""QtCore glue: bootstrap, paths, settings, translations, the database worker."""
