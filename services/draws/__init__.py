"""Draws context: the "double random, one public" draw of entities and inspectors."""
