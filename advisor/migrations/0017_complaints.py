"""Complaints and crises, improvement actions and customer care (issue 17, items 13–15):
the tables ``complaint``, ``improvement_action`` and ``holiday``, the customer's
``birthday`` (and its month-and-day key, indexed), and (PostgreSQL) live updates for the complaints and actions. (0001 creates
the tables from the current models, so a new database has them already.)"""


def up(migrator, db):
    import peewee

    from advisor.live import install_triggers
    from advisor.models import Complaint, Holiday, ImprovementAction

    db.create_tables([Complaint, ImprovementAction, Holiday], safe=True)
    have = {c.name for c in db.get_columns("customer")}
    added = [
        ("birthday", peewee.DateField(null=True)),
        ("birthday_md", peewee.IntegerField(null=True)),
    ]
    operations = [migrator.add_column("customer", name, field) for name, field in added if name not in have]
    if operations:
        migrator.migrate(*operations)
    db.execute_sql('CREATE INDEX IF NOT EXISTS "customer_birthday_md" ON "customer" ("birthday_md")')
    install_triggers(db)
