"""The one enforcement case core shared by the culture and transport services."""
