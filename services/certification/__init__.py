"""Certification bounded context: officers, exams, certificates, qualification checks."""
