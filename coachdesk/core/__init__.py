"""Domain model and use cases. No Qt here (docs/architecture.md rule 1)."""
