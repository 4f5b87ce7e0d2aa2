"""The call list's cars due by kilometres, found through an index of the kilometres left
to their next service (``next_service_km - mileage_km``): the condition compared two
columns of every car, so the list read the whole vehicle table in next-service-date
order, the ~97,000 never-serviced cars (no date) first at 1M ROs."""


def up(migrator, db):
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "vehicle_km_to_service" ON "vehicle" (("next_service_km" - "mileage_km"))'
    )
