"""Random sequences of what staff do to a few ROs, with the flow's invariants checked
after every step.

Any ``UserError`` is an allowed outcome (a gate or a check said no); anything else is a
bug. After each step: no job or clocking on a line the customer did not approve; the
RO's totals are the approved customer-paid lines plus tax; a settlement holds exactly
the approved lines; every move of an RO's step has a timeline event and an audit row;
the customer's words never change; the audit chain is intact; the stored step is the
step the gates compute.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from advisor import audit, db
from advisor.errors import UserError
from advisor.models import (
    Assignment,
    AuditLog,
    Authorisation,
    ChangeRequest,
    ClockEvent,
    Concern,
    EstimateLine,
    RepairOrder,
    StepEvent,
    now,
)
from advisor.reference import ensure_reference_data
from advisor.services import (
    changes,
    diagnosis,
    estimate,
    followup,
    parts,
    quality,
    reception,
    settlement,
    workshop,
)
from advisor.services import (
    settings as settings_service,
)
from advisor.services._base import current_settlement, ro_state
from advisor.services.quality import checklist
from advisor.workflow import current_step
from tests import conftest, factories

TAX = Decimal("0.13")
WORDS = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != "")
IDX = st.integers(min_value=0, max_value=50)
_db_numbers = itertools.count()


def _tax(cents: int) -> int:
    return int((Decimal(cents) * TAX).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _approved_customer_subtotal(ro_id: int) -> int:
    return sum(
        x.amount_cents
        for x in EstimateLine.select().where((EstimateLine.ro == ro_id) & (EstimateLine.status == "approved"))
        if x.pay_type == "customer"
    )


class ServiceFlow(RuleBasedStateMachine):
    """A few ROs pushed around by advisors, foremen, technicians, cashiers, managers."""

    tmp_dir: Path

    def __init__(self) -> None:
        super().__init__()
        number = next(_db_numbers)
        # Each example starts an empty database: its sealed audit head is its own too (a
        # head sealed by the last example would read as a truncated chain).
        os.environ[audit.HEAD_ENV] = str(self.tmp_dir / f"audit-head-{number}.json")
        if conftest.PG_URL:
            database = db.open_database(conftest.PG_URL, migrate=False)
            conftest._reset_postgres(database)
        else:
            path = self.tmp_dir / f"machine-{number}.db"
            database = db.open_database(f"sqlite:///{path}")
            # A throw-away file: skip the fsync of every commit (durability is not under test).
            database.execute_sql("PRAGMA synchronous = OFF")
        with database.atomic():
            ensure_reference_data()
        self.staff = factories.make_staff()
        self.ros: list[int] = []
        self.words: dict[int, str] = {}  # concern id -> the customer's words as typed
        self.last_step: dict[int, int] = {}
        self.last_event_id = 0
        self.last_audit_id = 0
        self.refusals = 0

    def teardown(self) -> None:
        db.close_database()

    # -- helpers ------------------------------------------------------------------------

    def attempt(self, fn: Any, /, **kwargs: Any) -> Any:
        try:
            return fn(**kwargs)
        except UserError:
            self.refusals += 1
            return None

    def ro(self, i: int) -> int:
        return self.ros[i % len(self.ros)]

    def pick(self, items: list[Any], i: int) -> Any:
        return items[i % len(items)] if items else None

    def latest_change(self, ro_id: int) -> ChangeRequest | None:
        q = ChangeRequest.select().where(ChangeRequest.ro == ro_id)
        return q.order_by(ChangeRequest.id.desc()).first()

    def lines(self, ro_id: int) -> list[EstimateLine]:
        return list(EstimateLine.select().where(EstimateLine.ro == ro_id).order_by(EstimateLine.id))

    # -- rules --------------------------------------------------------------------------

    @initialize(threshold=st.sampled_from([10_000, 200_000]))
    def set_threshold(self, threshold: int) -> None:
        settings_service.set_setting(actor=self.staff.manager, key="major_change_cents", value=threshold)

    @rule(new_vehicle=st.booleans(), i=IDX)
    def open_ro(self, new_vehicle: bool, i: int) -> None:
        if not self.ros or (new_vehicle and len(self.ros) < 3):
            _c, vehicle_id = factories.make_customer_vehicle(self.staff)
        else:
            vehicle_id = RepairOrder.get_by_id(self.ro(i)).vehicle_id
        ro_id = self.attempt(reception.open_repair_order, actor=self.staff.advisor, vehicle_id=vehicle_id)
        if ro_id is not None:
            self.ros.append(ro_id)

    @precondition(lambda self: self.ros)
    @rule(
        i=IDX,
        wash=st.sampled_from([None, False, True]),
        repair_class=st.sampled_from(["minor", "level1", "level2", "major"]),
    )
    def check_in(self, i: int, wash: bool | None, repair_class: str) -> None:
        ro = RepairOrder.get_by_id(self.ro(i))
        km = ro.mileage_in or (ro.vehicle.mileage_km + 100)
        self.attempt(
            reception.check_in,
            actor=self.staff.advisor,
            ro_id=ro.id,
            mileage_km=km,
            fuel_level=4,
            wash_requested=wash,
            repair_class=repair_class,
        )

    @precondition(lambda self: self.ros)
    @rule(i=IDX, words=WORDS)
    def record_concern(self, i: int, words: str) -> None:
        if RepairOrder.get_by_id(self.ro(i)).need_confirmed_at is None:
            factories.arrived_minutes_ago(self.ro(i))  # 7 minutes with the customer: within 5–10
        cid = self.attempt(
            diagnosis.record_concern, actor=self.staff.advisor, ro_id=self.ro(i), customer_words=words
        )
        if cid is not None:
            self.words[cid] = words

    @precondition(lambda self: self.words)
    @rule(j=IDX, words=WORDS)
    def correct_concern(self, j: int, words: str) -> None:
        old = self.pick(sorted(self.words), j)
        cid = self.attempt(
            diagnosis.correct_concern, actor=self.staff.advisor, concern_id=old, customer_words=words
        )
        if cid is not None:
            self.words[cid] = words

    @precondition(lambda self: self.ros)
    @rule(
        i=IDX,
        kind=st.sampled_from(["labour", "part", "other"]),
        qty=st.sampled_from(["1", "0.5", "2", "1.25", "0", "-1"]),
        price=st.sampled_from([18_000, 1, 0, 99_999, -5]),
        pay_type=st.sampled_from(["customer", "customer", "warranty", "internal"]),
    )
    def add_line(self, i: int, kind: str, qty: str, price: int, pay_type: str) -> None:
        extra: dict[str, Any] = {"code": "45022-TBA-A01"} if kind == "part" else {"description": "Job"}
        self.attempt(
            estimate.add_line,
            actor=self.staff.advisor,
            ro_id=self.ro(i),
            kind=kind,
            quantity=qty,
            unit_price_cents=None if kind == "part" else price,
            pay_type=pay_type,
            **extra,
        )

    @precondition(lambda self: self.ros)
    @rule(
        i=IDX,
        choices=st.lists(st.sampled_from(["approved", "declined"]), min_size=1, max_size=6),
        method=st.sampled_from(["in_person", "phone", "message"]),
    )
    def authorise(self, i: int, choices: list[str], method: str) -> None:
        ro_id = self.ro(i)
        proposed = [x.id for x in self.lines(ro_id) if x.status == "proposed"]
        decisions = {lid: choices[k % len(choices)] for k, lid in enumerate(proposed)}
        self.attempt(
            estimate.authorise_estimate,
            actor=self.staff.advisor,
            ro_id=ro_id,
            decisions=decisions,
            customer_name="张伟",
            method=method,
            phone="13812345678" if method == "phone" else "",
            promised_at=now() + dt.timedelta(hours=6),
            decline_reasons={
                k: factories.reason_id("price") for k, d in decisions.items() if d == "declined"
            },
            signature=factories.signature() if method == "in_person" else None,
        )

    @precondition(lambda self: self.ros)
    @rule(i=IDX, j=IDX, late=st.booleans())
    def assign(self, i: int, j: int, late: bool) -> None:
        line = self.pick(self.lines(self.ro(i)), j)  # any line: approved, declined or proposed
        if line is None:
            return
        start = now()
        self.attempt(
            workshop.assign,
            actor=self.staff.foreman,
            line_id=line.id,
            technician_id=self.staff.tech_ids[j % 3],
            bay_id=None,
            planned_start=start,
            planned_end=start + dt.timedelta(hours=1 + 10 * late),
        )

    @precondition(lambda self: self.ros)
    @rule(j=IDX, update=st.booleans())
    def tamper_with_undecided_or_declined_work(self, j: int, update: bool) -> None:
        """Attack: work on, or re-price, every line the customer did not approve."""
        for line in EstimateLine.select().where(EstimateLine.status != "approved").order_by(EstimateLine.id):
            if update:
                self.attempt(
                    estimate.update_line,
                    actor=self.staff.advisor,
                    line_id=line.id,
                    version=line.version,
                    unit_price_cents=line.unit_price_cents + 100,
                )
                continue
            start = now()
            self.attempt(
                workshop.assign,
                actor=self.staff.foreman,
                line_id=line.id,
                technician_id=self.staff.tech_ids[j % 3],
                bay_id=None,
                planned_start=start,
                planned_end=start + dt.timedelta(hours=1),
            )

    @precondition(lambda self: self.ros)
    @rule(i=IDX, j=IDX)
    def change_an_authorised_estimate(self, i: int, j: int) -> None:
        """Attack: change the price after the customer authorised it."""
        ro_id = self.ro(i)
        line = self.pick(self.lines(ro_id), j)
        if line is not None:
            self.attempt(
                estimate.update_line,
                actor=self.staff.advisor,
                line_id=line.id,
                version=line.version,
                quantity="9",
            )
        self.attempt(
            estimate.add_line,
            actor=self.staff.advisor,
            ro_id=ro_id,
            kind="other",
            description="Sneaky fee",
            quantity=1,
            unit_price_cents=5_000,
        )

    @precondition(lambda self: self.ros)
    @rule(
        i=IDX,
        j=IDX,
        action=st.sampled_from(["on", "pause", "resume", "finish"]),
        who=st.sampled_from(["foreman", "technician"]),
    )
    def clock(self, i: int, j: int, action: str, who: str) -> None:
        jobs = list(Assignment.select().where(Assignment.ro == self.ro(i)).order_by(Assignment.id))
        job = self.pick(jobs, j)
        if job is None:
            return
        actor = getattr(self.staff, who)
        fn = {
            "on": workshop.clock_on,
            "pause": workshop.pause,
            "resume": workshop.resume,
            "finish": workshop.finish,
        }[action]
        extra = {"reason": "parts"} if action == "pause" else {}
        self.attempt(fn, actor=actor, assignment_id=job.id, **extra)

    @precondition(lambda self: self.ros)
    @rule(i=IDX, kind=st.sampled_from(["extra_work", "delay"]), hours=st.sampled_from(["0.5", "3"]))
    def request_change(self, i: int, kind: str, hours: str) -> None:
        lines = (
            [{"kind": "labour", "description": "Extra", "quantity": hours, "unit_price_cents": 18_000}]
            if kind == "extra_work"
            else None
        )
        self.attempt(
            changes.request_change,
            actor=self.staff.technician,
            ro_id=self.ro(i),
            kind=kind,
            reason="found in the workshop",
            lines=lines,
            new_promised_at=now() + dt.timedelta(hours=8),
        )

    @precondition(lambda self: self.ros)
    @rule(i=IDX, yes=st.booleans(), method=st.sampled_from(["in_person", "phone"]), with_number=st.booleans())
    def consent(self, i: int, yes: bool, method: str, with_number: bool) -> None:
        cr = self.latest_change(self.ro(i))
        if cr is None:
            return
        self.attempt(
            changes.record_consent,
            actor=self.staff.advisor,
            change_id=cr.id,
            consented=yes,
            consent_by="张伟",
            method=method,
            phone="13812345678" if with_number else "",
            refusal_reason=None if yes else factories.reason_id("no_time"),
            signature=factories.signature() if yes and method == "in_person" else None,
        )

    @precondition(lambda self: self.ros)
    @rule(i=IDX, approve=st.booleans(), who=st.sampled_from(["manager", "advisor"]))
    def approve_major(self, i: int, approve: bool, who: str) -> None:
        cr = self.latest_change(self.ro(i))
        if cr is None:
            return
        self.attempt(
            changes.approve_major,
            actor=getattr(self.staff, who),
            change_id=cr.id,
            approve=approve,
            note="not now",
        )

    @precondition(lambda self: self.ros)
    @rule(i=IDX)
    def self_check(self, i: int) -> None:
        self.attempt(
            factories.sign_self_checks,
            ro_id=self.ro(i),
            foreman=self.staff.foreman,
            technicians=[self.staff.technician],
        )

    @precondition(lambda self: self.ros)
    @rule(i=IDX, ok=st.booleans(), cert=st.sampled_from(["", "JG-1"]))
    def qc(self, i: int, ok: bool, cert: str) -> None:
        ro_id = self.ro(i)
        self.attempt(
            quality.record_qc,
            actor=self.staff.foreman,
            ro_id=ro_id,
            items=[(x, ok) for x in checklist(ro_id)],
            nothing_left=True,
            no_new_damage=True,
            completion_cert_no=cert,
        )

    @precondition(lambda self: self.ros)
    @rule(i=IDX)
    def wash(self, i: int) -> None:
        self.attempt(
            quality.confirm_wash, actor=self.staff.advisor, ro_id=self.ro(i), ashtray_ok=True, tyres_ok=True
        )

    @precondition(lambda self: self.ros)
    @rule(
        i=IDX,
        permille=st.sampled_from([0, 0, 30, 50, 51, 150]),
        who=st.sampled_from(["advisor", "manager", "cashier"]),
    )
    def settle(self, i: int, permille: int, who: str) -> None:
        ro_id = self.ro(i)
        discount = _approved_customer_subtotal(ro_id) * permille // 1000
        self.attempt(
            settlement.settle,
            actor=getattr(self.staff, who),
            ro_id=ro_id,
            discount_cents=discount,
            discount_reason="regular customer",
        )

    @precondition(lambda self: self.ros)
    @rule(i=IDX)
    def explain(self, i: int) -> None:
        self.attempt(settlement.explain_items, actor=self.staff.advisor, ro_id=self.ro(i))

    @precondition(lambda self: self.ros)
    @rule(i=IDX, part=st.sampled_from([1, 2, 3]))
    def pay(self, i: int, part: int) -> None:
        ro_id = self.ro(i)
        s = current_settlement(ro_id)
        balance = 100 if s is None else s.total_cents - sum(p.amount_cents for p in s.payments)
        amount = balance if part == 1 else balance // 2 if part == 2 else balance + 1
        self.attempt(
            settlement.pay,
            actor=self.staff.cashier,
            ro_id=ro_id,
            method="card",
            amount_cents=amount,
            reference="POS-1",
        )

    @precondition(lambda self: self.ros)
    @rule(i=IDX)
    def hand_over(self, i: int) -> None:
        self.attempt(
            settlement.hand_over,
            actor=self.staff.advisor,
            ro_id=self.ro(i),
            accepted_by="张伟",
            result_shown=True,
            old_parts=factories.old_part_decisions(self.ro(i)),
            signature=factories.signature(),
        )

    @precondition(lambda self: self.ros)
    @rule(i=IDX, happy=st.booleans(), recheck=st.booleans())
    def follow_up(self, i: int, happy: bool, recheck: bool) -> None:
        self.attempt(
            followup.log_follow_up,
            actor=self.staff.advisor,
            ro_id=self.ro(i),
            reached=True,
            solved=happy,
            scores=dict.fromkeys(followup.DIMENSIONS, 5 if happy else 2),
            recheck_at=now() + dt.timedelta(days=1) if recheck else None,
            at=self.follow_up_time(self.ro(i)),
        )

    def follow_up_time(self, ro_id: int) -> dt.datetime | None:
        """The clock of a call made 25 hours after the handover (in the 24–48 h window)."""
        handed = RepairOrder.get_by_id(ro_id).handed_over_at
        return None if handed is None else handed + dt.timedelta(hours=25)

    def _next_action(self, ro_id: int, variant: int) -> None:
        """Do what the flow expects next for this RO (with small random variations)."""
        ro = RepairOrder.get_by_id(ro_id)
        st_ = ro_state(ro)
        staff = self.staff
        i = self.ros.index(ro_id)  # the rules below take an index into self.ros
        step = int(current_step(st_))
        if step == 3:
            self.check_in(i, [False, True, None][variant % 3], ["minor", "level2"][variant % 2])
        elif step == 4:
            self.record_concern(i, ["刹车“吱吱”响 🚗", "Won't start\n早上"][variant % 2])
        elif step == 5:
            if not any(x.status == "proposed" for x in st_.lines):
                self.add_line(i, "labour", "1", 18_000, "customer")
                self.add_line(i, "part", "1", 0, "customer")
                self.add_line(i, "labour", "0.5", 18_000, ["customer", "warranty"][variant % 2])
            else:
                self.authorise(
                    i,
                    [["approved"], ["approved", "declined"], ["approved", "approved", "declined"]][
                        variant % 3
                    ],
                    "in_person",
                )
        elif step == 6:
            for order in parts.orders_for_ro(ro_id):
                if order.status == "ordered":
                    self.attempt(parts.book_arrival, actor=staff.parts, order_id=order.id)
        elif step == 7:
            todo = [x for x in st_.approved if x.kind == "labour" and not x.assigned]
            line = EstimateLine.get_by_id(todo[0].id)
            self.assign(i, [y.id for y in self.lines(ro_id)].index(line.id), False)
        elif step == 8:
            pending = self.latest_change(ro_id)
            if pending is not None and pending.status in ("pending", "awaiting_manager"):
                if pending.consent_at is None:
                    self.consent(i, variant % 4 != 0, "phone", True)
                else:
                    self.approve_major(i, variant % 4 != 0, "manager")
                return
            for job in Assignment.select().where((Assignment.ro == ro_id) & (Assignment.status != "done")):
                if job.status == "waiting":
                    self.attempt(workshop.clock_on, actor=staff.foreman, assignment_id=job.id)
                elif job.status == "paused":
                    self.attempt(workshop.resume, actor=staff.foreman, assignment_id=job.id)
                else:
                    if variant % 5 == 0:
                        self.request_change(i, "extra_work", ["0.5", "3"][variant % 2])
                    self.attempt(workshop.finish, actor=staff.foreman, assignment_id=job.id)
                return
            self.self_check(i)  # every job done: the technicians sign the self-check
        elif step == 9:
            self.qc(i, variant % 4 != 0, "JG-1")
        elif step == 10:
            if ro.wash_requested is None:
                self.attempt(quality.set_wash, actor=staff.advisor, ro_id=ro_id, requested=False)
            else:
                self.wash(i)
        elif step == 11:
            if not st_.settled:
                self.settle(i, [0, 30, 50][variant % 3], "advisor")
            elif not st_.items_explained:
                self.explain(i)
            else:
                self.pay(i, 1 + variant % 2)
        elif step == 12:
            self.hand_over(i)
        elif step == 13:
            self.follow_up(i, variant % 3 != 0, True)

    @precondition(lambda self: self.ros)
    @rule(i=IDX, n=st.integers(min_value=1, max_value=10), variant=st.integers(min_value=0, max_value=59))
    def advance(self, i: int, n: int, variant: int) -> None:
        ro_id = self.ro(i)
        for k in range(n):
            self._next_action(ro_id, variant + k)

    advance_more = advance  # a second name: the flow moves on as often as it is attacked

    # -- invariants -----------------------------------------------------------------------

    @invariant()
    def no_work_on_unapproved_lines(self) -> None:
        bad_jobs = (
            Assignment.select(Assignment.id)
            .join(EstimateLine)
            .where(EstimateLine.status != "approved")
            .count()
        )
        assert bad_jobs == 0, "a job exists for a line the customer has not approved"
        bad_clocks = (
            ClockEvent.select(ClockEvent.id)
            .join(Assignment)
            .join(EstimateLine)
            .where(EstimateLine.status != "approved")
            .count()
        )
        assert bad_clocks == 0, "clocked time on a line the customer has not approved"

    @invariant()
    def totals_are_approved_customer_lines_plus_tax(self) -> None:
        for ro_id in self.ros:
            subtotal = _approved_customer_subtotal(ro_id)
            totals = estimate.totals_of(self.lines(ro_id))
            assert totals.subtotal_cents == subtotal
            assert totals.total_cents == subtotal + _tax(subtotal)

    @invariant()
    def the_authorised_amount_changes_only_through_change_requests(self) -> None:
        for ro_id in self.ros:
            auth = Authorisation.get_or_none(Authorisation.ro == ro_id)
            if auth is None:
                continue
            own = [x for x in self.lines(ro_id) if x.change_request_id is None]
            assert all(x.status in ("approved", "declined") for x in own), (
                "a line was added to an authorised estimate without a change request"
            )
            assert estimate.totals_of(own).total_cents == auth.amount_cents, (
                "the authorised amount changed without a change request"
            )

    @invariant()
    def settlement_holds_exactly_the_approved_lines(self) -> None:
        for ro_id in self.ros:
            s = current_settlement(ro_id)
            if s is None:
                continue
            approved = {x.id for x in self.lines(ro_id) if x.status == "approved"}
            assert {x["id"] for x in json.loads(s.lines_json)} == approved
            subtotal = _approved_customer_subtotal(ro_id)
            assert s.labour_cents + s.parts_cents + s.other_cents == subtotal
            assert s.tax_cents == _tax(subtotal - s.discount_cents)
            assert s.total_cents == subtotal - s.discount_cents + s.tax_cents
            assert sum(p.amount_cents for p in s.payments) <= s.total_cents, "overpaid"

    @invariant()
    def every_step_change_has_an_event_and_an_audit_row(self) -> None:
        events = list(StepEvent.select().where(StepEvent.id > self.last_event_id).order_by(StepEvent.id))
        rows = list(
            AuditLog.select().where((AuditLog.id > self.last_audit_id) & (AuditLog.entity == "repair_order"))
        )
        for ro in RepairOrder.select():
            previous = self.last_step.get(ro.id)
            if previous is not None and previous != ro.step:
                assert any(e.ro_id == ro.id and e.step == ro.step for e in events), (
                    f"RO {ro.id} moved {previous} → {ro.step} without a timeline event"
                )
                assert any(
                    r.entity_id == ro.id and json.loads(r.new_json or "{}").get("step") == ro.step
                    for r in rows
                ), f"RO {ro.id} moved {previous} → {ro.step} unaudited"
            self.last_step[ro.id] = ro.step
        if events:
            self.last_event_id = events[-1].id
        last = AuditLog.select(AuditLog.id).order_by(AuditLog.id.desc()).first()
        self.last_audit_id = last.id if last else 0

    @invariant()
    def the_customers_words_never_change(self) -> None:
        stored = {c.id: c.customer_words for c in Concern.select(Concern.id, Concern.customer_words)}
        for cid, words in self.words.items():
            assert stored[cid] == words

    @invariant()
    def stored_step_is_the_computed_step(self) -> None:
        for ro in RepairOrder.select():
            assert ro.step == int(current_step(ro_state(ro))), f"RO {ro.id}"

    @invariant()
    def audit_chain_and_stock_are_intact(self) -> None:
        report = audit.verify()
        assert report.ok, report
        assert parts.stock_consistent()


def test_random_service_sequences_keep_the_invariants(tmp_path: Path) -> None:
    ServiceFlow.tmp_dir = tmp_path
    run_state_machine_as_test(
        ServiceFlow,
        settings=settings(
            max_examples=25,
            stateful_step_count=30,
            deadline=None,
            database=None,
            suppress_health_check=[
                HealthCheck.too_slow,
                HealthCheck.filter_too_much,
                HealthCheck.data_too_large,
            ],
        ),
    )


@pytest.mark.slow
def test_longer_random_sequences_keep_the_invariants(tmp_path: Path) -> None:
    ServiceFlow.tmp_dir = tmp_path
    run_state_machine_as_test(
        ServiceFlow,
        settings=settings(
            max_examples=100,
            stateful_step_count=60,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
