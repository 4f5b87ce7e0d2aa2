"""KPIs on a small hand-built dataset; every expected figure is worked out by hand.

The period is Mon 2 – Wed 4 March 2026 (3 working days). Four ROs arrive in it:

    RO  advisor  tech   arrived      greeted  need    QC            promised / handed over
    A   李娜     赵磊   03-02 09:00  +2 min   +8 min  pass          17:00 / 03-02 16:00 (on time)
    B   李娜     赵磊   03-03 10:00  +5 min   +20 min fail, pass    15:00 / 03-03 18:00 (late)
    C   Tom      孙伟   03-04 08:00  +1 min   +5 min  pass          not handed over
    D   李娜     —      03-04 11:00  +1 min   +9 min  —             comeback of B

A and B: labour 1.0 h ¥180, brake pads ¥560 (stock), alignment 0.5 h ¥90 declined.
A settles without discount, B with a ¥30 discount. C adds an A/C compressor (out of
stock → part order) by a consented change. One more RO is handed over today, outside
the period, and must never count.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from advisor import kpi
from advisor.errors import ValidationError
from advisor.models import (
    Appointment,
    Assignment,
    ContactLog,
    DeclineReason,
    EstimateLine,
    FollowUp,
    PartOrder,
    QCCheck,
    RepairOrder,
    Settlement,
)
from advisor.services import (
    appointments,
    changes,
    followup,
    parts,
    quality,
    settlement,
    solicitation,
    workshop,
)
from advisor.services.quality import checklist
from tests import factories

START, END = dt.date(2026, 3, 2), dt.date(2026, 3, 4)


def T(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute)


def _place(ro_id: int, *, arrived: dt.datetime, greet_min: int, need_min: int) -> None:
    RepairOrder.update(
        arrived_at=arrived,
        greeted_at=arrived + dt.timedelta(minutes=greet_min),
        need_confirmed_at=arrived + dt.timedelta(minutes=need_min),
    ).where(RepairOrder.id == ro_id).execute()


def _decided(ro_id: int, at: dt.datetime) -> None:
    EstimateLine.update(decided_at=at).where(EstimateLine.ro == ro_id).execute()


def _job(
    ro_id: int, *, done: dt.datetime, minutes: int, rework: bool = False, tech: int | None = None
) -> None:
    q = Assignment.update(done_at=done, worked_min=minutes).where(
        (Assignment.ro == ro_id) & (Assignment.rework == rework)
    )
    q.execute()
    if tech is not None:
        Assignment.update(technician=tech).where(Assignment.ro == ro_id).execute()


def _qc_pass(staff: factories.Staff, ro_id: int) -> None:
    quality.record_qc(
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, True) for i in checklist(ro_id)],
        nothing_left=True,
        no_new_damage=True,
        completion_cert_no="CERT-1",
    )


def _settle_hand_over(
    staff: factories.Staff, ro_id: int, *, discount: int, settled: dt.datetime, handed: dt.datetime
) -> None:
    sid = settlement.settle(
        actor=staff.advisor,
        ro_id=ro_id,
        discount_cents=discount,
        discount_reason="loyal customer" if discount else "",
    )
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    total = Settlement.get_by_id(sid).total_cents
    settlement.pay(actor=staff.cashier, ro_id=ro_id, method="card", amount_cents=total, reference="POS-1")
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        at=handed,
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )
    Settlement.update(at=settled).where(Settlement.id == sid).execute()


@pytest.fixture
def shop(staff: factories.Staff) -> dict[str, int]:
    tech1, tech2, _tech3 = staff.tech_ids
    reason = {r.code: r.id for r in DeclineReason.select()}

    # --- A: on time, first-pass QC, follow-up 25 h after handover ----------------------
    a, a_lines = factories.worked(staff)
    _place(a, arrived=T(2, 9), greet_min=2, need_min=8)
    _decided(a, T(2, 9, 30))
    EstimateLine.update(decline_reason=reason["price"]).where(EstimateLine.id == a_lines[2]).execute()
    _job(a, done=T(2, 12), minutes=50)
    _qc_pass(staff, a)
    RepairOrder.update(promised_at=T(2, 17), qc_passed_at=T(2, 13)).where(RepairOrder.id == a).execute()
    _settle_hand_over(staff, a, discount=0, settled=T(2, 15), handed=T(2, 16))
    followup.log_follow_up(
        actor=staff.advisor,
        ro_id=a,
        reached=True,
        solved=True,
        scores={"tangibles": 5, "reliability": 4, "responsiveness": 4, "assurance": 5, "empathy": 3},
        at=T(3, 17),
    )
    RepairOrder.update(closed_at=T(3, 17)).where(RepairOrder.id == a).execute()

    # --- B: from an appointment, late greeting and need, QC fails once, late, comeback -
    b, _b_lines = factories.worked(staff)
    _place(b, arrived=T(3, 10), greet_min=5, need_min=20)
    _decided(b, T(3, 10, 30))
    _job(b, done=T(3, 13), minutes=70)
    bad = [(i, n > 0) for n, i in enumerate(checklist(b))]  # the first item fails
    assert not quality.record_qc(
        actor=staff.foreman, ro_id=b, items=bad, nothing_left=True, no_new_damage=True
    )
    rework = Assignment.get((Assignment.ro == b) & (Assignment.rework == True))  # noqa: E712
    workshop.clock_on(actor=staff.foreman, assignment_id=rework.id)
    workshop.finish(actor=staff.foreman, assignment_id=rework.id)
    factories.self_check(staff, b)
    _job(b, done=T(3, 16), minutes=20, rework=True)
    _qc_pass(staff, b)
    RepairOrder.update(promised_at=T(3, 15), qc_passed_at=T(3, 16, 30)).where(RepairOrder.id == b).execute()
    _settle_hand_over(staff, b, discount=3_000, settled=T(3, 17), handed=T(3, 18))
    followup.log_follow_up(
        actor=staff.advisor,
        ro_id=b,
        reached=True,
        solved=True,
        scores={"tangibles": 3, "reliability": 3, "responsiveness": 4, "assurance": 4, "empathy": 4},
        at=T(6, 9),
    )
    RepairOrder.update(closed_at=T(6, 9)).where(RepairOrder.id == b).execute()
    b_ro = RepairOrder.get_by_id(b)

    # --- C: Tom's, technician 孙伟, extra part ordered by a consented change ------------
    c, _c_lines = factories.authorised(staff)
    cr = changes.request_change(
        actor=staff.technician,
        ro_id=c,
        kind="extra_work",
        reason="A/C weak",
        lines=[{"kind": "part", "description": "", "quantity": 1, "code": "38810-TBA-A01"}],
    )
    changes.record_consent(
        actor=staff.advisor,
        change_id=cr,
        consented=True,
        consent_by="王先生",
        method="phone",
        phone="13812345678",
    )
    changes.approve_major(actor=staff.manager, change_id=cr)  # ¥3680 is a major change
    order = PartOrder.get(PartOrder.ro == c)
    parts.book_arrival(actor=staff.parts, order_id=order.id)
    PartOrder.update(ordered_at=T(4, 9), arrived_at=T(4, 15, 30)).where(PartOrder.id == order.id).execute()
    labour = EstimateLine.get(
        (EstimateLine.ro == c) & (EstimateLine.kind == "labour") & (EstimateLine.status == "approved")
    )
    job = workshop.assign(
        actor=staff.foreman,
        line_id=labour.id,
        technician_id=tech2,
        bay_id=None,
        planned_start=factories.now(),
        planned_end=factories.now() + dt.timedelta(hours=1),
        override_reason="赵磊 is off today; 孙伟 does it under supervision",  # 孙伟 lacks brakes
    )
    workshop.clock_on(actor=staff.foreman, assignment_id=job.id)
    workshop.finish(actor=staff.foreman, assignment_id=job.id)
    factories.sign_self_checks(c, foreman=staff.foreman, technicians=[staff.technician])
    _job(c, done=T(4, 11), minutes=60)
    _qc_pass(staff, c)
    _place(c, arrived=T(4, 8), greet_min=1, need_min=5)
    _decided(c, T(4, 8, 30))
    EstimateLine.update(decline_reason=reason["no_time"]).where(
        (EstimateLine.ro == c) & (EstimateLine.status == "declined")
    ).execute()
    RepairOrder.update(advisor=staff.advisor2.user_id, promised_at=T(4, 18), qc_passed_at=T(4, 12)).where(
        RepairOrder.id == c
    ).execute()

    # --- D: a comeback of B, same vehicle -----------------------------------------------
    d = factories.open_checked_in(staff, vehicle_id=b_ro.vehicle_id)
    _place(d, arrived=T(4, 11), greet_min=1, need_min=9)
    RepairOrder.update(comeback_of=b, comeback_technician=tech1).where(RepairOrder.id == d).execute()

    # --- appointments: B's, a no-show, one cancelled before any call --------------------
    cust, veh = b_ro.customer_id, b_ro.vehicle_id
    a1 = appointments.book_appointment(
        actor=staff.advisor,
        customer_id=cust,
        vehicle_id=veh,
        starts_at=T(3, 10),
        requested_work="brakes",
        override=True,
        requested_at=T(2, 9),
    )
    appointments.reconfirm(actor=staff.advisor, appointment_id=a1.id, outcome="confirmed")
    a2 = appointments.book_appointment(
        actor=staff.advisor,
        customer_id=cust,
        vehicle_id=veh,
        starts_at=T(4, 14),
        requested_work="oil",
        override=True,
        requested_at=T(2, 8),
    )
    appointments.reconfirm(actor=staff.advisor, appointment_id=a2.id, outcome="no_answer")
    appointments.mark_no_show(actor=staff.advisor, appointment_id=a2.id)
    a3 = appointments.book_appointment(
        actor=staff.advisor,
        customer_id=cust,
        vehicle_id=veh,
        starts_at=T(4, 9),
        requested_work="noise",
        urgent=True,
        override=True,
        requested_at=T(3, 8),
    )
    appointments.cancel_appointment(actor=staff.advisor, appointment_id=a3.id, reason="sold car")
    for appt, created in ((a1.id, T(2, 10)), (a2.id, T(3, 12)), (a3.id, T(3, 11))):
        Appointment.update(created_at=created).where(Appointment.id == appt).execute()
    Appointment.update(status="arrived").where(Appointment.id == a1.id).execute()
    RepairOrder.update(appointment=a1.id, walk_in=False).where(RepairOrder.id == b).execute()

    # --- contacts: 2 × price and 1 × no time in the period, 1 × price before it ----------
    for why, at in (("price", T(2, 11)), ("price", T(3, 11)), ("no_time", T(4, 11)), ("price", T(1, 11))):
        log_id = solicitation.log_contact(
            actor=staff.advisor,
            customer_id=cust,
            channel="phone",
            outcome="declined",
            decline_reason_id=reason[why],
        )
        ContactLog.update(at=at).where(ContactLog.id == log_id).execute()

    # --- and one RO handed over today, outside the period --------------------------------
    factories.handed_over(staff)
    return {
        "A": a,
        "B": b,
        "C": c,
        "D": d,
        "tech1": tech1,
        "tech2": tech2,
        "li": staff.advisor.user_id,
        "tom": staff.advisor2.user_id,
    }


def R(hits: int | Decimal, base: int | Decimal) -> kpi.Ratio:
    return kpi.Ratio(hits, base)


def test_department_figures(shop: dict[str, int]) -> None:
    k = kpi.department(START, END)
    assert k.opened == 4  # A, B, C, D arrived in the period (not today's RO)
    # Closed = settled in the period (A and B), whatever the follow-up (A's call 03-03, B's
    # 03-06): the same ROs as the revenue (issue 12; it used to count follow-ups done).
    assert k.closed == 2
    # Settled: A (no discount) and B (¥30 discount).
    # A: labour 18000 + parts 56000 = 74000; tax 13 % = 9620; total 83620.
    # B: 74000 − 3000 = 71000; tax 9230; total 80230.
    assert k.revenue == kpi.Revenue(
        settled=2,
        labour_cents=36_000,
        parts_cents=112_000,
        other_cents=0,
        discount_cents=3_000,
        tax_cents=18_850,
        total_cents=163_850,
        paid_cents=163_850,
    )
    assert k.revenue.average_cents == 81_925  # 163850 / 2
    assert (k.revenue_cents, k.revenue.net_cents) == (163_850, 145_000)  # with tax; its net part
    assert k.hours_sold == Decimal("2.00")  # 1.0 h on A + 1.0 h on B (alignment declined)
    assert k.appointment_share == R(1, 4)  # B of A, B, C, D
    assert k.appointment_share.rate == Decimal("0.25")
    assert k.no_show == R(1, 2)  # due 03-03 (arrived) and 03-04 (no-show); a3 was cancelled
    assert k.reconfirmed == R(1, 2)  # a1 confirmed, a2 no answer; a3 cancelled before a call
    assert k.on_time == R(1, 2)  # A 16:00 ≤ 17:00; B 18:00 > 15:00
    assert k.qc_first_pass == R(2, 3)  # passed in the period: A, B, C; B failed first
    assert k.internal_rework == R(1, 3)
    assert k.comeback == R(1, 2)  # handed over: A, B; D came back for B
    assert k.follow_up_48h == R(1, 2)  # A called 25 h after handover; B 63 h
    assert k.follow_up_window == R(1, 2)
    # Scores A (5, 4, 4, 5, 3) and B (3, 3, 4, 4, 4): sums 8, 7, 8, 9, 7 over 2 calls.
    assert k.satisfaction.responses == 2
    assert k.satisfaction.averages == {"tangibles": Decimal("4.00"), "reliability": Decimal("3.50"),
                                       "responsiveness": Decimal("4.00"), "assurance": Decimal("4.50"),
                                       "empathy": Decimal("3.50")}  # fmt: skip
    # Contacts: price ×2, no time ×1 (the fourth is before the period). Lines: A's
    # alignment (price), B's (next visit: every decline says why), C's (no time), ¥90 each.
    got = {d.code: (d.contacts, d.lines, d.value_cents) for d in k.declines}
    assert got == {"price": (2, 1, 9_000), "no_time": (1, 1, 9_000), "next_visit": (0, 1, 9_000)}
    assert k.declined_value_cents == 27_000 and k.declined_lines == 3
    assert k.parts_wait == kpi.PartsWait(orders=1, seconds=6 * 3600 + 30 * 60)  # 09:00 → 15:30
    assert k.parts_wait.average_hours == Decimal("6.50")
    assert k.fill_rate == R(3, 4)  # pads of A, B, C from stock; the compressor was ordered
    # Clocked: A 50 + B 70 + B's rework 20 + C 60 = 200 min; available: 3 technicians ×
    # 8 h × 3 working days = 4320 min. Sold: 3 jobs × 1.0 h = 180 min (rework not again).
    assert k.utilisation == R(200, 4_320)
    assert k.efficiency.rate == Decimal("0.9")  # 180 / 200
    assert k.miss("greeting") == R(1, 4)  # B greeted after 5 min
    assert k.miss("need") == R(1, 4)  # B's need confirmed after 20 min (D: 9 min is fine)
    # Booked in the period: a2 routine, 28 h after the request (late); a3 urgent, 3 h
    # (late); a1 booked 03-02 10:00, 1 h after the request (fine).
    assert k.miss("request") == R(2, 3)
    assert k.miss("follow_up") == R(1, 2)  # B's call 63 h after handover
    assert k.miss("promised") == R(1, 2)  # B


def test_filters_per_advisor_and_technician(shop: dict[str, int]) -> None:
    tom = kpi.department(START, END, advisor_id=shop["tom"])
    assert (tom.opened, tom.revenue.settled, tom.qc_first_pass) == (1, 0, R(1, 1))  # C only
    assert tom.no_show.rate is None  # Tom booked no appointment
    assert tom.parts_wait.orders == 1 and tom.fill_rate == R(1, 2)  # C: pads yes, compressor no
    assert tom.utilisation.rate is None  # available time is not an advisor's
    assert {d.code: d.lines for d in tom.declines} == {"no_time": 1}
    li = kpi.department(START, END, advisor_id=shop["li"])
    assert (li.opened, li.revenue.total_cents, li.no_show) == (3, 163_850, R(1, 2))
    assert {d.code: d.contacts for d in li.declines if d.contacts} == {"price": 2, "no_time": 1}

    t1 = kpi.department(START, END, technician_id=shop["tech1"])
    assert t1.opened == 2  # A, B: the ROs 赵磊 had a job on
    assert t1.comeback == R(1, 2)  # B's comeback is attributed to 赵磊
    assert t1.utilisation == R(140, 1_440)  # 50 + 70 + 20 of 8 h × 3 days
    assert t1.efficiency.rate == Decimal(120) / Decimal(140)  # 2 jobs × 60 sold min
    assert t1.no_show.rate is None and t1.declines[0].contacts == 0

    rows = {r.name: r.kpis for r in kpi.per_advisor(START, END)}
    assert rows["李娜"].opened == 3 and rows["Tom Baker"].opened == 1
    assert rows["李娜"].revenue == li.revenue
    techs = {t.name: t for t in kpi.per_technician(START, END)}
    assert (techs["赵磊"].jobs, techs["赵磊"].rework_jobs, techs["赵磊"].clocked_min) == (3, 1, 140)
    assert techs["赵磊"].sold_hours == Decimal("2.00")
    assert techs["赵磊"].qc_first_pass == R(1, 2) and techs["赵磊"].comeback == R(1, 2)
    assert techs["孙伟"].efficiency.rate == Decimal(1)  # 60 sold of 60 clocked
    assert techs["孙伟"].utilisation == R(60, 1_440)
    assert techs["Mike Lee"].utilisation == R(0, 1_440) and techs["Mike Lee"].efficiency.rate is None


def test_per_day_trend(shop: dict[str, int]) -> None:
    days = kpi.per_day(START, END)
    assert [d.day for d in days] == [START, dt.date(2026, 3, 3), END]
    assert [d.kpis.opened for d in days] == [1, 1, 2]
    assert [d.kpis.revenue.total_cents for d in days] == [83_620, 80_230, 0]
    assert [d.kpis.on_time for d in days] == [R(1, 1), R(0, 1), R(0, 0)]
    assert days[0].kpis.utilisation == R(50, 3 * 480)  # 3 technicians × 8 h on Monday
    # Every figure is a count, so the days add up to the department's figures exactly.
    assert kpi.combine((d.kpis for d in days), START, END) == kpi.department(START, END)
    t1 = kpi.per_day(START, END, technician_id=shop["tech1"])
    assert kpi.combine((d.kpis for d in t1), START, END, technician_id=shop["tech1"]) == (
        kpi.department(START, END, technician_id=shop["tech1"])
    )


def test_drill_down_lists_exactly_the_ros_behind_a_figure(shop: dict[str, int]) -> None:
    def ids(key: str, **kw: object) -> list[int]:
        return [r.id for r in kpi.drill_down(key, START, END, **kw)]  # type: ignore[arg-type]

    assert ids("opened") == [shop["A"], shop["B"], shop["C"], shop["D"]]
    assert ids("greeting") == [shop["B"]]
    assert ids("on_time") == [shop["A"]]
    assert ids("promised") == [shop["B"]]
    assert ids("on_time", hits=False) == [shop["A"], shop["B"]]
    assert ids("internal_rework") == [shop["B"]]
    assert ids("comeback") == [shop["B"]]
    assert ids("parts_wait") == [shop["C"]]
    assert ids("declined") == [shop["A"], shop["B"], shop["C"]]
    assert ids("opened", advisor_id=shop["tom"]) == [shop["C"]]
    assert ids("jobs", technician_id=shop["tech2"]) == [shop["C"]]
    rows = kpi.drill_down("settled", START, END)
    assert [r.total_cents for r in rows] == [83_620, 80_230]
    assert [r.late for r in rows] == [False, True]
    with pytest.raises(KeyError):
        kpi.drill_down("no_such_figure", START, END)


def test_empty_period_gives_zero_counts_and_no_rates(shop: dict[str, int]) -> None:
    k = kpi.department(dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    assert (k.opened, k.closed, k.revenue.settled, k.revenue.average_cents) == (0, 0, 0, None)
    assert k.hours_sold == Decimal("0.00") and k.declines == ()
    for ratio in (
        k.appointment_share,
        k.no_show,
        k.reconfirmed,
        k.on_time,
        k.qc_first_pass,
        k.internal_rework,
        k.comeback,
        k.follow_up_48h,
        k.follow_up_window,
        k.fill_rate,
        k.efficiency,
        *(m.ratio for m in k.misses),
    ):
        assert ratio.rate is None
    assert k.utilisation.rate == 0  # 23 working days available, nothing clocked
    assert k.satisfaction.average("empathy") is None and k.parts_wait.average_hours is None
    assert kpi.drill_down("opened", dt.date(2025, 1, 1), dt.date(2025, 1, 31)) == []


def test_a_backward_period_is_refused(database: object) -> None:
    with pytest.raises(ValidationError):
        kpi.department(END, START)


def test_superseded_settlement_is_not_revenue(shop: dict[str, int]) -> None:
    # A correction leaves the old settlement superseded: only the one in force counts.
    s = Settlement.get(Settlement.ro == shop["A"])
    old = Settlement.create(
        ro=shop["A"],
        number="ST-OLD",
        at=T(2, 14),
        by_user=s.by_user_id,
        labour_cents=1,
        parts_cents=1,
        other_cents=1,
        tax_cents=0,
        total_cents=3,
        lines_json="[]",
        superseded_by=s.id,
    )
    assert kpi.department(START, END).revenue.total_cents == 163_850
    assert QCCheck.select().where(QCCheck.ro == shop["B"]).count() == 2  # fail, then pass
    assert FollowUp.get(FollowUp.ro == shop["A"]).due_from == T(3, 16)
    old.delete_instance()
