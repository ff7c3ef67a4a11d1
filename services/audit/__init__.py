"""The audit trail: every event on the bus, appended to one hash-chained log."""
