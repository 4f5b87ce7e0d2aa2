"""Planning a demo load: when each repair order arrives, how far it gets, and which car it is."""

from __future__ import annotations

import bisect
import datetime as dt

from advisor.demo.base import Base
from advisor.demo.data import TODAY, TODAY_MINUTES
from advisor.demo.sink import Plan
from advisor.models import RepairOrder


class Planning(Base):
    """Today's busy day, a few recent days, the history (``span`` days); comebacks; vehicles that are free."""

    def plan(self) -> list[Plan]:
        r = self.rng
        n_today = 45 if self.orders >= 1000 else max(14, self.orders // 8)
        n_recent = min(60, max(6, self.orders // 25))
        plans: list[Plan] = []
        stages = [
            s for s in sorted(set(TODAY)) for _ in range(max(1, round(TODAY.count(s) * n_today / len(TODAY))))
        ]
        stages = stages[: max(1, self.orders - n_recent)]
        n_old = max(0, self.orders - len(stages) - n_recent)
        waiting = min(stages.count(3) - (stages.count(3) > 2), r.randint(3, 5))
        for i, s in enumerate(stages):
            lo, hi = TODAY_MINUTES[s]
            greeted = not (s == 3 and i < waiting)
            if s == 3 and greeted:
                lo, hi = 4, 8
            plans.append(Plan(self.now - dt.timedelta(minutes=r.uniform(lo, hi)), s, greeted))
        for _ in range(n_recent):
            day = r.choice((1, 2))
            x = r.random()
            s = (
                13
                if x < 0.72
                else 6
                if x < 0.78
                else 8
                if x < 0.84
                else 12
                if x < 0.92
                else (14 if day == 2 else 13)
            )
            plans.append(Plan(self.at_day(day), s))
        days = self.span - 3  # the history before the recent days: a year, or N / per_day days
        for _ in range(n_old):
            day = int(3 + (days * r.random()))
            while dt.date.weekday(self.today - dt.timedelta(days=day)) == 6 and r.random() < 0.4:
                day = int(3 + (days * r.random()))
            x = r.random()
            s = 14
            if day <= 7 and x < 0.04:
                s = 6
            elif (day <= 14 and x < 0.08) or x < 0.015:
                s = 13
            plans.append(Plan(self.at_day(day), s))
        plans.sort(key=lambda p: p.at)
        self.assign_vehicles(plans)
        base = self.sink.ids[RepairOrder]
        for i, p in enumerate(plans):
            p.id = base + i
            p.number = self.number("RO", p.at.date())
            if p.stage < 14:
                self.open_orders += 1
        return plans

    def assign_vehicles(self, plans: list[Plan]) -> None:
        r = self.rng
        blocked: set[int] = set()
        times = [p.at for p in plans]
        for i, p in enumerate(plans):
            p.appt = r.random() < 0.6
            if p.stage == 14 and p.at < self.now - dt.timedelta(days=30) and r.random() < 0.02:
                lo = bisect.bisect_left(times, p.at - dt.timedelta(days=25))
                hi = bisect.bisect_left(times, p.at - dt.timedelta(days=6))
                for _ in range(5 if hi > lo else 0):
                    j = r.randrange(lo, hi)
                    q = plans[j]
                    if q.stage == 14 and q.has_comeback < 0 and q.comeback_of < 0 and q.v not in blocked:
                        p.v, p.comeback_of, p.appt, q.has_comeback = q.v, j, True, i
                        break
            while p.v < 0 or p.v in blocked:
                p.v = r.randrange(len(self.vehicles))
            if p.stage <= 12:
                blocked.add(p.v)
