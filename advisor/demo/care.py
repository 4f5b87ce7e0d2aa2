"""Complaints, improvement actions, birthdays and holidays of the demo (issue 17, items
13–15), so that a newcomer sees each rule met and missed: complaints of every level, most
escalated in time, some late and two overdue right now, compensations approved, one
closed without the customer's acceptance; improvement actions done, open and overdue;
customers with a birthday in the next days; the year's holidays.

Its own random stream (``care_rng``): the rest of the load is the same with or without it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from advisor import workflow
from advisor.demo.base import Base
from advisor.models import Complaint, DeclineReason, Holiday, ImprovementAction
from advisor.services.care import BIRTHDAY_AHEAD_DAYS, festival_dates

CAUSES = ("workmanship", "workmanship", "parts", "waiting", "communication", "price")
WORDS = {
    "workmanship": "修过了还是响，白跑一趟！",
    "parts": "换的配件不到一个月又坏了。",
    "waiting": "说好两个小时，结果等了一下午。",
    "communication": "加项目之前没人跟我说清楚。",
    "price": "比报价多了三百块，太贵了。",
    "attitude": "前台态度很不耐烦。",
    "damage": "取车时发现车门上多了一道划痕！",
}


def birthday(rng: Any, created: dt.datetime) -> tuple[dt.date | None, int | None]:
    """Two customers in three have a birthday on file (aged 22–70 when they came)."""
    if rng.random() >= 2 / 3:
        return None, None
    day = created.date() - dt.timedelta(days=rng.randint(22 * 365, 70 * 365))
    return day, day.month * 100 + day.day


class CareDemo(Base):
    def complaints_and_care(self) -> None:
        """After the ROs: the complaints of the unhappy calls and a few fresh ones, the
        improvement actions, birthdays coming up, and the holidays of this year and next."""
        self._holidays()
        for n, call in enumerate(self.unhappy_calls):
            self._from_call(n, *call)
        self._fresh_complaints()
        self._actions()

    def _complaint(self, **row: Any) -> int:
        row.setdefault("escalate_by", workflow.escalation_due(row["level"], row["raised_at"]))
        row.setdefault("words", WORDS[row["cause"]])
        return self.sink.add(Complaint, **row)

    def _from_call(self, n: int, ro: int, follow_up: int, customer: int, at: dt.datetime, adv: int) -> None:
        r = self.care_rng
        cause = CAUSES[n % len(CAUSES)]
        level = "serious" if n % 4 == 3 else "general"
        due = workflow.escalation_due(level, at)
        late = n % 5 == 4  # one in five reaches the manager after its time
        escalated = min(
            self.now, due + dt.timedelta(hours=r.uniform(1, 20)) if late else at + (due - at) * r.random()
        )
        recent = self.now - at < dt.timedelta(hours=30)
        row: dict[str, Any] = dict(
            customer=customer,
            ro=ro,
            follow_up=follow_up,
            source="follow_up",
            cause=cause,
            level=level,
            raised_at=at,
            raised_by=adv,
        )
        if recent and not late:  # still being handled
            self._complaint(**row, status="open")
            return
        row.update(escalated_at=escalated, escalated_to=self.manager)
        if n % 3 == 0:
            row.update(
                compensation_kind="voucher" if n % 2 else "free_repair",
                compensation_cents=20_000 if n % 2 else 0,
                compensation_note="" if n % 2 else "免费复查并重新施工",
                compensation_approved_by=self.manager,
                compensation_approved_at=escalated,
            )
        closed = min(self.now, escalated + dt.timedelta(hours=r.uniform(2, 72)))
        refused = n % 11 == 10
        row.update(
            status="closed",
            closed_at=closed,
            closed_by=self.manager if refused else adv,
            accepted=not refused,
            closing_note="客户仍不满意，已按最终方案处理并记录" if refused else "客户接受处理结果",
        )
        self._complaint(**row)

    def _fresh_complaints(self) -> None:
        """The last days': a crisis with the manager at once, a serious one overdue (nobody
        told the manager in its 4 hours), a general one in time, and an overdue general one
        customer service took on the phone (the demo's clock stands at 15:00: these stay
        overdue whenever the app is looked at)."""
        customers = [v[1] for v in self.pool[:4]]
        if len(customers) < 4:
            return
        adv = self.advisors[0]
        crisis_at = self.now - dt.timedelta(hours=2)
        self._complaint(
            customer=customers[0],
            source="phone",
            cause="damage",
            level="crisis",
            raised_at=crisis_at,
            raised_by=adv,
            escalated_at=crisis_at,
            escalated_to=self.manager,
            compensation_kind="free_repair",
            compensation_note="免费修复划痕",
            status="open",
        )
        self._complaint(
            customer=customers[1],
            source="counter",
            cause="waiting",
            level="serious",
            raised_at=self.now - dt.timedelta(hours=30),
            raised_by=adv,
            status="open",
        )
        self._complaint(
            customer=customers[2],
            source="counter",
            cause="attitude",
            level="general",
            raised_at=self.now - dt.timedelta(hours=1),
            raised_by=adv,
            status="open",
        )
        self._complaint(
            customer=customers[3],
            source="phone",
            cause="price",
            level="general",
            raised_at=self.now - dt.timedelta(hours=50),
            raised_by=self.customer_service,  # heard on the phone: in customer service's Needs me
            status="open",
        )

    def _actions(self) -> None:
        reasons = {r.code: r.id for r in DeclineReason.select()}
        price = "price" if "price" in reasons else next(iter(reasons), "")
        actions = [
            (
                "complaint",
                "workmanship",
                "返修车辆由车间主管复检后再交车",
                self.foremen[0],
                -40,
                -12,
                "返修率下降",
            ),
            ("complaint", "waiting", "休息室每 30 分钟向客户通报进度", self.advisors[0], -20, None, ""),
            ("complaint", "communication", "增项前必须电话确认并记录", self.advisors[-1], -10, None, ""),
            ("decline", price, "报价时出示配件价格表和工时标准", self.advisors[0], -5, None, ""),
        ]
        for source, code, what, owner, created_days, done_days, result in actions:
            if not code:
                continue
            created = self.now + dt.timedelta(days=created_days)
            due = (created + dt.timedelta(days=14)).date()
            self.sink.add(
                ImprovementAction,
                what=what,
                source=source,
                source_code=code,
                owner=owner,
                due_on=due,
                created_by=self.manager,
                created_at=created,
                done_at=None if done_days is None else self.now + dt.timedelta(days=done_days),
                result=result,
            )

    def _holidays(self) -> None:
        taken = {h.on for h in Holiday.select(Holiday.on)}
        for year in (self.today.year, self.today.year + 1):
            for on, en, zh in festival_dates(year):
                if on not in taken:
                    taken.add(on)
                    self.sink.add(Holiday, on=on, name_en=en, name_zh=zh)

    def birthday_row(self, created: dt.datetime, consent: bool) -> dict[str, Any]:
        """A new customer's birthday fields. The first three who consent have theirs in the
        next days, so the call list shows birthday greetings."""
        if consent and self.birthdays_ahead < 3:
            ahead = self.today + dt.timedelta(days=self.birthdays_ahead % (BIRTHDAY_AHEAD_DAYS + 1))
            self.birthdays_ahead += 1
            born = ahead.replace(year=ahead.year - 44)  # a leap year again for 29 February
            return {"birthday": born, "birthday_md": born.month * 100 + born.day}
        day, md = birthday(self.care_rng, created)
        return {"birthday": day, "birthday_md": md}
