"""Who did it: the actor of a command, stored on what it writes and carried by its events.

A person acts through a token: subject, the roles they acted with, their agency. Work
with no person behind it names itself as a system actor (`system:<what>`). Records
stored before actors were kept answer `system:unrecorded` rather than nothing.
"""
from __future__ import annotations

from dataclasses import dataclass

SYSTEM_PREFIX = "system:"


@dataclass(frozen=True)
class Actor:
    subject: str
    roles: tuple[str, ...] = ()
    agency: str | None = None

    @classmethod
    def system(cls, name: str) -> "Actor":
        return cls(SYSTEM_PREFIX + name)

    @property
    def is_system(self) -> bool:
        return self.subject.startswith(SYSTEM_PREFIX)

    def to_dict(self) -> dict:
        return {"subject": self.subject, "roles": list(self.roles), "agency": self.agency}

    @classmethod
    def from_value(cls, value) -> "Actor | None":
        """A stored or carried actor: the envelope's dict, a caller's {sub, roles, agency}
        (the services' older argument shape) or a bare subject string (older records)."""
        if isinstance(value, Actor):
            return value
        if isinstance(value, str) and value:
            return cls(value)
        if isinstance(value, dict):
            subject = value.get("subject") or value.get("sub")
            if isinstance(subject, str) and subject:
                roles = value.get("roles") or ()
                agency = value.get("agency")
                return cls(subject, tuple(sorted(str(r) for r in roles)),
                           agency if isinstance(agency, str) else None)
        return None


UNRECORDED = Actor.system("unrecorded")


def stored(value) -> dict:
    """What a record answers for its actor: the stored one, or `system:unrecorded`."""
    return (Actor.from_value(value) or UNRECORDED).to_dict()
