"""Issue 18 on paper: the check-in sheet's car outline and photo page, the vehicle health
report, and the customer's drawn signatures in the estimate's and settlement's boxes —
read back with poppler (pdfimages, pdftotext) as a customer's copy would be."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from advisor.errors import GateError
from advisor.models import now
from advisor.services import changes, estimate, findings, printouts, quality, reception, settlement
from advisor.services.orders import get_ro_view
from advisor.services.quality import checklist
from reports import evidence, sheets
from reports import formatting as fmt
from tests import factories
from tests.snapshot import db_snapshot
from tests.unit.reports import evidence_rows as rows
from tests.unit.reports.test_sheets import DEALER, PRINTED, flat_text, squash, text_of


def render(kind: str, view: object, lang: str = "zh_CN", **kw: object) -> bytes:
    return sheets.render(kind, view, lang=lang, dealer=DEALER, printed_at=PRINTED, valid_days=7, **kw)  # type: ignore[arg-type]


def images(pdf: bytes) -> list[dict[str, str]]:
    """``pdfimages -list``: one dict per image (its type, size, encoding), soft masks apart."""
    out = subprocess.run(["pdfimages", "-list", "-"], input=pdf, capture_output=True, check=False)
    if out.returncode:  # older poppler cannot read stdin: go through a file
        import tempfile

        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(pdf)
            f.flush()
            out = subprocess.run(["pdfimages", "-list", f.name], capture_output=True, check=True)
    lines = out.stdout.decode().splitlines()[2:]
    keys = ("page", "num", "type", "width", "height", "color", "comp", "bpc", "enc")
    return [dict(zip(keys, line.split(), strict=False)) for line in lines if line.strip()]


def pictures(pdf: bytes) -> list[dict[str, str]]:
    return [i for i in images(pdf) if i["type"] == "image"]


def pages(pdf: bytes) -> int:
    return text_of(pdf).count("\f")


def checked_in_with_damage(staff: factories.Staff) -> int:
    ro_id = factories.open_checked_in(staff)
    reception.check_in(
        actor=staff.advisor,
        ro_id=ro_id,
        mileage_km=21_000,
        fuel_level=3,
        valuables="sunglasses",
        booklet_present=True,
        repair_class="minor",
        body_damage=[
            {"zone": "front_bumper", "kind": "dent", "note": "5 cm"},
            {"zone": "front_bumper", "kind": "scratch", "note": ""},
            {"zone": "rear_left_door", "kind": "scratch", "note": "旧伤"},
        ],
    )
    return ro_id


# -- the check-in sheet ----------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_check_in_sheet_numbers_the_marks_and_prints_a_page_of_its_photos(
    staff: factories.Staff, lang: str
) -> None:
    ro_id = checked_in_with_damage(staff)
    rows.add_photo_row(ro_id, "damage", 1, rows.noisy_jpeg(2400, 1600, 1), actor=staff.advisor)
    rows.add_photo_row(
        ro_id, "damage", 3, rows.noisy_jpeg(1200, 1600, 2), actor=staff.advisor, caption="door edge"
    )
    ids = rows.inspect(ro_id, actor=staff.advisor)
    rows.add_photo_row(
        ro_id, "inspection", ids["discs_front"], rows.noisy_jpeg(1600, 1200, 3), actor=staff.advisor
    )
    # A concern's photo is not the check-in's: it is not fetched for the sheet.
    concern = get_ro_view(ro_id).concerns[0].id
    rows.add_photo_row(ro_id, "concern", concern, rows.noisy_jpeg(800, 600, 4), actor=staff.advisor)
    photos = printouts.read_sheet_photos(actor=staff.advisor, ro_id=ro_id, kind="checkin")
    assert sorted(p.subject for p in photos) == ["damage", "damage", "inspection"]

    pdf = render("checkin", rows.view_of(ro_id), lang, photos=photos)
    found = pictures(pdf)
    assert len(found) == 3
    assert all(i["enc"] == "jpeg" for i in found)
    # printed at most 640 px on the longer side (stored at 1600)
    assert all(max(int(i["width"]), int(i["height"])) <= evidence.PRINT_SIDE for i in found)
    assert pages(pdf) == 2  # the photos on a page of their own
    photo_page = text_of(pdf).split("\f")[1]
    if lang == "zh_CN":
        assert "接车照片" in photo_page
        assert "损伤 1：前保险杠 · 凹陷" in photo_page
        assert "损伤 3：左后门 · 划痕" in photo_page and "door edge" in photo_page
        assert "前刹车盘厚度（对照盘上标注的最小厚度）（需立即处理）" in squash(photo_page)
        assert "▲ 车头" in text_of(pdf)
    else:
        assert "Check-in photos" in photo_page
        assert "Mark 1: Front bumper · Dent" in photo_page
        assert "Mark 3: Rear left door · Scratch" in photo_page
        assert "Frontdiscs(thicknessvs.theminimumonthedisc)(Needsattentionnow)" in squash(photo_page)
        assert "▲ front" in text_of(pdf)


def test_check_in_sheet_without_photos_has_the_outline_and_no_photo_page(staff: factories.Staff) -> None:
    ro_id = checked_in_with_damage(staff)
    pdf = render("checkin", get_ro_view(ro_id))
    assert pictures(pdf) == []
    assert pages(pdf) == 1
    text = flat_text(pdf)
    assert "▲车头" in text and "接车照片" not in text
    # the marks' numbers are in the outline and in the table's first column
    assert "#部位损伤类型备注1前保险杠凹陷5cm2前保险杠划痕3左后门划痕旧伤" in text


def test_the_outline_is_drawn_with_the_marks_where_the_screen_puts_them() -> None:
    sheet = sheets.Sheet(kind="checkin", lang="en", ro_number="RO1", dealer=DEALER, printed_at=PRINTED)
    d = evidence.car_outline(sheet, ["front_bumper", "front_bumper", "nowhere", "roof"])
    circles = [c for c in d.contents if type(c).__name__ == "Circle"]
    numbers = [c.text for c in d.contents if type(c).__name__ == "String"][:-1]  # (the last: "front")
    assert numbers == ["1", "2", "4"]  # an unknown zone keeps its number, and no place
    assert len(circles) == 3
    # two marks in one zone sit side by side; the roof's lies below the bumper's (y up)
    assert circles[0].cy == circles[1].cy and circles[0].cx < circles[1].cx
    assert circles[2].cy < circles[0].cy


# -- the health report --------------------------------------------------------------------------
def health_ro(staff: factories.Staff) -> tuple[int, dict[str, int]]:
    """An RO estimated, inspected at reception, two red items with photos, one of them
    turned into an estimate line."""
    ro_id, _lines = factories.estimated(staff)
    ids = rows.inspect(
        ro_id,
        actor=staff.advisor,
        recommendation="建议更换前刹车盘和刹车片；左前轮胎下次保养时更换。",
    )
    findings.findings_to_work(
        actor=staff.advisor, ro_id=ro_id, result_ids=[ids["discs_front"], ids["pads_front"]], lang="en"
    )
    for n, key in enumerate(("discs_front", "pads_front", "pads_front", "tread_fl")):
        rows.add_photo_row(ro_id, "inspection", ids[key], rows.noisy_jpeg(3000, 2000, n), actor=staff.advisor)
    return ro_id, ids


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_health_report_reads_in_both_languages_with_its_photos(staff: factories.Staff, lang: str) -> None:
    ro_id, _ids = health_ro(staff)
    photos = printouts.read_sheet_photos(actor=staff.advisor, ro_id=ro_id, kind="health")
    last = {"discs_front": ("yellow", None), "tread_fl": ("green", rows.Decimal("5.0"))}
    view = rows.view_of(ro_id, last=last)
    assert view.inspection is not None
    greens = view.inspection.count("green")
    found = {r.id for r in view.inspection.results if r.rating == "red"}
    from_findings = [x for x in view.lines if x.finding_id in found]
    assert len(from_findings) >= 3  # the disc's line, and the pads' canned job (labour and pads)
    pdf = render("health", view, lang, photos=photos)
    found = pictures(pdf)
    assert len(found) == 4 and all(i["enc"] == "jpeg" for i in found)
    # the print copies made when the photos were added (3000×2000 → 1600×1067 → 640×427)
    assert [(i["width"], i["height"]) for i in found] == [("640", "427")] * 4
    assert len(pdf) < 4 * 200_000  # 4 photos of 3000×2000 px, sized for print
    text = text_of(pdf)
    flat = flat_text(pdf)
    if lang == "zh_CN":
        assert "健康检查报告" in text
        assert (
            "红2需立即处理" in flat
            and "黄2建议关注" in flat
            and f"绿{greens}良好" in flat
            and "不适用1" in flat
        )
        assert "制动系统" in text and "轮胎与车轮" in text  # the groups
        assert "前刹车盘厚度" in text and "22.4 mm" in text and "Scored, below the minimum" in text
        assert "左前轮胎花纹深度" in text and "3.2 mm" in text and "绿 · 5 mm" in text
        assert "建议更换前刹车盘和刹车片；左前轮胎下次保养时更换。" in flat
        assert "根据检查结果建议的维修项目" in text
        for line in from_findings:  # every line, its amount and status (cells wrap: a piece)
            assert squash(line.description)[:12] in flat
            assert f"{squash(fmt.money(line.amount_cents, lang))}待定" in flat
        assert "[红]前刹车盘厚度（对照盘上标注的最小厚度）·22.4mm" in flat  # a photo's caption
        assert "服务顾问建议" in text
    else:
        assert "Vehicle Health Report" in text
        assert "RED2Needsattentionnow" in flat and "YELLOW2" in flat and f"GREEN{greens}Good" in flat
        assert "N/A1Not" in flat
        assert "Brakes" in text and "Tyres and wheels" in text
        assert "Front discs" in text and "22.4 mm" in text and "Metal on metal soon" in text
        assert "Tread depth, front left" in text and "GREEN · 5 mm" in text
        assert "Your service advisor's recommendation" in text
        for line in from_findings:
            assert squash(line.description)[:12] in flat
            assert f"{squash(fmt.money(line.amount_cents, lang))}Proposed" in flat
        assert "[RED]Frontdiscs(thicknessvs.theminimumonthedisc)·22.4mm" in flat
    # the worst first: the red items' photos lead the photo section
    photos_at = text.index("[红]" if lang == "zh_CN" else "[RED]")
    assert photos_at < text.index("[黄]" if lang == "zh_CN" else "[YELLOW]")


def test_health_report_refuses_without_an_inspection_or_a_rated_item(staff: factories.Staff) -> None:
    ro_id, _ = factories.estimated(staff)
    before = db_snapshot()
    with pytest.raises(GateError) as err:
        render("health", rows.view_of(ro_id))
    assert "no vehicle inspection" in err.value.message("en")
    assert "尚无车辆检查" in err.value.message("zh_CN")
    rows.inspect(ro_id, actor=staff.advisor, rate=False)
    with pytest.raises(GateError) as err:
        render("health", rows.view_of(ro_id))
    assert "No item of the inspection is rated yet" in err.value.message("en")
    assert db_snapshot() != before  # (the rows written above)


def test_only_the_sheets_that_print_photos_load_them(staff: factories.Staff) -> None:
    ro_id, ids = health_ro(staff)
    assert printouts.read_sheet_photos(actor=staff.advisor, ro_id=ro_id, kind="estimate") == []
    got = printouts.read_sheet_photos(actor=staff.advisor, ro_id=ro_id, kind="health")
    assert [p.subject_id for p in got] == [
        ids["discs_front"],
        ids["pads_front"],
        ids["pads_front"],
        ids["tread_fl"],
    ]
    assert all(p.jpeg[:2] == b"\xff\xd8" for p in got)


# -- signatures ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_estimate_prints_the_drawn_signature_in_the_authorisation_box(
    staff: factories.Staff, lang: str
) -> None:
    ro_id, lines = factories.estimated(staff)
    assert pictures(render("estimate", get_ro_view(ro_id), lang)) == []  # not signed yet
    estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=ro_id,
        decisions=dict.fromkeys(lines, "approved"),
        customer_name="张伟",
        method="in_person",
        promised_at=now() + dt.timedelta(hours=4),
        signature=factories.signature(),  # drawn on the pad
    )
    pdf = render("estimate", get_ro_view(ro_id), lang)
    assert len(pictures(pdf)) == 1
    text = text_of(pdf)
    assert ("签字人：张伟" if lang == "zh_CN" else "Signed by 张伟") in text


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_an_unsigned_in_person_act_prints_why(staff: factories.Staff, lang: str) -> None:
    ro_id, lines = factories.estimated(staff)
    estimate.authorise_estimate(
        actor=staff.advisor,
        ro_id=ro_id,
        decisions=dict.fromkeys(lines, "approved"),
        customer_name="张伟",
        method="in_person",
        promised_at=now() + dt.timedelta(hours=4),
        no_signature_reason="客户手部受伤，无法签字",
    )
    pdf = render("estimate", get_ro_view(ro_id), lang)
    assert pictures(pdf) == []
    want = "未签字：客户手部受伤，无法签字" if lang == "zh_CN" else "Not signed: 客户手部受伤，无法签字"
    assert want in flat_text(pdf).replace(" ", "") or want in text_of(pdf)


def _consented_and_paid(staff: factories.Staff) -> int:
    """An RO with a change the customer consented to in person (signed on the pad), QC
    passed, settled and paid: ready to hand over."""
    ro_id, _ = factories.worked(staff)
    cr = changes.request_change(
        actor=staff.technician,
        ro_id=ro_id,
        kind="extra_work",
        reason="后刹车盘磨损超限",
        new_promised_at=now() + dt.timedelta(hours=6),
        lines=[{"kind": "part", "code": "45251-TBA-A01", "description": "Rear brake disc", "quantity": 1}],
    )
    changes.record_consent(
        actor=staff.advisor,
        change_id=cr,
        consented=True,
        consent_by="张伟",
        method="in_person",
        signature=factories.signature(),
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
    return ro_id


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_settlement_prints_the_handover_and_an_in_person_consent_signed(
    staff: factories.Staff, lang: str
) -> None:
    ro_id = _consented_and_paid(staff)
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=ro_id,
        accepted_by="张伟",
        result_shown=True,
        old_parts=factories.old_part_decisions(ro_id),
        no_signature_reason="客户委托他人取车",
    )
    unsigned = render("settlement", get_ro_view(ro_id), lang)
    assert len(pictures(unsigned)) == 1  # the consent's
    assert ("未签字：客户委托他人取车" if lang == "zh_CN" else "Not signed: 客户委托他人取车") in text_of(
        unsigned
    )
    signed_ro = _consented_and_paid(staff)
    settlement.hand_over(
        actor=staff.advisor,
        ro_id=signed_ro,
        accepted_by="张伟",
        result_shown=True,
        old_parts=factories.old_part_decisions(signed_ro),
        signature=factories.signature(),
    )
    pdf = render("settlement", get_ro_view(signed_ro), lang)
    assert len(pictures(pdf)) == 2
    text = text_of(pdf)
    if lang == "zh_CN":
        assert "客户签字（当面同意）" in text and "客户交车验收签字" in text
    else:
        assert "consent given in person" in text and "acceptance at handover" in text
