"""Sessions checked on every call (issue 13): ``user.session_gen``, raised by a password
reset, a role change and a deactivation; a session that logged in with an older number
is refused. (0001 creates tables from the current models, so a new database has it.)"""


def up(migrator, db):
    import peewee

    if "session_gen" not in {c.name for c in db.get_columns("user")}:
        migrator.migrate(migrator.add_column("user", "session_gen", peewee.IntegerField(default=0)))
