"""The `coachdesk` command line: a stable, scriptable front-end over the same use cases."""
