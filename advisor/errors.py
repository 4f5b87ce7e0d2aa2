"""Errors a user can fix (shown plainly, in their language) versus bugs.

Every ``UserError`` carries an English and a Chinese message. Services raise them
before writing anything, or inside a transaction that is then rolled back, so the
database is left untouched.
"""

from __future__ import annotations

from advisor.i18n import pick


class UserError(Exception):
    """An error caused by the user or the environment, with a bilingual message."""

    def __init__(self, en: str, zh: str, *, field: str | None = None) -> None:
        super().__init__(en)
        self.en = en
        self.zh = zh
        self.field = field

    def message(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        return pick(self.en, self.zh, lang)

    def __str__(self) -> str:
        return self.message()


class ValidationError(UserError):
    """Input that cannot be accepted (empty name, bad VIN, negative price…)."""


class FieldErrors(ValidationError):
    """Several fields refused at once: ``errors`` holds one ``UserError`` a field (with its
    ``field``), so a form can show each beside its input. The message lists them all."""

    def __init__(self, errors: list[UserError]) -> None:
        super().__init__(
            "\n".join(e.en for e in errors),
            "\n".join(e.zh for e in errors),
            field=errors[0].field if errors else None,
        )
        self.errors = list(errors)


class DuplicateVehicle(ValidationError):
    """The VIN or plate belongs to a vehicle on file: ``vehicle_id`` and ``customer_id`` say
    which, so the user can take that vehicle instead."""

    def __init__(self, en: str, zh: str, *, field: str, vehicle_id: int, customer_id: int) -> None:
        super().__init__(en, zh, field=field)
        self.vehicle_id = vehicle_id
        self.customer_id = customer_id


class GateError(UserError):
    """A rule of the service flow forbids this action now (e.g. no work before authorisation)."""


class PermissionDenied(UserError):
    """The user's role may not perform this action."""


class NotFound(UserError):
    """The record asked for does not exist."""


class ConflictError(UserError):
    """Someone else saved a newer version of this record first."""

    def __init__(self, en: str, zh: str, *, current: dict[str, object] | None = None) -> None:
        super().__init__(en, zh)
        self.current = current or {}


class AuthError(UserError):
    """Wrong user name or password, or the account is locked or inactive."""


class PasswordRequired(AuthError):
    """A PIN cannot open this session (none is set, it is locked after too many wrong
    tries, or it is the day's first sign-in): the full password is asked instead."""


class SessionExpired(AuthError):
    """The session no longer matches the account (deactivated, password reset, role
    changed, deleted): the call is refused and the user must log in again."""

    def __init__(self, reason_en: str, reason_zh: str) -> None:
        super().__init__(
            f"Your session has ended: {reason_en}. Please log in again.",
            f"您的会话已结束：{reason_zh}。请重新登录。",
        )


class StorageError(UserError):
    """The database cannot be reached or written (server down, disk full, locked)."""


class NotOwnerError(GateError):
    """An advisor acts on the advisor's steps of a repair order that is another advisor's
    (``workflow.check_owner``): its advisor or a service manager hands it over first."""


class OutsideRange(GateError):
    """A total outside the price range the customer was told (issue 17, item 7): the way
    out is the customer's consent or a corrected range told to them again."""
