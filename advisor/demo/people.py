"""The people of a demo load: staff users and technicians, campaigns, customers and their cars."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from advisor import auth
from advisor.demo.care import CareDemo
from advisor.demo.data import CAMPAIGNS, CERT_EXCEPTIONS, DEMO_PASSWORD, MODELS, POOL_MAX, STAFF, TECHS
from advisor.demo.inspections import kind_of
from advisor.demo.sink import Vehicle_
from advisor.models import Campaign, Certification, Customer, Technician, User, Vehicle


class People(CareDemo):
    """Staff and technicians (existing users are reused), campaigns, customers with their cars."""

    def staff(self) -> None:
        existing = {u.username: u for u in User.select()}
        pw_hash = ""
        self.users = {}
        created = self.now - dt.timedelta(days=self.span + 35)
        for username, display, role in [*STAFF, *[(u, n, "technician") for u, n, _s, _l in TECHS]]:
            if username in existing:
                self.users[username] = existing[username].id
                continue
            pw_hash = pw_hash or auth.hash_password(DEMO_PASSWORD)  # one slow hash, reused
            self.users[username] = self.sink.add(
                User,
                username=username,
                display_name=display,
                role=role,
                password_hash=pw_hash,
                created_at=created,
                language="en" if display.isascii() else "zh_CN",
            )
        self.sink.flush()
        techs = {t.user_id: t for t in Technician.select()}
        self.techs = []
        for username, name, skills, level in TECHS:
            uid = self.users[username]
            t = techs.get(uid)
            tid = (
                t.id
                if t
                else self.sink.add(
                    Technician,
                    name=name,
                    user=uid,
                    skills=skills,
                    level=level,
                    hours_per_day=Decimal(8),
                    active=True,
                )
            )
            self.techs.append((tid, uid, set(skills.split(","))))
            if t is None:
                self.certificates(tid, username, skills.split(","))
        self.advisors = [self.users[u] for u, _n, r in STAFF if r == "advisor"]
        self.foremen = [self.users[u] for u, _n, r in STAFF if r == "foreman"]
        self.cashiers = [self.users[u] for u, _n, r in STAFF if r == "cashier"]
        self.clerk, self.manager = self.users["huang.min"], self.users["sun.hao"]
        self.admin = self.users["it.admin"]
        self.customer_service = self.users["gao.ya"]

    def certificates(self, tid: int, username: str, skills: list[str]) -> None:
        """A certificate for each of a new technician's skills; a few lapsed or lapsing
        (``CERT_EXCEPTIONS``): a lapsed one is a missing skill at dispatch."""
        d = self.rng_dispatch
        for skill in skills:
            days = CERT_EXCEPTIONS.get((username, skill), d.randint(60, 900))
            self.sink.add(
                Certification,
                technician=tid,
                skill=skill,
                number=f"{skill.upper()[:3]}-{self.today.year - 2 + d.randint(0, 2)}-{d.randint(100, 999)}",
                expires_on=self.today + dt.timedelta(days=days),
                created_at=self.now - dt.timedelta(days=self.span + 30),
            )
            if days < 0:
                self.lapsed.add((tid, skill))

    def campaigns(self) -> None:
        self.campaign_ids = []
        for code, kind, en, zh, pattern in CAMPAIGNS:
            c = Campaign.get_or_none(Campaign.code == code)
            self.campaign_ids.append(
                c.id
                if c
                else self.sink.add(
                    Campaign,
                    code=code,
                    kind=kind,
                    title_en=en,
                    title_zh=zh,
                    model_pattern=pattern,
                    details=zh,
                    starts_on=self.today - dt.timedelta(days=200),
                    ends_on=self.today + dt.timedelta(days=160),
                )
            )

    def people(self) -> None:
        """The customers known before the history starts; more come as it goes (``vehicle_for``).

        The pool of cars that come back is about a year of visits (all the cars of a load of one
        year), at most ``POOL_MAX``: the load's memory does not grow with the orders.
        """
        r = self.rng
        n_vehicles = max(30, int(self.orders / 1.45))
        per_year = int(self.orders / self.span * 365 / 1.45)
        self.pool_size = min(n_vehicles, max(30, per_year), POOL_MAX)
        # A newcomer brings 1.25 cars: the load ends with about ``n_vehicles`` of them.
        self.new_rate = (n_vehicles - self.pool_size) / (1.25 * self.orders)
        self.pool = []
        while len(self.pool) < self.pool_size:
            days = r.randint(self.span + 5, self.span + 2135)
            self.customer(self.now - dt.timedelta(days=days, hours=r.randint(0, 8)), newcomer=False)
            if len(self.pool) % 5000 < 2:
                self.sink.flush()
        self.sink.flush()

    def vehicle_for(self, at: dt.datetime) -> Vehicle_:
        """The car of an RO arriving at ``at``: one of the pool, or a newcomer's (known 11–40 days before)."""
        r = self.rng
        if self.new_rate and r.random() < self.new_rate:
            v = self.customer(at - dt.timedelta(days=r.randint(11, 40), hours=r.randint(0, 8)), newcomer=True)
            if len(self.pool) > 2 * self.pool_size:  # the oldest cars stop coming
                del self.pool[: len(self.pool) - self.pool_size]
            return v
        return self.pool[r.randrange(len(self.pool))]

    def customer(self, created: dt.datetime, *, newcomer: bool) -> Vehicle_:
        """A customer with one car (a quarter of them two), added to the pool → the first car."""
        r = self.rng
        weights = [m[5] for m in MODELS]
        name, phone = self.name(), self.phone()
        email = f"c{r.randrange(10**6)}@example.com" if r.random() < 0.3 else ""
        wechat = f"wx_{r.randrange(10**8)}" if r.random() < 0.6 else ""
        channel = r.choice(("phone", "phone", "wechat", "sms"))
        consent = r.random() < 0.7
        cid = self.sink.add(
            Customer,
            name=name,
            phone=phone,
            created_at=created,
            email=email,
            wechat=wechat,
            preferred_channel=channel,
            marketing_consent=consent,
            language="en" if name.isascii() else "zh_CN",
            **self.birthday_row(created, consent),
        )
        first: Vehicle_ | None = None
        for _ in range(2 if r.random() < 0.25 else 1):
            make, model, wmi, vds, nev, _w = r.choices(MODELS, weights)[0]
            if self.per_day is None and not newcomer:
                year = r.randint(2015, 2025)
                reg = dt.date(year, r.randint(1, 12), r.randint(1, 28))
            else:  # years of history: the car was registered before its owner came (≤ 8 years)
                reg = max(dt.date(2001, 1, 1), created.date() - dt.timedelta(days=r.randint(20, 2920)))
                year = reg.year
            per_day = r.uniform(20, 70)
            vid = self.sink.add(
                Vehicle,
                customer=cid,
                vin=self.vin(wmi, vds, year),
                plate=self.plate(nev),
                make=make,
                model=model,
                kind=kind_of(model, nev),
                year=year,
                first_registered=reg,
                created_at=created,
                mileage_km=int(per_day * max(0, (created.date() - reg).days)),
            )
            v = (vid, cid, model, name, phone, per_day, reg)
            self.pool.append(v)
            first = first or v
        assert first is not None
        return first
