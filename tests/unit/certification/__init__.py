"""Unit tests of the pure certification model."""
