"""Two desks at the same instant: two worker processes released together by a barrier.

Each test spawns its two workers once and plays 10 rounds inside them, every round on its
own records prepared here beforehand; then it checks the invariant of every round. They
run on the test database of the pass (SQLite, or PostgreSQL with
ADVISOR_TEST_DATABASE_URL), so the same races are played on both engines.

An outcome per call is "ok", the name of the ``UserError`` that refused it, or "crash …"
for anything else (a traceback is a failure too).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

import peewee
import pytest

from advisor.errors import UserError
from tests import factories, racing

ROUNDS = 10


# ---------------------------------------------------------------- the workers' side


def _pay(a: dict[str, Any]) -> None:
    from advisor.services import settlement

    settlement.pay(actor=a["actor"], ro_id=a["ro_id"], method="cash", amount_cents=a["amount"])


def _pay_split(a: dict[str, Any]) -> None:
    from advisor.services import settlement

    settlement.pay_split(
        actor=a["actor"], ro_id=a["ro_id"], tenders=a["tenders"], cash_tendered_cents=a["tendered"]
    )


def _add_vehicle(a: dict[str, Any]) -> None:
    from advisor.services import customers

    customers.add_vehicle(
        actor=a["actor"],
        customer_id=a["customer_id"],
        vin=a["vin"],
        plate=a["plate"],
        make="Honda",
        model="Fit",
    )


def _book(a: dict[str, Any]) -> None:
    from advisor.services import appointments

    appointments.book_appointment(
        actor=a["actor"],
        customer_id=a["customer_id"],
        vehicle_id=a["vehicle_id"],
        starts_at=a["starts_at"],
        duration_min=60,
        requested_work="Oil service / 保养",
    )


def _open_ro(a: dict[str, Any]) -> None:
    from advisor.services import reception

    reception.open_repair_order(actor=a["actor"], vehicle_id=a["vehicle_id"])


def _add_or_authorise(a: dict[str, Any]) -> None:
    from advisor.models import now
    from advisor.services import estimate

    if a["do"] == "add":
        estimate.add_line(
            actor=a["actor"],
            ro_id=a["ro_id"],
            kind="labour",
            code="L-X",
            description="Cabin filter",
            quantity="0.5",
            unit_price_cents=18_000,
        )
    else:
        estimate.authorise_estimate(
            actor=a["actor"],
            ro_id=a["ro_id"],
            decisions={i: "approved" for i in a["lines"]},
            customer_name="张伟",
            method="in_person",
            promised_at=now() + dt.timedelta(hours=4),
            signature=factories.signature(),
        )


def _concern(a: dict[str, Any]) -> None:
    from advisor.services import diagnosis

    if a["field"] == "finding":
        diagnosis.record_finding(actor=a["actor"], concern_id=a["concern_id"], finding=a["text"])
    else:
        diagnosis.restate(actor=a["actor"], concern_id=a["concern_id"], restatement=a["text"], seen=a["seen"])


def _wrong_passwords(a: dict[str, Any]) -> None:
    from advisor.errors import AuthError
    from advisor.services import users

    for _ in range(a["times"]):
        with contextlib.suppress(AuthError):
            users.login(username=a["username"], password="not the password")


def _wrong_pins(a: dict[str, Any]) -> None:
    from advisor.errors import AuthError
    from advisor.services import users

    for _ in range(a["times"]):
        with contextlib.suppress(AuthError):
            users.login_pin(username=a["username"], pin="1357")


def _consent(a: dict[str, Any]) -> None:
    from advisor.services import changes
    from tests.factories import reason_id

    changes.record_consent(
        actor=a["actor"],
        change_id=a["change_id"],
        consented=a["yes"],
        consent_by="张伟",
        method="in_person",
        refusal_reason=None if a["yes"] else reason_id("no_time"),
        signature=factories.signature() if a["yes"] else None,
    )


def _register_walk_in(a: dict[str, Any]) -> None:
    from advisor.services import customers

    customers.register_walk_in(
        actor=a["actor"], vin=a["vin"], plate=a["plate"], name=a["name"], phone=a["phone"]
    )


def _clock_on(a: dict[str, Any]) -> None:
    from advisor.services import workshop

    workshop.clock_on(actor=a["actor"], assignment_id=a["assignment_id"])


def _update_vehicle(a: dict[str, Any]) -> None:
    from advisor.services import customers

    customers.update_vehicle(
        actor=a["actor"], vehicle_id=a["vehicle_id"], version=a["version"], **a["fields"]
    )


def _set_settings(a: dict[str, Any]) -> None:
    from advisor.services import settings

    settings.set_settings(actor=a["actor"], values=a["values"])


def _reassign(a: dict[str, Any]) -> None:
    from advisor.services import reception

    reception.reassign_advisor(
        actor=a["actor"], ro_id=a["ro_id"], advisor_id=a["to"], reason=a["reason"], from_advisor_id=a["from"]
    )


def _hand_over_or_update(a: dict[str, Any]) -> None:
    from advisor.services import inbox, settlement

    if a["hand_over"]:
        settlement.hand_over(
            actor=a["actor"],
            ro_id=a["ro_id"],
            accepted_by="张伟",
            result_shown=True,
            old_parts=a["old_parts"],
            signature=factories.signature(),
        )
    else:
        inbox.give_progress_update(actor=a["actor"], ro_id=a["ro_id"], note="ready in 5 min")


def _prep_or_arrive(a: dict[str, Any]) -> None:
    from advisor.services import reception, standards

    if a["arrive"]:
        reception.open_repair_order(
            actor=a["actor"], vehicle_id=a["vehicle_id"], appointment_id=a["appointment_id"]
        )
    else:
        standards.tick_prep(
            actor=a["actor"], appointment_id=a["appointment_id"], item=a["item"], note="赵磊 · 2号工位"
        )


def _sign_or_qc(a: dict[str, Any]) -> None:
    from advisor.services import quality, standards

    if a["qc"]:
        quality.record_qc(
            actor=a["actor"],
            ro_id=a["ro_id"],
            items=[(i, True) for i in quality.checklist(a["ro_id"])],
            nothing_left=True,
            no_new_damage=True,
        )
    else:
        standards.sign_self_check(actor=a["actor"], ro_id=a["ro_id"], marks=a["marks"])


def _dispatch(a: dict[str, Any]) -> None:
    from advisor.services import workshop

    workshop.assign(
        actor=a["actor"],
        line_id=a["line_id"],
        technician_id=a["technician_id"],
        bay_id=None,
        planned_start=a["start"],
        planned_end=a["start"] + dt.timedelta(hours=1),
    )


def _follow_up(a: dict[str, Any]) -> None:
    from advisor.services import followup

    # The customer rang back (the call counts before 24 h): two desks log it at once.
    followup.log_follow_up(
        actor=a["actor"],
        ro_id=a["ro_id"],
        reached=True,
        solved=True,
        scores=dict.fromkeys(("tangibles", "reliability", "responsiveness", "assurance", "empathy"), 5),
        comments=a["words"],
        customer_initiated=True,
    )


def _consent_or_reject(a: dict[str, Any]) -> None:
    from advisor.services import changes

    if a["reject"]:
        changes.approve_major(
            actor=a["actor"], change_id=a["change_id"], approve=False, note="Under warranty"
        )
    else:
        changes.record_consent(
            actor=a["actor"],
            change_id=a["change_id"],
            consented=True,
            consent_by="张伟",
            method="in_person",
            signature=factories.signature(),
        )


def _add_photo(a: dict[str, Any]) -> None:
    from advisor.services import photos

    photos.add_photo(
        actor=a["actor"], ro_id=a["ro_id"], subject="concern", subject_id=a["concern_id"], data=a["data"]
    )


ACTIONS: dict[str, Callable[[dict[str, Any]], None]] = {
    "add_photo": _add_photo,
    "sign_or_qc": _sign_or_qc,
    "prep_or_arrive": _prep_or_arrive,
    "hand_over_or_update": _hand_over_or_update,
    "pay": _pay,
    "pay_split": _pay_split,
    "add_vehicle": _add_vehicle,
    "book": _book,
    "open_ro": _open_ro,
    "add_or_authorise": _add_or_authorise,
    "concern": _concern,
    "wrong_passwords": _wrong_passwords,
    "wrong_pins": _wrong_pins,
    "consent": _consent,
    "clock_on": _clock_on,
    "register_walk_in": _register_walk_in,
    "update_vehicle": _update_vehicle,
    "set_settings": _set_settings,
    "reassign": _reassign,
    "dispatch": _dispatch,
    "follow_up": _follow_up,
    "consent_or_reject": _consent_or_reject,
}


def race(url: str, action: str, rounds: list[tuple[dict[str, Any], dict[str, Any]]]) -> list[tuple[str, str]]:
    """Play ``rounds`` of ``ACTIONS[action]`` (the two workers' arguments each)."""
    return racing.race(url, ACTIONS[action], rounds)


def report(name: str, violations: list[str]) -> None:
    print(f"{name}: {len(violations)} violations in {ROUNDS} rounds")
    assert not violations, violations


# ---------------------------------------------------------------- the races


def test_two_cashiers_each_taking_60_percent_never_overpay(staff: factories.Staff, url: str) -> None:
    from advisor.services import settlement
    from advisor.services.orders import get_ro_view

    rounds = []
    ros = []
    for _ in range(ROUNDS):
        ro_id, _lines = factories.qc_passed(staff)
        settlement.settle(actor=staff.advisor, ro_id=ro_id)
        settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
        total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
        args = {"actor": staff.cashier, "ro_id": ro_id, "amount": total * 6 // 10}
        rounds.append((args, args))
        ros.append((ro_id, total))
    outcomes = race(url, "pay", rounds)
    from advisor.models import Payment
    from advisor.services._base import current_settlement, paid_cents

    violations = []
    for (ro_id, total), out in zip(ros, outcomes, strict=True):
        s = current_settlement(ro_id)
        assert s is not None
        paid = paid_cents(s)
        if paid > total:
            violations.append(f"RO {ro_id}: paid {paid} of {total} {out}")
        n = Payment.select().where(Payment.settlement == s.id).count()
        if n != out.count("ok"):
            violations.append(f"RO {ro_id}: {n} payments for {out}")
    report("pay 60% twice", violations)


def test_two_cashiers_each_splitting_60_percent_never_overpay(staff: factories.Staff, url: str) -> None:
    """Two tills split-pay the same bill at the same instant, each 60% (cash with change
    plus a card): one split goes through whole, the other is refused whole."""
    from advisor.models import AuditLog, Payment
    from advisor.services import settlement
    from advisor.services._base import current_settlement, paid_cents
    from advisor.services.orders import get_ro_view

    rounds, ros = [], []
    for r in range(ROUNDS):
        ro_id, _lines = factories.qc_passed(staff)
        settlement.settle(actor=staff.advisor, ro_id=ro_id)
        settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
        total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
        cash = total * 3 // 10
        card = total * 6 // 10 - cash

        def split(
            till: int, ro_id: int = ro_id, cash: int = cash, card: int = card, r: int = r
        ) -> dict[str, Any]:
            return {
                "actor": staff.cashier,
                "ro_id": ro_id,
                "tenders": [
                    {"method": "cash", "amount_cents": cash},
                    {"method": "card", "amount_cents": card, "reference": f"POS-{r}-{till}"},
                ],
                "tendered": cash + 1_000,
            }

        rounds.append((split(1), split(2)))
        ros.append((ro_id, total))
    outcomes = race(url, "pay_split", rounds)
    violations = []
    for (ro_id, total), out in zip(ros, outcomes, strict=True):
        s = current_settlement(ro_id)
        assert s is not None
        paid = paid_cents(s)
        payments = list(Payment.select().where(Payment.settlement == s.id))
        audited = AuditLog.select().where(
            (AuditLog.entity == "payment") & AuditLog.entity_id.in_([p.id for p in payments])
        )
        if paid > total:
            violations.append(f"RO {ro_id}: paid {paid} of {total} {out}")
        if sorted(out) != ["ValidationError", "ok"]:
            violations.append(f"RO {ro_id}: {out}")
        if len(payments) != 2 * out.count("ok") or audited.count() != len(payments):
            violations.append(f"RO {ro_id}: {len(payments)} payments, {audited.count()} audited, {out}")
        if len({p.reference.split("-")[-1] for p in payments if p.reference}) > 1:
            violations.append(f"RO {ro_id}: tenders of both tills kept {out}")
    report("split-pay 60% twice", violations)


def test_the_same_vin_and_plate_registered_twice_make_one_vehicle(staff: factories.Staff, url: str) -> None:
    from advisor.models import Vehicle
    from advisor.services import customers

    rounds = []
    for r in range(ROUNDS):
        a = customers.create_customer(actor=staff.advisor, name="王芳", phone="13900000001")
        b = customers.create_customer(actor=staff.advisor2, name="王芳", phone="13900000002")
        vin, plate = factories.valid_vin(90_000 + r), f"沪B{90_000 + r:05d}"
        rounds.append(
            (
                {"actor": staff.advisor, "customer_id": a.id, "vin": vin, "plate": plate},
                {"actor": staff.advisor2, "customer_id": b.id, "vin": vin, "plate": plate},
            )
        )
    outcomes = race(url, "add_vehicle", rounds)
    violations = []
    for (args, _), out in zip(rounds, outcomes, strict=True):
        by_vin = Vehicle.select().where(Vehicle.vin == args["vin"]).count()
        by_plate = Vehicle.select().where(Vehicle.plate == args["plate"]).count()
        if (by_vin, by_plate) != (1, 1) or out.count("ok") != 1:
            violations.append(f"{args['vin']}: {by_vin} by VIN, {by_plate} by plate, {out}")
    report("same VIN twice", violations)


def test_one_walk_in_registered_at_two_desks_makes_one_vehicle_and_one_customer(
    staff: factories.Staff, url: str
) -> None:
    """The walk-in dialog saves customer and vehicle together: the desk that loses the race
    leaves no customer without a vehicle behind."""
    from advisor.models import Customer, Vehicle

    rounds = []
    for r in range(ROUNDS):
        vin, plate = factories.valid_vin(95_000 + r), f"沪C{95_000 + r:05d}"
        rounds.append(
            (
                {
                    "actor": staff.advisor,
                    "vin": vin,
                    "plate": plate,
                    "name": f"走入{r}",
                    "phone": f"1390001{r:04d}",
                },
                {
                    "actor": staff.advisor2,
                    "vin": vin,
                    "plate": plate,
                    "name": f"走入{r}",
                    "phone": f"1390002{r:04d}",
                },
            )
        )
    outcomes = race(url, "register_walk_in", rounds)
    violations = []
    for (args, _), out in zip(rounds, outcomes, strict=True):
        vehicles = Vehicle.select().where(Vehicle.vin == args["vin"]).count()
        people = Customer.select().where(Customer.name == args["name"]).count()
        if (vehicles, people) != (1, 1) or out.count("ok") != 1:
            violations.append(f"{args['vin']}: {vehicles} vehicles, {people} customers, {out}")
    report("one walk-in at two desks", violations)


def test_one_vehicle_corrected_at_two_desks_at_once_loses_no_correction(
    staff: factories.Staff, url: str
) -> None:
    """Both desks opened the vehicle at the same version and change different fields: one
    saves, the other is told someone saved first (the conflict dialog); the stored vehicle
    is exactly the winner's correction, with one audit row."""
    from advisor.models import AuditLog
    from advisor.services import customers

    rounds, vehicles = [], []
    for _ in range(ROUNDS):
        _c, vid = factories.make_customer_vehicle(staff)
        v = customers.get_vehicle(vid)
        common = {"vehicle_id": vid, "version": v.version}
        mine = {**common, "actor": staff.advisor, "fields": {"model": "Civic"}}
        rounds.append((mine, {**common, "actor": staff.advisor2, "fields": {"make": "Acura", "year": 2018}}))
        vehicles.append(v)
    outcomes = race(url, "update_vehicle", rounds)
    violations = []
    for before, out in zip(vehicles, outcomes, strict=True):
        after = customers.get_vehicle(before.id)
        audited = AuditLog.select().where(
            (AuditLog.action == "update_vehicle") & (AuditLog.entity_id == before.id)
        )
        mine = (after.make, after.model, after.year) == (before.make, "Civic", before.year)
        theirs = (after.make, after.model, after.year) == ("Acura", before.model, 2018)
        expected = ("ok", "ConflictError") if mine else ("ConflictError", "ok")
        if (
            not (mine or theirs)
            or out != expected
            or after.version != before.version + 1
            or audited.count() != 1
        ):
            violations.append(
                f"vehicle {before.id}: {after.make} {after.model} {after.year} v{after.version}, {out}"
            )
    report("one vehicle corrected twice", violations)


def test_two_vehicles_given_the_same_plate_at_once_keep_it_on_one(staff: factories.Staff, url: str) -> None:
    from advisor.models import Vehicle
    from advisor.services import customers

    rounds = []
    for r in range(ROUNDS):
        plate = f"沪E{96_000 + r:05d}"
        sides = []
        for actor in (staff.advisor, staff.advisor2):
            _c, vid = factories.make_customer_vehicle(staff)
            v = customers.get_vehicle(vid)
            sides.append(
                {"actor": actor, "vehicle_id": vid, "version": v.version, "fields": {"plate": plate}}
            )
        rounds.append((sides[0], sides[1]))
    outcomes = race(url, "update_vehicle", rounds)
    violations = []
    for (args, _), out in zip(rounds, outcomes, strict=True):
        plate = args["fields"]["plate"]
        holders = Vehicle.select().where(Vehicle.plate == plate).count()
        if holders != 1 or sorted(out) != ["DuplicateVehicle", "ok"]:
            violations.append(f"{plate}: on {holders} vehicles, {out}")
    report("one plate given to two vehicles", violations)


def test_two_desks_saving_settings_at_once_lose_neither_change(staff: factories.Staff, url: str) -> None:
    """A manager and an administrator save the Settings form at the same instant, each
    with another value changed: both values are kept, each save audited once, the chain
    intact (set_settings is the profile's path after the first run too)."""
    from advisor import audit
    from advisor.models import AuditLog
    from advisor.services import settings

    manager, admin = staff.by_role("manager"), staff.by_role("admin")
    rounds = [
        (
            {"actor": manager, "values": {"bays": 10 + i}},
            {"actor": admin, "values": {"comeback_days": 40 + i}},
        )
        for i in range(ROUNDS)
    ]
    before = AuditLog.select().where(AuditLog.action == "set_setting").count()
    outcomes = race(url, "set_settings", rounds)
    violations = [f"round {i}: {out}" for i, out in enumerate(outcomes) if out != ("ok", "ok")]
    kept = (settings.get_setting("bays"), settings.get_setting("comeback_days"))
    if kept != (10 + ROUNDS - 1, 40 + ROUNDS - 1):
        violations.append(f"kept bays, comeback_days = {kept}")
    audited = AuditLog.select().where(AuditLog.action == "set_setting").count() - before
    if audited != 2 * ROUNDS:
        violations.append(f"{audited} set_setting audit rows for {2 * ROUNDS} saves")
    if not audit.verify().ok:
        violations.append("audit chain broken")
    report("settings saved at two desks", violations)


def test_one_repair_order_handed_over_at_two_desks_goes_to_one_advisor(
    staff: factories.Staff, url: str
) -> None:
    """Both desks saw Li Na as the advisor: one handover wins, the other is refused instead
    of silently overriding it; one audit row, one timeline event."""
    from advisor.models import AuditLog, StepEvent
    from advisor.services.orders import get_ro_view

    rounds, ros = [], []
    for _ in range(ROUNDS):
        ro_id = factories.open_checked_in(staff)
        common = {"ro_id": ro_id, "from": staff.advisor.user_id, "reason": "leave / 休假"}
        manager = {**common, "actor": staff.manager, "to": staff.advisor2.user_id}
        rounds.append((manager, {**common, "actor": staff.advisor, "to": staff.manager.user_id}))
        ros.append(ro_id)
    outcomes = race(url, "reassign", rounds)
    violations = []
    for ro_id, out in zip(ros, outcomes, strict=True):
        owner = get_ro_view(ro_id).advisor_id
        winner = staff.advisor2.user_id if out == ("ok", "ConflictError") else staff.manager.user_id
        audited = AuditLog.select().where((AuditLog.action == "reassign") & (AuditLog.ro_id == ro_id)).count()
        events = (
            StepEvent.select().where((StepEvent.ro == ro_id) & (StepEvent.action == "reassigned")).count()
        )
        if sorted(out) != ["ConflictError", "ok"] or owner != winner or (audited, events) != (1, 1):
            violations.append(f"RO {ro_id}: advisor {owner}, {audited} audit rows, {events} events, {out}")
    report("one RO handed over twice", violations)


def test_the_last_free_slot_booked_twice_is_booked_once(staff: factories.Staff, url: str) -> None:
    from advisor.models import now
    from advisor.services import appointments

    people = [factories.make_customer_vehicle(staff, phone=f"1390000000{i}") for i in (3, 4)]
    rounds, slots = [], []
    for r in range(ROUNDS):
        day = now().date() + dt.timedelta(days=r + 1)
        at = dt.datetime.combine(day, dt.time(10))
        cap = appointments.capacity(day)[10 - appointments.DAY_START]
        assert cap.start == at and cap.capacity_min >= 75 and cap.bays >= 3
        # Fill the slot with an override so exactly one more hour fits.
        c, v = people[0]
        appointments.book_appointment(
            actor=staff.advisor,
            customer_id=c,
            vehicle_id=v,
            starts_at=at,
            duration_min=cap.capacity_min - 60,
            requested_work="Filler",
            override=True,
        )
        rounds.append(
            tuple(
                {"actor": staff.advisor, "customer_id": c, "vehicle_id": v, "starts_at": at}
                for c, v in people
            )
        )
        slots.append(day)
    outcomes = race(url, "book", rounds)  # type: ignore[arg-type]
    violations = []
    for day, out in zip(slots, outcomes, strict=True):
        slot = appointments.capacity(day)[10 - appointments.DAY_START]
        if slot.booked_min > slot.capacity_min or out.count("ok") != 1:
            violations.append(f"{day}: {slot.booked_min} of {slot.capacity_min} minutes, {out}")
    report("last slot twice", violations)


def test_one_walk_in_opened_twice_has_one_open_repair_order(staff: factories.Staff, url: str) -> None:
    from advisor.models import RepairOrder

    rounds, vehicles = [], []
    for _ in range(ROUNDS):
        _c, v = factories.make_customer_vehicle(staff)
        rounds.append(({"actor": staff.advisor, "vehicle_id": v}, {"actor": staff.advisor2, "vehicle_id": v}))
        vehicles.append(v)
    outcomes = race(url, "open_ro", rounds)
    violations = []
    for v, out in zip(vehicles, outcomes, strict=True):
        n = RepairOrder.select().where((RepairOrder.vehicle == v) & (RepairOrder.status == "open")).count()
        if n != 1 or out.count("ok") != 1:
            violations.append(f"vehicle {v}: {n} open ROs, {out}")
    report("walk-in opened twice", violations)


def test_a_line_added_while_the_customer_authorises_is_never_left_proposed(
    staff: factories.Staff, url: str
) -> None:
    from advisor.models import Authorisation, EstimateLine

    rounds, ros = [], []
    for _ in range(ROUNDS):
        ro_id, lines = factories.estimated(staff)
        rounds.append(
            (
                {"actor": staff.advisor, "ro_id": ro_id, "do": "add"},
                # The service manager at another desk (an RO is one advisor's: issue 17).
                {"actor": staff.manager, "ro_id": ro_id, "do": "authorise", "lines": lines},
            )
        )
        ros.append(ro_id)
    outcomes = race(url, "add_or_authorise", rounds)
    violations = []
    for ro_id, out in zip(ros, outcomes, strict=True):
        authorised = Authorisation.select().where(Authorisation.ro == ro_id).exists()
        proposed = (
            EstimateLine.select()
            .where((EstimateLine.ro == ro_id) & (EstimateLine.status == "proposed"))
            .count()
        )
        if authorised and proposed:
            violations.append(f"RO {ro_id}: authorised with {proposed} proposed line(s), {out}")
        if "ok" not in out:
            violations.append(f"RO {ro_id}: neither went through, {out}")
    report("add line vs authorise", violations)


def test_two_findings_or_restatements_on_one_concern_lose_neither(staff: factories.Staff, url: str) -> None:
    from advisor.models import Concern

    rounds, concerns = [], []
    for r in range(ROUNDS):
        ro_id = factories.open_checked_in(staff)
        concern = Concern.get(Concern.ro == ro_id)
        field = "finding" if r % 2 else "restatement"
        seen = concern.restatement
        pair = (staff.technician, staff.foreman) if field == "finding" else (staff.advisor, staff.manager)
        rounds.append(
            tuple(
                {
                    "actor": actor,
                    "concern_id": concern.id,
                    "field": field,
                    "seen": seen,
                    "text": f"{field} by {actor.username} #{r}",
                }
                for actor in pair
            )
        )
        concerns.append((concern.id, field))
    outcomes = race(url, "concern", rounds)  # type: ignore[arg-type]
    violations = []
    for (cid, field), out in zip(concerns, outcomes, strict=True):
        value = getattr(Concern.get_by_id(cid), field)
        if out.count("ok") != 1:
            violations.append(f"concern {cid} ({field}): {out} — now {value!r}")
        elif out[1 - out.index("ok")] != "ConflictError":
            violations.append(f"concern {cid} ({field}): the loser got {out}")
    report("two findings on one concern", violations)


def test_eight_wrong_passwords_in_parallel_lock_the_account(staff: factories.Staff, url: str) -> None:
    """No lost count: 2 + 2 wrong passwords at once count 4 (one short of the lock); then
    8 at once (4 + 4) lock the account."""
    from advisor.models import User
    from advisor.services import users

    names = []
    for r in range(ROUNDS):
        u = users.add_user(
            actor=staff.admin,
            username=f"racer{r}",
            display_name=f"Racer {r}",
            role="advisor",
            password=factories.PASSWORD,
        )
        names.append(u.username)
    assert users.MAX_FAILURES == 5
    race(url, "wrong_passwords", [({"username": n, "times": 2}, {"username": n, "times": 2}) for n in names])
    violations = []
    for name in names:
        u = User.get(User.username == name)
        if u.failed_logins != 4 or u.locked_until is not None:
            violations.append(f"{name}: {u.failed_logins} of 4 failures counted")
        User.update(failed_logins=0).where(User.id == u.id).execute()
    race(url, "wrong_passwords", [({"username": n, "times": 4}, {"username": n, "times": 4}) for n in names])
    for name in names:
        u = User.get(User.username == name)
        if u.locked_until is None:
            violations.append(f"{name}: not locked after 8 failures ({u.failed_logins} counted)")
    report("8 wrong passwords", violations)


def test_wrong_pins_at_two_desks_at_once_lose_no_count(staff: factories.Staff, url: str) -> None:
    """Two desks enter a wrong PIN for the same user at once: both are counted
    (``pin_failures = pin_failures + 1``): 2 + 2 leave the PIN open (one try left), then
    one more at each desk locks it, with one lock-out in the audit trail."""
    from advisor.models import AuditLog, User
    from advisor.services import users

    names = []
    for r in range(ROUNDS):
        users.add_user(
            actor=staff.admin,
            username=f"pin{r}",
            display_name=f"Pin {r}",
            role="advisor",
            password=factories.PASSWORD,
        )
        me = users.login(username=f"pin{r}", password=factories.PASSWORD)
        users.set_pin(actor=me, password=factories.PASSWORD, pin="2580")
        names.append(f"pin{r}")
    assert users.MAX_PIN_FAILURES == 5
    race(url, "wrong_pins", [({"username": n, "times": 2}, {"username": n, "times": 2}) for n in names])
    violations = []
    for name in names:
        u = User.get(User.username == name)
        if u.pin_failures != 4:
            violations.append(f"{name}: {u.pin_failures} of 4 wrong PINs counted")
    race(url, "wrong_pins", [({"username": n, "times": 1}, {"username": n, "times": 1}) for n in names])
    for name in names:
        u = User.get(User.username == name)
        locks = (
            AuditLog.select().where((AuditLog.entity_id == u.id) & (AuditLog.action == "pin_locked")).count()
        )
        if u.pin_failures < 5 or locks != 1:
            violations.append(f"{name}: {u.pin_failures} wrong PINs counted, {locks} lock-outs audited")
    report("wrong PINs at two desks", violations)


def test_two_consent_answers_to_one_change_request_one_wins(staff: factories.Staff, url: str) -> None:
    from advisor.models import AuditLog, ChangeRequest, EstimateLine
    from advisor.services import changes

    rounds, crs = [], []
    for _ in range(ROUNDS):
        ro_id, _lines = factories.authorised(staff)
        cr = changes.request_change(
            actor=staff.technician,
            ro_id=ro_id,
            kind="extra_work",
            reason="Disc scored / 刹车盘有划痕",
            lines=[{"kind": "labour", "description": "Replace disc", "quantity": "1.0"}],
        )
        rounds.append(
            (
                {"actor": staff.advisor, "change_id": cr, "yes": True},
                {"actor": staff.manager, "change_id": cr, "yes": False},  # its advisor or a manager
            )
        )
        crs.append(cr)
    outcomes = race(url, "consent", rounds)
    violations = []
    for cr_id, out in zip(crs, outcomes, strict=True):
        cr = ChangeRequest.get_by_id(cr_id)
        answers = (
            AuditLog.select()
            .where(
                (AuditLog.entity == "change_request")
                & (AuditLog.entity_id == cr_id)
                & (AuditLog.action == "record_consent")
            )
            .count()
        )
        lines = {x.status for x in EstimateLine.select().where(EstimateLine.change_request == cr_id)}
        want = {"approved": {"approved"}, "refused": {"declined"}}.get(cr.status)
        if out.count("ok") != 1 or answers != 1 or lines != want:
            violations.append(f"CR {cr_id}: {out}, {answers} answers, status {cr.status}, lines {lines}")
    report("two consent answers", violations)


def test_two_issues_of_the_last_unit_never_make_stock_negative(staff: factories.Staff, url: str) -> None:
    from advisor.models import Part, now
    from advisor.services import estimate, parts, workshop

    rounds, part_ids = [], []
    for r in range(ROUNDS):
        part = parts.add_part(
            actor=staff.parts,
            number=f"RACE-{r}",
            name_en="Oil filter",
            name_zh="机油滤清器",
            price_cents=5_000,
        )
        parts.receive_stock(actor=staff.parts, part_id=part.id, quantity=1)
        ro_id = factories.open_checked_in(staff)
        labour = [
            estimate.add_line(
                actor=staff.advisor,
                ro_id=ro_id,
                kind="labour",
                code=f"L-{k}",
                description=f"Job {k}",
                quantity="1.0",
                unit_price_cents=18_000,
            )
            for k in (1, 2)
        ]
        p = estimate.add_line(actor=staff.advisor, ro_id=ro_id, kind="part", part_id=part.id, quantity=1)
        estimate.authorise_estimate(
            actor=staff.advisor,
            ro_id=ro_id,
            decisions={i: "approved" for i in [*labour, p]},
            customer_name="张伟",
            method="in_person",
            promised_at=now() + dt.timedelta(hours=4 + r),
            signature=factories.signature(),
        )
        # Each round's jobs in their own hour: the technicians are never double-booked.
        start = now() + dt.timedelta(hours=r)
        jobs = [
            workshop.assign(
                actor=staff.foreman,
                line_id=line,
                technician_id=tech,
                bay_id=None,
                planned_start=start,
                planned_end=start + dt.timedelta(hours=1),
            ).id
            for line, tech in zip(labour, staff.tech_ids, strict=False)
        ]
        rounds.append(tuple({"actor": staff.foreman, "assignment_id": j} for j in jobs))
        part_ids.append(part.id)
    race(url, "clock_on", rounds)  # type: ignore[arg-type]
    violations = []
    for pid in part_ids:
        p = Part.get_by_id(pid)
        if p.on_hand < 0 or p.reserved < 0:
            violations.append(f"part {p.number}: on hand {p.on_hand}, reserved {p.reserved}")
    if not parts.stock_consistent():
        violations.append("stock moves do not add up to the stock on hand")
    report("last unit issued twice", violations)


# ---------------------------------------------------------------- the database's own rules


def test_the_database_refuses_a_second_vin_or_plate_with_a_message(
    staff: factories.Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advisor.models import Vehicle
    from advisor.services import customers

    c, v = factories.make_customer_vehicle(staff)
    taken = customers.get_vehicle(v)
    monkeypatch.setattr(customers, "duplicate_of", lambda **_kw: None)  # the check misses it
    for vin, plate in ((taken.vin, "沪C00001"), (factories.valid_vin(77_001), taken.plate)):
        with pytest.raises(UserError) as err:
            customers.add_vehicle(actor=staff.advisor, customer_id=c, vin=vin, plate=plate)
        assert "already on file" in err.value.en and "已有车辆档案" in err.value.zh
    assert Vehicle.select().count() == 1


def test_the_database_refuses_a_second_open_repair_order_with_a_message(
    staff: factories.Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advisor.errors import GateError
    from advisor.models import RepairOrder
    from advisor.services import reception

    _c, v = factories.make_customer_vehicle(staff)
    reception.open_repair_order(actor=staff.advisor, vehicle_id=v)
    monkeypatch.setattr(reception, "_refuse_if_open", lambda _vehicle_id: None)  # the check misses it
    with pytest.raises(GateError) as err:
        reception.open_repair_order(actor=staff.advisor2, vehicle_id=v)
    assert "open repair order" in err.value.en and "未完成的工单" in err.value.zh
    assert RepairOrder.select().where(RepairOrder.vehicle == v).count() == 1


def test_a_finding_saved_by_another_desk_is_not_overwritten_unseen(staff: factories.Staff) -> None:
    from advisor.errors import ConflictError
    from advisor.models import Concern
    from advisor.services import diagnosis

    ro_id = factories.open_checked_in(staff)
    cid = Concern.get(Concern.ro == ro_id).id
    diagnosis.record_finding(actor=staff.technician, concern_id=cid, finding="Pads worn")
    with pytest.raises(ConflictError) as err:
        diagnosis.record_finding(actor=staff.foreman, concern_id=cid, finding="Disc scored")
    assert "Pads worn" in err.value.en and "Pads worn" in err.value.zh
    diagnosis.record_finding(actor=staff.foreman, concern_id=cid, finding="Disc scored", seen="Pads worn")
    assert Concern.get_by_id(cid).finding == "Disc scored"


def test_the_uniqueness_migration_names_duplicates_already_on_file(database: Any) -> None:
    """Old data that breaks a rule stops the migration, named, with no index made; once
    merged, the migration makes the indexes."""
    import importlib

    from advisor.errors import StorageError
    from advisor.models import Customer, Vehicle

    migration = importlib.import_module("advisor.migrations.0006_unique_vehicle_open_ro")
    for name in ("vehicle_vin_unique", "vehicle_plate_unique", "repair_order_one_open_per_vehicle"):
        database.execute_sql(f'DROP INDEX "{name}"')
    c = Customer.create(name="王芳", phone="13900000009")
    vin = factories.valid_vin(66_001)
    first = Vehicle.create(customer=c.id, vin=vin, plate="沪D00001")
    second = Vehicle.create(customer=c.id, vin=vin, plate="沪D00002")
    with pytest.raises(StorageError) as err:
        migration.up(None, database)
    assert f"VIN {vin} ×2" in err.value.en and f"车架号 {vin} ×2" in err.value.zh
    Vehicle.create(customer=c.id, vin=factories.valid_vin(66_002), plate="沪D00001")  # no index yet
    Vehicle.delete().where(Vehicle.id.in_([second.id, first.id])).execute()
    migration.up(None, database)
    with pytest.raises(peewee.IntegrityError), database.atomic():
        Vehicle.create(customer=c.id, vin=factories.valid_vin(66_003), plate="沪D00001")


def test_a_service_that_overlapped_another_is_run_again_then_refused(
    staff: factories.Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL a serialization failure (40001) runs the service again, at most
    RETRIES times, then says "try again" in both languages; on SQLite, where writers
    queue at BEGIN, nothing is run twice."""
    from advisor import concurrency, db
    from advisor.models import Vehicle
    from advisor.services import customers

    class Overlap(Exception):
        sqlstate = "40001"

    c, _v = factories.make_customer_vehicle(staff)
    calls: list[int] = []
    failures = [1]  # the first try overlaps, the second goes through

    def overlapping(**_kw: Any) -> None:
        calls.append(1)
        if len(calls) <= failures[0]:
            raise Overlap("could not serialize access")

    monkeypatch.setattr(customers, "duplicate_of", overlapping)
    monkeypatch.setattr(concurrency.time, "sleep", lambda _s: None)

    def add(n: int) -> None:
        customers.add_vehicle(
            actor=staff.advisor, customer_id=c, vin=factories.valid_vin(n), plate=f"沪E{n:05d}"
        )

    if not db.is_postgres():
        with pytest.raises(Overlap):
            add(55_001)
        assert len(calls) == 1
        return
    add(55_001)
    assert Vehicle.select().where(Vehicle.plate == "沪E55001").count() == 1
    calls.clear()
    failures[0] = 99
    with pytest.raises(concurrency.SerializationConflict) as err:
        add(55_002)
    assert len(calls) == concurrency.RETRIES
    assert "Try again" in err.value.en and "请重试" in err.value.zh
    assert Vehicle.select().where(Vehicle.plate == "沪E55002").count() == 0


def test_a_progress_update_given_as_the_car_is_handed_over_never_follows_the_handover(
    staff: factories.Staff, url: str
) -> None:
    """One desk hands the car over while another records a progress update: the update
    comes before the handover on the timeline, or it is refused (nothing to report on a car
    that has gone)."""
    from advisor.models import StepEvent

    rounds, ros = [], []
    for _ in range(ROUNDS):
        ro_id, _lines = factories.settled_paid(staff)
        rounds.append(
            (
                {
                    "actor": staff.advisor,
                    "ro_id": ro_id,
                    "hand_over": True,
                    "old_parts": factories.old_part_decisions(ro_id),
                },
                {"actor": staff.manager, "ro_id": ro_id, "hand_over": False},  # its advisor or a manager
            )
        )
        ros.append(ro_id)
    outcomes = race(url, "hand_over_or_update", rounds)
    violations = []
    for ro_id, out in zip(ros, outcomes, strict=True):
        ids = {
            action: [
                e.id for e in StepEvent.select().where((StepEvent.ro == ro_id) & (StepEvent.action == action))
            ]
            for action in ("handed_over", "customer_informed")
        }
        handed, informed = ids["handed_over"], ids["customer_informed"]
        fine = (out == ("ok", "ok") and len(handed) == len(informed) == 1 and informed[0] < handed[0]) or (
            out == ("ok", "GateError") and len(handed) == 1 and not informed
        )
        if not fine:
            violations.append(f"RO {ro_id}: {out}, events {ids}")
    report("an update as the car leaves", violations)


def test_a_preparation_ticked_as_the_car_arrives_counts_once_either_way(
    staff: factories.Staff, url: str
) -> None:
    """One advisor ticks an appointment's preparation item while another opens the RO
    from it: the tick is either in before the arrival (not a miss) or refused (the
    appointment is no longer expected; a miss) - never recorded after the arrival, never
    both or neither."""
    from advisor.models import AppointmentPrep, now
    from advisor.services import appointments, standards

    rounds = []
    day = now().date() + dt.timedelta(days=1)
    for i in range(ROUNDS):
        c, v = factories.make_customer_vehicle(staff, phone=f"139{i:08d}")
        appt = appointments.book_appointment(
            actor=staff.advisor,
            customer_id=c,
            vehicle_id=v,
            starts_at=dt.datetime.combine(day, dt.time(8 + i % 9)),
            requested_work="保养",
        ).id
        item = ("amount", "planned", "time")[i % 3]
        rounds.append(
            (
                {"actor": staff.advisor, "arrive": False, "appointment_id": appt, "item": item},
                {"actor": staff.advisor2, "arrive": True, "appointment_id": appt, "vehicle_id": v},
            )
        )
    outcomes = race(url, "prep_or_arrive", rounds)
    misses = {m.appointment_id: m.missed for m in standards.prep_misses(now().date(), now().date())}
    violations = []
    for i, ((tick, _arrive), (ticked, arrived)) in enumerate(zip(rounds, outcomes, strict=True)):
        appt, item = tick["appointment_id"], tick["item"]
        rows = (
            AppointmentPrep.select()
            .where((AppointmentPrep.appointment == appt) & (AppointmentPrep.item == item))
            .count()
        )
        if arrived != "ok" or ticked not in ("ok", "GateError"):
            violations.append(f"round {i}: {ticked}, {arrived}")
        elif (ticked == "ok") != (rows == 1) or (item in misses.get(appt, ())) == (ticked == "ok"):
            violations.append(f"round {i}: tick {ticked}, {rows} row(s), missed {misses.get(appt)}")
    report("preparation ticked as the car arrives", violations)


def test_the_final_check_racing_the_self_check_never_passes_unsigned(
    staff: factories.Staff, url: str
) -> None:
    """The technician signs the self-check as the foreman records the final check: the
    check is refused (not signed yet) or comes after the signature - never a passed QC
    without one."""
    from advisor.models import QCCheck, RepairOrder, SelfCheck
    from advisor.services import standards, workshop

    marks = {item: "done" for item, _skip in standards.self_check_items()}
    rounds = []
    for _ in range(ROUNDS):
        ro_id, lines = factories.authorised(staff)
        start = factories.now()
        a = workshop.assign(
            actor=staff.foreman,
            line_id=lines[0],
            technician_id=staff.tech_ids[0],
            bay_id=None,
            planned_start=start,
            planned_end=start + dt.timedelta(hours=1),
        )
        workshop.clock_on(actor=staff.technician, assignment_id=a.id)
        workshop.finish(actor=staff.technician, assignment_id=a.id)
        rounds.append(
            (
                {"actor": staff.technician, "qc": False, "ro_id": ro_id, "marks": marks},
                {"actor": staff.foreman, "qc": True, "ro_id": ro_id},
            )
        )
    outcomes = race(url, "sign_or_qc", rounds)
    violations = []
    for i, ((sign, _qc), (signed, checked)) in enumerate(zip(rounds, outcomes, strict=True)):
        ro_id = sign["ro_id"]
        signatures = list(SelfCheck.select().where(SelfCheck.ro == ro_id))
        checks = list(QCCheck.select().where(QCCheck.ro == ro_id))
        passed = RepairOrder.get_by_id(ro_id).qc_passed_at is not None
        if signed != "ok" or checked not in ("ok", "GateError") or len(signatures) != 1:
            violations.append(f"round {i}: {signed}, {checked}, {len(signatures)} signature(s)")
        elif (checked == "ok") != passed or len(checks) != (checked == "ok"):
            violations.append(f"round {i}: QC {checked}, passed {passed}, {len(checks)} check(s)")
    report("the final check racing the self-check", violations)


def test_two_foremen_never_book_one_technician_twice_in_the_same_hour(
    staff: factories.Staff, url: str
) -> None:
    """Two desks give two different jobs to 赵磊 for the same hour at once: exactly one is
    assigned; the other is refused as a double booking (no override given)."""
    from advisor.models import Assignment, now
    from advisor.services import users
    from advisor.services._base import Actor

    u = users.add_user(
        actor=staff.admin,
        username="li.gang",
        display_name="李刚",
        role="foreman",
        password=factories.PASSWORD,
    )
    second = Actor(u.id, u.username, u.display_name, "foreman")
    tech = staff.tech_ids[0]
    rounds = []
    slots = []
    first = now().replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)
    for k in range(ROUNDS):
        start = first + dt.timedelta(hours=2 * k)  # each round its own hour
        promise = start + dt.timedelta(hours=3)
        (_a, la), (_b, lb) = (factories.authorised(staff, promised_at=promise) for _ in (0, 1))
        rounds.append(
            (
                {"actor": staff.foreman, "line_id": la[0], "technician_id": tech, "start": start},
                {"actor": second, "line_id": lb[0], "technician_id": tech, "start": start},
            )
        )
        slots.append(start)
    outcomes = race(url, "dispatch", rounds)
    violations = []
    for k, (start, got) in enumerate(zip(slots, outcomes, strict=True)):
        booked = (
            Assignment.select()
            .where((Assignment.technician == tech) & (Assignment.planned_start == start))
            .count()
        )
        if sorted(got) != ["DispatchRefused", "ok"] or booked != 1:
            violations.append(f"round {k}: {got}, {booked} jobs booked for {start:%H:%M}")
    report("technician double-booked", violations)


def test_one_follow_up_call_logged_at_two_desks_is_logged_once(staff: factories.Staff, url: str) -> None:
    """Customer service and the RO's advisor both log the call of one customer: one call
    is recorded, the other desk is told it is already logged (issue 17, item 18)."""
    from advisor.models import AuditLog, FollowUp

    assert staff.customer_service is not None
    rounds, ros = [], []
    for _ in range(ROUNDS):
        ro_id, _lines = factories.handed_over(staff)
        rounds.append(
            (
                {"actor": staff.advisor, "ro_id": ro_id, "words": "advisor"},
                {"actor": staff.customer_service, "ro_id": ro_id, "words": "customer service"},
            )
        )
        ros.append(ro_id)
    outcomes = race(url, "follow_up", rounds)
    violations = []
    for ro_id, out in zip(ros, outcomes, strict=True):
        f = FollowUp.get(FollowUp.ro == ro_id)
        logged = (
            AuditLog.select()
            .where(
                (AuditLog.entity == "follow_up")
                & (AuditLog.entity_id == f.id)
                & (AuditLog.action == "log_follow_up")
            )
            .count()
        )
        winner = {0: "advisor", 1: "customer service"}.get(out.index("ok")) if "ok" in out else None
        if out.count("ok") != 1 or logged != 1 or f.comments != winner or f.status != "done":
            violations.append(
                f"RO {ro_id}: {out}, {logged} logged, status {f.status}, comments {f.comments!r}"
            )
    report("one follow-up call at two desks", violations)


def test_a_major_change_rejected_as_the_customer_consents_ends_rejected_with_its_lines_declined(
    staff: factories.Staff, url: str
) -> None:
    """The manager rejects a major change (saying why) while the advisor records the
    customer's consent: whatever the order, it ends rejected, its lines declined, never
    applied."""
    from advisor.models import ChangeRequest, EstimateLine
    from advisor.services import changes, settings

    settings.set_setting(actor=staff.manager, key="major_change_cents", value=10_000)
    rounds, crs = [], []
    for _ in range(ROUNDS):
        ro_id, _lines = factories.authorised(staff)
        cr = changes.request_change(
            actor=staff.technician,
            ro_id=ro_id,
            kind="extra_work",
            reason="Compressor seized / 压缩机卡死",
            lines=[{"kind": "labour", "description": "Replace compressor", "quantity": "3.0"}],
        )
        assert ChangeRequest.get_by_id(cr).major
        rounds.append(
            (
                {"actor": staff.advisor, "change_id": cr, "reject": False},
                {"actor": staff.manager, "change_id": cr, "reject": True},
            )
        )
        crs.append(cr)
    outcomes = race(url, "consent_or_reject", rounds)
    violations = []
    for cr_id, out in zip(crs, outcomes, strict=True):
        cr = ChangeRequest.get_by_id(cr_id)
        lines = {x.status for x in EstimateLine.select().where(EstimateLine.change_request == cr_id)}
        if (
            out[1] != "ok"
            or cr.status != "rejected"
            or lines != {"declined"}
            or cr.decided_note != "Under warranty"
        ):
            violations.append(f"CR {cr_id}: {out}, status {cr.status}, lines {lines}")
    report("major change rejected as the customer consents", violations)


def test_two_desks_adding_photos_at_once_never_pass_the_ro_budget(staff: factories.Staff, url: str) -> None:
    """The RO has room for one more photo: the advisor at the counter and the technician
    in the bay each add one at the same instant. One is stored, the other refused whole."""
    import io

    from PIL import Image

    from advisor.models import Concern, Photo, RepairOrder
    from advisor.photos import prepare
    from advisor.services import settings

    settings.set_settings(actor=staff.manager, values={"photo_budget_mb": 5})
    budget = 5 * 1024 * 1024
    noise = io.BytesIO()
    Image.effect_noise((1200, 900), 100).convert("RGB").save(noise, "JPEG", quality=95)
    data = noise.getvalue()
    size = prepare(data).size_bytes
    assert 2 * size < budget
    rounds, ros = [], []
    for _ in range(ROUNDS):
        ro_id = factories.open_checked_in(staff)
        ro = RepairOrder.get_by_id(ro_id)
        concern = Concern.get(Concern.ro == ro_id).id
        Photo.create(  # what is there already: room for one more photo, not two
            ro=ro_id,
            vehicle=ro.vehicle_id,
            subject="concern",
            subject_id=concern,
            jpeg=b"x",
            thumb=b"x",
            width=1,
            height=1,
            size_bytes=budget - size - size // 2,
            sha256="0" * 64,
            taken_by=staff.advisor.user_id,
        )
        a = {"ro_id": ro_id, "concern_id": concern, "data": data}
        rounds.append(({**a, "actor": staff.advisor}, {**a, "actor": staff.technician}))
        ros.append(ro_id)
    outcomes = race(url, "add_photo", rounds)
    violations = []
    for ro_id, out in zip(ros, outcomes, strict=True):
        used = sum(p.size_bytes for p in Photo.select().where(Photo.ro == ro_id))
        n = Photo.select().where(Photo.ro == ro_id).count()
        if used > budget or n != 2 or sorted(out) != ["GateError", "ok"]:
            violations.append(f"RO {ro_id}: {n} photos, {used} of {budget} bytes {out}")
    report("add a photo twice at the budget", violations)
