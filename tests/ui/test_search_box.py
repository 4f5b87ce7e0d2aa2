"""Universal search: results as you type, grouped, Enter opens the first, Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from advisor.services import reception
from advisor.services._base import Actor
from advisor.services.customers import get_vehicle
from tests import factories
from tests.ui.shell_support import type_text, workstation  # noqa: F401
from ui.main_window import MainWindow
from ui.search_box import HIT_ROLE, SearchBox

_hosts: list[QWidget] = []


def make_box(qtbot, actor: Actor) -> SearchBox:
    host = QWidget()
    _hosts[:] = [host]  # keep the window alive for the test
    qtbot.addWidget(host)
    host.resize(800, 600)
    box = SearchBox(host, actor=actor)
    QVBoxLayout(host).addWidget(box)
    host.show()
    box.edit.setFocus()
    return box


def texts(box: SearchBox) -> list[str]:
    return [box.results.item(i).text().strip() for i in range(box.results.count())]


def test_results_appear_as_you_type_and_enter_opens_the_first(qtbot, staff) -> None:
    _c, vehicle_id = factories.make_customer_vehicle(staff)
    plate = get_vehicle(vehicle_id).plate  # 京A1xxxx
    box = make_box(qtbot, staff.advisor)
    qtbot.keyClicks(box.edit, plate[-4:])
    qtbot.waitUntil(lambda: box.popup.isVisible() and bool(box.hits), timeout=2000)
    assert texts(box)[0] == "Vehicles"
    assert texts(box)[1].startswith(plate)

    with qtbot.waitSignal(box.vehicle_chosen) as opened:
        qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert opened.args[1] == vehicle_id
    assert not box.popup.isVisible()


def test_results_are_grouped_customers_vehicles_open_orders(qtbot, staff) -> None:
    cid, vid = factories.make_customer_vehicle(staff, name="欧阳娜娜", phone="13700001234")
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    box = make_box(qtbot, staff.advisor)
    type_text(box.edit, "欧阳娜娜")
    qtbot.waitUntil(lambda: any(h.kind == "order" for h in box.hits), timeout=2000)
    shown = texts(box)
    assert shown[0] == "Customers" and shown[1].startswith("欧阳娜娜")
    assert shown[2] == "Open repair orders"
    hit = box.results.item(3).data(HIT_ROLE)
    assert (hit.kind, hit.ro_id, hit.customer_id) == ("order", ro_id, cid)

    # Down twice reaches the RO (headers are skipped); Enter opens it.
    qtbot.keyClick(box.edit, Qt.Key.Key_Down)
    assert box.results.currentRow() == 3
    with qtbot.waitSignal(box.ro_chosen) as opened:
        qtbot.keyClick(box.edit, Qt.Key.Key_Enter)
    assert opened.args == [ro_id]


def test_escape_closes_and_no_match_says_so(qtbot, staff) -> None:
    box = make_box(qtbot, staff.advisor)
    qtbot.keyClicks(box.edit, "ZZZ999")
    qtbot.waitUntil(box.popup.isVisible, timeout=2000)
    assert texts(box) == ["No match for “ZZZ999”"]
    qtbot.keyClick(box.edit, Qt.Key.Key_Escape)
    assert not box.popup.isVisible()
    assert box.edit.text() == "ZZZ999"


def test_main_window_opens_the_ro_chosen_in_search(qtbot, make_ctx, staff, monkeypatch) -> None:
    _cid, vid = factories.make_customer_vehicle(staff, name="司马光", phone="13600001234")
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    opened: list[int] = []
    monkeypatch.setattr(MainWindow, "open_ro", lambda self, rid: opened.append(rid))
    window = MainWindow(make_ctx("advisor"))
    qtbot.addWidget(window)
    window.show()
    window.search.focus_search()
    type_text(window.search.edit, "司马光")
    qtbot.waitUntil(lambda: any(h.kind == "order" for h in window.search.hits), timeout=2000)
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)
    assert opened == [ro_id]


def test_customer_result_opens_the_customer_workspace(qtbot, make_ctx, staff) -> None:
    cid, _vid = factories.make_customer_vehicle(staff, name="诸葛亮", phone="13500001234")
    window = MainWindow(make_ctx("advisor"))
    qtbot.addWidget(window)
    window.show()
    type_text(window.search.edit, "诸葛亮")
    qtbot.waitUntil(lambda: bool(window.search.hits), timeout=2000)
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)
    customers = window.workspace("customers")
    assert customers is not None and window.stack.currentWidget() is customers
    assert customers.customer is not None and customers.customer.id == cid
    assert customers.name.text() == "诸葛亮"


def test_a_technician_sees_customers_phones_masked(qtbot, make_ctx, staff) -> None:
    # The search service masks what the role may not see: the screen never receives it.
    factories.make_customer_vehicle(staff, name="孙权", phone="13912345678")
    window = MainWindow(make_ctx("technician"))
    qtbot.addWidget(window)
    window.show()
    type_text(window.search.edit, "孙权")
    qtbot.waitUntil(lambda: bool(window.search.hits), timeout=2000)
    shown = texts(window.search)
    assert shown[0] == "Customers" and shown[1].startswith("孙权")
    assert "5678" in shown[1] and "13912345678" not in shown[1]
    assert all("13912345678" not in h.subtitle for h in window.search.hits)
