"""The cashier's Payments workspace, used as a cashier does: the window opens on the queue
of settled bills, the oldest first; a split payment (cash with change, plus a card with
its slip number) is taken in one go, the bill leaves the queue and the receipt is printed;
a refund with its reason; another till's payment arrives live and the pick stays."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from advisor.models import Payment, Settlement
from advisor.services import settlement
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from tests.ui.modal import when_shown
from tests.ui.shell_support import workstation  # noqa: F401  (a private settings file)
from ui.context import AppContext
from ui.live import LiveBridge
from ui.main_window import MainWindow
from ui.print_preview import PrintPreviewDialog
from ui.workspaces.payments import ID_ROLE, PaymentsWorkspace

ROOT = Path(__file__).resolve().parents[2]


def _settled(staff: factories.Staff, minutes_ago: int, *, name: str, phone: str) -> tuple[int, int]:
    """A settled RO, its items explained, settled ``minutes_ago``; and its total."""
    _c, vehicle = factories.make_customer_vehicle(staff, name=name, phone=phone)
    ro_id, _lines = factories.qc_passed(staff, vehicle_id=vehicle)
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    s = Settlement.get(Settlement.ro == ro_id)
    Settlement.update(at=s.at - dt.timedelta(minutes=minutes_ago)).where(Settlement.id == s.id).execute()
    return ro_id, s.total_cents


def _home(qtbot: QtBot, ctx: AppContext) -> tuple[MainWindow, PaymentsWorkspace]:
    """The cashier's window as the day starts: it opens on Payments."""
    window = MainWindow(ctx)
    person.show_window(qtbot, window)
    ws = window.stack.currentWidget()
    assert isinstance(ws, PaymentsWorkspace), "the cashier's window does not open on Payments"
    assert window.home_key() == "payments"
    qtbot.waitUntil(lambda: bool(ws.model.rows), timeout=3000)
    return window, ws


def _listed(ws: PaymentsWorkspace) -> list[int]:
    return [int(ws.model.data(ws.model.index(r, 0), ID_ROLE)) for r in range(ws.model.rowCount())]


def _pick(qtbot: QtBot, ws: PaymentsWorkspace, ro_id: int) -> None:
    row = _listed(ws).index(ro_id)
    person.click_at(qtbot, ws.table, ws.model.index(row, 2))
    assert ws.panel.view is not None and ws.panel.view.id == ro_id


def test_the_cashier_takes_a_split_payment_with_change_from_the_queue(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff
) -> None:
    newer, _ = _settled(staff, 5, name="王芳", phone="13900000001")
    oldest, total = _settled(staff, 80, name="李建国", phone="13900000002")
    middle, _ = _settled(staff, 30, name="陈静", phone="13900000003")
    _window, ws = _home(qtbot, make_ctx("cashier"))
    assert _listed(ws) == [oldest, middle, newer]  # the oldest settlement first
    _pick(qtbot, ws, middle)
    assert "1 h 20 min" in ws.model.data(ws.model.index(0, 3))
    _pick(qtbot, ws, oldest)
    panel = ws.panel
    assert panel.bill_values["balance"].text() == f"¥{total // 100:,}.{total % 100:02d}"
    # Cash ¥300 of it, the rest by card; the customer hands over ¥500.
    person.fill(qtbot, panel.rows[0].amount, "300")
    person.click(qtbot, panel.add_button)
    assert len(panel.rows) == 2
    card = panel.rows[1]
    assert card.method.currentData() == "card"
    assert (
        card.amount.text() == f"{(total - 30_000) // 100}.{(total - 30_000) % 100:02d}"
    )  # the rest, offered
    person.fill(qtbot, card.reference, "POS-6217-0042")
    person.fill(qtbot, panel.tendered, "500")
    assert panel.change.text() == "Change due: ¥200.00"  # shown as it is typed
    person.fill(qtbot, panel.tendered, "250")
    assert "¥50.00 short" in panel.change.text()
    person.fill(qtbot, panel.tendered, "500")
    closed: list[bool] = []
    when_shown(PrintPreviewDialog, lambda d: (closed.append(True), d.reject()), timeout_ms=20_000)
    person.click(qtbot, panel.take_button)
    qtbot.waitUntil(lambda: bool(closed), timeout=20_000)
    # Both tenders stored, the bill paid, the row gone, the change still on show.
    s = Settlement.get(Settlement.ro == oldest)
    stored = [
        (p.method, p.amount_cents, p.reference) for p in Payment.select().where(Payment.settlement == s.id)
    ]
    assert stored == [("cash", 30_000, ""), ("card", total - 30_000, "POS-6217-0042")]
    assert get_ro_view(oldest).settlement.balance_cents == 0  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: oldest not in _listed(ws), timeout=3000)
    assert _listed(ws) == [middle, newer]
    assert "Change due: ¥200.00" in panel.result.text() and panel.result.isVisible()
    assert panel.last_receipt is not None
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(panel.last_receipt)).pages)
    for words in ("Payment Receipt", "POS-6217-0042", "Change given", "¥200.00", "¥500.00"):
        assert words in text, words


def test_a_card_without_its_slip_number_is_refused_and_nothing_is_taken(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    ro_id, total = _settled(staff, 10, name="王芳", phone="13900000001")
    _window, ws = _home(qtbot, make_ctx("cashier"))
    _pick(qtbot, ws, ro_id)
    panel = ws.panel
    person.choose(qtbot, panel.rows[0].method, "Bank card")
    person.click(qtbot, panel.take_button)
    assert any("needs its reference" in text for _kind, text in shown), shown
    assert get_ro_view(ro_id).settlement.paid_cents == 0  # type: ignore[union-attr]
    assert panel.rows[0].amount.text() == f"{total // 100}.{total % 100:02d}"  # the input stays


def test_a_refund_with_its_reason_puts_the_bill_back_in_the_queue(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff
) -> None:
    ro_id, total = _settled(staff, 30, name="王芳", phone="13900000001")
    other, _ = _settled(staff, 20, name="陈静", phone="13900000003")
    _window, ws = _home(qtbot, make_ctx("cashier"))
    panel = ws.panel
    assert panel.view is not None and panel.view.id == ro_id  # the day starts on the oldest bill
    _pick(qtbot, ws, ro_id)
    person.choose(qtbot, panel.rows[0].method, "WeChat Pay")
    person.fill(qtbot, panel.rows[0].reference, "WX-4200017")
    when_shown(PrintPreviewDialog, lambda d: d.reject(), timeout_ms=20_000)
    person.click(qtbot, panel.take_button)
    qtbot.waitUntil(lambda: _listed(ws) == [other], timeout=20_000)
    assert panel.view.id == ro_id and "Paid in full" in panel.notice.text()  # still on show
    person.click_at(qtbot, panel.history, panel.history.model().index(0, 2))
    assert panel.refund_amount.text() == f"{total // 100}.{total % 100:02d}"  # what is left to refund
    person.fill(qtbot, panel.refund_amount, "20")
    person.fill(qtbot, panel.refund_reason, "Wiper blades not fitted")
    person.click(qtbot, panel.refund_button)
    qtbot.waitUntil(lambda: ro_id in _listed(ws), timeout=3000)
    refund = Payment.select().where(Payment.refund_of.is_null(False)).get()
    assert (refund.amount_cents, refund.reference) == (-2_000, "Wiper blades not fitted")
    assert ws.model.rows[_listed(ws).index(ro_id)].balance_cents == 2_000
    assert panel.view.settlement is not None and panel.view.settlement.balance_cents == 2_000


# Another till: takes part of a bill the cashier has on screen.
OTHER_TILL = textwrap.dedent(
    """
    import sys
    from advisor.services import settlement, system
    from advisor.services._base import Actor

    url, user_id, ro_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    system.open_database(url)
    cashier = Actor(user_id, "liu.fang", "刘芳", "cashier")
    settlement.pay_split(actor=cashier, ro_id=ro_id,
                         tenders=[{"method": "alipay", "amount_cents": 5000, "reference": "ALI-77"}])
    print("paid", flush=True)
    """
)


@pytest.fixture
def bridge(qapp: object) -> Iterator[LiveBridge]:
    b = LiveBridge()
    yield b
    b.stop()


def test_another_tills_payment_and_a_new_settlement_arrive_live_and_the_pick_stays(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], staff: factories.Staff, url: str, bridge: LiveBridge
) -> None:
    first, _ = _settled(staff, 40, name="王芳", phone="13900000001")
    picked, _total = _settled(staff, 20, name="陈静", phone="13900000003")
    ctx = make_ctx("cashier")
    _window, ws = _home(qtbot, ctx)
    _pick(qtbot, ws, picked)
    person.fill(qtbot, ws.panel.rows[0].amount, "100")  # the cashier is typing
    bridge.changed.connect(ctx.ops.changed)
    bridge.start(url, shared=url.startswith("postgresql"))
    assert bridge.wait_ready()
    if not url.startswith("postgresql"):
        qtbot.wait(700)  # the poller has read its first data_version
    other = subprocess.run(
        [sys.executable, "-c", OTHER_TILL, url, str(staff.cashier.user_id), str(picked)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert other.returncode == 0, other.stderr

    def paid_shown() -> bool:
        return ws.model.rows[_listed(ws).index(picked)].paid_cents == 5_000

    qtbot.waitUntil(paid_shown, timeout=5000)
    assert _listed(ws) == [first, picked]
    assert ws.table.currentIndex().row() == 1  # still picked
    assert ws.panel.bill_values["paid"].text() == "¥50.00"
    assert ws.panel.rows[0].amount.text() == "100"  # what the cashier typed stays
    # An advisor settles another RO (this process: another connection of the same database).
    newest, _ = _settled(staff, 0, name="赵敏", phone="13900000005")
    qtbot.waitUntil(lambda: newest in _listed(ws), timeout=5000)
    assert _listed(ws)[-1] == newest and ws.panel.view is not None and ws.panel.view.id == picked


@pytest.mark.parametrize("role", ["advisor", "technician", "foreman"])
def test_payments_is_only_on_the_rail_of_who_takes_payments(
    qtbot: QtBot, make_ctx: Callable[..., AppContext], role: str
) -> None:
    window = MainWindow(make_ctx(role))
    qtbot.addWidget(window)
    assert "payments" not in window.workspace_keys()
