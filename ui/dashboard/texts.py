"""The words of the Reports tiles: titles, values, changes and detail lines.

Translated in the context of ``DashboardWorkspace`` (where they were first written), so
the Chinese of ``resources/translations/dashboard_zh_CN.ts`` applies unchanged.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from advisor.services.dashboard import KPIs, Ratio
from ui import fmt
from ui.dashboard.data import BAD, GOOD, NEUTRAL, RATIOS


def tile_titles() -> dict[str, tuple[str, str]]:
    """Title and tooltip (what is counted) of each tile."""
    return {
        "opened": (
            QCoreApplication.translate("DashboardWorkspace", "ROs opened"),
            QCoreApplication.translate("DashboardWorkspace", "Repair orders that arrived in the period."),
        ),
        "closed": (
            QCoreApplication.translate("DashboardWorkspace", "ROs closed (settled)"),
            QCoreApplication.translate(
                "DashboardWorkspace",
                "Repair orders settled in the period (the settlement in force): the ROs whose "
                "totals make the revenue.",
            ),
        ),
        "revenue": (
            QCoreApplication.translate("DashboardWorkspace", "Revenue (incl. tax)"),
            QCoreApplication.translate(
                "DashboardWorkspace",
                "Totals of the ROs closed in the period, after discount, with tax: what the "
                "customers were invoiced. Net (before tax) and tax below.",
            ),
        ),
        "hours_sold": (
            QCoreApplication.translate("DashboardWorkspace", "Hours sold"),
            QCoreApplication.translate(
                "DashboardWorkspace", "Approved labour hours on the ROs settled in the period."
            ),
        ),
        "average": (
            QCoreApplication.translate("DashboardWorkspace", "Average RO value"),
            QCoreApplication.translate("DashboardWorkspace", "Revenue (incl. tax) ÷ ROs closed."),
        ),
        "appointment_share": (
            QCoreApplication.translate("DashboardWorkspace", "Appointment share"),
            QCoreApplication.translate("DashboardWorkspace", "ROs opened from an appointment."),
        ),
        "no_show": (
            QCoreApplication.translate("DashboardWorkspace", "No-show rate"),
            QCoreApplication.translate(
                "DashboardWorkspace",
                "Appointments due in the period that were no-shows, out of "
                "those that arrived or were no-shows.",
            ),
        ),
        "reconfirmed": (
            QCoreApplication.translate("DashboardWorkspace", "Reconfirmation done"),
            QCoreApplication.translate(
                "DashboardWorkspace", "Appointments whose reconfirmation call got an answer."
            ),
        ),
        "on_time": (
            QCoreApplication.translate("DashboardWorkspace", "On-time completion"),
            QCoreApplication.translate(
                "DashboardWorkspace", "ROs handed over no later than the promised time."
            ),
        ),
        "qc_first_pass": (
            QCoreApplication.translate("DashboardWorkspace", "QC first-pass"),
            QCoreApplication.translate(
                "DashboardWorkspace", "ROs that passed QC without a failed check before."
            ),
        ),
        "internal_rework": (
            QCoreApplication.translate("DashboardWorkspace", "Internal rework"),
            QCoreApplication.translate("DashboardWorkspace", "ROs that failed QC before they passed."),
        ),
        "comeback": (
            QCoreApplication.translate("DashboardWorkspace", "Comeback rate"),
            QCoreApplication.translate("DashboardWorkspace", "ROs handed over that came back as a comeback."),
        ),
        "follow_up_48h": (
            QCoreApplication.translate("DashboardWorkspace", "Follow-up within 48 h"),
            QCoreApplication.translate(
                "DashboardWorkspace", "Follow-up calls done no later than 48 h after handover."
            ),
        ),
        "satisfaction": (
            QCoreApplication.translate("DashboardWorkspace", "Average satisfaction"),
            QCoreApplication.translate(
                "DashboardWorkspace",
                "Mean of the five scores (1–5) of the follow-up calls; lists the ROs with a follow-up call.",
            ),
        ),
        "declined": (
            QCoreApplication.translate("DashboardWorkspace", "Declined work value"),
            QCoreApplication.translate(
                "DashboardWorkspace", "Value of the estimate lines customers declined."
            ),
        ),
        "parts_wait": (
            QCoreApplication.translate("DashboardWorkspace", "Parts waiting time"),
            QCoreApplication.translate(
                "DashboardWorkspace", "Average time from ordering a part to its arrival."
            ),
        ),
        "fill_rate": (
            QCoreApplication.translate("DashboardWorkspace", "Parts fill rate"),
            QCoreApplication.translate("DashboardWorkspace", "Approved part lines served from stock."),
        ),
        "utilisation": (
            QCoreApplication.translate("DashboardWorkspace", "Technician utilisation"),
            QCoreApplication.translate(
                "DashboardWorkspace", "Clocked time ÷ available time (not defined per advisor)."
            ),
        ),
        "efficiency": (
            QCoreApplication.translate("DashboardWorkspace", "Technician efficiency"),
            QCoreApplication.translate("DashboardWorkspace", "Sold time ÷ clocked time."),
        ),
        "misses": (
            QCoreApplication.translate("DashboardWorkspace", "Time-standard misses"),
            QCoreApplication.translate(
                "DashboardWorkspace",
                "Greeting, need confirmation, follow-up and promised "
                "time missed (request answers: see the chart).",
            ),
        ),
    }


def format_value(kind: str, value: int | Decimal | None) -> str:
    if value is None:
        return "—"
    loc = QLocale()
    if kind == "money":
        return fmt.money(int(value))
    if kind == "rate":
        return loc.toString(float(value) * 100, "f", 1) + loc.percent()
    if kind == "hours":
        return QCoreApplication.translate("DashboardWorkspace", "%1 h").replace(
            "%1", loc.toString(float(value), "f", 1)
        )
    if kind == "score":
        return loc.toString(float(value), "f", 2) + " / 5"
    return fmt.number(int(value))


def change_text(
    kind: str, better: int, now: int | Decimal | None, before: int | Decimal | None
) -> tuple[str, str]:
    """The change against the previous period as text (arrow and sign) and colour."""
    if now is None or before is None:
        return QCoreApplication.translate("DashboardWorkspace", "– no comparison"), NEUTRAL
    diff = Decimal(now) - Decimal(before)
    if diff == 0:
        return "= " + QCoreApplication.translate("DashboardWorkspace", "no change"), NEUTRAL
    sign = "+" if diff > 0 else "−"
    arrow = "▲" if diff > 0 else "▼"
    loc = QLocale()
    size = abs(diff)
    if kind == "rate":
        amount = QCoreApplication.translate("DashboardWorkspace", "%1 pts").replace(
            "%1", loc.toString(float(size) * 100, "f", 1)
        )
    elif kind == "money":
        amount = fmt.money(int(size))
    elif kind in ("hours", "score"):
        amount = loc.toString(float(size), "f", 2 if kind == "score" else 1)
    else:
        amount = fmt.number(int(size))
    text = f"{arrow} {sign}{amount}"
    if kind in ("count", "money", "hours") and before:
        pct = float(diff) / float(before) * 100
        text += f" ({'+' if pct > 0 else '−'}{loc.toString(abs(pct), 'f', 1)}{loc.percent()})"
    return text, (GOOD if diff * better > 0 else BAD)


def detail(key: str, k: KPIs) -> str:
    if key in RATIOS:
        r: Ratio = getattr(k, key)
        if key in ("utilisation", "efficiency"):
            return (
                QCoreApplication.translate("DashboardWorkspace", "%1 of %2 h")
                .replace("%1", QLocale().toString(float(r.hits) / 60, "f", 1))
                .replace("%2", QLocale().toString(float(r.base) / 60, "f", 1))
            )
        return (
            QCoreApplication.translate("DashboardWorkspace", "%1 of %2")
            .replace("%1", fmt.number(int(r.hits)))
            .replace("%2", fmt.number(int(r.base)))
        )
    if key == "revenue":
        return (
            QCoreApplication.translate("DashboardWorkspace", "Net %1 · Tax %2")
            .replace("%1", fmt.money(k.revenue.net_cents))
            .replace("%2", fmt.money(k.revenue.tax_cents))
        )
    if key in ("hours_sold", "average"):
        return QCoreApplication.translate("DashboardWorkspace", "%1 ROs closed").replace(
            "%1", fmt.number(k.closed)
        )
    if key == "satisfaction":
        return QCoreApplication.translate("DashboardWorkspace", "%1 calls answered").replace(
            "%1", fmt.number(k.satisfaction.responses)
        )
    if key == "declined":
        return QCoreApplication.translate("DashboardWorkspace", "%1 lines declined").replace(
            "%1", fmt.number(k.declined_lines)
        )
    if key == "parts_wait":
        return QCoreApplication.translate("DashboardWorkspace", "%1 part orders").replace(
            "%1", fmt.number(k.parts_wait.orders)
        )
    if key == "misses":
        measured = sum((m.ratio.base for m in k.misses), 0)
        return QCoreApplication.translate("DashboardWorkspace", "of %1 measured").replace(
            "%1", fmt.number(int(measured))
        )
    return ""
