"""Closing a repair order (steps 11 to 14): settlement, payment, handover and the follow-up call."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from advisor.codes import SignedAct
from advisor.demo.data import CATEGORIES, COMMENTS, DIMENSIONS, DISCOUNT_REASONS, PAY_METHODS
from advisor.demo.front_desk import FrontDesk
from advisor.demo.sink import Plan
from advisor.models import EstimateLine, FollowUp, Payment, RepairOrder, Settlement


class Closing(FrontDesk):
    """Stores the finished RO row, and walks it through settlement, payment, handover, follow-up."""

    def finish_ro(self, ro_row: dict[str, Any], lines: list[dict[str, Any]], step: int) -> None:
        self.sink.add(RepairOrder, step=step, **ro_row)
        for x_ in lines:
            self.sink.add(EstimateLine, ro=ro_row["id"], **x_)

    def settle(
        self,
        ro: int,
        p: Plan,
        s: int,
        lines: list[dict[str, Any]],
        ro_row: dict[str, Any],
        adv: int,
        cname: str,
        ready: dt.datetime,
    ) -> None:
        r, sink = self.rng, self.sink
        waits = bool(ro_row["customer_waits"])
        mode = r.choice(("none", "none", "settled", "explained", "partial")) if s == 11 else "paid"
        pickup = (
            ready if waits else max(ready, ro_row["promised_at"]) + dt.timedelta(minutes=r.randint(0, 90))
        )
        if pickup.hour >= 19:
            pickup = dt.datetime.combine(
                pickup.date() + dt.timedelta(days=1), dt.time(r.randint(8, 11), r.randrange(60))
            )
        settled_at = self.clamp(self.minutes(pickup, 2, 15))
        approved = [x_ for x_ in lines if x_["status"] == "approved"]
        subtotal = sum(x_["amount_cents"] for x_ in approved if x_["pay_type"] == "customer")
        discount = 0
        if subtotal >= 10_000 and r.random() < 0.08:
            discount = subtotal * r.randint(1, 5) // 100 // 100 * 100
        labour, parts, other, tax, total = self.totals(lines, discount)
        if mode != "none" and s == 11 and total == 0:
            mode = "none"
        if mode == "partial" and total < 2:
            mode = "explained"
        if mode == "none":
            self.finish_ro(ro_row, lines, 11)
            return
        st_id = sink.add(
            Settlement,
            ro=ro,
            number=self.number("ST", settled_at.date()),
            at=settled_at,
            by_user=adv,
            labour_cents=labour,
            parts_cents=parts,
            other_cents=other,
            discount_cents=discount,
            discount_reason=r.choice(DISCOUNT_REASONS) if discount else "",
            tax_cents=tax,
            total_cents=total,
            lines_json=json.dumps(
                [
                    {
                        "id": x_["id"],
                        "kind": x_["kind"],
                        "code": x_["code"],
                        "description": x_["description"],
                        "quantity": str(x_["quantity"]),
                        "unit_price_cents": x_["unit_price_cents"],
                        "amount_cents": x_["amount_cents"],
                        "origin": x_.get("origin", ""),
                        "pay_type": x_["pay_type"],
                    }
                    for x_ in approved
                ],
                ensure_ascii=False,
            ),
        )
        ro_row["settled_at"] = settled_at
        self.ev(ro, settled_at, 11, "settled", adv, "")
        if mode == "settled":
            self.finish_ro(ro_row, lines, 11)
            return
        explained = self.clamp(self.minutes(settled_at, 2, 8))
        ro_row["items_explained_at"] = explained
        self.ev(ro, explained, 11, "items_explained", adv)
        if mode == "explained":
            self.finish_ro(ro_row, lines, 11)
            return
        paid_at = self.clamp(self.minutes(explained, 1, 6))
        cashier = r.choice(self.cashiers)
        amounts = [total] if total else []
        if mode == "partial":
            amounts = [total // 2]
        elif total >= 2_000 and r.random() < 0.1:
            amounts = [total - total // 3, total // 3]
        for amount in amounts:
            method = r.choice(PAY_METHODS)
            sink.add(
                Payment,
                settlement=st_id,
                method=method,
                amount_cents=amount,
                at=paid_at,
                by_user=cashier,
                reference="" if method == "cash" else f"{r.randrange(10**12):012d}",
            )
            self.ev(
                ro,
                paid_at,
                12 if mode == "paid" and amount == amounts[-1] else 11,
                "paid",
                cashier,
                f"{method} {self.fmt(amount, symbol=False)}",
            )
        if mode == "partial":
            self.finish_ro(ro_row, lines, 11)
            return
        ro_row["paid_at"] = paid_at
        if ro % 53 == 0 and paid_at.date() < self.today - dt.timedelta(days=7):
            # Now and then in the history the amount came before the items were explained: the
            # process scorecard counts it (no draw: the data after stays the same).
            ro_row["items_explained_at"] = paid_at + dt.timedelta(minutes=2)
        if s == 12:
            self.finish_ro(ro_row, lines, 12)
            return
        handed = self.clamp(self.minutes(paid_at, 3, 15))
        next_date = handed.date() + dt.timedelta(days=self.interval_days)
        next_km = int(ro_row["mileage_in"]) + self.interval_km
        ro_row.update(
            handed_over_at=handed,
            accepted_by=cname,
            result_shown=True,
            next_service_date=next_date,
            next_service_km=next_km,
            handover_no_signature_reason=self.sign(ro, SignedAct.HANDOVER, None, cname, handed, adv),
        )
        for x_ in approved:
            if x_["kind"] == "part":
                x_["old_part_handling"] = (
                    "warranty_return"
                    if x_["pay_type"] == "warranty"
                    else "returned"
                    if ro_row["return_old_parts"]
                    else "scrapped"
                )
        self.ev(ro, handed, 13, "handed_over", adv, cname)
        self.follow_up(ro, p, s, ro_row, adv, handed, lines)

    def follow_up(
        self,
        ro: int,
        p: Plan,
        s: int,
        ro_row: dict[str, Any],
        adv: int,
        handed: dt.datetime,
        lines: list[dict[str, Any]],
    ) -> None:
        r, sink = self.rng, self.sink
        # Customer service makes every third call; the advisor the others.
        caller = self.customer_service if ro % 3 == 0 else adv
        due_from, due_to = handed + dt.timedelta(hours=24), handed + dt.timedelta(hours=48)
        row: dict[str, Any] = dict(ro=ro, due_from=due_from, due_to=due_to)
        if s == 13:
            old = handed < self.now - dt.timedelta(days=14)
            if old:
                at = due_to + dt.timedelta(hours=r.randint(1, 30))
                row.update(status="unreachable", attempts=3, at=at, by_user=caller)
                self.ev(ro, at, 14, "follow_up_unreachable", caller)
                ro_row.update(status="closed", closed_at=at)  # unreachable after 3 calls closes it
            else:
                row.update(status="due", attempts=r.choice((0, 0, 0, 1, 2)) if due_from < self.now else 0)
            sink.add(FollowUp, **row)
            self.finish_ro(ro_row, lines, 14 if old else 13)
            return
        # Most calls in the 24–48 h window, some late; some customers ring first, before
        # 24 h (the one early call that counts: workflow.follow_up_timing).
        x = r.random()
        at = (
            due_from + (due_to - due_from) * r.random()
            if x < 0.85
            else due_to + dt.timedelta(hours=r.uniform(1, 48))
            if x < 0.95
            else handed + dt.timedelta(hours=r.uniform(2, 20))
        )
        at = self.clamp(at)
        comeback = p.has_comeback
        if comeback is not None:  # the recheck call comes before the car comes back
            at = min(at, comeback.at - dt.timedelta(hours=20))
        unhappy = comeback is not None or r.random() < 0.02
        scores = {d: r.choices((5, 4, 3, 2, 1), (55, 30, 10, 3, 2))[0] for d in DIMENSIONS}
        solved = True
        if unhappy:
            solved = comeback is None and r.random() < 0.5
            scores[r.choice(DIMENSIONS)] = r.choice((1, 2))
        elif min(scores.values()) <= 2:
            scores = {d: max(3, v) for d, v in scores.items()}
        recheck = None
        if unhappy:
            start = dt.datetime.combine(
                at.date() + dt.timedelta(days=r.randint(1, 3)),
                dt.time(r.choice((9, 10, 14, 15)), r.choice((0, 30))),
            )
            status = "booked"
            if comeback is not None:
                start, status = comeback.at - dt.timedelta(minutes=r.randint(0, 15)), "arrived"
            elif start < self.now:
                status = r.choice(("cancelled", "no_show"))
            recheck = self.appointment(
                ro_row["customer"],
                ro_row["vehicle"],
                adv,
                start,
                f"Recheck after {p.number} / 复检（{p.number}）",
                status,
                requested=at,
                urgent=True,
                recheck_of=ro,
            )
            if comeback is not None:
                self.recheck_for[comeback.id] = recheck
        row.update(
            status="done",
            attempts=1,
            at=at,
            customer_initiated=at < due_from,  # before 24 h only the customer's own call counts
            by_user=caller,
            solved=solved,
            category=r.choice(CATEGORIES[1:] if unhappy else CATEGORIES[:1] * 6 + CATEGORIES[1:]),
            comments=r.choice(COMMENTS) if not unhappy else "问题没有彻底解决，希望再检查一下",
            recheck=recheck,
            **scores,
        )
        follow_up = sink.add(FollowUp, **row)
        if unhappy:
            self.unhappy_calls.append((ro, follow_up, ro_row["customer"], at, caller))
        self.ev(ro, at, 14, "followed_up", caller, "unhappy → recheck" if unhappy else "")
        ro_row.update(status="closed", closed_at=at)
        self.finish_ro(ro_row, lines, 14)
