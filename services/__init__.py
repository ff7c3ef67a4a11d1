"""jointops services: one package per bounded context, plus the shared bus library."""
