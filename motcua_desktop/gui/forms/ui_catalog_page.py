# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'catalog_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTabWidget,
    QTableView, QVBoxLayout, QWidget)

class Ui_CatalogPage(object):
    def setupUi(self, CatalogPage):
        if not CatalogPage.objectName():
            CatalogPage.setObjectName(u"CatalogPage")
        CatalogPage.resize(1100, 680)
        self.page_layout = QVBoxLayout(CatalogPage)
        self.page_layout.setObjectName(u"page_layout")
        self.tabs = QTabWidget(CatalogPage)
        self.tabs.setObjectName(u"tabs")
        self.procedures_tab = QWidget()
        self.procedures_tab.setObjectName(u"procedures_tab")
        self.procedures_layout = QVBoxLayout(self.procedures_tab)
        self.procedures_layout.setObjectName(u"procedures_layout")
        self.search_row = QHBoxLayout()
        self.search_row.setObjectName(u"search_row")
        self.search_edit = QLineEdit(self.procedures_tab)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.search_row.addWidget(self.search_edit)

        self.edit_button = QPushButton(self.procedures_tab)
        self.edit_button.setObjectName(u"edit_button")

        self.search_row.addWidget(self.edit_button)

        self.import_button = QPushButton(self.procedures_tab)
        self.import_button.setObjectName(u"import_button")

        self.search_row.addWidget(self.import_button)

        self.export_button = QPushButton(self.procedures_tab)
        self.export_button.setObjectName(u"export_button")

        self.search_row.addWidget(self.export_button)


        self.procedures_layout.addLayout(self.search_row)

        self.procedures_view = QTableView(self.procedures_tab)
        self.procedures_view.setObjectName(u"procedures_view")
        self.procedures_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.procedures_view.setAlternatingRowColors(True)
        self.procedures_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.procedures_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.procedures_view.horizontalHeader().setStretchLastSection(True)
        self.procedures_view.verticalHeader().setVisible(False)

        self.procedures_layout.addWidget(self.procedures_view)

        self.catalog_status_label = QLabel(self.procedures_tab)
        self.catalog_status_label.setObjectName(u"catalog_status_label")
        self.catalog_status_label.setWordWrap(True)

        self.procedures_layout.addWidget(self.catalog_status_label)

        self.import_errors_box = QGroupBox(self.procedures_tab)
        self.import_errors_box.setObjectName(u"import_errors_box")
        self.import_errors_layout = QVBoxLayout(self.import_errors_box)
        self.import_errors_layout.setObjectName(u"import_errors_layout")
        self.import_errors_list = QListWidget(self.import_errors_box)
        self.import_errors_list.setObjectName(u"import_errors_list")
        self.import_errors_list.setMaximumSize(QSize(16777215, 140))
        self.import_errors_list.setWordWrap(True)

        self.import_errors_layout.addWidget(self.import_errors_list)

        self.import_errors_buttons = QHBoxLayout()
        self.import_errors_buttons.setObjectName(u"import_errors_buttons")
        self.import_errors_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.import_errors_buttons.addItem(self.import_errors_spacer)

        self.import_valid_button = QPushButton(self.import_errors_box)
        self.import_valid_button.setObjectName(u"import_valid_button")

        self.import_errors_buttons.addWidget(self.import_valid_button)

        self.dismiss_errors_button = QPushButton(self.import_errors_box)
        self.dismiss_errors_button.setObjectName(u"dismiss_errors_button")

        self.import_errors_buttons.addWidget(self.dismiss_errors_button)


        self.import_errors_layout.addLayout(self.import_errors_buttons)


        self.procedures_layout.addWidget(self.import_errors_box)

        self.tabs.addTab(self.procedures_tab, "")
        self.calendar_tab = QWidget()
        self.calendar_tab.setObjectName(u"calendar_tab")
        self.calendar_layout = QVBoxLayout(self.calendar_tab)
        self.calendar_layout.setObjectName(u"calendar_layout")
        self.year_row = QHBoxLayout()
        self.year_row.setObjectName(u"year_row")
        self.year_caption = QLabel(self.calendar_tab)
        self.year_caption.setObjectName(u"year_caption")

        self.year_row.addWidget(self.year_caption)

        self.year_spin = QSpinBox(self.calendar_tab)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(2000)
        self.year_spin.setMaximum(2100)

        self.year_row.addWidget(self.year_spin)

        self.year_summary_label = QLabel(self.calendar_tab)
        self.year_summary_label.setObjectName(u"year_summary_label")
        self.year_summary_label.setWordWrap(True)

        self.year_row.addWidget(self.year_summary_label)

        self.year_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.year_row.addItem(self.year_spacer)


        self.calendar_layout.addLayout(self.year_row)

        self.overrides_view = QTableView(self.calendar_tab)
        self.overrides_view.setObjectName(u"overrides_view")
        self.overrides_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overrides_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.overrides_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overrides_view.horizontalHeader().setStretchLastSection(True)
        self.overrides_view.verticalHeader().setVisible(False)

        self.calendar_layout.addWidget(self.overrides_view)

        self.override_box = QGroupBox(self.calendar_tab)
        self.override_box.setObjectName(u"override_box")
        self.override_row = QHBoxLayout(self.override_box)
        self.override_row.setObjectName(u"override_row")
        self.override_date = QDateEdit(self.override_box)
        self.override_date.setObjectName(u"override_date")
        self.override_date.setDisplayFormat(u"dd/MM/yyyy")
        self.override_date.setCalendarPopup(True)

        self.override_row.addWidget(self.override_date)

        self.override_kind_combo = QComboBox(self.override_box)
        self.override_kind_combo.setObjectName(u"override_kind_combo")

        self.override_row.addWidget(self.override_kind_combo)

        self.override_note_edit = QLineEdit(self.override_box)
        self.override_note_edit.setObjectName(u"override_note_edit")

        self.override_row.addWidget(self.override_note_edit)

        self.add_override_button = QPushButton(self.override_box)
        self.add_override_button.setObjectName(u"add_override_button")

        self.override_row.addWidget(self.add_override_button)

        self.remove_override_button = QPushButton(self.override_box)
        self.remove_override_button.setObjectName(u"remove_override_button")

        self.override_row.addWidget(self.remove_override_button)


        self.calendar_layout.addWidget(self.override_box)

        self.calendar_status_label = QLabel(self.calendar_tab)
        self.calendar_status_label.setObjectName(u"calendar_status_label")
        self.calendar_status_label.setWordWrap(True)

        self.calendar_layout.addWidget(self.calendar_status_label)

        self.tabs.addTab(self.calendar_tab, "")

        self.page_layout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.year_caption.setBuddy(self.year_spin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CatalogPage)

        QMetaObject.connectSlotsByName(CatalogPage)
    # setupUi

    def retranslateUi(self, CatalogPage):
        CatalogPage.setWindowTitle(QCoreApplication.translate("CatalogPage", u"Catalog", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("CatalogPage", u"Search code or name, with or without diacritics", None))
        self.edit_button.setText(QCoreApplication.translate("CatalogPage", u"&Edit\u2026", None))
        self.import_button.setText(QCoreApplication.translate("CatalogPage", u"&Import\u2026", None))
        self.export_button.setText(QCoreApplication.translate("CatalogPage", u"E&xport\u2026", None))
        self.import_errors_box.setTitle(QCoreApplication.translate("CatalogPage", u"Rows the import could not read", None))
        self.import_valid_button.setText(QCoreApplication.translate("CatalogPage", u"Import the valid rows, skip the others", None))
        self.dismiss_errors_button.setText(QCoreApplication.translate("CatalogPage", u"Close", None))
        self.tabs.setTabText(self.tabs.indexOf(self.procedures_tab), QCoreApplication.translate("CatalogPage", u"Procedures", None))
        self.year_caption.setText(QCoreApplication.translate("CatalogPage", u"&Year:", None))
        self.override_box.setTitle(QCoreApplication.translate("CatalogPage", u"Change one day", None))
        self.override_note_edit.setPlaceholderText(QCoreApplication.translate("CatalogPage", u"Note: the notice that announced it", None))
        self.add_override_button.setText(QCoreApplication.translate("CatalogPage", u"&Add", None))
        self.remove_override_button.setText(QCoreApplication.translate("CatalogPage", u"&Remove selected", None))
        self.tabs.setTabText(self.tabs.indexOf(self.calendar_tab), QCoreApplication.translate("CatalogPage", u"Working calendar", None))
    # retranslateUi

