"""Issue 17, items 11 and 12: the technician's self-check before QC (``self_check``) and
an appointment's preparation ticks (``appointment_prep``), both watched by the live
updates. (0001 creates the tables from the current models, so a new database has them
already; ``install_triggers`` is harmless to run again.)"""


def up(migrator, db):
    from advisor.live import install_triggers
    from advisor.models.standards import AppointmentPrep, SelfCheck

    db.create_tables([SelfCheck, AppointmentPrep], safe=True)
    install_triggers(db)
