"""The application layer: every use case once, Qt-free (docs/architecture.md)."""
