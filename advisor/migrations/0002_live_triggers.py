"""PostgreSQL: notify triggers for live updates between workstations (no-op on SQLite)."""


def up(migrator, db):
    from advisor.live import install_triggers

    install_triggers(db)
