"""The printed sheets of a repair order, as PDF bytes: estimate, settlement, job card,
check-in sheet and vehicle health report, in Chinese or English.

``reports`` never imports Qt: it takes the services' dataclasses and returns bytes, which
the GUI previews and prints and the CLI writes to a file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.platypus import Flowable

from advisor.errors import ValidationError
from advisor.i18n import normalise
from advisor.models import now
from advisor.services.views import DealerView, ROView, SplitPayment
from reports import estimate_sheet, health_sheet, receipt_sheet, settlement_sheet, workshop_sheets
from reports.evidence import PhotoLike
from reports.pdf_base import Sheet
from reports.pdf_page import build

KINDS = ("estimate", "settlement", "jobcard", "checkin", "health")

# The receipt is the cashier's, of a payment rather than of the RO: printable like the
# sheets (``main.py print receipt``), kept out of ``KINDS`` (the RO's own sheets).
RECEIPT = "receipt"
PRINTABLE = (*KINDS, RECEIPT)


def render(
    kind: str,
    view: ROView,
    *,
    lang: str = "zh_CN",
    dealer: DealerView | None = None,
    printed_at: dt.datetime | None = None,
    valid_days: int | None = None,
    received: SplitPayment | None = None,
    photos: Sequence[PhotoLike] = (),
) -> bytes:
    """The sheet ``kind`` of the RO ``view`` as a PDF (A4, one embedded font).

    ``dealer`` defaults to the dealership's profile, ``valid_days`` (of an estimate) to
    the setting ``estimate_valid_days``, ``printed_at`` to now. Raises ``GateError``
    when the sheet does not apply yet (a settlement sheet before settlement, an estimate
    without lines, a job card without work, a check-in sheet before the walk-around, a
    health report without an inspection, a receipt before any payment). ``photos``: the
    RO's photos (``PhotoFullView``s) the check-in sheet and the health report print
    (others ignore them). ``received``: the payment a receipt is for (what
    ``settlement.pay_split`` returned); without it a receipt lists every payment.
    """
    if kind not in PRINTABLE:
        raise ValidationError(
            f"Unknown sheet {kind!r}; use one of: {', '.join(PRINTABLE)}.",
            f"未知的单据 {kind!r}；可用：{'、'.join(PRINTABLE)}。",
        )
    if dealer is None:
        from advisor.services.settings import dealer as dealer_profile

        dealer = dealer_profile()
    sheet = Sheet(
        kind=kind, lang=normalise(lang), ro_number=view.number, dealer=dealer, printed_at=printed_at or now()
    )
    try:
        return build(sheet, _story(sheet, kind, view, dealer, valid_days, received, photos))
    finally:
        sheet.cleanup()  # the photos' files, drawn from while the PDF was made


def _story(
    sheet: Sheet,
    kind: str,
    view: ROView,
    dealer: DealerView,
    valid_days: int | None,
    received: SplitPayment | None,
    photos: Sequence[PhotoLike],
) -> list[Flowable]:
    if kind == "estimate":
        estimate_sheet.check(view)
        if valid_days is None:
            from advisor.services.settings import get_setting

            valid_days = int(get_setting("estimate_valid_days"))
        story = estimate_sheet.build_story(sheet, view, tax_rate=dealer.tax_rate, valid_days=valid_days)
    elif kind == "settlement":
        story = settlement_sheet.build_story(sheet, view, tax_rate=dealer.tax_rate)
    elif kind == RECEIPT:
        story = receipt_sheet.build_story(sheet, view, received)
    elif kind == "jobcard":
        story = workshop_sheets.jobcard_story(sheet, view)
    elif kind == "health":
        story = health_sheet.build_story(sheet, view, photos)
    else:
        story = workshop_sheets.checkin_story(sheet, view, photos)
    return story


def file_name(kind: str, view: ROView) -> str:
    """A suggested file name for the sheet: ``RO20261122-0001-settlement.pdf``."""
    return f"{view.number}-{kind}.pdf"
