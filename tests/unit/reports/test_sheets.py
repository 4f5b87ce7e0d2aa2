"""The printed sheets, read back as a customer would read them (pdftotext, pdffonts)."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from advisor import validation
from advisor.errors import GateError
from advisor.models import now
from advisor.services import changes, estimate, quality, reception, settings, settlement
from advisor.services.orders import get_ro_view
from advisor.services.quality import checklist
from advisor.services.views import DealerView, ROView
from reports import formatting as fmt
from reports import sheets
from tests import factories
from tests.unit.reports import evidence_rows

DEALER = DealerView(
    name="星辉汽车服务有限公司",
    address="北京市朝阳区酒仙桥路 88 号",
    phone="010-88886666",
    tax_no="91110105MA01ABCD2X",
    labour_rate_cents=18_000,
    tax_rate=Decimal("0.13"),
)
PRINTED = dt.datetime(2026, 11, 22, 9, 30)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
LONG_PART = "Rear brake disc, left, ventilated, with anti-rattle clips and mounting hardware (special order)"


def render(kind: str, view: ROView, lang: str = "zh_CN", **kw: object) -> bytes:
    return sheets.render(kind, view, lang=lang, dealer=DEALER, printed_at=PRINTED, **kw)  # type: ignore[arg-type]


def text_of(pdf: bytes, *, layout: bool = True) -> str:
    """What pdftotext reads from the PDF, pages separated by form feeds.

    ``layout`` keeps each table row on one line (a wrapped cell's further lines are
    interleaved with its neighbours); without it each cell's text stays together.
    """
    args = ["pdftotext", *(["-layout"] if layout else []), "-enc", "UTF-8", "-", "-"]
    return subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()


def flat_text(pdf: bytes) -> str:
    """The text in reading order with all whitespace removed (for verbatim checks)."""
    return squash(text_of(pdf, layout=False))


def squash(text: str) -> str:
    """Whitespace removed: wrapping a CJK text adds breaks where the words have none."""
    return re.sub(r"\s+", "", text)


def printed(value: str) -> str:
    """User data as printed (whitespace removed): missing glyphs as code points."""
    return squash(value.replace("🚗", "[U+1F697]").replace("𠀀", "[U+20000]"))


def shown(words: str) -> str:
    """The customer's words as printed: in quotes, missing glyphs as code points."""
    return "“" + printed(words) + "”"


def settled_with_change(
    staff: factories.Staff, *, repair_class: str = "level2", refused: bool = False, inspected: bool = False
) -> int:
    """A handed-over RO with an extra part the customer agreed to by phone (or, when
    ``refused``, turned down as too expensive); with ``inspected``, a vehicle inspection."""
    ro_id, _ = factories.worked(staff, repair_class=repair_class)
    if inspected:
        evidence_rows.inspect(ro_id, actor=staff.advisor, recommendation="建议更换前刹车盘。")
    cr = changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="extra_work",
        reason="后刹车盘磨损超限",
        new_promised_at=now() + dt.timedelta(hours=6),
        lines=[{"kind": "part", "code": "45251-TBA-A01", "description": LONG_PART, "quantity": 1}],
    )
    changes.record_consent(
        actor=staff.advisor,
        change_id=cr,
        consented=not refused,
        consent_by="张伟",
        method="phone",
        phone="13812345678",
        refusal_reason=factories.reason_id("price") if refused else None,
    )
    quality.record_qc(
        actor=staff.foreman,
        ro_id=ro_id,
        items=[(i, True) for i in checklist(ro_id)],
        nothing_left=True,
        no_new_damage=True,
        completion_cert_no="CERT-2026-0042",
    )
    settlement.settle(actor=staff.advisor, ro_id=ro_id)
    settlement.explain_items(actor=staff.advisor, ro_id=ro_id)
    total = get_ro_view(ro_id).settlement.total_cents  # type: ignore[union-attr]
    settlement.pay(actor=staff.cashier, ro_id=ro_id, method="wechat", amount_cents=total, reference="WX-88")
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        old_parts=factories.old_part_decisions(ro_id),
        signature=factories.signature(),
    )
    return ro_id


def test_estimate_shows_the_words_every_line_and_the_totals(staff: factories.Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    view = get_ro_view(ro_id)
    pdf = render("estimate", view, valid_days=7)
    text, flat = text_of(pdf), flat_text(pdf)
    assert shown(factories.WORDS) in flat  # verbatim, in quotes, the emoji visible
    assert "[U+XXXX]" in text  # …and the footnote explains the replacement
    assert squash("Front brake squeal on braking, worse when cold") in flat
    for line in view.lines:
        assert squash(line.description) in flat
        assert fmt.money(line.amount_cents, "zh_CN") in text
    assert "已拒绝" in text  # the declined line is shown as declined…
    declined = view.declined_lines[0]
    assert f"客户拒绝项目（不计入） {fmt.money(declined.amount_cents, 'zh_CN')}" in re.sub(r" +", " ", text)
    total_row = next(x for x in text.splitlines() if x.strip().startswith("合计"))
    assert fmt.money(view.totals.total_cents, "zh_CN") in total_row  # …and not counted
    assert "原厂" in text  # part origin
    assert view.number in text
    assert "2026年11月29日（7 天）" in text  # validity from the printed date
    assert "当面签字" in text and "张伟" in text  # the recorded authorisation
    for value in (DEALER.name, DEALER.phone, DEALER.tax_no):
        assert value in text


def test_estimate_before_authorisation_has_signature_lines_and_the_proposed_total(
    staff: factories.Staff,
) -> None:
    ro_id, _ = factories.estimated(staff)
    text = text_of(render("estimate", get_ro_view(ro_id), "en"))
    # 180.00 + 560.00 + 90.00 proposed, 13 % tax: what the customer is asked to sign for.
    assert "¥937.90" in text
    assert "Customer's signature" in text and "Date" in text
    assert "Includes proposed lines" in text


def test_settlement_sheet_lists_what_was_paid_the_consent_and_the_warranty(staff: factories.Staff) -> None:
    view = get_ro_view(settled_with_change(staff))
    s = view.settlement
    assert s is not None
    pdf = render("settlement", view)
    text, flat = text_of(pdf), flat_text(pdf)
    assert s.number in text and view.number in text
    for line in view.lines:
        if line.id in s.line_ids:
            assert squash(line.description) in flat
            assert fmt.money(line.amount_cents, "zh_CN") in text
    assert "工时费" in text and "配件与材料费" in text  # labour and materials apart
    assert "原厂" in text and "修复" not in text
    assert fmt.money(s.total_cents, "zh_CN") in text
    assert fmt.money(view.totals.total_cents, "zh_CN") in text
    assert "微信支付" in text and "WX-88" in text
    assert re.search(r"未付余额\s+¥0\.00", text)
    # The consent record: who, how, the number called, old → new amount.
    cr = view.change_requests[0]
    assert "张伟" in text and "电话确认" in text and cr.consent_phone in text
    assert f"{fmt.money(cr.old_amount_cents, 'zh_CN')} → {fmt.money(cr.new_amount_cents, 'zh_CN')}" in text
    # The warranty of the repair class (level2: 5,000 km or 30 days from handover).
    assert "二级维护：5,000 公里或 30 天" in text
    assert view.warranty is not None and view.warranty.until_date is not None
    assert fmt.date(view.warranty.until_date, "zh_CN") in text
    assert "CERT-2026-0042" in text
    # The handover was signed on the pad: the acceptance box carries it, beside the advisor's.
    assert "客户交车验收签字" in text and "签字人：张伟" in text and "服务顾问签字" in text


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_refused_change_prints_the_refusal_and_its_reason_never_a_consent(
    staff: factories.Staff, lang: str
) -> None:
    view = get_ro_view(settled_with_change(staff, refused=True))
    assert view.change_requests[0].status == "refused"
    text = re.sub(r"\s+", " ", text_of(render("settlement", view, lang)))
    price = next(r for r in factories.solicitation.decline_reasons() if r.code == "price")
    if lang == "zh_CN":
        assert "客户拒绝：张伟，电话确认" in text and f"拒绝原因：{price.label_zh}" in text
        assert "事由：后刹车盘磨损超限" in text
        assert "客户同意" not in text and "经理批准" not in text
    else:
        assert "Refused by the customer: 张伟, By phone" in text
        assert f"Reason for refusing: {price.label_en}" in text
        assert "Consent" not in text and "Approved by manager" not in text


def test_settlement_sheet_in_english(staff: factories.Staff) -> None:
    view = get_ro_view(settled_with_change(staff))
    pdf = render("settlement", view, "en")
    text = text_of(pdf)
    assert "Second-level maintenance: 5,000 km or 30 days, whichever comes first" in text
    assert "By phone" in text and "number called" in text
    assert fmt.money(view.settlement.total_cents, "en").startswith("¥")  # type: ignore[union-attr]
    assert fmt.money(view.settlement.total_cents, "en") in text  # type: ignore[union-attr]
    assert re.search(r"Completion certificate No\.\s+CERT-2026-0042", text)


def test_long_part_name_wraps_inside_its_cell(staff: factories.Staff) -> None:
    view = get_ro_view(settled_with_change(staff))
    pdf = render("settlement", view, "en")
    text = text_of(pdf)
    assert squash(LONG_PART) in flat_text(pdf)
    row = next(x for x in text.splitlines() if "Rear brake disc" in x)
    assert "mounting hardware" not in row  # wrapped onto further lines of the cell…
    assert "¥" in row  # …while the amounts stay on the row


def test_sheets_that_do_not_apply_yet_raise_a_gate_error(staff: factories.Staff) -> None:
    ro_id, _ = factories.authorised(staff)
    with pytest.raises(GateError) as err:
        render("settlement", get_ro_view(ro_id))
    assert "settle" in err.value.en and "结算" in err.value.zh
    bare = factories.open_checked_in(staff)
    with pytest.raises(GateError):
        render("estimate", get_ro_view(bare))
    proposed, _ = factories.estimated(staff)
    with pytest.raises(GateError):
        render("jobcard", get_ro_view(proposed))


def test_job_card_has_the_jobs_and_no_prices(staff: factories.Staff) -> None:
    ro_id, _ = factories.worked(staff)
    view = get_ro_view(ro_id)
    text = text_of(render("jobcard", view))
    assert view.assignments and all(a.job in text and a.technician in text for a in view.assignments)
    assert fmt.datetime(view.assignments[0].planned_start, "zh_CN") in squash(text) or squash(
        fmt.datetime(view.assignments[0].planned_start, "zh_CN")
    ) in squash(text)
    assert shown(factories.WORDS) in squash(text)
    assert "¥" not in text and not re.search(r"\d+\.\d\d\b", text)  # no price anywhere


def test_check_in_sheet_records_the_walk_around(staff: factories.Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    reception.check_in(
        actor=staff.advisor,
        ro_id=ro_id,
        mileage_km=21_000,
        fuel_level=3,
        valuables="行车记录仪, sunglasses",
        booklet_present=True,
        return_old_parts=True,
        customer_waits=True,
        approval_contact="13900001111",
        repair_class="minor",
        body_damage=[{"zone": "左前门", "kind": "scratch", "note": "约 10 厘米"}],
    )
    text = text_of(render("checkin", get_ro_view(ro_id)))
    assert "21,000 公里" in text and "■■■□□□□□ 3/8" in text
    assert "行车记录仪" in text and "左前门" in text and "划痕" in text and "约 10 厘米" in text
    assert "在休息区等候" in text and "13900001111" in text
    assert shown(factories.WORDS) in squash(text)
    assert "客户签字" in text


def test_the_font_is_embedded_and_no_other(staff: factories.Staff) -> None:
    view = get_ro_view(settled_with_change(staff, inspected=True))  # every sheet applies
    for kind in sheets.KINDS:
        pdf = render(kind, view)
        out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        rows = out.splitlines()[2:]
        assert rows and all("WenQuanYiMicroHei" in r for r in rows), out
        assert all(r.split()[-5] == "yes" for r in rows), out  # emb


def test_a_200_line_estimate_repeats_its_header_and_numbers_its_pages(staff: factories.Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    for i in range(1, 201):
        estimate.add_line(
            actor=staff.advisor,
            ro_id=ro_id,
            kind="labour",
            code=f"L-{i:03d}",
            description=f"Inspection item {i:03d}",
            quantity="0.5",
            unit_price_cents=10_000 + i,
        )
    view = get_ro_view(ro_id)
    pages = text_of(render("estimate", view, "en")).split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 4
    with_rows = [p for p in pages if "Inspection item" in p]
    assert len(with_rows) >= 3
    for n, page in enumerate(pages, 1):
        if page in with_rows:
            assert re.search(r"Type\s+Code / part no\.\s+Description\s+Qty /", page), f"no header on page {n}"
        assert f"Page {n} of {len(pages)}" in page
        assert view.number in page
    flat = "\n".join(pages)
    for line in view.lines:
        assert line.description in flat and fmt.money(line.amount_cents, "en") in flat


def test_english_sheets_have_no_chinese_labels_and_chinese_sheets_do(staff: factories.Staff) -> None:
    ro_id = settled_with_change(staff, inspected=True)
    view = get_ro_view(ro_id)
    user_data = [
        view.customer.name,
        view.vehicle.plate,
        view.advisor,
        DEALER.name,
        DEALER.address,
        *(c.customer_words for c in view.concerns),
        *(x.description for x in view.lines),
        *(a.technician for a in view.assignments),
        *(a.customer_name for a in view.authorisations),
        *(a.recorded_by for a in view.authorisations),
        *(c.reason for c in view.change_requests),
        *(c.consent_by for c in view.change_requests),
        *(c.recorded_by for c in view.change_requests),
        *(p.by for p in (view.settlement.payments if view.settlement else ())),
        *(i.recommendation for i in (view.inspection,) if i is not None),
    ]
    titles = {
        "estimate": "估价单",
        "settlement": "结算清单",
        "jobcard": "派工单",
        "checkin": "接车问诊单",
        "health": "健康检查报告",
    }
    for kind in sheets.KINDS:
        english = flat_text(render(kind, view, "en"))
        for value in sorted(user_data, key=len, reverse=True):
            english = english.replace(printed(value), "")
        assert not CJK.findall(english), (kind, CJK.findall(english))
        chinese = text_of(render(kind, view, "zh_CN"))
        assert titles[kind] in chinese and "工单号" in chinese


def test_rare_characters_never_crash_nor_vanish(staff: factories.Staff) -> None:
    words = "仪表盘上有个𠀀字样的灯一直亮 🚗💨，\n“偶尔”闪烁"
    ro_id, _ = factories.authorised(staff, words=words)
    text = text_of(render("estimate", get_ro_view(ro_id), "en"))
    assert squash("“仪表盘上有个[U+20000]字样的灯一直亮[U+1F697][U+1F4A8]，“偶尔”闪烁”") in squash(text)
    assert "[U+XXXX]: a character the printing font cannot show" in text


def test_default_dealer_comes_from_the_settings(staff: factories.Staff) -> None:
    settings.set_up_dealer(
        name="Sunrise Motors",
        address="1 Ring Road",
        phone="010-12345678",
        tax_no="TAX-001",
        labour_rate_cents=18_000,
        actor=staff.admin,
    )
    ro_id, _ = factories.authorised(staff)
    text = text_of(sheets.render("estimate", get_ro_view(ro_id), lang="en"))
    assert "Sunrise Motors" in text and "1 Ring Road" in text and "TAX-001" in text
    assert "Estimate / Repair Order" in text


def test_money_and_dates_in_both_languages() -> None:
    # Money in every layer: tests/unit/test_money.py and tests/ui/test_fmt_money.py.
    assert fmt.money(123_450, "en") == fmt.money(123_450, "zh_CN") == "¥1,234.50"
    assert fmt.date(dt.date(2026, 11, 22), "zh_CN") == "2026年11月22日"
    assert fmt.date(dt.date(2026, 11, 22), "en") == "Nov 22, 2026"


def test_numbers_are_babels() -> None:
    rnd = random.Random(5)
    values: list[int | Decimal] = [0, 1, -1, 10**15, Decimal("-0"), Decimal("-0.0004"), Decimal("1E+3")]
    values += [rnd.randint(-(10**12), 10**12) for _ in range(2000)]
    values += [Decimal(rnd.randint(-(10**12), 10**12)).scaleb(-rnd.randint(0, 8)) for _ in range(4000)]
    for value in values:
        for lang in ("zh_CN", "en"):
            assert fmt.number(value, lang) == fmt.babel_number(value, lang), value


def test_a_declined_line_shows_the_customers_reason(staff: factories.Staff) -> None:
    from advisor.services import solicitation

    reason = next(r for r in solicitation.decline_reasons() if r.code == "no_time")
    ro_id, _ = factories.authorised(staff, decline_reason=reason.id)
    view = get_ro_view(ro_id)
    assert squash(f"已拒绝（{reason.label_zh}）") in flat_text(render("estimate", view, valid_days=7))
    english = flat_text(render("estimate", view, "en", valid_days=7))
    assert squash(f"Declined ({reason.label_en})") in english


def pdffonts(pdf: bytes) -> list[list[str]]:
    out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return [row.split() for row in out.splitlines()[2:]]


def test_a_sheet_with_more_than_256_characters_and_a_missing_one(staff: factories.Staff) -> None:
    common = "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从"
    words = f"{common}🚗{common[::-1]}"
    ro_id = factories.open_checked_in(staff, words=words)
    for i in range(40):
        estimate.add_line(
            actor=staff.advisor,
            ro_id=ro_id,
            kind="labour",
            code=f"W-{i:03d}",
            description="".join(chr(0x4E00 + (i * 97 + k * 13) % 5000) for k in range(14)),
            quantity="1",
            unit_price_cents=10_000 + i,
        )
    view = get_ro_view(ro_id)
    pdf = render("estimate", view, valid_days=7)
    flat = flat_text(pdf)
    assert printed(words) in flat  # every character extracts as itself; the emoji as [U+1F697]
    for line in view.lines:
        assert squash(line.description) in flat
    assert "[U+XXXX]" in text_of(pdf)  # …with the footnote
    distinct = {c for c in words + "".join(x.description for x in view.lines) if not c.isspace()}
    assert len(distinct) > 512
    fonts = pdffonts(pdf)
    assert len(fonts) >= 3 and all("WenQuanYiMicroHei" in row[0] for row in fonts)
    assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in fonts)  # embedded, subset, unicode


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_qr_code_is_the_ro_number(staff: factories.Staff, lang: str, tmp_path: Path) -> None:
    """The printed QR code, read back from the page's pixels, is reportlab's code of the
    RO number (with its quiet zone)."""
    from PIL import Image
    from reportlab.graphics.barcode.qr import QrCodeWidget

    from reports import pdf_base, pdf_page

    ro_id, _ = factories.authorised(staff)
    view = get_ro_view(ro_id)
    widget = QrCodeWidget(view.number, barLevel="M")
    widget.qr.make()
    expected = [[bool(m) for m in row] for row in widget.qr.modules]
    dpi = 300
    args = ["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-gray", "-png", "-singlefile", "-"]
    pdf = render("estimate", view, lang, valid_days=7)
    subprocess.run([*args, str(tmp_path / "page")], input=pdf, capture_output=True, check=True)
    image = Image.open(tmp_path / "page.png").convert("L")
    scale = dpi / 72
    n = len(expected)
    unit = pdf_page.QR_SIZE / (n + 2 * pdf_page.QR_QUIET) * scale
    left = (pdf_base.PAGE_W - pdf_base.MARGIN - pdf_page.QR_SIZE) * scale
    top = 10 * mm * scale

    def dark(r: int, c: int) -> bool:
        x = left + (c + pdf_page.QR_QUIET + 0.5) * unit
        y = top + (r + pdf_page.QR_QUIET + 0.5) * unit
        return bool(image.getpixel((round(x), round(y))) < 128)  # type: ignore[operator]

    assert [[dark(r, c) for c in range(n)] for r in range(n)] == expected
    quiet = [(-1, c) for c in range(-1, n + 1)] + [(n, c) for c in range(-1, n + 1)]
    quiet += [(r, -1) for r in range(n)] + [(r, n) for r in range(n)]
    assert not any(dark(r, c) for r, c in quiet)  # a white border around it


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_long_dealer_name_and_address_fit_above_the_title(staff: factories.Staff, lang: str) -> None:
    name = "北京星辉汽车销售服务有限公司朝阳区酒仙桥第二分公司（一汽-大众授权经销商）Sunrise Motors Beijing Chaoyang Branch"
    long_dealer = DealerView(
        name=(name + " " + name)[: validation.MAX_NAME],  # the longest name a dealership may have
        address="北京市朝阳区酒仙桥路 88 号院 3 号楼 1 层 101 室（电子城科技园北门东侧 200 米，"
        "地铁 14 号线将台站 B 口出）/ 88 Jiuxianqiao Road, Chaoyang District, Beijing 100015",
        phone="010-88886666 / 010-88887777 / 13912345678",
        tax_no="91110105MA01ABCD2X",
        labour_rate_cents=18_000,
        tax_rate=Decimal("0.13"),
    )
    ro_id, _ = factories.authorised(staff)
    view = get_ro_view(ro_id)
    pdf = sheets.render("estimate", view, lang=lang, dealer=long_dealer, printed_at=PRINTED, valid_days=7)
    above_title = 32 * mm  # the title's capitals start 33–34 mm from the top of the page
    args = ["pdftotext", "-f", "1", "-l", "1", "-y", "0", "-H", str(int(above_title)), "-W", "600"]
    head = squash(
        subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    )
    for value in (long_dealer.name, long_dealer.address, long_dealer.phone, long_dealer.tax_no):
        assert squash(value) in head  # whole, and above the title: nothing runs into it
    assert {"zh_CN": "估价单", "en": "Estimate"}[lang] not in head


def test_a_long_line_split_across_pages_repeats_the_table_header(staff: factories.Staff) -> None:
    ro_id = factories.open_checked_in(staff, words="发动机故障灯亮，加速无力。" * 60)
    for i in range(5):
        estimate.add_line(
            actor=staff.advisor,
            ro_id=ro_id,
            kind="labour",
            code=f"L-{i}",
            description=" ".join(f"d{i}w{k:02d}" for k in range(83))[:500],
            quantity="1",
            unit_price_cents=10_000,
        )
    view = get_ro_view(ro_id)
    pages = [p for p in text_of(render("estimate", view, "en", valid_days=7)).split("\f") if p.strip()]
    with_rows = [p for p in pages if re.search(r"d\dw\d\d", p)]
    assert len(with_rows) >= 2
    for page in with_rows:
        assert re.search(r"Type\s+Code / part no\.\s+Description\s+Qty /", page)
    # a description runs on from one page to the next: its row was split, not moved
    rows = [set(re.findall(r"d(\d)w\d\d", page)) for page in with_rows]
    assert any(a & b for a, b in itertools.pairwise(rows))
    flat = squash("".join(with_rows))
    for line in view.lines:
        assert squash(line.description) in flat or all(w in flat for w in line.description.split())


def test_an_amount_is_never_wrapped(staff: factories.Staff) -> None:
    ro_id = factories.open_checked_in(staff)
    estimate.add_line(
        actor=staff.advisor,
        ro_id=ro_id,
        kind="part",
        code="45022-TBA-A01",
        description="Engine, complete",
        quantity="1",
        unit_price_cents=1_000_000_000,  # ¥10,000,000.00, the most a price may be
    )
    for lang in ("zh_CN", "en"):
        text = text_of(render("estimate", get_ro_view(ro_id), lang, valid_days=7))
        row = next(x for x in text.splitlines() if "45022-TBA-A01" in x)
        assert row.count("¥10,000,000.00") == 2, row  # unit price and amount, each on one line


def test_english_words_are_not_cut_at_the_end_of_a_line(staff: factories.Staff) -> None:
    """Chinese wraps between any two characters; an English word wraps whole, where the
    line has a space ("Qty / hours" in a narrow header: "Qty /", "hours")."""
    view = get_ro_view(settled_with_change(staff))
    for kind in ("estimate", "settlement", "jobcard"):
        text = text_of(
            render(kind, view, "en", **({"valid_days": 7} if kind == "estimate" else {})), layout=False
        )
        assert "hours" in text
        for word in {w.strip(",()") for w in (LONG_PART + " hours anti-rattle").split()}:
            for k in range(1, len(word)):
                assert not re.search(rf"{re.escape(word[:k])}\n\s*{re.escape(word[k:])}\b", text), (
                    kind,
                    word,
                )


def test_sheets_rendered_in_threads_at_once_read_as_one_rendered_alone(staff: factories.Staff) -> None:
    """The app renders sheets in worker threads (a second preview asked for while the first
    renders): each sheet comes out whole, as it does alone."""
    from concurrent.futures import ThreadPoolExecutor

    view = get_ro_view(factories.authorised(staff)[0])
    jobs = [("estimate", "zh_CN"), ("jobcard", "en"), ("estimate", "en"), ("jobcard", "zh_CN")]
    alone = {job: text_of(render(job[0], view, job[1], valid_days=7)) for job in jobs}
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda job: (job, render(job[0], view, job[1], valid_days=7)), jobs * 3))
    for job, pdf in together:
        assert text_of(pdf) == alone[job], job
