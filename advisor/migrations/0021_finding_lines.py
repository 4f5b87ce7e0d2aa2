"""Every estimate line an inspection finding became knows it (issue 18):
``estimate_line.finding`` (an ``InspectionResult`` id). A finding with a canned job becomes
several lines (the labour and the pads); ``inspection_result.line`` points at the first
only, so the others could not show the finding's photo nor come back with it. Lines made
before are filled from ``inspection_result.line``. (0001 creates the tables from the
current models, so a new database has the column already.)"""


def up(migrator, db):
    import peewee

    if "finding" not in {c.name for c in db.get_columns("estimate_line")}:
        migrator.migrate(migrator.add_column("estimate_line", "finding", peewee.IntegerField(null=True)))
    db.execute_sql(
        "UPDATE estimate_line SET finding = (SELECT r.id FROM inspection_result r WHERE r.line = estimate_line.id) "
        "WHERE finding IS NULL AND id IN (SELECT line FROM inspection_result WHERE line IS NOT NULL)"
    )
