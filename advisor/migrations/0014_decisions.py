"""Every decision recorded (issue 17, items 4 and 7).

- ``change_request.refusal_reason``: the reason (a ``decline_reason`` id, the list the
  call list uses) the customer gave when refusing a change request.
- ``repair_order.range_told_by/at/method/to``: who told the customer the price range,
  when, how and to whom (the range itself is ``price_low_cents``/``price_high_cents``,
  now kept as told: it is never widened to fit a total).
- ``authorisation.outside_range``: the customer agreed, at the authorisation, to a total
  outside the range they had been told.

Existing rows get no reason, no teller and no agreement: an old refusal shows "(no reason
given)", an old range no teller. (0001 creates the tables from the current models, so a
new database has the columns already.)"""


def up(migrator, db):
    import peewee

    wanted = {
        "change_request": [("refusal_reason", peewee.IntegerField(null=True))],
        "repair_order": [
            ("range_told_by", peewee.IntegerField(null=True)),
            ("range_told_at", peewee.DateTimeField(null=True)),
            ("range_told_method", peewee.CharField(max_length=16, default="")),
            ("range_told_to", peewee.CharField(max_length=100, default="")),
        ],
        "authorisation": [("outside_range", peewee.BooleanField(default=False))],
    }
    operations = []
    for table, added in wanted.items():
        have = {c.name for c in db.get_columns(table)}
        operations += [migrator.add_column(table, name, field) for name, field in added if name not in have]
    if operations:
        migrator.migrate(*operations)
