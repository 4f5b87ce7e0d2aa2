"""Evidence the customer can see (issue 18): the tables ``photo``, ``inspection_item``,
``inspection``, ``inspection_result`` and ``signature``; the vehicle's ``kind`` (which
inspection checklist applies); and, on an authorisation, a change request and the RO's
handover, the reason an in-person customer did not sign. (0001 creates the tables from
the current models, so a new database has them already.)"""


def up(migrator, db):
    import peewee

    from advisor.live import install_triggers
    from advisor.models import Inspection, InspectionItem, InspectionResult, Photo, Signature

    db.create_tables([Photo, InspectionItem, Inspection, InspectionResult, Signature], safe=True)
    columns = [
        ("vehicle", "kind", peewee.CharField(max_length=16, default="car")),
        ("authorisation", "no_signature_reason", peewee.TextField(default="")),
        ("change_request", "no_signature_reason", peewee.TextField(default="")),
        ("repair_order", "handover_no_signature_reason", peewee.TextField(default="")),
    ]
    operations = []
    for table, name, field in columns:
        if name not in {c.name for c in db.get_columns(table)}:
            operations.append(migrator.add_column(table, name, field))
    if operations:
        migrator.migrate(*operations)
    install_triggers(db)
