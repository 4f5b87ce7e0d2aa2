"""The dashboard's QPainter charts: values written as text, clicks reported by index,
nothing to draw drawn without error."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ui.charts import BarChart, LineChart, nice_ticks, plain


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (0, [0.0, 1.0]),
        (7, [0, 2, 4, 6, 8]),
        (74, [0, 20, 40, 60, 80]),
        (1.0, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (12_500, [0, 2500, 5000, 7500, 10000, 12500]),
    ],
)
def test_nice_ticks_cover_the_top_at_a_round_step(top: float, ticks: list[float]) -> None:
    assert nice_ticks(top) == pytest.approx(ticks)


def _chart(qtbot: QtBot, chart: BarChart | LineChart) -> BarChart | LineChart:
    qtbot.addWidget(chart)
    chart.resize(480, 300)
    chart.set_title("ROs per advisor")
    chart.show()
    qtbot.waitExposed(chart)
    return chart


@pytest.mark.parametrize("horizontal", [False, True])
def test_a_click_on_a_bar_emits_its_index(qtbot: QtBot, horizontal: bool) -> None:
    chart = _chart(qtbot, BarChart(horizontal=horizontal))
    chart.set_data(["李娜", "Tom Baker", "王强"], [3, 0, 12])
    for index in (2, 1, 0):  # the zero bar is clickable too: its whole band counts
        centre = chart.bar_rect(index).center() if index != 1 else chart.item_rect(index).center()
        with qtbot.waitSignal(chart.bar_clicked, timeout=1000) as blocker:
            QTest.mouseClick(chart, Qt.MouseButton.LeftButton, pos=centre.toPoint())
        assert blocker.args == [index]


def test_a_click_beside_the_bars_emits_nothing(qtbot: QtBot) -> None:
    chart = _chart(qtbot, BarChart())
    chart.set_data(["a", "b"], [1, 2])
    with qtbot.assertNotEmitted(chart.bar_clicked):
        QTest.mouseClick(
            chart, Qt.MouseButton.LeftButton, pos=QPoint(1, 1)
        )  # (0, 0) would mean "the centre" to QTest


def test_keyboard_picks_a_bar_and_enter_drills(qtbot: QtBot) -> None:
    chart = _chart(qtbot, BarChart(horizontal=True))
    chart.set_data(["a", "b", "c"], [1, 2, 3])
    chart.setFocus()
    QTest.keyClick(chart, Qt.Key.Key_Down)
    QTest.keyClick(chart, Qt.Key.Key_Down)
    with qtbot.waitSignal(chart.bar_clicked, timeout=1000) as blocker:
        QTest.keyClick(chart, Qt.Key.Key_Return)
    assert blocker.args == [1]


def test_values_are_kept_and_written_as_text(qtbot: QtBot) -> None:
    chart = _chart(qtbot, BarChart())
    chart.set_data(["Mon", "Tue"], [4, 12.5], labels=["4 ROs", "¥12.50"])
    assert chart.values() == [4.0, 12.5]
    assert chart.categories() == ["Mon", "Tue"]
    assert chart.labels() == ["4 ROs", "¥12.50"]
    assert chart.bar_rect(1).height() > chart.bar_rect(0).height() > 0
    image = chart.grab().toImage()
    bar = chart.bar_rect(1).center().toPoint()
    assert image.pixelColor(bar) == QColor(chart._colour)  # the bar is painted where it says


def test_default_labels_are_the_values(qtbot: QtBot) -> None:
    chart = _chart(qtbot, LineChart())
    chart.set_data(["1", "2", "3"], [1, 2500, 3.25])
    assert chart.labels() == [plain(1), plain(2500), plain(3.25)] == ["1", "2.5k", "3.25"]


def test_a_click_on_a_line_point_emits_its_index(qtbot: QtBot) -> None:
    chart = _chart(qtbot, LineChart())
    chart.set_data([f"11/{d}" for d in range(1, 8)], [1, 3, 2, 0, 5, 4, 2])
    with qtbot.waitSignal(chart.bar_clicked, timeout=1000) as blocker:
        QTest.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.point(4).toPoint())
    assert blocker.args == [4]


@pytest.mark.parametrize("make", [BarChart, lambda: BarChart(horizontal=True), LineChart])
def test_empty_and_all_zero_data_draw_without_error(qtbot: QtBot, make: object) -> None:
    chart = _chart(qtbot, make())  # type: ignore[operator]
    chart.set_empty_text("No data in this period")
    chart.set_data([], [])
    assert not chart.grab().isNull()
    with qtbot.assertNotEmitted(chart.bar_clicked):
        QTest.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.rect().center())
    chart.set_data(["a", "b"], [0, 0])
    assert not chart.grab().isNull()
    chart.resize(30, 20)  # smaller than any sensible size: still no error
    assert not chart.grab().isNull()


def test_mismatched_data_is_refused(qtbot: QtBot) -> None:
    chart = _chart(qtbot, BarChart())
    with pytest.raises(ValueError):
        chart.set_data(["a"], [1, 2])
