"""Uniqueness the database enforces (issue 13), not only the services' checks: one
vehicle per VIN, one per plate, and one open repair order per vehicle (open = status
'open' and not yet handed over, as ``reception.open_repair_order`` counts it). Partial
indexes work on SQLite and PostgreSQL alike.

Data that already breaks a rule (two desks racing before this release) stops the
migration with the rows named, before any index is made, so the administrator can merge
them; nothing is changed in that case."""

INDEXES = (
    ('"vehicle_vin_unique"', '"vehicle" ("vin")', ""),
    ('"vehicle_plate_unique"', '"vehicle" ("plate")', ""),
    ('"repair_order_one_open_per_vehicle"', '"repair_order" ("vehicle_id")',
     " WHERE \"status\" = 'open' AND \"handed_over_at\" IS NULL"),
)

CHECKS = (
    ("VIN", "车架号", 'SELECT "vin", COUNT(*) FROM "vehicle" GROUP BY "vin" HAVING COUNT(*) > 1'),
    ("plate", "车牌", 'SELECT "plate", COUNT(*) FROM "vehicle" GROUP BY "plate" HAVING COUNT(*) > 1'),
    ("open repair orders of vehicle", "车辆的未完成工单",
     'SELECT "vehicle_id", COUNT(*) FROM "repair_order" WHERE "status" = \'open\' '
     'AND "handed_over_at" IS NULL GROUP BY "vehicle_id" HAVING COUNT(*) > 1'),
)


def up(migrator, db):
    from advisor.errors import StorageError

    found = []
    for en, zh, sql in CHECKS:
        rows = list(db.execute_sql(sql + " LIMIT 20"))
        found += [(en, zh, value, n) for value, n in rows]
    if found:
        raise StorageError(
            "The database holds duplicates to merge before this version can run: "
            + "; ".join(f"{en} {value} ×{n}" for en, _zh, value, n in found),
            "数据库中有重复记录，须先合并才能运行此版本："
            + "；".join(f"{zh} {value} ×{n}" for _en, zh, value, n in found),
        )
    for name, target, where in INDEXES:
        db.execute_sql(f"CREATE UNIQUE INDEX IF NOT EXISTS {name} ON {target}{where}")
