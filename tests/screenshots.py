"""Screenshots of every screen, in both languages, to look at before a change lands.

    .venv/bin/python -m tests.screenshots OUTDIR [--lang zh_CN|en|both] [--size 1366x768]
    xvfb-run -a -s '-screen 0 1920x1080x24' .venv/bin/python -m tests.screenshots OUTDIR

Builds a temporary SQLite database (demo data when ``advisor.demo`` exists, plus ROs at
every stage from ``tests.factories``), logs in as the service manager, shows the main
window at ``--size`` (default 1366×768, the smallest screen a counter has) and saves ``{lang}-{key}.png`` for each workspace (a workspace the
manager may not open is taken as the first role that may), ``{lang}-ro-step-NN.png``
for the 13 step pages, ``{lang}-search.png``, ``{lang}-login.png`` and
``{lang}-first-run.png``, ``{lang}-lock.png`` (the lock screen), and ``{lang}-home-{role}.png``: each role's window as it opens
(its home workspace), and ``{lang}-lounge.png`` (the lounge screen). Nothing here depends on the Qt platform plugin.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    # Offscreen on a 1920×1080 screen (Qt's default offscreen screen is 800×800).
    _screen = Path(__file__).resolve().with_name("offscreen.json")
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_screen}")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from advisor import auth
from advisor.services import appointments, reception, settlement, system, users, workshop
from advisor.services._base import Actor
from tests import factories

ROLES = ("manager", "admin", "foreman", "advisor", "parts_clerk", "cashier", "technician", "customer_service")


def settle(ms: int = 120) -> None:
    """Let queued refreshes and layouts run (no sleeping: the event loop keeps going)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def build_data(demo: bool = True) -> tuple[factories.Staff, dict[int, int]]:
    """Staff, ROs at every stage (step → RO id), Today's lanes, then demo data if any
    (and if ``demo``)."""
    staff = factories.make_staff()
    now = dt.datetime.now().replace(microsecond=0)
    stage: dict[int, int] = {}
    first = factories.open_checked_in(staff)
    for step in (1, 2, 4):
        stage[step] = first
    stage[5] = factories.estimated(staff)[0]
    authorised = factories.authorised(staff)[0]
    for step in (6, 7, 8):
        stage[step] = authorised
    stage[9] = factories.worked(staff)[0]
    qc = factories.qc_passed(staff, wash=True)[0]
    stage[10] = stage[11] = qc
    stage[12] = factories.settled_paid(staff)[0]
    stage[13] = factories.handed_over(staff)[0]
    for seconds, name in ((40, "陈晓明"), (150, "Olivia Chen"), (260, "欧阳娜娜")):
        _c, vid = factories.make_customer_vehicle(staff, name=name)
        waiting = reception.open_repair_order(
            actor=staff.advisor, vehicle_id=vid, arrived_at=now - dt.timedelta(seconds=seconds)
        )
        stage.setdefault(3, waiting)  # reception: a customer not greeted yet
    start = now.replace(hour=8, minute=0, second=0)
    for n, name in enumerate(("赵丽颖", "Michael Brown", "黄晓明")):
        cid, vid = factories.make_customer_vehicle(staff, name=name)
        appt = appointments.book_appointment(
            actor=staff.advisor,
            customer_id=cid,
            vehicle_id=vid,
            starts_at=start + dt.timedelta(hours=2 * n),
            requested_at=start - dt.timedelta(days=2),
            requested_work="5,000 km service",
            override=True,
        )
        if n == 0:
            appointments.reconfirm(actor=staff.advisor, appointment_id=appt.id, outcome="confirmed")
    # The technician's own jobs (My jobs): one in hand, one waiting, beside the one finished.
    for hours in (0, 2):
        _ro, lines = factories.authorised(staff)
        job = workshop.assign(
            actor=staff.foreman,
            line_id=lines[0],
            technician_id=staff.tech_ids[0],
            bay_id=None,
            planned_start=now + dt.timedelta(hours=hours),
            planned_end=now + dt.timedelta(hours=hours + 1),
        )
        if hours == 0:
            workshop.clock_on(actor=staff.technician, assignment_id=job.id)
    # The cashier's queue (Payments): a bill part paid by WeChat, waiting for the rest.
    part_paid = factories.qc_passed(staff)[0]
    settlement.settle(actor=staff.advisor, ro_id=part_paid)
    settlement.explain_items(actor=staff.advisor, ro_id=part_paid)
    settlement.pay(
        actor=staff.cashier, ro_id=part_paid, method="wechat", amount_cents=20_000, reference="WX-1"
    )
    # A complaint being handled (issue 17): the Complaints workspace shows all its parts.
    from advisor.services import complaints

    upset, _car = factories.make_customer_vehicle(staff, name="孙丽", phone="13900007777")
    raised = complaints.raise_complaint(
        actor=staff.advisor,
        customer_id=upset,
        words="等了一下午",
        cause="waiting",
        level="serious",
        source="counter",
    )
    complaints.propose_compensation(
        actor=staff.advisor, complaint_id=raised.id, kind="voucher", amount_cents=20_000
    )
    if not demo:
        return staff, stage
    try:
        from advisor import demo as demo_data
    except ModuleNotFoundError:
        print("screenshots: advisor.demo not found: factory data only")
    else:
        print(demo_data.generate(orders=400, seed=7))
    return staff, stage


def actor_of(role: str, staff: factories.Staff) -> Actor:
    return staff.by_role(role)


def grab(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print("screenshots:", path)


def shoot(
    out: Path,
    lang: str,
    staff: factories.Staff,
    stage: dict[int, int],
    db_label: str,
    size: tuple[int, int] = (1366, 768),
) -> None:
    from ui import i18n
    from ui.context import AppContext
    from ui.first_run import FirstRunDialog
    from ui.login import LoginDialog
    from ui.main_window import MainWindow
    from ui.operations import Operations
    from ui.workspaces import available

    i18n.set_language(lang)

    def window_for(role: str) -> MainWindow:
        actor = actor_of(role, staff)
        ctx = AppContext(actor=actor, ops=Operations(actor), db_label=db_label, lang=lang)
        window = MainWindow(ctx)
        window.resize(*size)
        window.show()
        return window

    manager = window_for("manager")
    shown: set[str] = set()
    for key in manager.workspace_keys():
        ws = manager.open_workspace(key)
        if key == "customers" and ws is not None:
            from advisor.services.orders import get_ro_view

            ws.show_customer(get_ro_view(stage[13]).customer.id)  # type: ignore[attr-defined]
        grab(manager, out / f"{lang}-{key}.png")
        shown.add(key)
    for cls in available():
        if cls.key in shown:
            continue
        role = next((r for r in ROLES if cls.permission is None or auth.may(r, cls.permission)), None)
        if role is None:
            continue
        other = window_for(role)
        other.open_workspace(cls.key)
        grab(other, out / f"{lang}-{cls.key}.png")
        other.close()

    for role in ROLES:  # each role's window as their day starts: their home workspace
        home = window_for(role)
        grab(home, out / f"{lang}-home-{role}.png")
        home.close()

    ro_ws = manager.open_workspace("repair_order")
    show_step: Callable[[int], None] | None = getattr(ro_ws, "show_step", None)
    if ro_ws is not None and hasattr(ro_ws, "show_ro"):
        for step in range(1, 14):
            manager.open_ro(stage[step])
            settle()
            if show_step is not None:
                show_step(step)
            grab(manager, out / f"{lang}-ro-step-{step:02d}.png")

    manager.open_workspace("today")
    manager.search.edit.setText("京A1")
    manager.search.run_search()
    grab(manager, out / f"{lang}-search.png")
    manager.search.close_popup()
    lounge = manager.open_lounge()  # the lounge's TV: the demo's waiting customers
    lounge.resize(*size)
    grab(lounge, out / f"{lang}-lounge.png")
    manager.close()

    from ui.lock_screen import LockScreen

    lock = LockScreen()  # Ctrl+L: the names of who may take the PC, the PIN
    lock.open(signed_in=[staff.advisor.username])
    lock.resize(*size)
    lock.show()
    grab(lock, out / f"{lang}-lock.png")
    lock.close()
    lock.deleteLater()

    login = LoginDialog(dealer_name="")
    login.show()
    grab(login, out / f"{lang}-login.png")
    login.close()
    first = FirstRunDialog()
    first.show()
    grab(first, out / f"{lang}-first-run.png")
    first.close()


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1366x768") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"{text!r} is not a screen size")
    return width, height


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.screenshots")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", choices=("zh_CN", "en", "both"), default="both")
    parser.add_argument("--size", type=_size, default=(1366, 768), help="window size, e.g. 1920x1080")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    auth.SCRYPT_N = 2**10  # a throw-away database: no need for slow password hashes

    with tempfile.TemporaryDirectory(prefix="advisor-shots-") as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        from ui import app as app_module
        from ui import i18n

        app_module.make_application()
        app_module.install_fonts(app)  # type: ignore[arg-type]
        i18n.build()
        label = system.open_database(f"sqlite:///{Path(tmp) / 'shots.db'}")
        assert not users.has_users()
        staff, stage = build_data()
        langs = ("en", "zh_CN") if args.lang == "both" else (args.lang,)
        for lang in langs:
            shoot(args.outdir, lang, staff, stage, label, args.size)
        system.close_thread_connection()
    return 0


if __name__ == "__main__":
    sys.exit(main())
