"""What the screens read goes through read services: a permission, the session checked,
and one consistent snapshot of the database (``@service(action, read=True)``)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Any

import peewee
import pytest

from advisor import auth
from advisor.errors import PermissionDenied, SessionExpired
from advisor.models import Concern, RepairOrder
from advisor.services import dashboard, orders, reception, search, users
from tests import factories
from tests.factories import Staff

TODAY = dt.date.today()


def _elsewhere(database: peewee.Database, work: Callable[[], Any]) -> None:
    """Run ``work`` on another connection (another desk), committed before returning."""
    failure: list[BaseException] = []

    def run() -> None:
        try:
            with database.atomic():
                work()
        except BaseException as exc:  # pragma: no cover - reported below
            failure.append(exc)
        finally:
            database.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    assert not thread.is_alive() and not failure, failure


# -- permission ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["technician", "advisor", "foreman", "parts_clerk", "cashier"])
def test_roles_without_kpi_view_are_refused_the_dashboard_reads(staff: Staff, role: str) -> None:
    actor = staff.by_role(role)
    assert not auth.may(role, "kpi.view")
    with pytest.raises(PermissionDenied) as refused:
        dashboard.figures(actor=actor, start=TODAY, end=TODAY)
    assert "see the dashboard" in refused.value.en
    with pytest.raises(PermissionDenied):
        dashboard.drill_down(actor=actor, keys=("opened",), start=TODAY, end=TODAY)
    with pytest.raises(PermissionDenied):
        dashboard.people(actor=actor)


def test_a_manager_reads_the_dashboard(staff: Staff) -> None:
    _cid, vid = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    snap = dashboard.figures(actor=staff.manager, start=TODAY, end=TODAY)
    assert snap.current.opened == 1 and snap.days[0].kpis.opened == 1
    drilled = dashboard.drill_down(actor=staff.manager, keys=("opened",), start=TODAY, end=TODAY)
    assert [r.id for r in drilled] == [ro_id]
    assert "李娜" in [name for _id, name in dashboard.people(actor=staff.admin).advisors]


def test_every_role_that_sees_the_search_box_may_search(staff: Staff) -> None:
    # The search box is in every role's window: nobody lost it with the permission.
    factories.make_customer_vehicle(staff, name="孙权", phone="13912345678")
    for role in auth.ROLES:
        hits = search.search(actor=staff.by_role(role), term="孙权")
        assert [h.title for h in hits if h.kind == "customer"] == ["孙权"], role


def test_search_masks_the_phone_for_a_role_that_may_not_see_it(staff: Staff) -> None:
    factories.make_customer_vehicle(staff, name="孙权", phone="13912345678")

    def phones(actor: Any) -> list[str]:
        return [h.subtitle for h in search.search(actor=actor, term="孙权") if h.kind == "customer"]

    assert phones(staff.advisor) == ["+8613912345678"]
    assert phones(staff.technician) == ["+86139****5678"]
    assert phones(staff.foreman) == ["+86139****5678"]


def test_a_deactivated_account_can_no_longer_read(staff: Staff) -> None:
    _cid, vid = factories.make_customer_vehicle(staff, name="孙权")
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    users.set_active(actor=staff.admin, user_id=staff.advisor.user_id, active=False)
    with pytest.raises(SessionExpired):
        search.search(actor=staff.advisor, term="孙权")
    with pytest.raises(SessionExpired):
        orders.read_ro(actor=staff.advisor, ro_id=ro_id)


def test_a_read_service_needs_the_actor(staff: Staff) -> None:
    with pytest.raises(TypeError):
        search.search(term="孙权")  # type: ignore[call-arg]


# -- one snapshot --------------------------------------------------------------------------


def test_the_ro_view_is_read_at_one_moment(
    staff: Staff, database: peewee.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another desk saves the RO while its view is being read (after the RO row, before
    its concerns): the view shows the RO as it was, not half of each."""
    _cid, vid = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    before = orders.read_ro(actor=staff.advisor, ro_id=ro_id)
    assert before.concerns == ()

    def save_elsewhere() -> None:
        RepairOrder.update(version=RepairOrder.version + 1).where(RepairOrder.id == ro_id).execute()
        Concern.create(ro=ro_id, seq=1, customer_words="异响", created_by=staff.advisor.user_id)

    real_names = orders._names
    saved: list[bool] = []

    def names_then_a_save() -> dict[int, str]:
        if not saved:  # between the RO's row and its concerns
            saved.append(True)
            _elsewhere(database, save_elsewhere)
        return real_names()

    monkeypatch.setattr(orders, "_names", names_then_a_save)
    during = orders.read_ro(actor=staff.advisor, ro_id=ro_id)
    assert saved
    assert (during.version, len(during.concerns)) == (before.version, 0)
    after = orders.read_ro(actor=staff.advisor, ro_id=ro_id)
    assert (after.version, len(after.concerns)) == (before.version + 1, 1)


def test_the_dashboard_figures_are_read_at_one_moment(
    staff: Staff, database: peewee.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An RO opened while the dashboard loads shows in all of its figures or in none: here
    the period is tomorrow, so today's RO counts in the period before, which is read
    after the period itself (``kpi.overview``), when another desk has saved."""
    from advisor import kpi

    _cid, vid = factories.make_customer_vehicle(staff)
    _cid2, vid2 = factories.make_customer_vehicle(staff, name="孙权", phone="13912345678")
    reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    real = kpi.overview
    opened: list[bool] = []

    def overview_then_a_save(*args: Any, **kwargs: Any) -> Any:
        out = real(*args, **kwargs)
        if not opened:  # the period's figures are read; the period before not yet
            opened.append(True)
            _elsewhere(database, lambda: reception.open_repair_order(actor=staff.advisor, vehicle_id=vid2))
        return out

    monkeypatch.setattr(kpi, "overview", overview_then_a_save)
    tomorrow = TODAY + dt.timedelta(days=1)
    snap = dashboard.figures(actor=staff.manager, start=tomorrow, end=tomorrow)
    assert opened
    assert snap.previous.opened == 1
    assert snap.current.opened == sum(d.kpis.opened for d in snap.days) == 0
    assert dashboard.figures(actor=staff.manager, start=tomorrow, end=tomorrow).previous.opened == 2


def test_a_read_does_not_wait_for_another_desks_save(staff: Staff, database: peewee.Database) -> None:
    """A read takes no write lock: it answers while another desk's save is under way."""
    _cid, vid = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    holding, release = threading.Event(), threading.Event()

    def hold_a_write() -> None:
        RepairOrder.update(version=RepairOrder.version + 1).where(RepairOrder.id == ro_id).execute()
        holding.set()
        release.wait(30)

    thread = threading.Thread(target=lambda: _elsewhere(database, hold_a_write))
    thread.start()
    try:
        assert holding.wait(30)
        began = time.monotonic()
        view = orders.read_ro(actor=staff.advisor, ro_id=ro_id)
        took = time.monotonic() - began
    finally:
        release.set()
        thread.join(30)
    assert view.id == ro_id
    assert took < 2, f"the read waited {took:.1f} s for the write lock"


def test_the_excel_export_is_the_exporters_and_reads_one_snapshot(
    staff: Staff, database: peewee.Database, tmp_path: Any
) -> None:
    from reports import excel

    def write(path: str) -> Any:
        return lambda: excel.write_summary(path, start=TODAY, end=TODAY, lang="en")

    with pytest.raises(PermissionDenied):
        dashboard.export(actor=staff.advisor, write=write(str(tmp_path / "no.xlsx")))
    assert not (tmp_path / "no.xlsx").exists()
    seen: list[int] = []

    def inside() -> None:  # the writer runs inside the export's one read transaction
        seen.append(database.transaction_depth())

    dashboard.export(actor=staff.manager, write=inside)
    assert seen == [1]
    assert dashboard.export(actor=staff.manager, write=write(str(tmp_path / "ok.xlsx"))).exists()


def test_a_read_service_cannot_write(staff: Staff, monkeypatch: pytest.MonkeyPatch) -> None:
    # A write slipped into a read is refused on both engines, and nothing is saved.
    _cid, vid = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    before = orders.read_ro(actor=staff.advisor, ro_id=ro_id).version
    real = orders.get_ro_view

    def writing_view(ro_id: int) -> Any:
        RepairOrder.update(version=RepairOrder.version + 1).where(RepairOrder.id == ro_id).execute()
        return real(ro_id)

    monkeypatch.setattr(orders, "get_ro_view", writing_view)
    with pytest.raises(Exception, match=r"(?i)read.?only"):
        orders.read_ro(actor=staff.advisor, ro_id=ro_id)
    monkeypatch.setattr(orders, "get_ro_view", real)
    assert orders.read_ro(actor=staff.advisor, ro_id=ro_id).version == before
    # …and the connection writes again afterwards (the read's guard is lifted).
    users.set_active(actor=staff.admin, user_id=staff.advisor2.user_id, active=False)
