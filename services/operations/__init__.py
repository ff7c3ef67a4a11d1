"""Joint operations of the culture and transport enforcement detachments."""
