"""Quick user switch on a shared PC (issue 16, item 6): each user's PIN (hashed as a
password), the count of wrong PINs in a row, and the time of the last password login (a
day's first sign-in takes the password). Existing accounts get no PIN, no failures and
no password login yet: their next sign-in is by password, as before. (0001 creates the
tables from the current models, so a new database has the columns already.)"""


def up(migrator, db):
    import peewee

    have = {c.name for c in db.get_columns("user")}
    added = [
        ("pin_hash", peewee.CharField(max_length=300, default="")),
        ("pin_failures", peewee.IntegerField(default=0)),
        ("last_password_login_at", peewee.DateTimeField(null=True)),
    ]
    operations = [migrator.add_column("user", name, field) for name, field in added if name not in have]
    if operations:
        migrator.migrate(*operations)
