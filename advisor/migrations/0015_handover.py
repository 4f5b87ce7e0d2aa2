"""The follow-up window enforced (issue 17, item 8): ``follow_up.customer_initiated`` marks
a call the customer started, the only kind that may be logged before 24 h after handover.
Calls logged before the rule were all made by the dealership (false). (0001 creates the
tables from the current models, so a new database has the column already.)"""


def up(migrator, db):
    import peewee

    if "customer_initiated" not in {c.name for c in db.get_columns("follow_up")}:
        migrator.migrate(
            migrator.add_column("follow_up", "customer_initiated", peewee.BooleanField(default=False))
        )
