"""Sheets and workbooks print a stored code in the words of its ``advisor.codes`` enum:
one table, so a change request's status reads the same on the settlement sheet, in the
workbook and on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from advisor import codes
from advisor.models import ChangeRequest, EstimateLine
from reports import excel
from reports.excel_labels import COLUMNS, SHEETS
from reports.i18n_text import CODES, code
from tests.unit.test_kpi import END, START, T, shop  # noqa: F401  (the hand-built dataset)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_sheet_prints_each_code_in_its_enum_words(lang: str) -> None:
    for group, kind in CODES.items():
        for member in kind:
            if member:  # an empty code prints nothing on a sheet
                assert code(group, member, lang) == member.label(lang), (group, member)
    assert code("cr_status", "", lang) == ""
    assert code("pay_method", "bitcoin", lang) == "bitcoin"


def _column(ws: object, sheet: str, header_en: str, lang: str) -> list[str]:
    index = next(i for i, (en, _zh, _kind) in enumerate(COLUMNS[sheet]) if en == header_en)
    return [row[index] for row in ws.iter_rows(min_row=2, values_only=True) if row[0]]  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_workbook_shows_the_same_words_as_the_sheets(
    shop: dict[str, int],  # noqa: F811
    tmp_path: Path,
    lang: str,
    request: pytest.FixtureRequest,
) -> None:
    ChangeRequest.update(raised_at=T(4, 10)).execute()  # into the workbook's period
    path = excel.write_summary(tmp_path / "w.xlsx", start=START, end=END, lang=lang)
    wb = load_workbook(path, read_only=True)
    request.addfinalizer(wb.close)  # read-only holds the file open until closed
    pick = 0 if lang == "en" else 1
    changes = wb[SHEETS["changes"][pick]]
    stored = [c.status for c in ChangeRequest.select().order_by(ChangeRequest.id)]
    assert stored, "the dataset has a change request"
    shown = _column(changes, "changes", "Status", lang)
    # The change request's own words, not a line's "Approved" (one flat table mixed them up).
    assert shown == [code("cr_status", s, lang) for s in stored]
    assert shown == [codes.ChangeStatus(s).label(lang) for s in stored]
    lines = wb[SHEETS["lines"][pick]]
    statuses = set(_column(lines, "lines", "Status", lang))
    kinds = set(_column(lines, "lines", "Type", lang))
    stored_statuses = {s for (s,) in EstimateLine.select(EstimateLine.status).distinct().tuples()}
    assert statuses <= {codes.LineStatus(s).label(lang) for s in stored_statuses}
    assert statuses and kinds <= {code("kind", k, lang) for k in codes.LineKind}
