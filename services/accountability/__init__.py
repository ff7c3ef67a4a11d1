"""Accountability: findings against officers, sanctions, the rectification ledger."""
