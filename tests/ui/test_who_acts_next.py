"""Who acts next: every step page, for every role, offers only the buttons that role may
use (each button is marked with the permission its service checks), and a page the role
cannot act on says who does — "Waiting for the service advisor to settle."."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QScrollBar,
    QTabBar,
    QToolButton,
)

from advisor import auth
from advisor.models import now
from advisor.services import changes, reception, settlement
from advisor.services.orders import get_ro_view
from tests import factories
from tests.ui import person
from tests.ui.shell_support import workstation  # noqa: F401  (a private QSettings per test)
from ui import i18n
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.operations import Operations
from ui.ro.pages import page_class
from ui.ro.pages.base import StepPage, needs

ROLES = ("advisor", "foreman", "technician", "parts_clerk", "cashier", "manager", "admin", "customer_service")
# Parts of another widget (a tab bar's arrows, a spin box's steps): not buttons of the page.
_INTERNAL = (QTabBar, QAbstractSpinBox, QComboBox, QScrollBar, QCalendarWidget)


def _stages(staff: factories.Staff) -> list[tuple[str, int, tuple[int, ...]]]:
    """ROs in states where each step page shows its buttons: (what, RO id, steps to open)."""
    _c, vehicle = factories.make_customer_vehicle(staff)
    arrived = reception.open_repair_order(actor=staff.advisor, vehicle_id=vehicle)
    changed, _ = factories.worked(staff)
    changes.request_change(
        actor=staff.foreman,
        ro_id=changed,
        kind="extra_work",
        reason="Rear pads worn too",
        new_promised_at=now() + dt.timedelta(hours=8),
        lines=[{"kind": "labour", "description": "Replace rear brake pads", "quantity": "1.0"}],
    )
    unsettled, _ = factories.qc_passed(staff)
    settled, _ = factories.qc_passed(staff)
    settlement.settle(actor=staff.advisor, ro_id=settled)
    explained, _ = factories.qc_passed(staff)
    settlement.settle(actor=staff.advisor, ro_id=explained)
    settlement.explain_items(actor=staff.advisor, ro_id=explained)
    return [
        ("arrived, not greeted", arrived, (1, 2, 3, 4, 5)),
        ("checked in", factories.open_checked_in(staff), (3, 4, 5)),
        ("estimated", factories.estimated(staff)[0], (5, 6, 7, 8)),
        ("authorised", factories.authorised(staff)[0], (5, 6, 7, 8)),
        ("a change waits for consent", changed, (8, 9)),
        ("worked", factories.worked(staff)[0], (8, 9)),
        ("wash requested", factories.qc_passed(staff, wash=True)[0], (9, 10, 11)),
        ("QC passed, not settled", unsettled, (10, 11, 12)),
        ("settled", settled, (11, 12)),
        ("explained, not paid", explained, (11, 12)),
        ("paid", factories.settled_paid(staff)[0], (11, 12)),
        ("handed over", factories.handed_over(staff)[0], (12, 13)),
    ]


def offered_wrongly(page: StepPage, role: str) -> list[str]:
    """Each button of the page that carries no mark, or that the role sees, can press and
    may not use."""
    found = []
    for button in page.findChildren(QAbstractButton):
        if not isinstance(button, QPushButton | QToolButton) or isinstance(button.parentWidget(), _INTERNAL):
            continue
        name = button.objectName() or button.text() or type(button).__name__
        marked = needs(button)
        offered = button.isVisible() and button.isEnabled()
        if marked is None:
            found.append(
                f"{name!r} carries no mark of what it needs" + (" and is offered" if offered else "")
            )
        elif offered and marked and not any(auth.may(role, action) for action in marked):
            found.append(f"{name!r} is offered but needs {' or '.join(marked)}")
    return found


def test_no_step_page_offers_a_button_the_role_may_not_use(
    qtbot, staff, make_ctx: Callable[..., AppContext]
) -> None:  # type: ignore[no-untyped-def]
    stages = _stages(staff)
    found: list[str] = []
    pages = 0
    walkers = [r for r in ROLES if auth.may(r, "ro.view")]  # customer service never opens an RO
    assert set(ROLES) - set(walkers) == {"customer_service"}
    for role in walkers:
        ctx = make_ctx(role)
        for what, ro_id, steps in stages:
            view = get_ro_view(ro_id)
            for step in steps:
                page = page_class(step)(ctx)
                qtbot.addWidget(page)
                page.resize(1366, 700)
                page.show()
                page.set_view(view)
                page.retranslate()  # a language switch sets the view again
                found += [f"{role}, step {step} ({what}): {x}" for x in offered_wrongly(page, role)]
                pages += 1
                page.close()
                page.deleteLater()
    assert pages == len(walkers) * sum(len(s[2]) for s in stages)
    assert not found, "\n".join(found)


def _window(qtbot, staff: factories.Staff, role: str, lang: str) -> MainWindow:  # type: ignore[no-untyped-def]
    i18n.set_language(lang)
    actor = staff.by_role(role)
    window = MainWindow(AppContext(actor=actor, ops=Operations(actor), db_label="test.db", lang=lang))
    person.show_window(qtbot, window)
    return window


def _open_step(qtbot, window: MainWindow, ro_id: int, step: int) -> StepPage:  # type: ignore[no-untyped-def]
    """Open the RO, then its step by the step bar, as a person does."""
    window.open_ro(ro_id)
    ws = window.open_workspace("repair_order")
    person.click(qtbot, ws.findChild(QToolButton, f"step_{step}"))  # type: ignore[union-attr]
    page: StepPage = ws.pages[step]  # type: ignore[union-attr]
    qtbot.waitUntil(page.isVisible)
    return page


def _banner(page: StepPage) -> str:
    label = page.findChild(QLabel, "who_acts_next")
    assert label is not None
    return label.text() if label.isVisible() else ""


SETTLE = {"en": "Waiting for the service advisor to settle.", "zh_CN": "等待服务顾问结算。"}
DISPATCH = {"en": "Waiting for the workshop foreman to dispatch the work.", "zh_CN": "等待车间主管派工。"}


@pytest.mark.usefixtures("workstation")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_cashier_is_told_the_advisor_settles_and_is_offered_no_handover(qtbot, staff, lang: str) -> None:  # type: ignore[no-untyped-def]
    ro_id, _ = factories.qc_passed(staff)
    window = _window(qtbot, staff, "cashier", lang)
    page = _open_step(qtbot, window, ro_id, 11)
    assert SETTLE[lang] in _banner(page)
    assert not person.reachable(page.findChild(QLabel, "who_acts_next"))  # in view, not covered
    handover = _open_step(qtbot, window, ro_id, 12)
    button = handover.findChild(QPushButton, "handover_button")
    assert button is not None and not (button.isVisible() and button.isEnabled())
    shown = handover.findChild(QCheckBox, "handover_result_shown")  # the form reads, greyed
    assert shown is not None and shown.isVisible() and not shown.isEnabled()
    assert SETTLE[lang] in _banner(handover)
    tip = handover.form.toolTip()  # type: ignore[attr-defined]
    assert tip == auth.refusal("cashier", "handover")[0 if lang == "en" else 1]


@pytest.mark.usefixtures("workstation")
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_advisor_sees_that_the_foreman_dispatches(qtbot, staff, lang: str) -> None:  # type: ignore[no-untyped-def]
    ro_id, _ = factories.authorised(staff)
    window = _window(qtbot, staff, "advisor", lang)
    page = _open_step(qtbot, window, ro_id, 7)
    assert DISPATCH[lang] in _banner(page)
    assign = page.findChild(QPushButton, "assign_job")
    assert assign is not None and not assign.isVisible()
    step_7 = window.findChild(QToolButton, "step_7")
    assert step_7 is not None and DISPATCH[lang] in step_7.toolTip()  # the step bar says it too


@pytest.mark.usefixtures("workstation")
def test_the_banner_goes_when_it_is_the_roles_turn(qtbot, staff) -> None:  # type: ignore[no-untyped-def]
    """The cashier: no "waiting" once the amount is theirs to take; the foreman: none on
    the step they dispatch."""
    ro_id, _ = factories.qc_passed(staff)
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    window = _window(qtbot, staff, "cashier", "en")
    page = _open_step(qtbot, window, ro_id, 11)
    assert _banner(page) == ""
    assert page.findChild(QPushButton, "pay_button").isVisible()  # type: ignore[union-attr]
    # A later step than theirs says what it waits for, even when that is their own turn.
    handover = _open_step(qtbot, window, ro_id, 12)
    assert _banner(handover) == "ℹ Waiting for the cashier to take payment."
    authorised, _ = factories.authorised(staff)
    foreman = _window(qtbot, staff, "foreman", "en")
    page = _open_step(qtbot, foreman, authorised, 7)
    assert _banner(page) == ""


@pytest.mark.usefixtures("workstation")
def test_a_language_switch_rewords_the_banner_and_the_refusals(qtbot, staff) -> None:  # type: ignore[no-untyped-def]
    ro_id, _ = factories.qc_passed(staff)
    window = _window(qtbot, staff, "cashier", "en")
    handover = _open_step(qtbot, window, ro_id, 12)
    assert SETTLE["en"] in _banner(handover)
    assert handover.form.toolTip().startswith("A cashier may not hand the car over.")  # type: ignore[attr-defined]
    window.language_actions["zh_CN"].trigger()  # the Language menu's 中文
    qtbot.waitUntil(lambda: SETTLE["zh_CN"] in _banner(handover))
    assert handover.form.toolTip() == auth.refusal("cashier", "handover")[1]  # type: ignore[attr-defined]


@pytest.mark.usefixtures("workstation")
def test_no_key_or_double_click_opens_what_the_button_does_not_offer(qtbot, staff, shown) -> None:  # type: ignore[no-untyped-def]
    """The advisor's double-click on a job of step 7 opens no dispatch dialog; the
    technician's Delete on an estimate line asks nothing (the withdraw button is not theirs)."""
    from ui.assign_dialog import AssignDialog

    ro_id, _ = factories.authorised(staff)
    window = _window(qtbot, staff, "advisor", "en")
    page = _open_step(qtbot, window, ro_id, 7)
    person.click_at(qtbot, page.jobs, page.jobs.model().index(0, 0), double=True)  # type: ignore[attr-defined]
    qtbot.wait(50)
    assert not [d for d in page.findChildren(AssignDialog) if d.isVisible()]
    estimated, _ = factories.estimated(staff)
    technician = _window(qtbot, staff, "technician", "en")
    estimate = _open_step(qtbot, technician, estimated, 5)
    person.click_at(qtbot, estimate.table, estimate.model.index(0, 0))  # type: ignore[attr-defined]
    person.key(qtbot, Qt.Key.Key_Delete)
    qtbot.wait(50)
    assert shown == []
    assert len([x for x in get_ro_view(estimated).lines if x.status == "proposed"]) == 3
