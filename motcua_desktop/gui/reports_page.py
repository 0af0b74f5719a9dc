"""Báo cáo: pick a period, see the table, the on-time rate month by month and the late list; export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QPointF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import MotcuaError
from ..domain.report_periods import Period, PeriodKind, custom_period, month_of, official_period
from ..services.reports import ReportResult, ReportService
from .context import AppContext
from .message_bar import MessageBar
from .messages import error_text
from .report_models import LateListModel, ReportTableModel

PERIOD_NAMES = (
    (PeriodKind.MONTH, QT_TRANSLATE_NOOP("ReportsPage", "Month")),
    (PeriodKind.QUARTER, QT_TRANSLATE_NOOP("ReportsPage", "Quarter")),
    (PeriodKind.HALF, QT_TRANSLATE_NOOP("ReportsPage", "6 months")),
    (PeriodKind.NINE, QT_TRANSLATE_NOOP("ReportsPage", "9 months")),
    (PeriodKind.YEAR, QT_TRANSLATE_NOOP("ReportsPage", "Year")),
    (PeriodKind.CUSTOM, QT_TRANSLATE_NOOP("ReportsPage", "From … to …")),
)
GROUP_NAMES = (
    ("field", QT_TRANSLATE_NOOP("ReportsPage", "By field")),
    ("procedure", QT_TRANSLATE_NOOP("ReportsPage", "By procedure")),
    ("unit", QT_TRANSLATE_NOOP("ReportsPage", "By unit")),
)


@dataclass(frozen=True)
class Loaded:
    """What one refresh brings back from the worker: plain data only."""

    result: ReportResult
    data: dict[str, Any]
    trend: list[dict[str, Any]]


class ReportsPage(QWidget):
    """The period picker, the report table, the chart of the on-time rate, the late list."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.loaded: Loaded | None = None
        # Injected in tests: asks where to save ("pdf" or "xlsx"); None when cancelled.
        self.ask_path: Callable[[str], Path | None] = self._ask_path
        today = ctx.workspace.clock().astimezone(ctx.workspace.tz).date()
        last_month = month_of(today)

        self.heading = QLabel(self.tr("Periodic reports"), self)
        self.heading.setObjectName("page_heading")
        self.kind = QComboBox(self)
        for kind, name in PERIOD_NAMES:
            self.kind.addItem(QCoreApplication.translate("ReportsPage", name), kind.value)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(last_month.year or today.year)
        self.year.setPrefix(self.tr("Year "))
        self.index = QSpinBox(self)
        self.index.setRange(1, 12)
        self.index.setValue(last_month.index or 1)
        self.date_from = QDateEdit(QDate(today.year, today.month, 1), self)
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.group = QComboBox(self)
        for value, name in GROUP_NAMES:
            self.group.addItem(QCoreApplication.translate("ReportsPage", name), value)
        self.show_button = QPushButton(self.tr("&Show"), self)
        self.pdf_button = QPushButton(self.tr("Export &PDF…"), self)
        self.xlsx_button = QPushButton(self.tr("Export &Excel…"), self)
        self.message = MessageBar(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)

        self.model = ReportTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # Seventeen counts side by side at 1366 px: narrow columns, their titles wrapped.
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(self.fontMetrics().height() * 4)
        header.setDefaultSectionSize(self.fontMetrics().horizontalAdvance("0") * 9)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.late_model = LateListModel(ctx.workspace.tz, self)
        self.late_table = QTableView(self)
        self.late_table.setModel(self.late_model)
        late_header = self.late_table.horizontalHeader()
        late_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        late_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.late_table.verticalHeader().hide()
        self.chart = QChart()
        self.chart.legend().hide()
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, self.tr("Report"))
        self.tabs.addTab(self.chart_view, self.tr("On-time rate by month"))
        self.tabs.addTab(self.late_table, self.tr("Late list"))

        picker = QHBoxLayout()
        for widget in (self.kind, self.year, self.index, self.date_from, self.date_to, self.group):
            picker.addWidget(widget)
        picker.addWidget(self.show_button)
        picker.addStretch(1)
        picker.addWidget(self.pdf_button)
        picker.addWidget(self.xlsx_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(picker)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.show_button.clicked.connect(self.refresh)
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self._export("xlsx"))
        self._on_kind_changed()
        self._set_exportable(False)
        self.refresh()

    # ---- the period ------------------------------------------------------------------------

    def period(self) -> Period:
        kind = PeriodKind(self.kind.currentData())
        if kind is PeriodKind.CUSTOM:
            start, end = self.date_from.date(), self.date_to.date()
            return custom_period(
                date(start.year(), start.month(), start.day()),
                date(end.year(), end.month(), end.day()),
            )
        index = self.index.value() if kind in (PeriodKind.MONTH, PeriodKind.QUARTER) else None
        return official_period(kind, self.year.value(), index)

    def _on_kind_changed(self) -> None:
        kind = PeriodKind(self.kind.currentData())
        custom = kind is PeriodKind.CUSTOM
        self.year.setVisible(not custom)
        self.index.setVisible(kind in (PeriodKind.MONTH, PeriodKind.QUARTER))
        self.index.setMaximum(12 if kind is PeriodKind.MONTH else 4)
        self.index.setPrefix(self.tr("Month ") if kind is PeriodKind.MONTH else self.tr("Quarter "))
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)

    # ---- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Build the report on the database worker; the screen updates when it is back."""
        try:
            period = self.period()
        except MotcuaError as error:  # a range the user typed backwards
            self._on_failed(error)
            return
        by = str(self.group.currentData())
        workspace = self._ctx.workspace
        trend_year = period.year or month_of(period.end).year or period.end.year

        def work() -> Loaded:
            service = ReportService(workspace)
            result = service.build(period, by, late_list=True)
            return Loaded(result, result.to_dict(), service.on_time_by_month(trend_year))

        self.show_button.setEnabled(False)
        self._ctx.query(work, self._on_loaded, self._on_failed)

    def _on_loaded(self, loaded: Loaded) -> None:
        self.show_button.setEnabled(True)
        self.message.hide()
        self.loaded = loaded
        data = loaded.data
        self.model.set_report(data)
        self.late_model.set_entries(data.get("late_list") or [])
        total = data["total"]
        self.summary.setText(
            self.tr("{period}. Figures up to {as_of}. Late or overdue dossiers: {late}.").format(
                period=data["period"]["label"],
                as_of=f"{loaded.result.as_of.astimezone(self._ctx.workspace.tz):%H:%M %d/%m/%Y}",
                late=len(data.get("late_list") or []),
            )
            + " "
            + self.tr("Satisfaction: very satisfied {a}, satisfied {b}, dissatisfied {c}.").format(
                a=total["very_satisfied"], b=total["satisfied"], c=total["unsatisfied"]
            )
        )
        self._draw_trend(loaded.trend)
        self._set_exportable(True)

    def _on_failed(self, error: Exception) -> None:
        self.show_button.setEnabled(True)
        self.loaded = None
        self.model.set_report(None)
        self.late_model.set_entries([])
        self.summary.clear()
        self._set_exportable(False)
        self.message.show_message(error_text(error), level="error")

    def _draw_trend(self, trend: list[dict[str, Any]]) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QLineSeries()
        series.setName(self.tr("On-time rate (%)"))
        for number, month in enumerate(trend, start=1):
            if month["on_time_rate"] is not None:
                series.append(QPointF(number, month["on_time_rate"]))
        self.chart.addSeries(series)
        x_axis, y_axis = QValueAxis(), QValueAxis()
        x_axis.setRange(1, 12)
        x_axis.setTickCount(12)
        x_axis.setLabelFormat("%d")
        x_axis.setTitleText(self.tr("Month of the reporting year"))
        y_axis.setRange(0, 100)
        y_axis.setTitleText(self.tr("On-time rate (%)"))
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        self.chart.setTitle(self.tr("On-time rate by month"))

    # ---- export ----------------------------------------------------------------------------

    def _set_exportable(self, enabled: bool) -> None:
        self.pdf_button.setEnabled(enabled)
        self.xlsx_button.setEnabled(enabled)

    def _ask_path(self, kind: str) -> Path | None:
        caption = (
            self.tr("Save the report as PDF")
            if kind == "pdf"
            else self.tr("Save the report as Excel")
        )
        name = "bao-cao." + kind
        pattern = "PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, caption, name, pattern, options=QFileDialog.Option.DontUseNativeDialog
        )
        return Path(chosen) if chosen else None

    def _export(self, kind: str) -> None:
        if self.loaded is None:
            return
        path = self.ask_path(kind)
        if path is None:
            return
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        result, workspace, actor = self.loaded.result, self._ctx.workspace, self._ctx.user

        def work() -> Path:
            # reportlab and openpyxl load on the first export, not when the screen first opens.
            from ..services.report_export import write_report

            # The late list names applicants only for a role that may export personal data.
            return write_report(workspace, result, path, actor=actor)

        self._ctx.query(work, self._on_exported, self._on_export_failed)

    def _on_exported(self, path: Path) -> None:
        self.message.show_message(self.tr("Saved {path}").format(path=path), level="success")

    def _on_export_failed(self, error: Exception) -> None:
        self.message.show_message(error_text(error), level="error")
