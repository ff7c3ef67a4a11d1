"""Transport enforcement context (uses the shared enforcement core)."""
