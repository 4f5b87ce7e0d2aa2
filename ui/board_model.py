"""The foreman's job board as an item model: one row per job, one column per field.

The board's columns (per technician or per bay) are filtered views of this one model
(``GroupFilter``), so a refresh is one query and one model reset whatever the number
of columns on screen.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from advisor.codes import JobStatus
from advisor.services.views import AssignmentView
from ui import fmt
from ui import workshop_labels as labels

STATE_ROLE = Qt.ItemDataRole.UserRole + 2  # waiting | in_progress | paused | late | done
TECH_KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # "t<id>"
BAY_KEY_ROLE = Qt.ItemDataRole.UserRole + 4  # "b<id>" or "b-" (no bay)
ID_ROLE = Qt.ItemDataRole.UserRole + 5  # assignment id

NO_BAY = "b-"
MIME_TYPE = "application/x-advisor-assignment"

_Index = QModelIndex | QPersistentModelIndex


def tech_key(technician_id: int) -> str:
    return f"t{technician_id}"


def bay_key(bay_id: int | None) -> str:
    return NO_BAY if bay_id is None else f"b{bay_id}"


def key_id(key: str) -> int | None:
    """'t5' → 5, 'b3' → 3, 'b-' → None."""
    rest = key[1:]
    return int(rest) if rest.isdigit() else None


class BoardModel(QAbstractTableModel):
    PLATE, JOB, TECHNICIAN, BAY, STATUS, TIME, PROMISED = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[AssignmentView] = []
        self._by_id: dict[int, AssignmentView] = {}
        self._done_counts: dict[str, int] | None = None  # column key → finished jobs
        self._headers = self._header_texts()

    @staticmethod
    def _header_texts() -> list[str]:
        translate = labels.translate
        return [
            translate("BoardModel", "Plate"),
            translate("BoardModel", "Job"),
            translate("BoardModel", "Technician"),
            translate("BoardModel", "Bay"),
            translate("BoardModel", "Status"),
            translate("BoardModel", "Worked / planned"),
            translate("BoardModel", "Promised"),
        ]

    def retranslate(self) -> None:
        self._headers = self._header_texts()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)
        if self._jobs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._jobs) - 1, len(self._headers) - 1))

    def set_jobs(self, jobs: list[AssignmentView]) -> None:
        """Replace every job (a refresh): one reset, the views re-filter once. Work still to
        do comes first, in the services' order (priority, then planned start); the day's
        finished jobs last, the latest finished first."""
        self.beginResetModel()
        self._jobs = board_order(jobs)
        self._done_counts = None
        self._by_id = {j.id: j for j in self._jobs}
        self.endResetModel()

    def done_count(self, key: str) -> int:
        """The finished jobs of one column (a technician's or a bay's key)."""
        if self._done_counts is None:
            counts: dict[str, int] = {}
            for j in self._jobs:
                if j.status == JobStatus.DONE:
                    for k in (tech_key(j.technician_id), bay_key(j.bay_id)):
                        counts[k] = counts.get(k, 0) + 1
            self._done_counts = counts
        return self._done_counts.get(key, 0)

    def jobs(self) -> list[AssignmentView]:
        return list(self._jobs)

    def job(self, row: int) -> AssignmentView:
        return self._jobs[row]

    def job_by_id(self, assignment_id: int | None) -> AssignmentView | None:
        """The job behind a card. Views ask by ``ID_ROLE`` (an int): a Python object
        carried in a QVariant outlives its owner at exit and crashes PySide's finaliser."""
        return self._by_id.get(assignment_id) if assignment_id is not None else None

    def row_of(self, assignment_id: int) -> int:
        return next((i for i, j in enumerate(self._jobs) if j.id == assignment_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._jobs[index.row()].status != JobStatus.DONE:
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._jobs):
            return None
        job = self._jobs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(job, index.column())
        if role == STATE_ROLE:
            return labels.board_state(job)
        if role == TECH_KEY_ROLE:
            return tech_key(job.technician_id)
        if role == BAY_KEY_ROLE:
            return bay_key(job.bay_id)
        if role == ID_ROLE:
            return job.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{job.ro_number} · {job.job}\n{labels.state_text(job)}"
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.STATUS:
            return labels.colour(labels.board_state(job))[0]
        return None

    def _display(self, job: AssignmentView, column: int) -> str:
        if column == self.PLATE:
            return job.plate
        if column == self.JOB:
            return job.job
        if column == self.TECHNICIAN:
            return job.technician
        if column == self.BAY:
            return job.bay
        if column == self.STATUS:
            return labels.state_text(job)
        if column == self.TIME:
            return f"{labels.minutes(job.worked_min)} / {labels.minutes(planned_minutes(job))}"
        if column == self.PROMISED:
            return fmt.datetime(job.promised_at)
        return ""

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]


def board_order(jobs: list[AssignmentView]) -> list[AssignmentView]:
    """Open work in the given order, then finished work, the latest finished first."""
    open_ = [j for j in jobs if j.status != JobStatus.DONE]
    done = [j for j in jobs if j.status == JobStatus.DONE]
    done.sort(key=lambda j: (j.done_at or dt.datetime.min, j.id), reverse=True)
    return open_ + done


def planned_minutes(job: AssignmentView) -> int:
    return int((job.planned_end - job.planned_start) / dt.timedelta(minutes=1))


class GroupFilter(QSortFilterProxyModel):
    """The jobs of one board column: one technician or one bay; its finished jobs only
    when ``show_done`` (the column collapses them behind a count)."""

    def __init__(
        self, source: BoardModel, key: str, parent: QObject | None = None, *, show_done: bool = False
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.show_done = show_done
        self.setSourceModel(source)
        self.setFilterRole(TECH_KEY_ROLE if key.startswith("t") else BAY_KEY_ROLE)
        self.setDynamicSortFilter(False)

    def set_show_done(self, on: bool) -> None:
        if on != self.show_done:
            self.beginFilterChange()
            self.show_done = on
            self.endFilterChange()

    def _mine(self, source_row: int, source_parent: _Index) -> bool:
        # An exact match: a fixed-string filter would let 't1' match 't12'.
        value = self.sourceModel().index(source_row, 0, source_parent).data(self.filterRole())
        return bool(value == self.key)

    def _done(self, source_row: int, source_parent: _Index) -> bool:
        return bool(self.sourceModel().index(source_row, 0, source_parent).data(STATE_ROLE) == "done")

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._mine(source_row, source_parent):
            return False
        return self.show_done or not self._done(source_row, source_parent)

    def done_count(self) -> int:
        """The column's finished jobs, shown or not."""
        source = self.sourceModel()
        return source.done_count(self.key) if isinstance(source, BoardModel) else 0
