"""The whole load: ``generate``, the order of the run, and the final touches after the bulk insert."""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable

import peewee

from advisor import audit
from advisor.db import database_proxy, is_postgres, refresh_statistics
from advisor.demo.base import Seen
from advisor.demo.data import DEMO_DEALER, MAX_PER_DAY
from advisor.demo.findings import add_declined_findings
from advisor.demo.inspections import add_inspections
from advisor.demo.order import Orders
from advisor.demo.photos import add_demo_photos
from advisor.demo.planning import LOOKAHEAD, Planning
from advisor.demo.sink import DemoSummary, Plan
from advisor.models import (
    ALL_MODELS,
    Appointment,
    Counter,
    Customer,
    EstimateLine,
    RepairOrder,
    StepEvent,
    Vehicle,
)
from advisor.reference import ensure_reference_data
from advisor.search import install_search, rebuild_search
from advisor.services.settings import get_setting, set_up_dealer
from advisor.services.users import has_users, system_actor

log = logging.getLogger(__name__)


def generate(
    *,
    orders: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    per_day: int | None = None,
) -> DemoSummary:
    """Fill the open database with ``orders`` repair orders and everything around them.

    The history is one year long, or with ``per_day`` as many days as ``orders / per_day``
    (at least 14): a fixed density, so that a month holds about as many ROs at 10k as at 1M.
    Today's busy day and the recent days are the same either way.
    """
    if per_day is not None and not 1 <= per_day <= MAX_PER_DAY:
        raise ValueError(f"per_day must be 1 to {MAX_PER_DAY}, not {per_day}")
    started = time.monotonic()
    db = database_proxy.obj
    if not get_setting("dealer_name"):  # demo data loaded from the CLI into a new file
        name, address, phone, tax_no = DEMO_DEALER
        set_up_dealer(
            name=name,
            address=address,
            phone=phone,
            tax_no=tax_no,
            labour_rate_cents=int(get_setting("labour_rate_cents")),
            actor=system_actor() if has_users() else None,
        )  # after a first run: audited
    wal = _journal_off_wal(db)
    try:
        with db.atomic():
            ensure_reference_data()
            gen = Generator(db, orders=orders, seed=seed, progress=progress, per_day=per_day)
            gen.run()
            inspected = add_inspections(gen.first_ro, seed)  # after the load: its ids are set
            gen.lap(f"{inspected} inspections")
            found = add_declined_findings(gen.first_ro)
            gen.lap(f"{found} declined findings with their photos")
        gen.lap("commit")
    finally:
        if wal:
            db.execute_sql("PRAGMA journal_mode = WAL")
    refresh_statistics(db)  # the planner's view of the new tables
    gen.lap("statistics")
    return DemoSummary(
        orders=orders,
        open_orders=gen.open_orders,
        customers=gen.sink.count[Customer],
        vehicles=gen.sink.count[Vehicle],
        appointments=gen.sink.count[Appointment],
        lines=gen.sink.count[EstimateLine],
        events=gen.sink.count[StepEvent],
        users=len(gen.users),
        seconds=time.monotonic() - started,
    )


def _journal_off_wal(db: peewee.Database) -> bool:
    """SQLite: load with a rollback journal, not the WAL → whether to go back to WAL after.

    In WAL mode every page of one large transaction is written twice (to the WAL, then
    copied into the file by the checkpoint after the commit: a 7 GB WAL at 1M ROs); with a
    rollback journal the new pages go to the file once and only the pages that were there
    before are journaled. A crash during the load still rolls it back whole. Needs the
    only connection to the file: with another one open the load stays in WAL mode.
    """
    if is_postgres() or db.in_transaction():
        return False
    if str(db.execute_sql("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
        return False
    try:
        mode = db.execute_sql("PRAGMA journal_mode = DELETE").fetchone()[0]
    except peewee.OperationalError:
        return False
    return str(mode).lower() == "delete"


class Generator(Orders, Planning):
    """Everything of one load; ``run`` calls the parts in the order that fixes the random stream."""

    def run(self) -> None:
        self.started = time.monotonic()
        sqlite = not is_postgres()
        indexes: list[tuple[str, str]] = []
        triggers: list[tuple[str, str]] = []
        if sqlite:
            # The FTS indexes are rebuilt once at the end, and the plain indexes re-created:
            # building an index once is far faster than updating it row by row.
            for t in (
                "customer_fts_ai",
                "customer_fts_ad",
                "customer_fts_au",
                "vehicle_fts_ai",
                "vehicle_fts_ad",
                "vehicle_fts_au",
            ):
                self.db.execute_sql(f"DROP TRIGGER IF EXISTS {t}")
            # search_piece's triggers (1–2 character search, migration 0008) put each new
            # customer's and car's pieces into a B-tree of millions of rows at random places
            # (4.7 s of CPU at 100k ROs); the pieces are added in key order after the load.
            triggers = list(
                self.db.execute_sql(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                    "AND name IN ('customer_piece_ai', 'vehicle_piece_ai')"
                )
            )
            for name, _sql in triggers:
                self.db.execute_sql(f'DROP TRIGGER "{name}"')
            tables = [m._meta.table_name for m in ALL_MODELS]
            indexes = list(
                self.db.execute_sql(
                    f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                    f"AND tbl_name IN ({', '.join('?' * len(tables))})",
                    tables,
                )
            )
            for name, _sql in indexes:
                self.db.execute_sql(f'DROP INDEX "{name}"')
            self.db.execute_sql("PRAGMA cache_size = -16000")  # 16 MB: the sorter of CREATE INDEX keeps to it
        else:
            indexes = self.drop_postgres_indexes()
        self.first_ro = self.sink.ids[RepairOrder]
        self.first_customer, self.first_vehicle = self.sink.ids[Customer], self.sink.ids[Vehicle]
        self.plates = Seen(v.plate for v in Vehicle.select(Vehicle.plate))
        self.vins = Seen(v.vin for v in Vehicle.select(Vehicle.vin))
        self.staff()
        self.campaigns()
        self.people()
        self.plan_setup()
        total = self.total
        every = max(1, min(2000, total // 50))  # a moving bar for a small load too
        walked = 0
        pending: deque[tuple[int, list[Plan]]] = deque()

        def walk(plans: list[Plan]) -> None:
            nonlocal walked
            for p in plans:
                self.order(p)
                walked += 1
                if walked % 2000 == 0:
                    self.sink.flush()
                if self.progress and walked % every == 0:
                    self.progress(walked, total)

        # Day by day from the oldest: plan a day, walk the days planned LOOKAHEAD days before.
        for d in range(self.span - 1, -1, -1):
            while pending and pending[0][0] >= d + LOOKAHEAD:
                walk(pending.popleft()[1])
            self.front_desk_day(d)
            pending.append((d, self.plan_day(d)))
        while pending:
            walk(pending.popleft()[1])
        if self.progress and walked % every:
            self.progress(walked, total)
        self.upcoming_appointments()
        self.complaints_and_care()
        self.sink.flush()
        self.lap(f"{walked:,} ROs written")
        for _name, sql in indexes:
            self.db.execute_sql(sql)
        self.lap(f"{len(indexes)} indexes{'' if sqlite else ' and foreign keys'} made again")
        self.lap(f"{add_demo_photos(self.first_ro)} photos drawn")
        self.finish()
        self.lap("stock, mileage, counters and audit written back")
        if sqlite:
            self.db.execute_sql("PRAGMA cache_size = -32000")
            rebuild_search()
            install_search(self.db)
            if triggers:
                self.add_search_pieces()
                for _name, sql in triggers:
                    self.db.execute_sql(sql)
            self.lap("search indexes rebuilt")
        if self.progress:
            self.progress(total, total)

    def add_search_pieces(self) -> None:
        """The 1- and 2-character pieces of the new customers' names and cars' plates, in key
        order: what the ``*_piece_ai`` triggers of migration 0008 add row by row (the same
        pieces: ``test_demo_scale`` has the triggers make them again and compares)."""
        for table, column, kind, first in (
            ("customer", "name", "n", self.first_customer),
            ("vehicle", "plate", "p", self.first_vehicle),
        ):
            self.db.execute_sql(
                f"INSERT OR IGNORE INTO search_piece (kind, piece, id) SELECT '{kind}', "
                f"lower(substr(t.{column}, p.n, w.n)), t.id FROM {table} AS t, "
                "(SELECT 1 AS n UNION ALL SELECT 2) AS w, search_position AS p "
                f"WHERE t.id >= ? AND p.n <= length(t.{column}) - w.n + 1 ORDER BY 2, 3",
                (first,),
            )

    def lap(self, what: str) -> None:
        """Log how long the step that just ended took (the final steps of a large load take minutes)."""
        now = time.monotonic()
        log.info("demo data: %s in %.1f s", what, now - getattr(self, "lap_at", self.started))
        self.lap_at = now

    def drop_postgres_indexes(self) -> list[tuple[str, str]]:
        """Drop the foreign keys and the GIN indexes (search) → how to make them again.

        Measured at 30k ROs: COPY with the foreign keys checked row by row cost the server
        twice the CPU; checked once when they are added back, far less. A GIN index is
        built in bulk faster than it is kept up row by row (PostgreSQL's own advice); the
        B-tree indexes stay (dropping them cost more to build again than it saved).
        """
        tables = [m._meta.table_name for m in ALL_MODELS]
        again: list[tuple[str, str]] = []
        for name, definition in self.db.execute_sql(
            "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
            "JOIN pg_am a ON a.oid = i.relam "
            "WHERE t.relname = ANY(%s) AND t.relnamespace = current_schema()::regnamespace "
            "AND a.amname IN ('gin', 'gist')",
            (tables,),
        ).fetchall():
            self.db.execute_sql(f'DROP INDEX "{name}"')
            again.append((name, definition))
        for table, name, definition in self.db.execute_sql(
            "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
            "JOIN pg_class t ON t.oid = c.conrelid "
            "WHERE c.contype = 'f' AND t.relname = ANY(%s) AND t.relnamespace = current_schema()::regnamespace",
            (tables,),
        ).fetchall():
            self.db.execute_sql(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
            again.append((name, f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}'))
        self.db.execute_sql("SET LOCAL maintenance_work_mem = '256MB'")  # the server's, for the builds
        return again

    def finish(self) -> None:
        """Stock, mileage and counters written back, PostgreSQL's sequences moved on, one audit row."""
        db = self.db
        mark = "%s" if is_postgres() else "?"
        cursor = db.cursor()
        for pid, (on_hand, reserved) in self.stock.items():
            if [on_hand, reserved] != self.stock0[pid]:
                cursor.execute(
                    f"UPDATE part SET on_hand = {mark}, reserved = {mark} WHERE id = {mark}",
                    (on_hand, reserved, pid),
                )
        # Each car's mileage and next service: those of its RO handed over at the highest mileage.
        first_ro = self.first_ro
        cursor.execute(
            "UPDATE vehicle SET (mileage_km, next_service_date, next_service_km) = ("
            "SELECT r.mileage_in, r.next_service_date, r.next_service_km FROM repair_order r "
            f"WHERE r.vehicle_id = vehicle.id AND r.handed_over_at IS NOT NULL AND r.id >= {mark} "
            "ORDER BY r.mileage_in DESC, r.id DESC LIMIT 1) "
            "WHERE vehicle.id IN (SELECT vehicle_id FROM repair_order "
            f"WHERE handed_over_at IS NOT NULL AND id >= {mark})",
            (first_ro, first_ro),
        )
        for key, value in self.used_counters.items():
            if key in self.counters:
                Counter.update(value=value).where(Counter.name == key).execute()
            else:
                Counter.insert(name=key, value=value).execute()
        if is_postgres():
            for m in ALL_MODELS:
                if isinstance(m._meta.primary_key, peewee.AutoField):
                    t = m._meta.table_name
                    db.execute_sql(
                        f"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'id'), "
                        f'(SELECT COALESCE(MAX(id), 1) FROM "{t}"))'
                    )
        counts = {m._meta.table_name: n for m, n in self.sink.count.items() if n}  # type: ignore[attr-defined]
        audit.record(
            user_id=self.admin,
            username="it.admin",
            entity="demo",
            entity_id=None,
            action="demo_data",
            new={"orders": self.orders, "per_day": self.per_day, "counts": counts},
        )
