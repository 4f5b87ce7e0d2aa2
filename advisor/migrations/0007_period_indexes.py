"""Indexes on the dates that put a record in a KPI period (issue 15).

Every figure of the dashboard, its drill-downs and the Excel summary is anchored on one
date: settled, QC passed, line decided, job done, request booked, part arrived, change
raised (arrival, handover, appointment time and contact time were indexed already).
Without an index on that date each query read the whole table — every approved line or
finished job ever stored — so a month cost what the history held (January 2020, with
no ROs at all, took 1.6 s at 100k ROs). With them a period reads its own rows.

The settlement index is partial: only the settlement in force (``superseded_by`` null)
is ever counted, and every KPI query says so.

The queries do not rely on statistics to pick these indexes (``advisor.kpi._sql``:
every other condition is unindexed); ``db.run_migrations`` refreshes SQLite's
statistics after migrating all the same.
"""

INDEXES = (
    ("settlement_in_force_at", "settlement", '"at"', '"superseded_by" IS NULL'),
    ("repair_order_qc_passed_at", "repair_order", '"qc_passed_at"', None),
    ("estimate_line_decided_at", "estimate_line", '"decided_at"', None),
    ("assignment_done_at", "assignment", '"done_at"', None),
    ("appointment_created_at", "appointment", '"created_at"', None),
    ("part_order_arrived_at", "part_order", '"arrived_at"', None),
    ("change_request_raised_at", "change_request", '"raised_at"', None),
)


def up(migrator, db):
    for name, table, columns, where in INDEXES:
        sql = f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ({columns})'
        db.execute_sql(sql + (f" WHERE {where}" if where else ""))
