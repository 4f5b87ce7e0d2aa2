"""Long text on the printed sheets: every text the services accept prints whole, on as
many pages as it needs, and CJK lines break by the rules of CJK typesetting (no line
starts with closing punctuation such as "，" or "。", none ends with an opening one)."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import random
import re
import subprocess

import pytest

from advisor.models import now
from advisor.services import (
    changes,
    customers,
    diagnosis,
    estimate,
    inspection,
    quality,
    reception,
    settlement,
    workshop,
)
from advisor.services.orders import get_ro_view
from advisor.services.quality import checklist
from advisor.services.views import ROView
from advisor.validation import MAX_NAME, MAX_TEXT
from reports import pdf_base, sheets, wrapping
from reports.pdf_base import FONT, font
from reports.wrapping import CANNOT_END, CANNOT_START
from tests import factories
from tests.unit.reports import evidence_rows
from tests.unit.reports.test_sheets import render, squash

# The limits the services put on what people type (advisor/services, advisor/validation).
WORDS_MAX = diagnosis.MAX_WORDS  # the customer's words
VALUABLES_MAX = 2000  # reception.check_in
DAMAGE_ZONE_MAX, DAMAGE_NOTE_MAX = 40, 200  # reception._damage
LINE_CODE_MAX, LINE_DESCRIPTION_MAX = 40, 500  # estimate.add_line
AUTH_NOTE_MAX = 2000  # estimate.authorise_estimate
CHANGE_REASON_MAX = 2000  # changes.request_change
DISCOUNT_REASON_MAX = 500  # settlement.settle
REFERENCE_MAX = 64  # settlement.pay
CERT_MAX = 40  # quality.record_qc
MAKE_MAX, MODEL_MAX = 40, 60  # customers.add_vehicle

_CJK = [
    "发动机故障灯亮",
    "加速无力",
    "冷车启动时怠速抖动（尤其是早上）",
    "客户说：“偶尔有‘咔咔’的异响”",
    "《保养手册》在手套箱里",
    "请检查左前轮、右后轮",
    "是否需要更换？",
    "不要洗车！",
    "备胎「原厂」",
    "【重要】贵重物品已交还",
    "行驶里程约12,000公里",
]
_PUNCT = "，。、；：？！）」》”"
_EN = ["engine light on", "rough idle when cold", "check the (front) brakes", "OK, thanks!", "VIN LFV2A21K"]
_EMOJI = ["🚗", "🔧", "𠀀"]  # not in the font: printed as [U+1F697] etc.


def mixed(n: int, seed: int, *, lines: bool = True) -> str:
    """``n`` characters of Chinese with its punctuation, English and emoji, as people type
    them (a line break now and then when ``lines``)."""
    rnd = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n:
        r = rnd.random()
        if r < 0.6:
            piece = rnd.choice(_CJK) + rnd.choice(_PUNCT)
        elif r < 0.85:
            piece = rnd.choice(_EN) + rnd.choice(" ,.")
        elif r < 0.95 or not lines:
            piece = rnd.choice(_EMOJI)
        else:
            piece = "\n"
        out.append(piece)
        size += len(piece)
    text = "".join(out)[:n]
    return text.strip() if not lines else text


def as_printed(value: str) -> str:
    """A value as the sheet prints it, white space removed: characters the font lacks as
    their code points."""
    for ch in _EMOJI:
        value = value.replace(ch, f"[U+{ord(ch):04X}]")
    return squash(value)


def body_text(pdf: bytes) -> str:
    """The text between each page's header and footer, page after page, whitespace
    removed (what a reader reads, without the repeated header and footer)."""
    top, bottom = pdf_base.HEADER_H, pdf_base.FOOTER_H
    height = pdf_base.PAGE_H - top - bottom
    args = [
        "pdftotext",
        "-raw",
        "-enc",
        "UTF-8",
        "-x",
        "0",
        "-y",
        str(int(top)),
        "-W",
        "600",
        "-H",
        str(int(height)),
    ]
    out = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return squash(out)


def reads_in_order(value: str, text: str) -> bool:
    """Whether ``value`` (white space removed) is in ``text`` in order, interrupted by
    no more than a few hundred characters in all: a long row split into parts prints
    the parts of its cells one after the other (the code's lines, then the
    description's, part after part), so a cell's text need not be in one piece. A lost
    line would need its characters found further on, and the matching would drift
    beyond the slack within a few characters."""
    v = as_printed(value)
    slack = 600
    anchor = v[:4]
    start = text.find(anchor)
    while start >= 0:
        at = start
        for ch in v:
            at = text.find(ch, at, start + len(v) + slack)
            if at < 0:
                break
            at += 1
        else:
            return True
        start = text.find(anchor, start + 1)
    return False


def printed_lines(pdf: bytes) -> list[str]:
    """Every printed line of text (pdftotext's lines, each cell's lines on their own)."""
    args = ["pdftotext", "-bbox-layout", "-enc", "UTF-8", "-", "-"]
    out = subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()
    lines = []
    for line in re.findall(r"<line[^>]*>(.*?)</line>", out, re.S):
        words = re.findall(r"<word[^>]*>(.*?)</word>", line, re.S)
        lines.append(html.unescape(" ".join(words)))
    return lines


def pages(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]


# --- line breaking ----------------------------------------------------------------------


@pytest.mark.parametrize("size", [7.5, 8, 9, 10])
def test_no_line_starts_with_closing_punctuation(size: float) -> None:
    font()
    text = mixed(3000, seed=int(size * 10))
    checked = 0
    for width in range(40, 400, 7):
        lines = wrapping.lines(text, FONT, size, width)
        for before, after in itertools.pairwise(lines):
            if after and before:
                assert after[0] not in CANNOT_START, (width, before, after)
                assert before[-1] not in CANNOT_END, (width, before, after)
                checked += 1
        assert squash("".join(lines)) == squash(text)  # nothing lost or added
        # …and no line is wider than the width: no punctuation hangs past a cell's rule
        assert all(font().stringWidth(x, size) <= width + 1e-6 for x in lines if len(x) > 1)
    assert checked > 1000


def test_a_full_line_followed_by_a_comma_carries_its_last_character_down() -> None:
    font()
    size = 10.0
    width = font().stringWidth("发动机故障灯亮", size)  # exactly seven characters
    lines = wrapping.lines("发动机故障灯亮，加速无力。", FONT, size, width)
    assert lines == ["发动机故障灯", "亮，加速无力。"]
    lines = wrapping.lines("请检查左前（右前）轮", FONT, size, font().stringWidth("请检查左前（", size))
    assert lines[0] == "请检查左前"  # the opening bracket goes down with what it opens


def test_an_english_word_wraps_whole_where_the_line_has_room_to_break() -> None:
    """reportlab's CJK breaking looks back only half a line for a space, and cuts an
    English word where it finds none; a word breaks after a space, hyphen or slash, and
    is cut only when it is longer than a whole line."""
    font()
    assert wrapping.lines("Qty / hours", FONT, 7.5, 34.7) == ["Qty /", "hours"]
    assert wrapping.lines("Warranty/maintenance booklet present", FONT, 8, 79) == [
        "Warranty/",
        "maintenance booklet",
        "present",
    ]
    assert wrapping.lines("更换前刹车片 replace brake pads", FONT, 8, 60) == [
        "更换前刹车片",
        "replace brake",
        "pads",
    ]
    vin = "LFV2A21K3B3000777"
    assert "".join(wrapping.lines(vin, FONT, 8, 40)) == vin  # longer than a line: cut


# --- every text the services accept ----------------------------------------------------


def _long_ro(staff: factories.Staff) -> int:
    """A handed-over RO with every free-text field the sheets print at its longest."""
    c = customers.create_customer(
        actor=staff.advisor, name=mixed(MAX_NAME, 1, lines=False), phone="13812345678"
    )
    v, _ = customers.add_vehicle(
        actor=staff.advisor,
        customer_id=c.id,
        vin=factories.valid_vin(777),
        plate="京A77777",
        make=mixed(MAKE_MAX, 2, lines=False),
        model=mixed(MODEL_MAX, 3, lines=False),
        year=2021,
        mileage_km=20_000,
    )
    ro_id = reception.open_repair_order(actor=staff.advisor, vehicle_id=v.id)
    factories.arrived_minutes_ago(ro_id)  # the need is confirmed within 5–10 minutes below
    damage = [
        {
            "zone": mixed(DAMAGE_ZONE_MAX, 10 + i, lines=False),
            "kind": "scratch",
            "note": mixed(DAMAGE_NOTE_MAX, 20 + i),
        }
        for i in range(3)
    ]
    reception.check_in(
        actor=staff.advisor,
        ro_id=ro_id,
        mileage_km=21_000,
        fuel_level=4,
        valuables=mixed(VALUABLES_MAX, 4),
        body_damage=damage,
        booklet_present=True,
        wash_requested=False,
    )
    concern = diagnosis.record_concern(
        actor=staff.advisor, ro_id=ro_id, customer_words=mixed(WORDS_MAX, 5), restatement=mixed(MAX_TEXT, 6)
    )
    found = evidence_rows.inspect(
        ro_id, actor=staff.advisor, recommendation=mixed(inspection.MAX_RECOMMENDATION, 19)
    )
    inspection.rate_item(
        actor=staff.advisor,
        result_id=found["discs_front"],
        rating="red",
        measurement="22.4",
        note=mixed(inspection.MAX_NOTE, 20),
    )
    ids = [
        estimate.add_line(
            actor=staff.advisor,
            ro_id=ro_id,
            kind=kind,
            code="45022-TBA-A01" if kind == "part" else mixed(LINE_CODE_MAX, 30 + i, lines=False),
            description=mixed(LINE_DESCRIPTION_MAX, 40 + i),
            quantity="1",
            unit_price_cents=18_000,
        )
        for i, kind in enumerate(("labour", "part", "labour"))
    ]
    estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=ro_id,
        decisions={i: "approved" for i in ids},
        customer_name=mixed(MAX_NAME, 7, lines=False),
        method="in_person",
        promised_at=now() + dt.timedelta(hours=4),
        note=mixed(AUTH_NOTE_MAX, 8),
        signature=factories.signature(),
    )
    diagnosis.record_finding(
        actor=staff.technician, concern_id=concern, finding=mixed(MAX_TEXT, 9), correction=mixed(MAX_TEXT, 11)
    )
    start = now()
    for line in get_ro_view(ro_id).approved_lines:
        if line.kind == "labour":
            a = workshop.assign(
                actor=staff.foreman,
                line_id=line.id,
                technician_id=staff.tech_ids[0],
                bay_id=None,
                planned_start=start,
                planned_end=start + dt.timedelta(hours=1),
            )
            workshop.clock_on(actor=staff.foreman, assignment_id=a.id)
            workshop.finish(actor=staff.foreman, assignment_id=a.id)
    factories.self_check(staff, ro_id)
    cr = changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="extra_work",
        reason=mixed(CHANGE_REASON_MAX, 12),
        lines=[
            {
                "kind": "part",
                "code": "45251-TBA-A01",
                "description": mixed(LINE_DESCRIPTION_MAX, 13),
                "quantity": 1,
            }
        ],
    )
    changes.record_consent(
        actor=staff.advisor,
        change_id=cr,
        consented=True,
        consent_by=mixed(MAX_NAME, 14, lines=False),
        method="phone",
        phone="13812345678",
    )
    quality.record_qc(
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, True) for i in checklist(ro_id)],
        nothing_left=True,
        no_new_damage=True,
        completion_cert_no=mixed(CERT_MAX, 15, lines=False),
    )
    settlement.settle(
        actor=staff.manager, ro_id=ro_id, discount_cents=100, discount_reason=mixed(DISCOUNT_REASON_MAX, 16)
    )
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
    settlement.pay(
        actor=staff.cashier,
        ro_id=ro_id,
        method="card",
        amount_cents=total,
        reference=mixed(REFERENCE_MAX, 17, lines=False),
    )
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by=mixed(MAX_NAME, 18, lines=False),
        result_shown=True,
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )
    return ro_id


def _texts(view: ROView, kind: str) -> dict[str, str]:
    """The free texts the sheet ``kind`` prints, by what they are."""
    concern = view.current_concerns[0]
    texts = {"customer words": concern.customer_words} if kind != "health" else {}
    if kind not in ("checkin", "health"):
        texts["restatement"] = concern.restatement
        texts["finding"] = concern.finding
    if kind != "jobcard":
        texts["customer name"] = view.customer.name
    texts["model"] = f"{view.vehicle.make} {view.vehicle.model}"
    if kind == "checkin":
        texts["valuables"] = view.valuables
        for i, d in enumerate(view.body_damage):
            texts[f"damage zone {i}"] = d["zone"]
            texts[f"damage note {i}"] = d["note"]
    if kind == "estimate":
        for x in view.lines:
            texts[f"line code {x.id}"] = x.code
        texts["authorisation note"] = view.authorisations[0].note
        texts["authorised by"] = view.authorisations[0].customer_name
    if kind in ("estimate", "settlement"):
        for x in view.lines:
            texts[f"line description {x.id}"] = x.description
    if kind == "health":
        found = view.inspection
        assert found is not None
        texts["recommendation"] = found.recommendation
        texts["item note"] = next(r.note for r in found.results if r.item_key == "discs_front")
    if kind == "jobcard":
        for x in view.approved_lines:
            texts[f"job {x.id}"] = x.description
    if kind == "settlement":
        s = view.settlement
        assert s is not None
        texts["discount reason"] = s.discount_reason
        texts["payment reference"] = s.payments[0].reference
        texts["change reason"] = view.change_requests[0].reason
        texts["consent by"] = view.change_requests[0].consent_by
        texts["certificate"] = view.completion_cert_no
    return texts


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_sheet_prints_every_text_the_services_accept(staff: factories.Staff, lang: str) -> None:
    view = evidence_rows.view_of(_long_ro(staff))
    for kind in sheets.KINDS:
        kw = {"valid_days": 7} if kind == "estimate" else {}
        pdf = render(kind, view, lang, **kw)  # no LayoutError
        text = body_text(pdf)
        texts = _texts(view, kind)
        for what, value in texts.items():
            assert value.strip(), what
            assert reads_in_order(value, text), (kind, lang, what)
        # …and the check sees a lost piece of a line (30 characters of the longest text)
        longest = as_printed(max(texts.values(), key=len))
        cut = longest[len(longest) // 2 : len(longest) // 2 + 30]
        assert not reads_in_order(longest, text.replace(cut, "", 1))
        lines = printed_lines(pdf)
        starts = [x for x in lines if x and x[0] in CANNOT_START]
        assert not starts, (kind, lang, starts[:5])
        assert pages(pdf) >= (2 if kind in ("checkin", "health") else 3)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_long_authorisation_starts_under_its_heading(staff: factories.Staff, lang: str) -> None:
    """A 2,000-character authorisation note splits across pages from where its heading
    stands, instead of leaving the heading alone above a blank rest of the page."""
    ro_id, ids = factories.estimated(staff)
    estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=ro_id,
        decisions={i: "approved" for i in ids},
        customer_name="张伟",
        method="in_person",
        promised_at=now() + dt.timedelta(hours=4),
        note=mixed(AUTH_NOTE_MAX, 8),
        signature=factories.signature(),
    )
    pdf = render("estimate", get_ro_view(ro_id), lang, valid_days=7)
    heading, first_label = {
        "zh_CN": ("客户授权", "授权人"),
        "en": ("Customer's authorisation", "Authorised by"),
    }[lang]
    args = ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"]  # in the order drawn
    text = subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()
    page = next(p for p in text.split("\f") if heading in p)
    assert first_label in page.split(heading, 1)[1]


def test_long_customer_words_split_across_pages(staff: factories.Staff) -> None:
    words = "发动机故障灯亮，加速无力。" * 400  # several pages of the customer's own words
    ro_id, _ = factories.authorised(staff, words=words)
    pdf = render("estimate", get_ro_view(ro_id), valid_days=7)
    assert pages(pdf) >= 3
    assert squash(words) in body_text(pdf)  # page after page, between header and footer
