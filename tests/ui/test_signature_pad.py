"""The customer signs on screen (issue 18, item 5), drawn with the mouse as a person does:
at the estimate's authorisation (in person), at the consent to a change (in person) and
at the handover acceptance. The Signature row then holds the strokes and a PNG, and the
act's audit row its sha256; an empty pad is refused with a message and nothing is saved;
"Customer cannot sign — reason" records why instead."""

from __future__ import annotations

import json
import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDialogButtonBox, QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from advisor import signatures
from advisor.models import AuditLog, RepairOrder, Signature
from advisor.services import changes
from advisor.services.orders import get_ro_view
from tests import factories
from tests.snapshot import db_snapshot
from tests.ui import person
from tests.ui.closing_helpers import choose_data, click, errors, find, goto, host, tick, workspace_of
from tests.ui.consent_screen import open_consent
from tests.ui.modal import when_shown
from tests.ui.shell_support import workstation  # noqa: F401
from tests.ui.signing import sign
from ui.context import AppContext
from ui.ro.authorise_dialog import AuthoriseDialog
from ui.ro.pages.handover import HandoverPage
from ui.ro.pages.repair import RepairPage
from ui.signature_pad import SignaturePad
from ui.workspaces.repair_order import RepairOrderWorkspace

NOT_SIGNED = "The customer is present: have them sign, or say why they cannot sign."


def audit_new(action: str) -> dict[str, object]:
    row = AuditLog.select().where(AuditLog.action == action).order_by(AuditLog.id.desc()).get()
    return dict(json.loads(row.new_json))


def assert_stored(row: Signature, drawn_strokes: int) -> None:
    strokes = json.loads(row.strokes)
    assert len(strokes) == drawn_strokes and all(len(s) >= 5 for s in strokes)
    assert all(0 <= x <= row.width and 0 <= y <= row.height for s in strokes for x, y, _t in s)
    png = bytes(row.png)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    sig = signatures.from_json(row.strokes, row.width, row.height)
    assert row.sha256 == signatures.digest(sig, png)


# -- the handover acceptance --------------------------------------------------------------


def test_the_customer_signs_the_handover_with_the_mouse(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, lines = factories.settled_paid(staff)
    page = host(qtbot, ctx, HandoverPage, ro_id)
    choose_data(qtbot, find(page, QComboBox, f"handover_old_part_{lines[1]}"), "scrapped")
    tick(qtbot, find(page, QCheckBox, "handover_result_shown"))
    pad = find(page, SignaturePad, "handover_signature_pad")

    # An empty pad: the message, and nothing saved.
    before = db_snapshot()
    click(qtbot, page, "handover_button")
    assert errors(shown) == [NOT_SIGNED]
    assert db_snapshot() == before

    sign(qtbot, pad)
    click(qtbot, page, "handover_button")
    assert errors(shown) == [NOT_SIGNED]  # no new message: accepted
    row = Signature.get((Signature.ro == ro_id) & (Signature.act == "handover"))
    assert row.signer == get_ro_view(ro_id).customer.name
    assert_stored(row, 3)
    assert audit_new("hand_over")["signature"] == row.sha256
    assert RepairOrder.get_by_id(ro_id).handed_over_at is not None
    # Shown afterwards (the workspace moved on to the follow-up): the signature as given.
    ws = workspace_of(page)
    qtbot.waitUntil(lambda: ws.current_step == 13)
    goto(qtbot, ws, 12)
    image = find(page, QLabel, "handover_signature_image")
    assert image.isVisible() and not person.reachable(image)
    assert image.pixmap().width() > 100
    assert find(page, QLabel, "handover_signed").text().startswith("Acceptance signed by")


def test_clear_wipes_the_pad_and_a_reason_replaces_the_signature(qtbot, ctx, staff, shown) -> None:  # type: ignore[no-untyped-def]
    ro_id, lines = factories.settled_paid(staff)
    page = host(qtbot, ctx, HandoverPage, ro_id)
    choose_data(qtbot, find(page, QComboBox, f"handover_old_part_{lines[1]}"), "scrapped")
    tick(qtbot, find(page, QCheckBox, "handover_result_shown"))
    pad = find(page, SignaturePad, "handover_signature_pad")
    sign(qtbot, pad)
    click(qtbot, page, "handover_signature_clear")
    assert pad.is_empty() and pad.signature() is None
    tick(qtbot, find(page, QCheckBox, "handover_cannot_sign"))
    assert not pad.isEnabled()
    person.fill(qtbot, page.signature.reason, "Collected by the driver")
    click(qtbot, page, "handover_button")
    assert errors(shown) == []
    view = get_ro_view(ro_id)
    assert view.handed_over_at is not None
    assert view.handover_no_signature_reason == "Collected by the driver"
    assert not Signature.select().where(Signature.act == "handover").exists()
    assert audit_new("hand_over")["no_signature_reason"] == "Collected by the driver"
    ws = workspace_of(page)
    qtbot.waitUntil(lambda: ws.current_step == 13)
    goto(qtbot, ws, 12)
    assert find(page, QLabel, "handover_signed").isVisible()
    assert not find(page, QLabel, "handover_signature_image").isVisible()
    assert find(page, QLabel, "handover_signed").text() == "Not signed: Collected by the driver"


# -- the estimate's authorisation ---------------------------------------------------------


def _estimate_page(qtbot: QtBot, ctx: AppContext, ro_id: int):  # type: ignore[no-untyped-def]
    ws = RepairOrderWorkspace(ctx)
    person.show_window(qtbot, ws)
    ws.show_ro(ro_id)
    assert ws.current_step == 5
    return ws.pages[5]


def test_the_customer_signs_the_authorisation_with_the_mouse(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    ro_id, lines = factories.estimated(staff)
    page = _estimate_page(qtbot, ctx, ro_id)
    seen: list[object] = []

    def decide(dialog: AuthoriseDialog) -> None:
        person.choose(qtbot, dialog.decisions[lines[-1]], "✗ Decline")
        person.choose(qtbot, dialog.reason_boxes[lines[-1]], "No time now")
        assert dialog.method.currentData() == "in_person" and dialog.signature.isVisible()
        before = db_snapshot()
        person.click(qtbot, dialog.ok_button)  # nothing drawn: refused, still open
        seen.append((dialog.isVisible(), db_snapshot() == before))
        sign(qtbot, dialog.signature.pad)
        person.click(qtbot, dialog.ok_button)
        if dialog.isVisible():
            dialog.reject()

    when_shown(AuthoriseDialog, decide)
    person.click(qtbot, page.authorise_button)
    assert seen == [(True, True)]
    assert shown == [("error", NOT_SIGNED)]
    view = get_ro_view(ro_id)
    auth = view.authorisations[0]
    row = Signature.get((Signature.ro == ro_id) & (Signature.act == "authorisation"))
    assert row.act_id == auth.id and row.signer == auth.customer_name
    assert_stored(row, 3)
    assert audit_new("authorise_estimate")["signature"] == row.sha256
    # Shown afterwards on the estimate: the signature as given.
    ws = workspace_of(page)
    qtbot.waitUntil(lambda: ws.view is not None and ws.view.authorised_at is not None)
    goto(qtbot, ws, 5)
    assert page.signed_image.isVisible() and not person.reachable(page.signed_image)
    assert "Signed by the customer." in page.banner.text()


def test_a_phone_authorisation_hides_the_pad(
    qtbot: QtBot, ctx: AppContext, staff: factories.Staff, shown: list[tuple[str, str]]
) -> None:
    ro_id, lines = factories.estimated(staff)
    page = _estimate_page(qtbot, ctx, ro_id)

    def decide(dialog: AuthoriseDialog) -> None:
        person.choose(qtbot, dialog.decisions[lines[-1]], "✗ Decline")
        person.choose(qtbot, dialog.reason_boxes[lines[-1]], "No time now")
        person.choose(qtbot, dialog.method, "By phone")
        assert not dialog.signature.isVisible()
        person.click(qtbot, dialog.ok_button)
        if dialog.isVisible():
            dialog.reject()

    when_shown(AuthoriseDialog, decide)
    person.click(qtbot, page.authorise_button)
    assert shown == []
    assert get_ro_view(ro_id).authorisations[0].method == "phone"
    assert not Signature.select().exists()


# -- the consent to a change --------------------------------------------------------------


def test_an_in_person_consent_is_signed_on_the_pad(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
    shown: list[tuple[str, str]],
) -> None:
    ro_id, change_id, page, dialog = open_consent(qtbot, make_ctx, staff)
    assert not dialog.signature.isVisible()  # by phone (the default): no signature
    person.choose(qtbot, dialog.method, "In person, with signature")
    assert dialog.signature.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    person.click(qtbot, ok)
    assert shown == [("error", NOT_SIGNED)] and dialog.isVisible()
    sign(qtbot, dialog.signature.pad)
    person.click(qtbot, ok)
    row = Signature.get((Signature.ro == ro_id) & (Signature.act == "consent"))
    assert row.act_id == change_id
    assert_stored(row, 3)
    assert audit_new("record_consent")["signature"] == row.sha256
    qtbot.waitUntil(lambda: "signed" in page.changes.item(0, 5).text())


# -- a pen and a finger ---------------------------------------------------------------------


def _pad(qtbot: QtBot) -> SignaturePad:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(600, 160)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def _path(pad: SignaturePad) -> list[QPoint]:
    w, h = pad.width(), pad.height()
    return [
        QPoint(round(w * (0.1 + 0.7 * i / 29)), round(h * (0.5 + 0.3 * math.sin(i / 2.0)))) for i in range(30)
    ]


def test_a_pen_signs_through_tablet_events(qtbot: QtBot) -> None:
    pad = _pad(qtbot)
    pen = QPointingDevice(
        "test pen",
        1,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        3,
    )
    points = _path(pad)
    kinds = (
        [QEvent.Type.TabletPress] + [QEvent.Type.TabletMove] * (len(points) - 2) + [QEvent.Type.TabletRelease]
    )
    for kind, p in zip(kinds, points, strict=True):
        local = QPointF(p)
        event = QTabletEvent(
            kind,
            pen,
            local,
            QPointF(pad.mapToGlobal(p)),
            0.0 if kind == QEvent.Type.TabletRelease else 0.6,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.MouseButton.LeftButton,
        )
        QApplication.sendEvent(pad, event)
        assert event.isAccepted()  # no mouse events synthesised from the pen
    sig = pad.signature()
    assert sig is not None and len(sig.strokes) == 1 and len(sig.strokes[0]) == len(points)
    signatures.check(sig)


def test_a_finger_signs_through_touch_events(qtbot: QtBot) -> None:
    pad = _pad(qtbot)
    screen = QTest.createTouchDevice()
    window = pad.windowHandle()
    points = _path(pad)
    QTest.touchEvent(window, screen).press(0, points[0], window)
    for p in points[1:]:
        QTest.touchEvent(window, screen).move(0, p, window)
    QTest.touchEvent(window, screen).release(0, points[-1], window)
    QApplication.processEvents()
    sig = pad.signature()
    assert sig is not None and len(sig.strokes) == 1 and len(sig.strokes[0]) >= 20
    signatures.check(sig)
    person.click(qtbot, pad)  # a mouse click: a lone dot, a second stroke
    assert len(pad.signature().strokes) == 2  # type: ignore[union-attr]
    pad.clear()
    assert pad.signature() is None


def test_the_repair_page_shows_the_selected_changes_signature(
    qtbot: QtBot,
    make_ctx: Callable[..., AppContext],
    staff: factories.Staff,
) -> None:
    """The change list said only "signed": selecting a change consented in person shows
    the customer's signature as drawn (who and when, the sha256 in the tooltip); one
    consented with a recorded reason shows the reason; one by phone shows neither."""
    ro_id, _lines = factories.authorised(staff)
    ids = []
    for reason, how in (
        ("Rear pads worn", {"method": "in_person", "signature": factories.signature(7)}),
        ("Wiper blades torn", {"method": "phone", "phone": "13800000000"}),
        ("Cabin filter clogged", {"method": "in_person", "no_signature_reason": "Hand in plaster"}),
    ):
        cid = changes.request_change(
            actor=staff.foreman,
            ro_id=ro_id,
            kind="extra_work",
            reason=reason,
            lines=[{"kind": "labour", "description": reason, "quantity": "0.5"}],
        )
        changes.record_consent(actor=staff.advisor, change_id=cid, consented=True, consent_by="Li Wei", **how)
        ids.append(cid)
    row = Signature.get((Signature.ro == ro_id) & (Signature.act == "consent"))
    page = RepairPage(make_ctx("advisor"))
    person.show_window(qtbot, page)
    page.set_view(get_ro_view(ro_id))
    label, image = find(page, QLabel, "change_signed"), find(page, QLabel, "change_signature_image")
    rows = [c.id for c in page.changes_]

    person.click_at(qtbot, page.changes, page.changes.model().index(rows.index(ids[0]), 1))
    assert image.isVisible() and not image.pixmap().isNull()
    assert image.toolTip() == f"SHA-256 {row.sha256}"
    assert image.pixmap().width() <= 240
    assert label.isVisible() and label.text().startswith("Consent signed by Li Wei")
    (scroll,) = [a for a in page.findChildren(QScrollArea) if a.isAncestorOf(image)]
    scroll.ensureWidgetVisible(image)  # as a person scrolls down to it
    assert person.reachable(image) == ""  # seen at 1366 × 768, not under anything

    person.click_at(qtbot, page.changes, page.changes.model().index(rows.index(ids[1]), 1))
    assert not image.isVisible() and not label.isVisible()

    person.click_at(qtbot, page.changes, page.changes.model().index(rows.index(ids[2]), 1))
    assert not image.isVisible()
    assert label.isVisible() and label.text() == "Consent not signed: Hand in plaster"
