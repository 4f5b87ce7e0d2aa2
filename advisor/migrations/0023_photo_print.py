"""The print copy of each photo (issue 18): ``photo.print_jpeg``, ≤ 640 px, made once when
the photo is added, so that a printed sheet of 40 photos embeds small pictures without
resizing any (a photo stored before has none: the sheet resizes it while printing)."""


def up(migrator, db):
    import peewee

    if "print_jpeg" not in {c.name for c in db.get_columns("photo")}:
        migrator.migrate(migrator.add_column("photo", "print_jpeg", peewee.BlobField(null=True)))
