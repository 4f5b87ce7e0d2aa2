"""Issue 12, what the walk found on the step pages: the change request's new promise,
small texts (wash banner, RO header, numbered headings) and long free text.

Windows at 1366×768, clicked and typed into as a person does (``tests.ui.person``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from advisor.models import ChangeRequest, RepairOrder, now
from advisor.services import changes, settlement
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from ui import i18n
from ui.change_request_dialog import ChangeRequestDialog, suggested_promise
from ui.context import AppContext
from ui.desk_fmt import from_qdatetime
from ui.ro.consent_dialog import ConsentDialog
from ui.ro.header import ROHeader
from ui.ro.pages.base import StepPage
from ui.ro.pages.qc import QCPage
from ui.ro.pages.repair import RepairPage
from ui.ro.pages.settlement import SettlementPage
from ui.ro.pages.wash import WashPage
from ui.ro.timeline_report import TimelineReport
from ui.workspaces.repair_order import RepairOrderWorkspace

W, H = 1366, 768


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    """The whole UI (Qt translators and the domain's messages) in ``lang`` for a while."""
    i18n.set_language(lang)
    try:
        yield
    finally:
        i18n.set_language("en")


def _promise_with_seconds(ro_id: int, hours: int = 5) -> dt.datetime:
    """A promise a few hours ahead, stored with seconds (shown without them)."""
    promised = (now() + dt.timedelta(hours=hours)).replace(second=30, microsecond=0)
    RepairOrder.update(promised_at=promised).where(RepairOrder.id == ro_id).execute()
    return promised


def _repair_page(ctx: AppContext, qtbot: QtBot, ro_id: int) -> RepairPage:
    page = RepairPage(ctx)
    qtbot.addWidget(page)
    page.set_view(get_ro_view(ro_id))
    page.resize(W, H)
    page.show()
    qtbot.waitExposed(page)
    return page


def _open_change(qtbot: QtBot, page: RepairPage) -> ChangeRequestDialog:
    person.click(qtbot, page.raise_btn)
    (dialog,) = page.findChildren(ChangeRequestDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _ok(dialog: ChangeRequestDialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


# -- 1. the new promised time: later than the current one, offered as promise + extra hours --


def test_the_new_promise_is_offered_as_the_current_one_plus_the_extra_hours(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, shown: list[tuple[str, str]]
) -> None:
    ro_id, _lines = factories.authorised(staff)
    promised = _promise_with_seconds(ro_id)
    page = _repair_page(make_ctx("advisor"), qtbot, ro_id)
    dialog = _open_change(qtbot, page)
    person.fill(qtbot, dialog.reason, "Front disc scored / 前刹车盘有划痕")
    person.click(qtbot, dialog.add_labour_btn)
    table = dialog.table
    _edit_cell(qtbot, table, 0, 2, "Replace front brake disc")
    _edit_cell(qtbot, table, 0, 3, "1.5")
    person.click(qtbot, dialog.new_time)
    assert dialog.when.isEnabled()
    offered = from_qdatetime(dialog.when.dateTime())
    # 19:00:30 reads 19:00; + 1.5 h is 20:30, later than the promise as people read it.
    assert offered == promised.replace(second=0) + dt.timedelta(minutes=90)
    assert offered > promised
    with qtbot.waitSignal(page.ctx.ops.changed):
        person.click(qtbot, _ok(dialog))
    assert shown == [] and dialog.change_id is not None
    assert consent_by_phone(staff, dialog.change_id) == "approved"
    assert get_ro_view(ro_id).promised_at == offered > promised


def test_a_delay_is_offered_an_hour_after_the_promise(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, shown: list[tuple[str, str]]
) -> None:
    ro_id, _lines = factories.authorised(staff)
    promised = _promise_with_seconds(ro_id)
    page = _repair_page(make_ctx("advisor"), qtbot, ro_id)
    dialog = _open_change(qtbot, page)
    person.click(qtbot, dialog.delay)
    assert dialog.new_time.isChecked()
    assert from_qdatetime(dialog.when.dateTime()) == promised.replace(second=0) + dt.timedelta(hours=1)
    person.fill(qtbot, dialog.reason, "Waiting for the disc / 等配件")
    with qtbot.waitSignal(page.ctx.ops.changed):
        person.click(qtbot, _ok(dialog))
    assert shown == []
    assert consent_by_phone(staff, dialog.change_id) == "approved"
    assert get_ro_view(ro_id).promised_at > promised


def test_an_earlier_promise_typed_in_the_dialog_is_refused_in_both_languages(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, shown: list[tuple[str, str]]
) -> None:
    ro_id, _lines = factories.authorised(staff)
    promised = _promise_with_seconds(ro_id)
    for lang, words in (("en", "later than the current promise"), ("zh_CN", "晚于当前承诺时间")):
        with language(lang):
            page = _repair_page(make_ctx("advisor", lang), qtbot, ro_id)
            dialog = _open_change(qtbot, page)
            person.click(qtbot, dialog.delay)
            person.fill(qtbot, dialog.reason, "late")
            one_minute_earlier = promised.replace(second=0) - dt.timedelta(minutes=1)
            person.fill(qtbot, dialog.when, one_minute_earlier.strftime("%Y-%m-%d %H:%M"))
            assert from_qdatetime(dialog.when.dateTime()) == one_minute_earlier
            person.click(qtbot, _ok(dialog))
            assert shown and shown[-1][0] == "error" and words in shown[-1][1], shown
            assert dialog.isVisible() and dialog.change_id is None  # the input stays on screen
            dialog.reject()
    assert get_ro_view(ro_id).change_requests == ()


def consent_by_phone(staff: factories.Staff, change_id: int | None) -> str:
    assert change_id is not None
    return changes.record_consent(
        actor=staff.advisor,
        change_id=change_id,
        consented=True,
        consent_by="张伟",
        method="phone",
        phone="13812345678",
    )


def _edit_cell(qtbot: QtBot, table: QTableWidget, row: int, col: int, text: str) -> None:
    """Double-click a cell, type over it and press Enter, as a person edits a table."""
    person.click_at(qtbot, table, table.model().index(row, col), double=True)
    person.key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    person.type_text(qtbot, text)
    person.key(qtbot, Qt.Key.Key_Return)


def test_an_overdue_promise_is_offered_from_now() -> None:
    at = dt.datetime(2026, 12, 4, 19, 20, 10)
    overdue = dt.datetime(2026, 12, 4, 19, 0, 30)
    assert suggested_promise(overdue, Decimal("0"), at=at) == dt.datetime(2026, 12, 4, 20, 21)
    assert suggested_promise(None, Decimal("2.25"), at=at) == dt.datetime(2026, 12, 4, 21, 36)
    ahead = dt.datetime(2026, 12, 4, 21, 0, 30)
    assert suggested_promise(ahead, Decimal("0.5"), at=at) == dt.datetime(2026, 12, 4, 22, 0)


def test_the_consent_dialog_offers_only_the_refusal_for_an_earlier_promise(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, shown: list[tuple[str, str]]
) -> None:
    """A request stored before the rule (18:59 against 19:00): consent is refused by the
    services, so the dialog says so and offers the refusal; its reason shows as typed."""
    ro_id, _lines = factories.authorised(staff)
    promised = _promise_with_seconds(ro_id)
    cr = changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason="<b>disc</b> late",
        new_promised_at=promised + dt.timedelta(hours=1),
    )
    ChangeRequest.update(new_promised_at=promised.replace(second=0) - dt.timedelta(minutes=1)).where(
        ChangeRequest.id == cr
    ).execute()
    page = _repair_page(make_ctx("advisor"), qtbot, ro_id)
    (change,) = get_ro_view(ro_id).change_requests
    dialog = ConsentDialog(page.ctx, change, customer_name="张伟", phone="13812345678", parent=page)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.refused.isChecked() and not dialog.consented.isEnabled()
    assert "not later than the current one" in dialog.summary.text()
    assert "&lt;b&gt;disc&lt;/b&gt; late" in dialog.summary.text()
    person.choose(qtbot, dialog.reason, "No time now")
    person.click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert shown == [] and dialog.status == "refused"
    assert get_ro_view(ro_id).promised_at == promised


# -- 2. small texts ------------------------------------------------------------------------


def _page(qtbot: QtBot, ctx: AppContext, page_cls: type[StepPage], ro_id: int) -> StepPage:
    page = page_cls(ctx)
    qtbot.addWidget(page)
    page.resize(W, H)
    page.show()
    qtbot.waitExposed(page)
    page.set_view(get_ro_view(ro_id))
    ctx.ops.changed.connect(lambda _topic: page.set_view(get_ro_view(ro_id)))
    return page


@pytest.mark.parametrize(
    ("lang", "no_time", "told"),
    [("en", "tell the customer the wash time", "25 min"), ("zh_CN", "请告知客户清洗时长", "25 分钟")],
)
def test_the_wash_banner_never_lacks_its_number(
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    qtbot: QtBot,
    shown: list[tuple[str, str]],
    lang: str,
    no_time: str,
    told: str,
) -> None:
    """Wash asked for at check-in (no time told yet): the banner says to tell the time, not
    "已告知客户 分钟"; once told, the minutes are there."""
    ro_id, _lines = factories.qc_passed(staff, wash=True)
    with language(lang):
        page = _page(qtbot, make_ctx("advisor", lang), WashPage, ro_id)
        banner = page.findChild(QLabel, "wash_status")
        assert banner is not None and banner.isVisible()
        assert no_time in banner.text(), banner.text()
        assert not re.search(r"(told|告知客户) +(min|分钟)", banner.text()), banner.text()
        person.fill(qtbot, page.findChild(QSpinBox, "wash_eta"), "25")
        person.click(qtbot, page.findChild(QPushButton, "wash_save"))
        assert shown == []
        assert told in banner.text(), banner.text()


@pytest.mark.parametrize(("lang", "head"), [("en", "Repair order RO"), ("zh_CN", "工单 RO")])
def test_the_header_names_the_repair_order_once(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, lang: str, head: str
) -> None:
    ro_id = factories.open_checked_in(staff)
    with language(lang):
        header = ROHeader()
        qtbot.addWidget(header)
        header.set_view(get_ro_view(ro_id))
        text = header.number.text()
        assert text == f"{head}{get_ro_view(ro_id).number[2:]}"
        assert "RO RO" not in text
        report = TimelineReport(staff.advisor, lang)
        qtbot.addWidget(report)
        report.set_view(get_ro_view(ro_id))
        heads = [x.text() for x in report.findChildren(QLabel) if get_ro_view(ro_id).number in x.text()]
        assert heads and all("RO RO" not in x for x in heads), heads


def numbered_headings(page: QWidget) -> list[str]:
    """The visible headings that start with a number ("1. …"), top to bottom."""
    found: list[tuple[int, str]] = []
    for w in page.findChildren(QWidget):
        text = w.title() if isinstance(w, QGroupBox) else w.text() if isinstance(w, QLabel) else ""
        if re.match(r"\d+\. ", text) and w.isVisibleTo(page):
            found.append((w.mapTo(page, w.rect().topLeft()).y(), text))
    return [text for _y, text in sorted(found)]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("role", ["advisor", "cashier", "foreman", "manager"])
def test_settlement_headings_are_numbered_by_what_is_shown(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, role: str, lang: str
) -> None:
    ro_id, _lines = factories.qc_passed(staff)
    with language(lang):
        page = _page(qtbot, make_ctx(role, lang), SettlementPage, ro_id)
        for stage in ("before settlement", "settled"):
            heads = numbered_headings(page)
            numbers = [int(h.split(".")[0]) for h in heads]
            assert numbers == list(range(1, len(numbers) + 1)), (stage, heads)
            amount = page.findChild(QGroupBox, "settle_totals")
            assert amount is not None and amount.isVisibleTo(page)
            if stage == "before settlement":
                settlement.settle(actor=staff.advisor, ro_id=ro_id)
                page.set_view(get_ro_view(ro_id))
        assert len(numbered_headings(page)) == 2  # explain first, then the amount


# -- 3. long free text -----------------------------------------------------------------------

LONG = ("刹车的时候有“吱吱”的响声，尤其是早上冷车的时候特别明显，开了十几分钟以后会好一些。" * 60)[
    :1999
] + "完"


def _workspace(qtbot: QtBot, ctx: AppContext, ro_id: int, step: int) -> RepairOrderWorkspace:
    ws = RepairOrderWorkspace(ctx)
    qtbot.addWidget(ws)
    ws.resize(W, H)
    ws.show()
    qtbot.waitExposed(ws)
    ws.show_ro(ro_id)
    ws.show_step(step)
    qtbot.wait(100)  # the layouts settle (word-wrapped heights take a second pass)
    return ws


def _inputs_inside(page: QWidget) -> None:
    """Every visible input of ``page`` lies inside its window, and nothing needs sideways scrolling."""
    window = page.window()
    for w in page.findChildren(QWidget):
        if (
            not isinstance(w, QLineEdit | QComboBox | QCheckBox | QPushButton | QTableWidget)
            or not w.isVisible()
        ):
            continue
        top_left = w.mapTo(window, w.rect().topLeft())
        assert top_left.x() >= 0 and top_left.x() + w.width() <= window.width(), (
            f"{type(w).__name__}({w.objectName()}) spans x {top_left.x()}..{top_left.x() + w.width()}, "
            f"the window is {window.width()} wide"
        )
    for scroll in page.findChildren(QScrollArea):
        if scroll.isVisible():
            assert scroll.horizontalScrollBar().maximum() == 0, f"{scroll.objectName()} scrolls sideways"


def _gap(label: QLabel) -> int:
    """How much taller the label is than its wrapped text (a blank band when large)."""
    assert label.wordWrap()
    rect = label.contentsRect()
    flags = int(Qt.TextFlag.TextWordWrap)
    need = (
        label.fontMetrics().boundingRect(QRect(0, 0, rect.width(), 1_000_000), flags, label.text()).height()
    )
    return rect.height() - need


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_long_complaint_wraps_on_the_qc_checklist(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, lang: str
) -> None:
    ro_id, _lines = factories.worked(staff, words=LONG)
    with language(lang):
        ws = _workspace(qtbot, make_ctx("foreman", lang), ro_id, 9)
        page = ws.pages[9]
        assert isinstance(page, QCPage)
        _inputs_inside(page)
        concern = page.boxes[0]
        assert concern.text().endswith("完”")  # the whole item is the box's text
        assert concern.width() < W
        lines = concern.lines()
        assert 2 <= len(lines) <= concern.max_lines and lines[-1].endswith("…"), lines
        assert "完" in concern.toolTip()  # the rest is in the tooltip
        assert concern.height() >= len(lines) * concern.fontMetrics().lineSpacing()
        # A click on the wrapped text ticks it, as on any check box.
        person.click(qtbot, concern, pos=QPoint(concern.width() // 2, concern.height() - 6))
        assert concern.isChecked()
        person.fill(qtbot, page.findChild(QLineEdit, "qc_notes"), "ok")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("where", ["quote", "concern_words"])  # beside the RO; on the diagnosis card
def test_the_customers_words_are_as_tall_as_their_text(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot, lang: str, where: str
) -> None:
    """The customer's words, 2,000 characters: no blank band around them."""
    ro_id = factories.open_checked_in(staff, words=LONG)
    (concern,) = get_ro_view(ro_id).concerns
    with language(lang):
        ws = _workspace(qtbot, make_ctx("advisor", lang), ro_id, 4)
        for name in (f"{where}_{concern.id}",):
            label = ws.findChild(QLabel, name)
            assert label is not None and label.isVisible(), name
            assert label.text() == f"“{LONG}”"
            line = label.fontMetrics().lineSpacing()
            assert abs(_gap(label)) < line, f"{name}: {_gap(label)} px between the label and its text"
            assert label.alignment() & Qt.AlignmentFlag.AlignTop
        _inputs_inside(ws.pages[4])


def test_a_long_change_reason_ends_in_an_ellipsis_with_the_whole_in_the_tooltip(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot
) -> None:
    ro_id, _lines = factories.authorised(staff)
    promised = get_ro_view(ro_id).promised_at
    assert promised is not None
    changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="delay",
        reason=LONG,
        new_promised_at=promised + dt.timedelta(hours=1),
    )
    ws = _workspace(qtbot, make_ctx("advisor"), ro_id, 8)
    table = ws.pages[8].changes
    _inputs_inside(ws.pages[8])
    assert table.horizontalScrollBar().maximum() == 0  # the columns fit the table
    reason = table.item(0, 1)
    assert reason.text() == LONG and "完" in reason.toolTip()
    assert not table.wordWrap() and table.textElideMode() == Qt.TextElideMode.ElideRight


def test_a_long_discount_reason_stays_inside_the_window(
    make_ctx: Callable[..., AppContext], staff: factories.Staff, qtbot: QtBot
) -> None:
    paid, _lines = factories.qc_passed(staff)
    settlement.settle(actor=staff.advisor, ro_id=paid, discount_cents=1000, discount_reason=LONG[:500])
    ws = _workspace(qtbot, make_ctx("advisor"), paid, 11)
    page = ws.pages[11]
    number = page.findChild(QLabel, "settle_number")
    assert number is not None and number.isVisible()
    _inputs_inside(page)
    assert number.wordWrap() and len(number.text()) < 300 and number.toolTip()
