"""Planning a demo load, a day at a time: when each repair order arrives, how far it gets, its car.

The history is planned ``LOOKAHEAD`` days ahead of the ROs being walked (``Generator.run``): a
comeback looks back at most 25 days for the RO it comes back about, and that RO must know it
before its own follow-up call is made. Only those days of plans are held in memory.
"""

from __future__ import annotations

import bisect
import datetime as dt

from advisor.demo.data import TODAY, TODAY_MINUTES
from advisor.demo.people import People
from advisor.demo.sink import Plan
from advisor.models import RepairOrder

LOOKAHEAD = 27  # days planned before their ROs are walked (a comeback looks back ≤ 25 days)
WINDOW = dt.timedelta(days=26)  # how far back a new plan may look for the RO it comes back about


class Planning(People):
    """Today's busy day, a few recent days, the history (``span`` days); comebacks; vehicles that are free."""

    def plan_setup(self) -> None:
        """Today's and the recent days' plans, and how many ROs each day of the history gets."""
        r = self.rng
        n_today = 45 if self.orders >= 1000 else max(14, self.orders // 8)
        n_recent = min(60, max(6, self.orders // 25))
        self.by_day: dict[int, list[Plan]] = {0: [], 1: [], 2: []}
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
            self.by_day[0].append(Plan(self.now - dt.timedelta(minutes=r.uniform(lo, hi)), s, greeted))
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
            self.by_day[day].append(Plan(self.at_day(day), s))
        # The history, days 3 … span-1 ago: about as many ROs each day, fewer on Sundays.
        days = range(self.span - 1, 2, -1)
        weights = [
            (0.6 if (self.today - dt.timedelta(days=d)).weekday() == 6 else 1.0) * r.uniform(0.8, 1.2)
            for d in days
        ]
        total, acc, done = sum(weights), 0.0, 0
        self.day_count: dict[int, int] = {}
        for d, w in zip(days, weights, strict=True):
            acc += w
            upto = round(acc * n_old / total)
            self.day_count[d], done = upto - done, upto
        self.total = n_old + n_recent + len(stages)
        self.window: list[Plan] = []  # the plans of the last WINDOW, in time order
        self.window_at: list[dt.datetime] = []
        self.blocked: set[int] = set()  # cars with an open RO

    def plan_day(self, d: int) -> list[Plan]:
        """The ROs of the day ``d`` days ago, in time order, with their ids, numbers and cars."""
        r = self.rng
        if d >= 3:
            plans = []
            for _ in range(self.day_count.get(d, 0)):
                x = r.random()
                s = 14
                if d <= 7 and x < 0.04:
                    s = 6
                elif (d <= 14 and x < 0.08) or x < 0.015:
                    s = 13
                plans.append(Plan(self.at_day(d), s))
        else:
            plans = self.by_day.pop(d)
        plans.sort(key=lambda p: p.at)
        start = dt.datetime.combine(self.today - dt.timedelta(days=d), dt.time())
        cut = bisect.bisect_left(self.window_at, start - WINDOW)
        del self.window[:cut], self.window_at[:cut]
        for p in plans:
            self.assign(p)
            self.window.append(p)
            self.window_at.append(p.at)
            p.id = self.sink.new_id(RepairOrder)
            p.number = self.number("RO", p.at.date())
            if p.stage < 14:
                self.open_orders += 1
        return plans

    def assign(self, p: Plan) -> None:
        """Its car: now and then the comeback of an RO 6–25 days before, else one that is free."""
        r = self.rng
        p.appt = r.random() < 0.6
        if p.stage == 14 and p.at < self.now - dt.timedelta(days=30) and r.random() < 0.02:
            lo = bisect.bisect_left(self.window_at, p.at - dt.timedelta(days=25))
            hi = bisect.bisect_left(self.window_at, p.at - dt.timedelta(days=6))
            for _ in range(5 if hi > lo else 0):
                q = self.window[r.randrange(lo, hi)]
                assert q.v is not None
                if (
                    q.stage == 14
                    and q.has_comeback is None
                    and q.comeback_of is None
                    and q.v[0] not in self.blocked
                ):
                    p.v, p.comeback_of, p.appt, q.has_comeback = q.v, q, True, p
                    break
        while p.v is None or p.v[0] in self.blocked:
            p.v = self.vehicle_for(p.at)
        if p.stage <= 12:
            self.blocked.add(p.v[0])
