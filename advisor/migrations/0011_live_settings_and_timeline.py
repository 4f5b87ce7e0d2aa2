"""PostgreSQL: live updates for the settings and the timeline too (no-op on SQLite).

Another desk's change of a setting (the idle lock's minutes, the bays, …) and a timeline
step written alone (the customer told of the progress: "Needs me" clears at every desk)
now notify the other workstations, as the tables of 0002 do. ``install_triggers`` drops
and creates the trigger of every watched table, so running it again is harmless."""


def up(migrator, db):
    from advisor.live import install_triggers

    install_triggers(db)
