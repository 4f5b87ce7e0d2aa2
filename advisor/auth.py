"""Roles, permissions and password hashing (scrypt at OWASP parameters)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

ROLES = ("advisor", "foreman", "technician", "parts_clerk", "cashier", "manager", "admin")
ROLE_LABELS = {
    "advisor": ("Service advisor", "服务顾问"),
    "foreman": ("Workshop foreman", "车间主管"),
    "technician": ("Technician", "技师"),
    "parts_clerk": ("Parts clerk", "配件员"),
    "cashier": ("Cashier", "收银员"),
    "manager": ("Service manager", "服务经理"),
    "admin": ("Administrator", "系统管理员"),
}

_ADVISOR = {"advisor", "manager"}
_WORKSHOP = {"foreman", "manager"}
# Each action names the roles that may perform it; checked inside every service.
PERMISSIONS: dict[str, set[str]] = {
    "customer.edit": _ADVISOR | {"admin"},
    "customer.view_phone": _ADVISOR | {"cashier", "admin", "parts_clerk"},
    "customer.erase": {"manager", "admin"},
    "solicitation.log": _ADVISOR,
    "appointment.book": _ADVISOR,
    "appointment.override": _ADVISOR,
    "ro.open": _ADVISOR,
    "ro.reassign": _ADVISOR,
    "ro.checkin": _ADVISOR,
    "concern.record": _ADVISOR,
    "concern.finding": _ADVISOR | {"foreman", "technician"},
    "estimate.edit": _ADVISOR,
    "estimate.authorise": _ADVISOR,
    "parts.manage": {"parts_clerk", "manager"},
    "parts.reserve": {"parts_clerk", "advisor", "manager"},
    "work.assign": _WORKSHOP,
    "work.clock": _WORKSHOP | {"technician"},
    "change.raise": _WORKSHOP | {"technician", "advisor"},
    "change.consent": _ADVISOR,
    "change.approve_major": {"manager"},
    "qc.inspect": _WORKSHOP,
    "wash.record": _ADVISOR | {"foreman"},
    "settle": _ADVISOR,
    "explain": _ADVISOR,
    "pay": {"cashier", "manager"},
    "handover": _ADVISOR,
    "followup.log": _ADVISOR,
    "task.done": _ADVISOR | {"parts_clerk", "foreman"},
    "kpi.view": {"manager", "admin"},
    "export": {"manager", "admin"},
    "users.manage": {"admin"},
    "settings.edit": {"admin", "manager"},
    "backup": {"admin"},
    "audit.view": {"manager", "admin"},
}

# OWASP (2025): scrypt N=2^17, r=8, p=1.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1


def may(role: str, action: str) -> bool:
    """True when ``role`` may perform ``action``."""
    return role in PERMISSIONS.get(action, set())


def hash_password(password: str, *, n: int | None = None) -> str:
    """A salted scrypt hash, encoded with its parameters (tests may lower ``SCRYPT_N``)."""
    n = n or SCRYPT_N
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode(), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P, maxmem=256 * 1024 * 1024
    )
    b64 = base64.b64encode
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, encoded: str) -> bool:
    """Check ``password`` against a hash made by ``hash_password`` (constant time)."""
    try:
        scheme, n, r, p, salt, digest = encoded.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    calc = hashlib.scrypt(
        password.encode(),
        salt=base64.b64decode(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        maxmem=256 * 1024 * 1024,
    )
    return hmac.compare_digest(calc, base64.b64decode(digest))
