"""The lounge screen (a TV for waiting customers): every text on it is read and holds no
name, phone, VIN, full plate, RO number or price; the masked plates are there; it follows
a change made here (ops) or by another process (the real LiveBridge); it pages through
more cars than fit; the View menu opens it."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from advisor import demo
from advisor.models import Customer, RepairOrder, Vehicle, now
from advisor.services import diagnosis, lounge, reception
from tests import factories
from tests.conftest import PG_URL
from tests.ui import person
from tests.ui.test_session_expired import gui  # noqa: F401  (run_gui over the test database)
from ui import app as app_module
from ui import i18n
from ui.context import AppContext
from ui.live import LiveBridge
from ui.login import LoginDialog
from ui.lounge import LoungeWindow, other_screen
from ui.main_window import MainWindow
from ui.operations import Operations

ROOT = Path(__file__).resolve().parents[2]
PRICE = re.compile(r"\d[\d,]*\.\d\d\b")  # 1,234.50: an amount of money


def model_texts(model: QAbstractItemModel, parent: QModelIndex) -> list[str]:
    """Every display text and tool tip of ``model`` under ``parent``, depth first."""
    out: list[str] = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if value is not None:
                    out.append(str(value))
            out += model_texts(model, index)
    return out


def texts_of(window: QWidget) -> list[str]:
    """Every text a person could read on ``window``: its title, each child's text, tool
    tip, accessible name, and every item of any item view's model."""
    found = [window.windowTitle(), window.toolTip()]
    for widget in [window, *window.findChildren(QWidget)]:
        found += [widget.toolTip(), widget.statusTip(), widget.whatsThis(), widget.accessibleName()]
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += model_texts(widget.model(), QModelIndex())
    return [t for t in found if t]


def shown_texts(window: LoungeWindow) -> list[str]:
    """The texts of the rows on show (a hidden row keeps its last car's texts)."""
    out: list[str] = []
    for row in window.rows:
        if row.isVisible():
            out += [label.text() for cell in row.cells() for label in (cell.main, cell.sub)]
    return out


def every_page(qtbot: QtBot, window: LoungeWindow) -> list[str]:
    """Turn through every page as the timer does, reading all of each."""
    seen: list[str] = []
    for _ in range(window.page_count()):
        seen += texts_of(window)
        window.next_page()
        qtbot.wait(10)
    return seen


def open_lounge(
    qtbot: QtBot, staff: factories.Staff, role: str = "cashier", lang: str = "en"
) -> LoungeWindow:
    i18n.set_language(lang)
    actor = staff.by_role(role)
    window = LoungeWindow(AppContext(actor=actor, ops=Operations(actor), db_label="t.db", lang=lang))
    person.show_window(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.rows))
    return window


def wait_(ro_ids: list[int]) -> None:
    RepairOrder.update(customer_waits=True).where(RepairOrder.id.in_(ro_ids)).execute()


def plate_of(ro_id: int) -> str:
    return str(Vehicle.get_by_id(RepairOrder.get_by_id(ro_id).vehicle_id).plate)


@pytest.fixture
def busy_morning(staff: factories.Staff) -> list[int]:
    """Demo data (today's waiting customers among them) and ROs at each stage of ours, their
    customers waiting too; returns the ids of the ROs the lounge lists."""
    demo.generate(orders=150, seed=11)
    ours = [
        factories.open_checked_in(staff),
        factories.authorised(staff)[0],
        factories.worked(staff)[0],
        factories.qc_passed(staff, wash=True)[0],
        factories.settled_paid(staff)[0],
    ]
    wait_(ours)
    start = dt.datetime.combine(dt.date.today(), dt.time())
    q = RepairOrder.select(RepairOrder.id).where(
        (RepairOrder.status == "open")
        & (RepairOrder.customer_waits == True)  # noqa: E712
        & RepairOrder.handed_over_at.is_null()
        & (RepairOrder.arrived_at >= start)
    )
    return [r.id for r in q]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_lounge_shows_masked_plates_and_no_personal_data_or_price(
    qtbot: QtBot, staff: factories.Staff, busy_morning: list[int], lang: str
) -> None:
    assert len(busy_morning) >= 8, "demo data and ours: a morning with several waiting customers"
    window = open_lounge(qtbot, staff, lang=lang)
    seen = every_page(qtbot, window)
    text = "\n".join(seen)
    private: set[str] = set()
    for ro in RepairOrder.select().where(RepairOrder.id.in_(busy_morning)):
        customer = Customer.get_by_id(ro.customer_id)
        vehicle = Vehicle.get_by_id(ro.vehicle_id)
        private |= {customer.name, customer.phone, vehicle.vin, vehicle.plate, ro.number}
        assert lounge.mask_plate(vehicle.plate) in text, vehicle.plate  # every waiting car is there
    for phone, vin in Customer.select(Customer.phone, Vehicle.vin).join(Vehicle).tuples():
        private |= {phone, vin}
    leaked = sorted(p for p in private if p and p in text)
    assert not leaked, leaked
    for sign in ("¥", "￥", "元"):
        assert sign not in text
    assert not PRICE.findall(text), PRICE.findall(text)
    # What it does show: the steps in words, both languages, the first one the app's.
    words = {car.status for car in lounge.read_lounge(actor=staff.cashier).cars}
    for status in words:
        assert status.en in text and status.zh in text
    first = window.rows[0].status
    lead = first.main.text()
    assert (re.search(r"[\u4e00-\u9fff]", lead) is not None) == (lang == "zh_CN"), lead


def test_the_lounge_pages_through_more_cars_than_fit(
    qtbot: QtBot, staff: factories.Staff, busy_morning: list[int]
) -> None:
    window = open_lounge(qtbot, staff)
    cars = lounge.read_lounge(actor=staff.cashier).cars
    assert window.per_page >= 4  # large rows, but a useful number of them
    assert window.page_count() == -(-len(cars) // window.per_page) > 1
    assert window.pages.isActive() and window.pages.interval() == 10_000  # 10 s a page
    window.pages.setInterval(300)  # the same turns, faster
    pages = []
    for _ in range(window.page_count()):
        pages.append([row.car.main.text() for row in window.rows if row.isVisible()])
        assert window.pager.text() == f"{len(pages)} / {window.page_count()}"
        with qtbot.waitSignal(window.pages.timeout, timeout=window.pages.interval() + 2000):
            pass  # the page turns by itself
    assert [p for page in pages for p in page] == [c.plate for c in cars]
    assert window.page == 0  # and starts again


def test_ready_cars_lead_in_the_customers_words(qtbot: QtBot, staff: factories.Staff) -> None:
    repairing = factories.authorised(staff)[0]
    ready = factories.qc_passed(staff)[0]
    wait_([repairing, ready])
    window = open_lounge(qtbot, staff, lang="zh_CN")
    visible = [row for row in window.rows if row.isVisible()]
    assert [row.car.main.text() for row in visible] == [
        lounge.mask_plate(plate_of(r)) for r in (ready, repairing)
    ]
    assert visible[0].status.main.text() == "已完工，请到前台"
    assert visible[0].status.sub.text() == "Ready — please come to the counter"
    assert visible[0].ready.main.text() == "现在可取车"
    assert visible[1].status.main.text() == "排队等候维修"
    assert visible[0].property("ready") is True and visible[1].property("ready") is False


def test_a_change_made_here_shows_at_once(qtbot: QtBot, staff: factories.Staff) -> None:
    _c, vid = factories.make_customer_vehicle(staff)
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    factories.arrived_minutes_ago(ro_id)  # the need is confirmed within 5–10 minutes below
    reception.check_in(actor=staff.advisor, ro_id=ro_id, mileage_km=20_500, fuel_level=4, customer_waits=True)
    window = open_lounge(qtbot, staff, role="advisor")
    assert shown_texts(window)[:2] == [lounge.mask_plate(plate_of(ro_id)), "Honda Accord 2.0"]
    assert window.rows[0].status.main.text() == "Being diagnosed"
    outcome = window.ctx.ops.run(
        diagnosis.record_concern,
        parent=window,
        ro_id=ro_id,
        customer_words="发动机有异响",
        restatement="Engine noise at idle",
    )
    assert outcome.ok
    qtbot.waitUntil(lambda: window.rows[0].status.main.text() == "Preparing your quote", timeout=2000)


# A second desk: opens the same database, waits for "go", then checks a car in for a
# customer who waits in the lounge.
OTHER_DESK = textwrap.dedent(
    """
    import sys
    from advisor.services import reception, system
    from advisor.services._base import Actor

    url, ro_id = sys.argv[1], int(sys.argv[2])
    user_id, username, name, role, generation = sys.argv[3:8]
    system.open_database(url)
    actor = Actor(int(user_id), username, name, role, int(generation))
    print("ready", flush=True)
    sys.stdin.readline()
    reception.check_in(actor=actor, ro_id=ro_id, mileage_km=30_000, fuel_level=6, customer_waits=True)
    print("done", flush=True)
    """
)


@pytest.fixture
def bridge(qapp: object) -> Iterator[LiveBridge]:
    b = LiveBridge()
    yield b
    b.stop()


def test_a_car_checked_in_at_another_desk_appears_on_the_lounge(
    qtbot: QtBot, staff: factories.Staff, url: str, bridge: LiveBridge
) -> None:
    _c, vid = factories.make_customer_vehicle(staff, name="王秀英", phone="13900001111")
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=vid)
    window = open_lounge(qtbot, staff)
    assert window.empty.isVisible() and not shown_texts(window)
    bridge.changed.connect(window.ctx.ops.changed)  # as ui.app wires it
    bridge.start(url, shared=bool(PG_URL))
    assert bridge.wait_ready()
    qtbot.wait(700)  # SQLite: the poller has read its first data_version
    a = staff.advisor
    who = [str(a.user_id), a.username, a.display_name, a.role, str(a.generation)]
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_DESK, url, str(ro_id), *who],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdin is not None
        assert other.stdout.readline().strip() == "ready"
        other.stdin.write("go\n")
        other.stdin.flush()
        assert other.stdout.readline().strip() == "done"
    finally:
        other.communicate(timeout=30)
    assert other.returncode == 0
    masked = lounge.mask_plate(plate_of(ro_id))
    qtbot.waitUntil(lambda: masked in shown_texts(window), timeout=5000)
    assert not window.empty.isVisible()
    text = "\n".join(texts_of(window))
    assert "王秀英" not in text and "13900001111" not in text and plate_of(ro_id) not in text


def test_the_view_menu_opens_the_lounge_beside_the_main_window(qtbot: QtBot, staff: factories.Staff) -> None:
    wait_([factories.authorised(staff)[0]])
    i18n.set_language("zh_CN")
    actor = staff.technician
    window = MainWindow(AppContext(actor=actor, ops=Operations(actor), db_label="t.db", lang="zh_CN"))
    person.show_window(qtbot, window)
    person.click(qtbot, window.search.edit)
    person.key(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    menu = window.go_menu
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    assert window.lounge_action.text() == "客户休息区屏幕（电视）"
    person.click(qtbot, menu, pos=menu.actionGeometry(window.lounge_action).center())
    lounges = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoungeWindow)]
    assert len(lounges) == 1
    screen = lounges[0]
    qtbot.waitUntil(screen.isVisible)
    # One screen here: a window beside the main one (full screen only on a second screen).
    assert not screen.isFullScreen()
    assert screen.windowTitle() == "客户休息区屏幕"
    qtbot.waitUntil(lambda: bool(shown_texts(screen)))
    assert shown_texts(screen)[0].startswith("京A·")
    window.open_lounge()  # again: the same window, not a second one
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, LoungeWindow)] == [screen]


def test_f11_switches_full_screen_and_escape_leaves_it(qtbot: QtBot, staff: factories.Staff) -> None:
    window = open_lounge(qtbot, staff)
    person.key(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    assert window.cursor().shape() == Qt.CursorShape.BlankCursor  # no pointer on the TV
    person.key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=2000)
    assert window.cursor().shape() == Qt.CursorShape.ArrowCursor
    assert window.isVisible()  # Esc leaves full screen; it does not close the TV


def test_the_clock_and_date_head_the_screen(qtbot: QtBot, staff: factories.Staff) -> None:
    window = open_lounge(qtbot, staff, lang="zh_CN")
    today = now()
    assert re.fullmatch(r"\d\d:\d\d", window.clock.text())
    assert window.date.text().startswith(f"{today.year}年{today.month}月{today.day}日 星期")
    assert window.heading.text() == "维修进度 · Service progress"


@pytest.mark.usefixtures("gui")
def test_lounge_flag_opens_the_lounge_full_screen_after_the_login(
    qtbot: QtBot, staff: factories.Staff, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``main.py --lounge``: the person logs in; the lounge opens full screen (one screen
    here: the TV is the only one) beside the main window, and closes with it."""
    wait_([factories.authorised(staff)[0]])
    seen: list[tuple[bool, bool, list[str]]] = []
    left_open: list[LoungeWindow] = []

    def look() -> None:
        lounges = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoungeWindow) and w.isVisible()]
        seen.extend(
            (w.isFullScreen(), w.ctx.actor.username == staff.cashier.username, shown_texts(w))
            for w in lounges
        )
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                w.close()
        left_open.extend(w for w in lounges if w.isVisible())

    def exec_(dialog: LoginDialog) -> int:
        if seen or dialog.isVisible():
            dialog.reject()
            return dialog.result()
        dialog.resize(480, 260)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        person.fill(qtbot, dialog.username, staff.cashier.username)
        person.fill(qtbot, dialog.password, factories.PASSWORD)
        person.click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
        QTimer.singleShot(500, look)
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    assert app_module.run_gui(["--lang", "en", "--lounge"]) == 0
    assert len(seen) == 1
    full, as_cashier, texts = seen[0]
    assert full and as_cashier
    assert not left_open  # the TV closed with the session's window
    assert texts[0].startswith("京A·") and texts[2] == "In the queue for repair"


class _Screen:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


def test_the_lounge_goes_to_a_screen_other_than_the_main_windows() -> None:
    desk, tv = _Screen("DP-1"), _Screen("HDMI-1")
    assert other_screen([desk, tv], desk) is tv  # type: ignore[arg-type]
    assert other_screen([tv, desk], desk) is tv  # type: ignore[arg-type]
    assert other_screen([desk], desk) is None  # type: ignore[arg-type]


def test_switching_the_language_puts_the_other_one_first(qtbot: QtBot, staff: factories.Staff) -> None:
    wait_([factories.authorised(staff)[0]])
    window = open_lounge(qtbot, staff, lang="en")
    assert (window.rows[0].status.main.text(), window.rows[0].status.sub.text()) == (
        "In the queue for repair",
        "排队等候维修",
    )
    i18n.set_language("zh_CN")  # the main window's Language menu does this
    qtbot.waitUntil(lambda: window.rows[0].status.main.text() == "排队等候维修", timeout=2000)
    assert window.rows[0].status.sub.text() == "In the queue for repair"
    assert window.heading.text() == "维修进度 · Service progress"
    assert window.windowTitle() == "客户休息区屏幕"
