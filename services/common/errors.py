"""Business-rule refusals. Every refusal carries a stable machine-readable code.

Domain code raises DomainError; the gateway turns it into a `UserError` entry of the
mutation payload (never a GraphQL error, never a 500).
"""


class DomainError(Exception):
    """A request refused by a business rule; nothing was changed."""

    def __init__(self, code: str, message: str, field=None, **details):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.field = list(field) if field else None
        self.details = details

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "field": self.field,
                **({"details": self.details} if self.details else {})}


class NotFound(DomainError):
    def __init__(self, what: str, ident, field=None):
        super().__init__("NOT_FOUND", f"{what} {ident} does not exist", field)


class InvalidInput(DomainError):
    def __init__(self, message: str, field=None):
        super().__init__("INVALID_INPUT", message, field)
