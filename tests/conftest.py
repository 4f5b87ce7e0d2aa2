"""Test set-up: Qt offscreen, a fresh database per test (SQLite, or PostgreSQL when
ADVISOR_TEST_DATABASE_URL is set), fast password hashing, and the staff of a dealership."""

# ruff: noqa: E402  (Qt's platform must be chosen before anything imports Qt)
from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Offscreen, on a 1920×1080 screen (Qt's default offscreen screen is 800×800: a window of
# 1366×768 would hang off it, and nothing past 800 px could be hit-tested as a person clicks).
_SCREEN = Path(__file__).resolve().with_name("offscreen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts=false")

from collections.abc import Iterator

import peewee
import pytest

from advisor import auth, db, i18n
from advisor.models import ALL_MODELS
from tests import factories

PG_URL = os.environ.get("ADVISOR_TEST_DATABASE_URL", "")
_pg_ready = False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if PG_URL:
        return
    skip = pytest.mark.skip(reason="needs ADVISOR_TEST_DATABASE_URL (PostgreSQL)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


# One audit key for the whole run (a dealership's), never in the user's own data folder;
# subprocesses inherit it through the environment.
_AUDIT_DIR = Path(tempfile.mkdtemp(prefix="advisor-audit-"))
os.environ["ADVISOR_AUDIT_KEY_FILE"] = str(_AUDIT_DIR / "audit.key")
os.environ["ADVISOR_AUDIT_HEAD_FILE"] = str(_AUDIT_DIR / "audit-head.json")


@pytest.fixture(autouse=True)
def _audit_head(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Each test seals its database's head in its own file (the PostgreSQL test database
    # is emptied between tests: a head sealed by the last test would read as truncation).
    monkeypatch.setenv("ADVISOR_AUDIT_HEAD_FILE", str(tmp_path / "audit-head.json"))


@pytest.fixture(autouse=True)
def _fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    # OWASP scrypt parameters take ~0.3 s a hash; tests check behaviour, not cost.
    monkeypatch.setattr(auth, "SCRYPT_N", 2**10)
    i18n.set_language("en")


def _reset_postgres(database: peewee.Database) -> None:
    global _pg_ready
    if not _pg_ready:
        tables = database.get_tables()
        if tables:
            database.execute_sql("DROP TABLE IF EXISTS " + ", ".join(f'"{t}"' for t in tables) + " CASCADE")
        db.run_migrations(database)
        _pg_ready = True
        return
    names = ", ".join(f'"{m._meta.table_name}"' for m in ALL_MODELS)
    database.execute_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")


@pytest.fixture
def database(tmp_path: Path) -> Iterator[peewee.Database]:
    """A fresh, migrated database with the reference data."""
    from advisor.reference import ensure_reference_data

    if PG_URL:
        database = db.open_database(PG_URL, migrate=False)
        _reset_postgres(database)
    else:
        database = db.open_database(f"sqlite:///{tmp_path / 'test.db'}")
    with database.atomic():
        ensure_reference_data()
    yield database
    db.close_database()


@pytest.fixture
def staff(database: peewee.Database) -> factories.Staff:
    """One user of every role, plus technicians."""
    return factories.make_staff()


@pytest.fixture
def url(database: peewee.Database, tmp_path: Path) -> str:
    """The URL of the test database (for the CLI and subprocesses)."""
    return PG_URL or f"sqlite:///{tmp_path / 'test.db'}"
