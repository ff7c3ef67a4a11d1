"""Culture-market enforcement context (uses the shared enforcement core)."""
