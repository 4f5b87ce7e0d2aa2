"""Service Advisor domain: models, the 13-step workflow, services. Never imports Qt."""

import sys


def _import_peewee_without_psycopg() -> None:
    """Import peewee without letting it import psycopg (about 70 ms of start-up).

    peewee imports every database driver it knows when it is imported. A workstation on
    the SQLite file never needs psycopg, so it is hidden during that import and
    ``advisor.db.make_database`` hands it to peewee when a PostgreSQL URL is opened.
    """
    if "peewee" in sys.modules or "psycopg" in sys.modules:
        return
    sys.modules["psycopg"] = None  # type: ignore[assignment]  # "import psycopg" fails fast
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg"]


_import_peewee_without_psycopg()
