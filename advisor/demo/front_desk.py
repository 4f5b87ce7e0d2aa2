"""The front desk: appointments (with their reconfirmation call) and the contact log."""

from __future__ import annotations

import datetime as dt
import random

from advisor.codes import PrepItem
from advisor.demo.base import Base
from advisor.demo.data import HOURS, JOBS
from advisor.models import Appointment, AppointmentPrep, ContactLog, Task

PLANS = ("赵磊 · 2号工位", "孙伟 · 1号工位", "王师傅 · 3号工位", "刘师傅 · 快修工位")


class FrontDesk(Base):
    """Appointments of the ROs and around them (no-shows, the week ahead), and calls to customers."""

    def appointment(
        self,
        cid: int,
        vid: int,
        adv: int,
        start: dt.datetime,
        work: str,
        status: str,
        *,
        requested: dt.datetime | None = None,
        urgent: bool | None = None,
        recheck_of: int | None = None,
    ) -> int:
        r = self.rng
        urgent = r.random() < 0.08 if urgent is None else urgent
        if requested is None:
            requested = start - dt.timedelta(days=r.randint(1, 10), hours=r.randint(0, 6))
        answer = (
            r.uniform(0.05, 1.8)
            if urgent
            else (r.uniform(0.3, 20) if r.random() < 0.95 else r.uniform(24, 40))
        )
        created = min(requested + dt.timedelta(hours=answer), start - dt.timedelta(minutes=30), self.now)
        created = max(created, requested)
        outcome, reconfirmed = "", None
        if start - created > dt.timedelta(days=1):
            reconfirmed = dt.datetime.combine(
                start.date() - dt.timedelta(days=1), dt.time(16, r.randrange(60))
            )
            if reconfirmed <= self.now:
                outcome = (
                    "cancelled"
                    if status == "cancelled"
                    else r.choice(("confirmed",) * 6 + ("no_answer", "rescheduled"))
                )
                if status == "booked" and outcome == "confirmed":
                    status = "confirmed"
            else:
                reconfirmed = None
        # Drawn in the order the row always drew them (the rest of the data stays as it was).
        duration = r.choice((30, 60, 60, 90, 120))
        parts_needed = r.choice(("", "", "机油、机滤", "前刹车片"))
        estimated = r.randrange(300, 3000) * 100
        booklet = r.random() < 0.9
        aid = self.sink.add(
            Appointment,
            customer=cid,
            vehicle=vid,
            advisor=adv,
            starts_at=start,
            duration_min=duration,
            requested_work=work,
            parts_needed=parts_needed,
            estimated_cents=estimated,
            booklet_reminded=booklet,
            urgent=urgent,
            requested_at=requested,
            status=status,
            override_capacity=recheck_of is not None,
            reconfirm_outcome=outcome,
            reconfirmed_at=reconfirmed if outcome else None,
            recheck_of=recheck_of,
            created_by=adv,
            created_at=created,
        )
        self.prepare(aid, adv, start, created, status, parts_needed, booklet)
        return aid

    def prepare(
        self,
        aid: int,
        adv: int,
        start: dt.datetime,
        created: dt.datetime,
        status: str,
        parts: str,
        booklet: bool,
    ) -> None:
        """The preparation ticked before the customer comes (预约准备): most appointments
        fully prepared the afternoon before, some with an item or two forgotten (a miss
        when the car arrives); tomorrow's partly done. An own random stream: the rest of
        the data stays as it was."""
        r = random.Random(aid * 7901 + 5)
        items = [
            i for i in PrepItem if (i != PrepItem.PARTS or parts) and (i != PrepItem.BOOKLET or not booklet)
        ]
        if start.date() > self.today + dt.timedelta(days=1):
            return  # not tomorrow yet: nothing prepared
        if start.date() > self.today:
            items = [i for i in items if r.random() < 0.5]  # tomorrow's: being prepared
        elif r.random() < 0.3:
            forgotten = set(r.sample(items, min(len(items), r.randint(1, 2))))
            items = [i for i in items if i not in forgotten]
        day_before = dt.datetime.combine(start.date() - dt.timedelta(days=1), dt.time(16, r.randrange(60)))
        at = max(created, min(day_before, start - dt.timedelta(minutes=30)))
        for n, item in enumerate(items):
            when = min(at + dt.timedelta(minutes=n * 2), self.now)
            if when >= start and status == "arrived":
                continue
            self.sink.add(
                AppointmentPrep,
                appointment=aid,
                item=item.value,
                done_by=adv,
                done_at=when,
                note=r.choice(PLANS) if item == PrepItem.PLANNED else "",
            )

    def upcoming_appointments(self) -> None:
        """Today's other appointments (booked, no-show, cancelled) and the week ahead."""
        r = self.rng
        per_day = min(20, max(3, self.orders // 50))
        today_extra = [
            (self.now + dt.timedelta(minutes=r.randint(15, 150)), "booked")
            for _ in range(max(2, per_day // 3))
        ]
        today_extra += [
            (self.now - dt.timedelta(minutes=r.randint(60, 240)), "confirmed"),
            (self.now - dt.timedelta(minutes=r.randint(60, 240)), "no_show"),
            (self.now + dt.timedelta(minutes=r.randint(30, 120)), "cancelled"),
        ]
        future = [
            (
                dt.datetime.combine(
                    self.today + dt.timedelta(days=d),
                    dt.time(r.choice(HOURS[:-1]), r.choice((0, 15, 30, 45))),
                ),
                "cancelled" if r.random() < 0.05 else "booked",
            )
            for d in range(1, 8)
            for _ in range(per_day)
        ]
        for start, status in today_extra + future:
            self.other_appointment(start, status)

    def other_appointment(self, start: dt.datetime, status: str) -> None:
        r = self.rng
        vid, cid = self.pool[r.randrange(len(self.pool))][:2]
        self.appointment(cid, vid, r.choice(self.advisors), start, r.choice([j[0] for j in JOBS]), status)

    @staticmethod
    def share(total: int, days: int, k: int) -> int:
        """The ``k``-th of ``days`` even shares of ``total`` (the shares add up to ``total``)."""
        return total * (k + 1) // days - total * k // days

    def front_desk_day(self, d: int) -> None:
        """The day ``d`` days ago at the front desk: appointments nobody came to, calls to customers.

        Over the history, about one no-show or cancellation for 15 ROs and one call for 4.
        The cars are those known by then (the pool).
        """
        r = self.rng
        if d >= 1:
            for _ in range(self.share(max(3, self.orders // 15), self.span - 1, self.span - 1 - d)):
                self.other_appointment(self.at_day(d), "no_show" if r.random() < 0.6 else "cancelled")
        for _ in range(self.share(max(10, self.orders // 4), self.span, self.span - 1 - d)):
            self.contact(d)

    def contact(self, d: int) -> None:
        r = self.rng
        vid, cid = self.pool[r.randrange(len(self.pool))][:2]
        x = r.random()
        outcome = (
            "declined" if x < 0.45 else "no_answer" if x < 0.75 else "booked" if x < 0.93 else "call_back"
        )
        at = self.at_day(d) if x < 0.99 else self.now - dt.timedelta(hours=2)
        at = self.clamp(at)
        purpose = r.choice(("due_service", "due_service", "declined_work", "campaign"))
        adv = r.choice(self.advisors)
        self.sink.add(
            ContactLog,
            customer=cid,
            vehicle=vid,
            user=adv,
            channel=r.choice(("phone", "phone", "sms", "wechat", "in_person")),
            purpose=purpose,
            outcome=outcome,
            at=at,
            decline_reason=r.choice(self.reasons) if outcome == "declined" else None,
            campaign=r.choice(self.campaign_ids) if purpose == "campaign" else None,
            note=r.choice(("", "", "客户说下个月再来", "Customer busy, call next week")),
        )
        if outcome == "call_back":
            done = at < self.now - dt.timedelta(days=3)
            self.sink.add(
                Task,
                kind="call_back",
                assignee=adv,
                created_at=at,
                text_en="Call the customer back about the due service.",
                text_zh="回电客户，确认保养预约。",
                done_at=at + dt.timedelta(days=1) if done else None,
                done_by=adv if done else None,
            )
