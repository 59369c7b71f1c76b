"""Domain model and use cases. No Qt here (ARCHITECTURE.md rule 1)."""
