"""The main window: navigation on the left, one search/scan box on top, sync state at the bottom."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.roles import ROLE_LABELS_VI
from .actions import ActionId, ActionRegistry, action_text
from .context import AppContext
from .navigation import NAVIGATION, SPECS, PageId, PageSpec, home_page
from .scan import ScanFilter
from .search_box import SearchBox
from .sync_status import SyncMonitor, SyncStatusBar, SyncStatusProvider
from .unavailable import UnavailablePage

log = logging.getLogger(__name__)
PAGE_ROLE = Qt.ItemDataRole.UserRole + 1


class MainWindow(QMainWindow):
    """Composes the pages other modules provide; each is built the first time it is shown."""

    page_shown = Signal(str)  # the PageId's value
    sign_out_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        *,
        sync_provider: SyncStatusProvider | None = None,
        scan_filter: ScanFilter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pages: dict[PageId, QWidget] = {}
        self.current_page: PageId | None = None
        self.signed_out = False
        self.setWindowTitle(
            self.tr("One-stop counter — {commune}").format(commune=ctx.setting("commune_name", ""))
        )
        self.actions_ = ActionRegistry(self)
        for _id, action in self.actions_:
            self.addAction(action)

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(24, 24))
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet("QListWidget::item { padding: 8px 6px; }")
        for spec in NAVIGATION:
            assert spec.action is not None
            item = QListWidgetItem(
                self.style().standardIcon(spec.icon), action_text(spec.action), self.nav
            )
            item.setData(PAGE_ROLE, spec.id.value)
            item.setToolTip(self.actions_[spec.action].toolTip())
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")

        self.search = SearchBox(ctx, self)
        self.commune_label = QLabel(str(ctx.setting("commune_name", "")), self)
        self.commune_label.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.user_label = QLabel(self)
        self.user_label.setObjectName("user_label")
        self.sign_out_button = QPushButton(action_text(ActionId.SIGN_OUT), self)
        self.sign_out_button.setObjectName("sign_out_button")
        self.sign_out_button.setAutoDefault(False)
        top = QHBoxLayout()
        top.setContentsMargins(8, 6, 8, 6)
        top.addWidget(self.commune_label)
        top.addSpacing(16)
        top.addWidget(self.search, 1)
        top.addSpacing(16)
        top.addWidget(self.user_label)
        top.addSpacing(8)
        top.addWidget(self.sign_out_button)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(top)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        self.sync_bar = SyncStatusBar(ctx.workspace.tz, self)
        self.statusBar().addPermanentWidget(self.sync_bar)
        self.monitor: SyncMonitor | None = None
        if sync_provider is not None:
            self.watch_sync(sync_provider)

        self.scan_filter = scan_filter or ScanFilter(parent=self)
        self.scan_filter.code_scanned.connect(self._on_code_scanned)
        self.scanning = False  # the window's own filter listens from its first paint on
        self._listen_after_paint = scan_filter is None

        self._connect_actions()
        self.nav.currentItemChanged.connect(self._on_nav_current_item_changed)
        ctx.dossier_requested.connect(self.open_dossier)
        ctx.user_changed.connect(self._apply_user)
        self.sign_out_button.clicked.connect(self._on_sign_out_triggered)
        self._apply_user()
        self.resize(1366, 768)
        landing = self.show_page(home_page(ctx.can))
        first_field = getattr(landing, "first_field", None)
        if first_field is not None:  # typing goes to the form one lands on, not to the list
            first_field.setFocus()

    # ---- public -------------------------------------------------------------------------------

    def allowed(self, spec: PageSpec) -> bool:
        return self.ctx.can(spec.permission)

    def show_page(self, page_id: PageId) -> QWidget | None:
        """Show a page (building it on first visit); None when the user's role may not see it."""
        spec = SPECS[page_id]
        if not self.allowed(spec):
            self.statusBar().showMessage(self.tr("Your role cannot open this screen."), 5000)
            return None
        page = self.page(page_id)
        self.stack.setCurrentWidget(page)
        self.current_page = page_id
        self._select_nav(PageId.DOSSIERS if page_id is PageId.DOSSIER else page_id)
        self.search.hide_results()
        self.page_shown.emit(page_id.value)
        return page

    def page(self, page_id: PageId) -> QWidget:
        """The page's widget, built now if this is its first use."""
        if page_id not in self.pages:
            page = self._build_page(SPECS[page_id])
            page.setObjectName(f"page_{page_id.value}")
            self.pages[page_id] = page
            self.stack.addWidget(page)
        return self.pages[page_id]

    def watch_sync(self, provider: SyncStatusProvider) -> None:
        """Show what ``provider`` says in the status bar, polled from now on (on the worker)."""
        if self.monitor is not None:
            self.monitor.stop()
        self.monitor = SyncMonitor(provider, ops=self.ctx.ops, parent=self)
        self.monitor.status_changed.connect(self.sync_bar.show_status)
        self.monitor.failed.connect(self.sync_bar.show_problem)
        self.monitor.start()

    def open_dossier(self, code: str) -> None:
        page = self.page(PageId.DOSSIER)
        show = getattr(page, "show_dossier", None)
        if show is not None:
            show(code)
        self.show_page(PageId.DOSSIER)

    # ---- internals ----------------------------------------------------------------------------

    def _build_page(self, spec: PageSpec) -> QWidget:
        title = action_text(spec.action) if spec.action else self.tr("Dossier")
        try:
            module = importlib.import_module(f"{__package__}.{spec.module}")
            cls = getattr(module, spec.cls)
            page = cls(self.ctx, self)
        except ModuleNotFoundError as error:
            log.warning("page %s unavailable: %s", spec.id.value, error)
            return UnavailablePage(title, parent=self)
        except Exception as error:  # noqa: BLE001 - one broken screen must not stop the counter
            log.exception("page %s failed to start", spec.id.value)
            reason = QCoreApplication.translate(
                "MainWindow", "It could not start ({kind}: {detail})."
            ).format(kind=type(error).__name__, detail=error)
            return UnavailablePage(title, reason, parent=self)
        assert isinstance(page, QWidget)
        return page

    def _connect_actions(self) -> None:
        for spec in NAVIGATION:
            assert spec.action is not None
            self.actions_[spec.action].triggered.connect(
                lambda _checked=False, page_id=spec.id: self.show_page(page_id)
            )
        self.actions_[ActionId.SEARCH].triggered.connect(self.search.focus)
        self.actions_[ActionId.REFRESH].triggered.connect(self.ctx.data_changed.emit)
        self.actions_[ActionId.SIGN_OUT].triggered.connect(self._on_sign_out_triggered)
        self.actions_[ActionId.QUIT].triggered.connect(self.close)

    def _apply_user(self) -> None:
        user = self.ctx.user
        self.user_label.setText(f"{user.full_name} · {ROLE_LABELS_VI[user.role]}")
        self.user_label.setMinimumWidth(self.user_label.sizeHint().width())  # never cut short
        self.actions_.apply_permissions(self.ctx.can)
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            item.setHidden(not self.allowed(SPECS[PageId(item.data(PAGE_ROLE))]))

    def _select_nav(self, page_id: PageId) -> None:
        self.nav.blockSignals(True)
        try:
            for row in range(self.nav.count()):
                item = self.nav.item(row)
                if item.data(PAGE_ROLE) == page_id.value:
                    self.nav.setCurrentItem(item)
                    break
        finally:
            self.nav.blockSignals(False)

    def _on_nav_current_item_changed(self, current: QListWidgetItem | None, _prev: object) -> None:
        if current is not None:
            self.show_page(PageId(current.data(PAGE_ROLE)))

    def _on_code_scanned(self, code: str) -> None:
        if QApplication.activeModalWidget() is None:  # not while a dialog waits for an answer
            self.ctx.dossier_requested.emit(code)

    def _on_sign_out_triggered(self) -> None:
        self.signed_out = True
        self.sign_out_requested.emit()
        self.close()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self._listen_after_paint:
            self._listen_after_paint = False
            QTimer.singleShot(0, self, self._listen_for_scans)  # once this paint is on screen

    def _listen_for_scans(self) -> None:
        """Install the scanner's application-wide filter, once the window is on screen.

        Every event of every object passes through it, and the first time an object of a new
        class does, PySide sets up that class's Python type and enums: some 130 enum types at the
        first paint, about 40 ms of the start on the benchmark's machine. Before the window has
        painted no key can reach it anyway, so the first paint does not wait for that.
        """
        app = QApplication.instance()
        if isinstance(app, QApplication) and not self.signed_out and self.isVisible():
            self.scan_filter.install(app)
            self.scanning = True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.monitor is not None:
            self.monitor.stop()
        app = QApplication.instance()
        self._listen_after_paint = self.scanning = False
        if app is not None:
            app.removeEventFilter(self.scan_filter)
        super().closeEvent(event)
