"""Where the rows go (``Sink``), one repair order's plan and walk (``Plan``, ``Visit``), what a load made."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import peewee

from advisor.db import is_postgres
from advisor.demo.data import DEMO_PASSWORD
from advisor.models import ALL_MODELS, StepEvent


@dataclass(frozen=True)
class DemoSummary:
    """What ``generate`` made, and how to log in."""

    orders: int
    open_orders: int
    customers: int
    vehicles: int
    appointments: int
    lines: int
    events: int
    users: int
    seconds: float
    password: str = DEMO_PASSWORD

    def __str__(self) -> str:
        return "\n".join(
            [
                f"demo data: {self.orders:,} repair orders ({self.open_orders:,} open), "
                f"{self.customers:,} customers, {self.vehicles:,} vehicles, "
                f"{self.appointments:,} appointments, {self.lines:,} estimate lines, "
                f"{self.events:,} timeline events, {self.users} staff users, in {self.seconds:.1f} s",
                f"log in as zhang.wei (advisor), liu.jun (foreman), zhao.lei (technician), "
                f"zhou.li (cashier), sun.hao (manager), it.admin (admin) or gao.ya (customer service); "
                f"password: {self.password}",
            ]
        )


class Sink:
    """Rows per table, explicit ids, flushed in foreign-key order (COPY on PostgreSQL)."""

    def __init__(self, db: peewee.Database) -> None:
        self.db = db
        self.rows: dict[type, list[list[Any]]] = {m: [] for m in ALL_MODELS}
        self.spec: dict[type, tuple[list[Any], dict[str, int]]] = {}
        self.ids: dict[type, int] = {}
        self.count: dict[type, int] = {m: 0 for m in ALL_MODELS}
        for m in ALL_MODELS:
            fields = m._meta.sorted_fields
            # Callable defaults (``now``) are left out: every time comes from the generator.
            template = [None if callable(f.default) else f.default for f in fields]
            self.spec[m] = (template, {f.name: i for i, f in enumerate(fields)})
            if isinstance(m._meta.primary_key, peewee.AutoField):
                self.ids[m] = int(m.select(peewee.fn.COALESCE(peewee.fn.MAX(m.id), 0)).scalar()) + 1

    def step_event(self, ro: int, step: int, action: str, user: int, at: dt.datetime, note: str) -> None:
        """A timeline row (``add`` of a StepEvent, without its keywords: a third of all rows)."""
        template, pos = self.spec[StepEvent]
        row = template.copy()
        i = self.ids[StepEvent]
        self.ids[StepEvent] = i + 1
        row[pos["id"]], row[pos["ro"]], row[pos["step"]] = i, ro, step
        row[pos["action"]], row[pos["user"]], row[pos["at"]], row[pos["note"]] = action, user, at, note
        self.rows[StepEvent].append(row)

    def new_id(self, model: type) -> int:
        i = self.ids[model]
        self.ids[model] = i + 1
        return i

    def add(self, table: type, /, **kw: Any) -> int:
        template, pos = self.spec[table]
        if "id" not in kw and table in self.ids:
            kw["id"] = self.new_id(table)
        row = template.copy()
        for k, v in kw.items():
            row[pos[k]] = v  # a KeyError names a field the table does not have
        self.rows[table].append(row)
        return int(kw.get("id", 0))

    def flush(self) -> None:
        """Write the rows gathered so far: PostgreSQL's COPY, SQLite's executemany."""
        pg = is_postgres()
        cursor = self.db.cursor()
        for m in ALL_MODELS:
            rows = self.rows[m]
            if not rows:
                continue
            cols = ", ".join(f'"{f.column_name}"' for f in m._meta.sorted_fields)
            table = m._meta.table_name
            if pg:
                # psycopg 3's COPY: the rows stream to the server, no statement per row.
                with cursor.copy(f'COPY "{table}" ({cols}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                sql = (
                    f'INSERT INTO "{table}" ({cols}) VALUES ({", ".join(["?"] * len(m._meta.sorted_fields))})'
                )
                for i in range(0, len(rows), 5000):
                    cursor.executemany(sql, rows[i : i + 5000])
            self.count[m] += len(rows)
            rows.clear()


Vehicle_ = tuple[int, int, str, str, str, float, dt.date]
"""A car of the load: (vehicle id, customer id, model, customer's name, phone, km per day, registered)."""


class Plan:
    """One repair order to make: when it arrives, how far it gets, its vehicle and links."""

    __slots__ = ("appt", "at", "comeback_of", "greeted", "has_comeback", "id", "number", "stage", "v")

    def __init__(self, at: dt.datetime, stage: int, greeted: bool = True) -> None:
        self.at, self.stage, self.greeted = at, stage, greeted
        self.v: Vehicle_ | None = None
        self.comeback_of: Plan | None = None  # the RO this one comes back about
        self.has_comeback: Plan | None = None  # the RO that comes back about this one
        self.appt = False
        self.id, self.number = 0, ""


Line = dict[str, Any]  # an estimate line row, with the generator's working keys


@dataclass(slots=True)
class Visit:
    """What every stage of one RO needs: its plan, the RO row being filled, who and what."""

    p: Plan
    row: dict[str, Any]  # the repair_order row, filled step by step
    cid: int
    vid: int
    cname: str
    cphone: str
    adv: int
    jname: str
    rclass: str
    pay: str
