"""Dispatch rules and technicians' certificates (issue 17, items 2 and 17).

``assignment`` gets the dispatch rules the foreman overrode and the reason (existing jobs:
none); the new ``certification`` table holds each technician's certificates with their
expiry dates (an expired one counts as a missing skill). On PostgreSQL the new table
notifies the other desks as the tables of 0002 do (its trigger only: the list of watched
tables may hold tables of later migrations). 0001 creates the tables from the current
models, so a new database has them already."""


def up(migrator, db):
    import peewee

    from advisor.models import Certification

    have = {c.name for c in db.get_columns("assignment")}
    added = [
        ("override_rules", peewee.CharField(max_length=100, default="")),
        ("override_reason", peewee.TextField(default="")),
    ]
    operations = [migrator.add_column("assignment", name, field) for name, field in added if name not in have]
    if operations:
        migrator.migrate(*operations)
    if not db.table_exists("certification"):
        db.create_tables([Certification])
    if isinstance(db, peewee.PostgresqlDatabase):
        from advisor.live import FUNCTION_SQL

        db.execute_sql(FUNCTION_SQL)
        db.execute_sql('DROP TRIGGER IF EXISTS advisor_notify_certification ON "certification"')
        db.execute_sql(
            'CREATE TRIGGER advisor_notify_certification AFTER INSERT OR UPDATE OR DELETE ON "certification" '
            "FOR EACH STATEMENT EXECUTE FUNCTION advisor_notify()"
        )
