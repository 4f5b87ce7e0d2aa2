"""The manager's workbook read back: sheets, headers, formats, totals against the KPI
queries, user text that stays text, LibreOffice can open it, cancel leaves nothing."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from advisor import kpi
from advisor.models import Customer, RepairOrder
from reports import excel, excel_complaints, excel_scorecard
from reports.excel_labels import COLUMNS, FIGURES, SHEETS
from reports.excel_summary import figure_values
from tests import factories
from tests.unit.test_kpi import END, START, T, shop  # noqa: F401  (the hand-built dataset)

EVIL = '=HYPERLINK("http://x","y")'
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def evil(shop: dict[str, int], staff: factories.Staff) -> int:  # noqa: F811
    """One more RO in the period, for a customer whose name is a formula."""
    cust, veh = factories.make_customer_vehicle(staff, name=EVIL)
    ro = factories.open_checked_in(staff, vehicle_id=veh, words="+1 noise when braking")
    RepairOrder.update(arrived_at=T(4, 16), greeted_at=T(4, 16, 1), need_confirmed_at=T(4, 16, 2)).where(
        RepairOrder.id == ro
    ).execute()
    assert Customer.get_by_id(cust).name == EVIL
    return ro


def _export(tmp_path: Path, lang: str = "en", **kw: object) -> Path:
    return excel.write_summary(tmp_path / f"summary-{lang}.xlsx", start=START, end=END, lang=lang, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_sheets_headers_and_formats(evil: int, tmp_path: Path, lang: str) -> None:
    path = _export(tmp_path, lang)
    wb = load_workbook(path)
    i = 1 if lang == "zh_CN" else 0
    assert wb.sheetnames == [
        *(pair[i] for pair in SHEETS.values()),
        excel_scorecard.SHEET[i],
        excel_complaints.SHEET[i],
    ]
    for name in wb.sheetnames:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
    for key, cols in COLUMNS.items():
        ws = wb[SHEETS[key][i]]
        assert [c.value for c in ws[1]] == [col[i] for col in cols], key
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(cols)).column_letter}{ws.max_row}"
        for n, col in enumerate(cols, 1):  # wide enough for the header
            width = ws.column_dimensions[ws.cell(1, n).column_letter].width
            assert width >= min(len(col[i]), 58), (key, col)
    ros = wb[SHEETS["ros"][i]]
    assert ros.max_row == 1 + 5  # A, B, C, D and the new one
    heads = [c.value for c in ros[1]]
    row = {h: c for h, c in zip(heads, ros[2], strict=True)}  # A
    arrived, total = row[COLUMNS["ros"][1][i]], row[COLUMNS["ros"][19][i]]
    assert arrived.value == T(2, 9) and arrived.number_format == "yyyy-mm-dd hh:mm"
    assert total.value == pytest.approx(836.20) and total.number_format == "¥#,##0.00"
    adv = wb[SHEETS["advisors"][i]]
    li = next(r for r in adv.iter_rows(min_row=2) if r[0].value == "李娜")
    assert li[11].value == pytest.approx(0.5) and li[11].number_format == "0.0%"  # on time


def _summary_figures(path: Path, lang: str) -> dict[str, object]:
    ws = load_workbook(path)[SHEETS["summary"][0 if lang == "en" else 1]]
    labels = {(zh if lang == "zh_CN" else en): key for key, en, zh, _ in FIGURES}
    return {labels[r[0]]: r[1] for r in ws.iter_rows(values_only=True) if r and r[0] in labels}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_summary_figures_equal_the_kpi_queries(shop: dict[str, int], tmp_path: Path, lang: str) -> None:  # noqa: F811
    path = _export(tmp_path, lang)
    got = _summary_figures(path, lang)
    want = figure_values(kpi.department(START, END))
    assert set(got) == set(want)
    for key, value in want.items():
        if value is None:
            assert got[key] is None, key
        else:
            assert got[key] == pytest.approx(float(value)), key
    assert got["total"] == pytest.approx(1638.50)  # worked out by hand in test_kpi
    assert got["on_time"] == pytest.approx(0.5)
    with zipfile.ZipFile(path) as z:  # native charts, drawn from the sheet's cells
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 6
        xml = z.read(charts[0]).decode()
        sheet = SHEETS["summary"][0 if lang == "en" else 1]
        assert f"<f>'{sheet}'!$B$" in xml or f"<f>{sheet}!$B$" in xml


def test_user_text_never_becomes_a_formula(evil: int, tmp_path: Path) -> None:
    path = _export(tmp_path)
    ws = load_workbook(path)["ROs"]
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if c.value == EVIL]
    assert len(cells) == 1
    assert cells[0].data_type == "s" and cells[0].quotePrefix  # shown as typed: '=HYP…
    with zipfile.ZipFile(path) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet2.xml").decode()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_it_and_keeps_the_literal_name(evil: int, tmp_path: Path) -> None:
    path = _export(tmp_path)
    out = tmp_path / "csv"
    profile = tmp_path / "lo-profile"
    # Sheet 2 (ROs) as UTF-8 CSV; a private profile so parallel runs do not collide.
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    produced = list(out.glob("*.csv"))
    assert len(produced) == 1, result.stdout
    with produced[0].open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][0] == "RO number"
    names = [r[3] for r in rows[1:]]
    assert EVIL in names  # the literal text, not the result "y" of an evaluated formula
    assert "y" not in names


def test_cancel_leaves_no_file_and_keeps_an_existing_one(
    shop: dict[str, int],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(excel, "CHECK_EVERY", 1)  # look at cancel() after every row
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "summary.xlsx"
    calls: list[tuple[int, int]] = []

    def cancel() -> bool:
        return len(calls) >= 4  # a few rows into the ROs sheet

    with pytest.raises(excel.ExportCancelled):
        excel.write_summary(
            target, start=START, end=END, progress=lambda d, t: calls.append((d, t)), cancel=cancel
        )
    assert 1 < calls[-1][0] < calls[-1][1]  # it stopped part-way
    assert list(tmp_path.iterdir()) == []
    target.write_bytes(b"last month's summary")
    with pytest.raises(excel.ExportCancelled):
        excel.write_summary(target, start=START, end=END, cancel=lambda: True)
    assert target.read_bytes() == b"last month's summary"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.xlsx"]


def test_progress_reaches_the_total(shop: dict[str, int], tmp_path: Path) -> None:  # noqa: F811
    calls: list[tuple[int, int]] = []
    path = tmp_path / "s.xlsx"
    excel.write_summary(path, start=START, end=END, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1][0] == calls[-1][1] > 0
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(calls))


def _cli(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    cmd = [sys.executable, str(ROOT / "main.py"), "--database", url, "--lang", "en", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT, env=env, input=stdin)


def test_cli_refuses_a_backward_range(url: str, tmp_path: Path) -> None:
    r = _cli(
        url, "export", "summary", "--from", "2026-12-01", "--to", "2026-11-01", "-o", str(tmp_path / "x.xlsx")
    )
    assert r.returncode == 2
    assert "--to is before --from" in r.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_cli_refuses_an_unwritable_path(url: str, tmp_path: Path) -> None:
    r = _cli(
        url,
        "export",
        "summary",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "-o",
        str(tmp_path / "no" / "such" / "dir" / "x.xlsx"),
    )
    assert r.returncode == 2
    assert "Cannot write" in r.stderr


def test_cli_writes_the_workbook(shop: dict[str, int], url: str, tmp_path: Path) -> None:  # noqa: F811
    out = tmp_path / "march.xlsx"
    r = _cli(
        url,
        "export",
        "summary",
        "--from",
        START.isoformat(),
        "--to",
        END.isoformat(),
        "-o",
        str(out),
        "--user",
        "admin",
        stdin=factories.PASSWORD + "\n",
    )  # the export shows customers: a login
    assert r.returncode == 0, r.stderr
    book = load_workbook(out, read_only=True)
    assert book.sheetnames[0] == "Summary"
    book.close()  # read-only holds the file open
    assert dt.date(2026, 3, 2).isoformat() in r.stdout
