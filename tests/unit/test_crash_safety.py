"""Nothing half-written: a writer killed with SIGKILL at random moments, and a full disk."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from advisor import db
from advisor.reference import ensure_reference_data
from tests import factories
from tests.conftest import PG_URL

ROOT = Path(__file__).resolve().parents[2]
KILLS = 30
# File-level SQLite tests: they run once, in the SQLite pass of the suite.
pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite file test; runs in the SQLite pass")

WORKER = r"""
import datetime as dt, itertools, sys
from advisor import db
import peewee
from advisor.models import Assignment, now
from advisor.services import customers, diagnosis, estimate, quality, reception, settlement, workshop, users
from advisor.services._base import Actor
from advisor.signatures import sample
db.open_database(sys.argv[1])
staff = {u.role: Actor(u.id, u.username, u.display_name, u.role) for u in users.list_users()}
adv, fore, cash = staff["advisor"], staff["foreman"], staff["cashier"]
tech = workshop.technicians()[0].id
seed = int(sys.argv[2])
for i in itertools.count():
    n = seed * 1000 + i
    c = customers.create_customer(actor=adv, name=f"客户{n}", phone="")
    from tests.factories import valid_vin
    v, _ = customers.add_vehicle(actor=adv, customer_id=c.id, vin=valid_vin(n), plate=f"沪B{n % 100000:05d}")
    ro = reception.open_repair_order(actor=adv, vehicle_id=v.id)
    reception.check_in(actor=adv, ro_id=ro, mileage_km=1000, fuel_level=4, wash_requested=False)
    # Confirmed at once (a rushed need confirmation, deliberately: this test is about crashes).
    diagnosis.record_concern(actor=adv, ro_id=ro, customer_words="异响", confirm_early=True)
    ids = estimate.add_canned_job(actor=adv, ro_id=ro, code="S5000")
    # The technician's next free time (a job a killed worker assigned but never finished
    # still holds its slot: double-booking is refused), and a promise fitting it.
    busy = Assignment.select(peewee.fn.MAX(Assignment.planned_end)).where(
        (Assignment.technician == tech) & (Assignment.status != "done")).scalar()
    start = max(now(), busy) if busy else now()
    estimate.authorise_estimate(actor=adv, ro_id=ro, decisions={x: "approved" for x in ids},
                                customer_name="客户", method="in_person", promised_at=start + dt.timedelta(hours=3),
                                signature=sample(n))
    labour = ids[0]
    a = workshop.assign(actor=fore, line_id=labour, technician_id=tech, bay_id=None,
                        planned_start=start, planned_end=start + dt.timedelta(minutes=30))
    workshop.clock_on(actor=fore, assignment_id=a.id)
    workshop.finish(actor=fore, assignment_id=a.id)
    from tests.factories import sign_self_checks
    sign_self_checks(ro, foreman=fore, technicians=[u for u in staff.values() if u.role == "technician"])
    quality.record_qc(actor=fore, ro_id=ro, items=[(x, True) for x in quality.checklist(ro)],
                      nothing_left=True, no_new_damage=True)
    sid = settlement.settle(actor=adv, ro_id=ro)
    settlement.explain_items(actor=adv, ro_id=ro)
    from advisor.services.orders import get_ro_view
    total = get_ro_view(ro).settlement.total_cents
    settlement.pay(actor=cash, ro_id=ro, method="cash", amount_cents=total // 2)
    settlement.pay(actor=cash, ro_id=ro, method="card", amount_cents=total - total // 2, reference="POS-1")
    print(i, flush=True)
"""


def _invariants(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Every RO has its step history.
        orphan = con.execute(
            "SELECT COUNT(*) FROM repair_order r WHERE NOT EXISTS "
            "(SELECT 1 FROM step_event e WHERE e.ro_id = r.id)"
        ).fetchone()[0]
        assert orphan == 0
        # Money: each settlement's lines add up to its subtotal; payments never exceed it.
        import json

        for sid, labour, parts, other, disc, tax, total, lines in con.execute(
            "SELECT id, labour_cents, parts_cents, other_cents, discount_cents, tax_cents, "
            "total_cents, lines_json FROM settlement"
        ):
            frozen = json.loads(lines)
            assert (
                sum(x["amount_cents"] for x in frozen if x["pay_type"] == "customer")
                == labour + parts + other
            )
            assert labour + parts + other - disc + tax == total
            paid = con.execute(
                "SELECT COALESCE(SUM(amount_cents),0) FROM payment WHERE settlement_id=?", (sid,)
            ).fetchone()[0]
            assert 0 <= paid <= total
        # Stock on hand equals receipts minus issues (opening stock included).
        for pid, on_hand in con.execute("SELECT id, on_hand FROM part"):
            moved = con.execute(
                "SELECT COALESCE(SUM(quantity),0) FROM stock_move WHERE part_id=? "
                "AND kind IN ('receipt','issue','adjust')",
                (pid,),
            ).fetchone()[0]
            assert on_hand == moved
            reserved = con.execute(
                "SELECT COALESCE(SUM(quantity),0) FROM stock_move WHERE part_id=? "
                "AND kind IN ('reserve','release')",
                (pid,),
            ).fetchone()[0]
            assert con.execute("SELECT reserved FROM part WHERE id=?", (pid,)).fetchone()[0] == reserved
    finally:
        con.close()


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_a_consistent_database(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    url = f"sqlite:///{path}"
    database = db.open_database(url)
    with database.atomic():
        ensure_reference_data()
    factories.make_staff()
    db.close_database()
    rng = random.Random(20261122)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    progressed = 0
    for k in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, "-c", WORKER, url, str(k + 1)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(rng.uniform(0.8, 2.0))
        if proc.poll() is not None:  # it must still be writing
            _out, err = proc.communicate()  # (closes the pipes too)
            pytest.fail(f"the worker stopped by itself:\n{err}")
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate()
        progressed += len(out.split())
        _invariants(path)
    assert progressed > 0, "the worker never completed an RO: the test proves nothing"
    from advisor import audit

    db.open_database(url)
    try:
        assert audit.verify().ok
    finally:
        db.close_database()


def test_disk_full_refuses_the_save_and_keeps_what_was_saved(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mnt = tmp_path / "small"
    mnt.mkdir()
    # room for the empty schema (~800 KB since issue 17's tables) and a few saves after it
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2200k", "tmpfs", str(mnt)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    from advisor.errors import StorageError
    from advisor.services import customers

    try:
        database = db.open_database(f"sqlite:///{mnt / 'full.db'}")
        with database.atomic():
            ensure_reference_data()
        staff = factories.make_staff()
        saved = []
        with pytest.raises(StorageError) as err:
            for i in range(100_000):
                c = customers.create_customer(actor=staff.advisor, name=f"客户{i} " + "长" * 90, phone="")
                saved.append(c.id)
        assert "disk is full" in err.value.en and "磁盘已满" in err.value.zh
        assert saved, "nothing was saved before the disk filled up"
        db.close_database()
        con = sqlite3.connect(mnt / "full.db")
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            ids = [r[0] for r in con.execute("SELECT id FROM customer WHERE name LIKE '客户%'")]
        finally:
            con.close()
        assert ids == saved
    finally:
        db.close_database()
        subprocess.run(["umount", "-l", str(mnt)])
