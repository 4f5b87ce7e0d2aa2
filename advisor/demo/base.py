"""The shared state of one demo load, and the small helpers every part of the generator uses."""

from __future__ import annotations

import datetime as dt
import random
import zlib
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import peewee

from advisor import money
from advisor.demo.data import (
    ANCHOR_TIME,
    CANNED,
    EN_FIRST,
    EN_LAST,
    GIVEN,
    HOURS,
    LABOUR,
    LETTERS,
    MOBILE,
    PROVINCES,
    SURNAMES,
    YEAR_CODES,
    vin_check_digit,
)
from advisor.demo.sink import Sink, Vehicle_
from advisor.models import Bay, Counter, Customer, DeclineReason, Part, Signature
from advisor.services.settings import get_setting


class Seen:
    """Strings already taken (plates, VINs), in a fixed 16 MB whatever the load's size.

    A Bloom filter with one hash: ``add`` never calls a string new that was added before; now
    and then (under 1% at a million cars) it calls a new one taken, and the caller draws again.
    """

    BITS = 1 << 27

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.bits = bytearray(self.BITS >> 3)
        for s in taken:
            self.add(s)

    def add(self, s: str) -> bool:
        """Mark ``s`` taken → whether it was new."""
        h = zlib.crc32(s.encode()) & (self.BITS - 1)
        byte, bit = h >> 3, 1 << (h & 7)
        if self.bits[byte] & bit:
            return False
        self.bits[byte] |= bit
        return True


class Base:
    """The generator's state; the mixins (people, planning, orders, …) add the steps.

    The attributes set after ``__init__`` are declared here so that every mixin sees them:
    ``run`` sets ``plates`` and ``vins``; ``staff``, ``campaigns`` and ``people`` the rest.
    """

    plates: Seen
    vins: Seen
    users: dict[str, int]  # username → user id
    techs: list[tuple[int, int, set[str]]]  # (technician id, user id, skills)
    advisors: list[int]
    foremen: list[int]
    cashiers: list[int]
    clerk: int
    manager: int
    admin: int
    customer_service: int
    campaign_ids: list[int]
    pool: list[Vehicle_]  # the cars that may come back (``people``)
    pool_size: int
    new_rate: float  # the chance that an RO is a newcomer's

    def __init__(
        self,
        db: peewee.Database,
        *,
        orders: int,
        seed: int,
        progress: Callable[[int, int], None] | None,
        per_day: int | None = None,
    ) -> None:
        self.db, self.orders, self.progress, self.per_day = db, orders, progress, per_day
        # How many days of history: one year, or as many as ``per_day`` ROs a day fill.
        self.span = 365 if per_day is None else max(14, -(-orders // per_day))
        self.sink = Sink(db)
        # A second load into the same database gets its own stream (no repeated plates).
        base = self.sink.ids[Customer]
        self.rng = random.Random(seed if base == 1 else f"{seed}:{base}")
        # Issue 17's dispatch rules (overrides, pending delays) draw from their own stream:
        # the rest of a load stays as it was for a seed.
        self.rng_dispatch = random.Random(f"{seed}:{base}:dispatch")
        self.lapsed: set[tuple[int, str]] = set()  # (technician, skill) whose certificate lapsed
        # Open jobs' planned spans per (0, technician) and (1, bay): an overlap is an override.
        self.open_spans: dict[tuple[int, int], list[tuple[dt.datetime, dt.datetime]]] = {}
        self.pending_changes = 0  # changes waiting for the customer so far (every second: a delay)
        self.today = dt.date.today()
        self.now = dt.datetime.combine(self.today, ANCHOR_TIME)
        self.tax = Decimal(get_setting("tax_rate"))
        self.rate = int(get_setting("labour_rate_cents"))
        self.major = int(get_setting("major_change_cents"))
        self.interval_km = int(get_setting("service_interval_km"))
        self.interval_days = 30 * int(get_setting("service_interval_months"))
        self.parts = {p.number: p for p in Part.select()}
        self.stock = {p.id: [p.on_hand, p.reserved] for p in self.parts.values()}
        self.stock0 = {k: list(v) for k, v in self.stock.items()}
        self.reasons = [r.id for r in DeclineReason.select().order_by(DeclineReason.id)]
        self.bays = {b.kind: b.id for b in Bay.select().order_by(Bay.id.desc())}
        self.lift_bays = [b.id for b in Bay.select().where(Bay.kind.in_(("lift", "general")))]
        self.bay_kind = {b.id: b.kind for b in Bay.select()}
        self.counters = {c.name: c.value for c in Counter.select()}
        self.used_counters: dict[str, int] = {}
        self.open_orders = 0
        self.scale = 1.0  # today's finished ROs run faster so that they fit before "now"
        self.recall: dict[int, tuple[str, int | None]] = {}  # RO id → (words, technician)
        self.recheck_for: dict[int, int] = {}  # comeback RO id → appointment id
        self.fmt_cache: dict[tuple[int, bool], str] = {}
        # Issue 17 (``care``): its own stream, so the rest of the load does not change.
        self.care_rng = random.Random(f"care:{seed}:{base}")
        self.birthdays_ahead = 0
        # Unhappy follow-up calls (RO, follow-up, customer, when, advisor) → complaints.
        self.unhappy_calls: list[tuple[int, int, int, dt.datetime, int]] = []
        # Issue 18: a few made-up signatures, drawn once, for the recent in-person acts.
        self.signature_pool: list[tuple[str, int, int, bytes, str]] = []
        self.in_person_consents = 0  # recent changes consented in person (issue 18)

    # -- helpers -------------------------------------------------------------------------

    SIGNED_DAYS = 21  # the ROs of the last three weeks carry drawn signatures (issue 18)
    UNSIGNED_REASONS = (
        "客户右手受伤，无法签字",
        "由客户家属代为取车，未授权签字",
        "签字板故障，客户口头确认",
    )

    def sign(self, ro: int, act: str, act_id: int | None, signer: str, at: dt.datetime, by: int) -> str:
        """An in-person act of a recent RO: the customer's drawn signature (one of six
        made-up ones, each drawn once: the load stays fast and small), or now and then the
        reason they could not sign, returned for the act's row. Older ROs (before the pad
        came in) carry neither. No draw from the load's random stream."""
        if at.date() < self.today - dt.timedelta(days=self.SIGNED_DAYS):
            return ""
        if (ro + len(act)) % 19 == 0:
            return self.UNSIGNED_REASONS[ro % len(self.UNSIGNED_REASONS)]
        if not self.signature_pool:
            from advisor import signatures

            for seed in range(6):
                sig = signatures.sample(seed)
                png = signatures.render_png(sig)
                self.signature_pool.append(
                    (signatures.canonical(sig), sig.width, sig.height, png, signatures.digest(sig, png))
                )
        strokes, width, height, png, sha = self.signature_pool[ro % len(self.signature_pool)]
        self.sink.add(
            Signature,
            ro=ro,
            act=act,
            act_id=act_id,
            signer=signer,
            strokes=strokes,
            width=width,
            height=height,
            png=png,
            sha256=sha,
            recorded_by=by,
            signed_at=at,
        )
        return ""

    def number(self, prefix: str, day: dt.date) -> str:
        key = f"{prefix}{day:%Y%m%d}"
        value = self.used_counters.get(key, self.counters.get(key, 0)) + 1
        self.used_counters[key] = value
        return f"{key}-{value:04d}"

    def fmt(self, cents: int, *, symbol: bool = True) -> str:
        """``money.fmt``, remembered: the same few totals come back thousands of times."""
        key = (cents, symbol)
        text = self.fmt_cache.get(key)
        if text is None:
            if len(self.fmt_cache) > 50_000:
                self.fmt_cache.clear()
            text = self.fmt_cache[key] = money.fmt(cents, symbol=symbol)
        return text

    def minutes(self, t: dt.datetime, lo: float, hi: float) -> dt.datetime:
        return t + dt.timedelta(seconds=int(self.rng.uniform(lo, hi) * 60 * self.scale))

    def clamp(self, t: dt.datetime) -> dt.datetime:
        return min(t, self.now)

    def name(self) -> str:
        r = self.rng
        if r.random() < 0.15:
            return f"{r.choice(EN_FIRST)} {r.choice(EN_LAST)}"
        idx = min(int(r.expovariate(1 / 14)), len(SURNAMES) - 1)
        surname = "欧阳" if r.random() < 0.005 else SURNAMES[idx]
        given = r.choice(GIVEN) + (r.choice(GIVEN) if r.random() < 0.65 else "")
        return surname + given

    def plate(self, nev: bool) -> str:
        r = self.rng
        while True:
            if r.random() < 0.75:
                prefix = "粤" + r.choice("AAAAAABBSE")
            else:
                prefix = r.choice(PROVINCES) + r.choice("ABCDE")
            if nev:
                body = r.choice("DDDF") + "".join(r.choice("0123456789") for _ in range(5))
            else:
                pattern = r.choice(("NNNNN", "LNNNN", "NLNNN", "LLNNN", "NNNNL", "NNLNN"))
                body = "".join(r.choice(LETTERS) if p == "L" else r.choice("0123456789") for p in pattern)
            plate = prefix + body
            if self.plates.add(plate):
                return plate

    def vin(self, wmi: str, vds: str, year: int) -> str:
        r = self.rng
        while True:
            serial = f"{r.randrange(10**6):06d}"
            head = wmi + vds + "0" + YEAR_CODES[year] + r.choice("0123456789ABC") + serial
            vin = head[:8] + vin_check_digit(head) + head[9:]
            if self.vins.add(vin):
                return vin

    def phone(self) -> str:
        return f"+86{self.rng.choice(MOBILE)}{self.rng.randrange(10**8):08d}"

    def ev(self, ro: int, at: dt.datetime, step: int, action: str, user: int, note: str = "") -> None:
        self.sink.step_event(ro, step, action, user, at, note)

    def at_day(self, days_ago: int) -> dt.datetime:
        day = self.today - dt.timedelta(days=days_ago)
        return dt.datetime.combine(
            day, dt.time(self.rng.choice(HOURS), self.rng.randrange(60), self.rng.randrange(60))
        )

    # -- estimate lines and their money --------------------------------------------------
    def lines_of(self, spec: list[tuple[Any, ...]], pay: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for item in spec:
            if item[0] == "canned":
                for kind, code, desc, qty in CANNED[item[1]]:
                    out.extend(
                        self.lines_of(
                            [("labour", code)] if kind == "labour" else [("part", code, int(qty))], pay
                        )
                    )
                    if kind == "labour":
                        out[-1]["quantity"] = Decimal(qty)
                        out[-1]["description"] = desc
            elif item[0] == "labour":
                desc, hours, skill = LABOUR[item[1]]
                out.append(
                    dict(
                        kind="labour",
                        code=item[1],
                        description=desc,
                        quantity=Decimal(hours),
                        unit_price_cents=self.rate,
                        skill=skill,
                        pay_type=pay,
                    )
                )
            elif item[0] == "part":
                part = self.parts[item[1]]
                out.append(
                    dict(
                        kind="part",
                        code=part.number,
                        description=part.name_zh,
                        quantity=Decimal(item[2]),
                        unit_price_cents=part.price_cents,
                        origin=part.origin,
                        part=part.id,
                        pay_type=pay,
                    )
                )
            else:
                out.append(
                    dict(
                        kind="other",
                        code="",
                        description=item[1],
                        quantity=Decimal(1),
                        unit_price_cents=item[2],
                        pay_type=pay,
                    )
                )
        for x in out:
            x["quantity"] = x["quantity"].quantize(Decimal("0.01"))
            x["amount_cents"] = money.line_amount(x["quantity"], x["unit_price_cents"])
        return out

    def totals(self, lines: list[dict[str, Any]], discount: int = 0) -> tuple[int, int, int, int, int]:
        """labour, parts, other, tax, total: the formula of ``estimate.totals_of``."""
        sums = {"labour": 0, "part": 0, "other": 0}
        for x in lines:
            if x["status"] == "approved" and x["pay_type"] == "customer":
                sums[x["kind"]] += x["amount_cents"]
        sub = sum(sums.values()) - discount
        tax = money.percent_of(sub, self.tax)
        return sums["labour"], sums["part"], sums["other"], tax, sub + tax
