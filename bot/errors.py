"""Domain errors: each carries a message a person can act on."""


class DomainError(Exception):
    """A request the bot cannot carry out; `str(error)` says why and what would work."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TermsError(DomainError):
    """A ToR file that cannot be read or does not validate."""


class UsageError(DomainError):
    """A command that does not parse; the message shows the right form. `missing` names an argument left out (e.g.
    `poll`), so the conversation can list the ones that would do."""

    def __init__(self, message: str, missing: str | None = None) -> None:
        super().__init__(message)
        self.missing = missing


class NotAllowed(DomainError):
    """The ToR does not let this person do this."""


class NotFound(DomainError):
    """A meeting, poll, person or group that is not in the record."""
