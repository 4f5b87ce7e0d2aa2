"""Two people saving the same record: the second save is refused, the first is intact."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from advisor.errors import ConflictError
from advisor.services import customers, reception
from advisor.services.orders import get_ro_view
from tests import factories

ROOT = Path(__file__).resolve().parents[2]


def test_second_save_of_a_customer_gets_a_conflict(staff: factories.Staff) -> None:
    cid, _vid = factories.make_customer_vehicle(staff)
    mine = customers.get_customer(cid)
    theirs = customers.get_customer(cid)
    customers.update_customer(
        actor=staff.advisor2, customer_id=cid, version=theirs.version, email="first@example.com"
    )
    with pytest.raises(ConflictError) as err:
        customers.update_customer(
            actor=staff.advisor, customer_id=cid, version=mine.version, email="second@example.com"
        )
    assert "version" in err.value.en and "版本" in err.value.zh
    assert customers.get_customer(cid).email == "first@example.com"


def test_second_check_in_from_another_process_gets_a_conflict(staff: factories.Staff, url: str) -> None:
    _cid, vid = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    stale = get_ro_view(ro_id).version
    other = (
        "from advisor import db; from advisor.services import reception, users;"
        f"db.open_database({url!r});"
        "from advisor.services._base import Actor;"
        # The service manager at another desk (only its advisor or a manager acts on an RO).
        f"a = Actor({staff.manager.user_id}, 'zhou.min', '周敏', 'manager');"
        f"reception.check_in(actor=a, ro_id={ro_id}, version={stale}, mileage_km=30500, fuel_level=6)"
    )
    subprocess.run([sys.executable, "-c", other], check=True, cwd=ROOT, timeout=60)
    with pytest.raises(ConflictError):
        reception.check_in(actor=staff.advisor, ro_id=ro_id, version=stale, mileage_km=30600, fuel_level=2)
    view = get_ro_view(ro_id)
    assert (view.mileage_in, view.fuel_level) == (30500, 6)
