# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'list_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_DossierListPage(object):
    def setupUi(self, DossierListPage):
        if not DossierListPage.objectName():
            DossierListPage.setObjectName(u"DossierListPage")
        DossierListPage.resize(1100, 680)
        self.page_layout = QVBoxLayout(DossierListPage)
        self.page_layout.setObjectName(u"page_layout")
        self.filter_row = QHBoxLayout()
        self.filter_row.setObjectName(u"filter_row")
        self.status_caption = QLabel(DossierListPage)
        self.status_caption.setObjectName(u"status_caption")

        self.filter_row.addWidget(self.status_caption)

        self.status_combo = QComboBox(DossierListPage)
        self.status_combo.setObjectName(u"status_combo")

        self.filter_row.addWidget(self.status_combo)

        self.field_caption = QLabel(DossierListPage)
        self.field_caption.setObjectName(u"field_caption")

        self.filter_row.addWidget(self.field_caption)

        self.field_combo = QComboBox(DossierListPage)
        self.field_combo.setObjectName(u"field_combo")
        self.field_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.field_combo.setMinimumContentsLength(16)

        self.filter_row.addWidget(self.field_combo)

        self.channel_caption = QLabel(DossierListPage)
        self.channel_caption.setObjectName(u"channel_caption")

        self.filter_row.addWidget(self.channel_caption)

        self.channel_combo = QComboBox(DossierListPage)
        self.channel_combo.setObjectName(u"channel_combo")

        self.filter_row.addWidget(self.channel_combo)

        self.filter_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filter_row.addItem(self.filter_spacer)


        self.page_layout.addLayout(self.filter_row)

        self.date_row = QHBoxLayout()
        self.date_row.setObjectName(u"date_row")
        self.from_check = QCheckBox(DossierListPage)
        self.from_check.setObjectName(u"from_check")

        self.date_row.addWidget(self.from_check)

        self.from_date = QDateEdit(DossierListPage)
        self.from_date.setObjectName(u"from_date")
        self.from_date.setEnabled(False)
        self.from_date.setDisplayFormat(u"dd/MM/yyyy")
        self.from_date.setCalendarPopup(True)

        self.date_row.addWidget(self.from_date)

        self.to_check = QCheckBox(DossierListPage)
        self.to_check.setObjectName(u"to_check")

        self.date_row.addWidget(self.to_check)

        self.to_date = QDateEdit(DossierListPage)
        self.to_date.setObjectName(u"to_date")
        self.to_date.setEnabled(False)
        self.to_date.setDisplayFormat(u"dd/MM/yyyy")
        self.to_date.setCalendarPopup(True)

        self.date_row.addWidget(self.to_date)

        self.late_check = QCheckBox(DossierListPage)
        self.late_check.setObjectName(u"late_check")

        self.date_row.addWidget(self.late_check)

        self.date_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.date_row.addItem(self.date_spacer)

        self.clear_button = QPushButton(DossierListPage)
        self.clear_button.setObjectName(u"clear_button")

        self.date_row.addWidget(self.clear_button)

        self.export_button = QPushButton(DossierListPage)
        self.export_button.setObjectName(u"export_button")

        self.date_row.addWidget(self.export_button)


        self.page_layout.addLayout(self.date_row)

        self.table_view = QTableView(DossierListPage)
        self.table_view.setObjectName(u"table_view")
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setSortingEnabled(True)
        self.table_view.setWordWrap(False)
        self.table_view.horizontalHeader().setStretchLastSection(True)
        self.table_view.verticalHeader().setVisible(False)

        self.page_layout.addWidget(self.table_view)

        self.count_label = QLabel(DossierListPage)
        self.count_label.setObjectName(u"count_label")

        self.page_layout.addWidget(self.count_label)

#if QT_CONFIG(shortcut)
        self.status_caption.setBuddy(self.status_combo)
        self.field_caption.setBuddy(self.field_combo)
        self.channel_caption.setBuddy(self.channel_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DossierListPage)

        QMetaObject.connectSlotsByName(DossierListPage)
    # setupUi

    def retranslateUi(self, DossierListPage):
        DossierListPage.setWindowTitle(QCoreApplication.translate("DossierListPage", u"Dossiers", None))
        self.status_caption.setText(QCoreApplication.translate("DossierListPage", u"&Status:", None))
        self.field_caption.setText(QCoreApplication.translate("DossierListPage", u"&Field:", None))
        self.channel_caption.setText(QCoreApplication.translate("DossierListPage", u"C&hannel:", None))
        self.from_check.setText(QCoreApplication.translate("DossierListPage", u"Received &from", None))
        self.to_check.setText(QCoreApplication.translate("DossierListPage", u"&to", None))
        self.late_check.setText(QCoreApplication.translate("DossierListPage", u"&Late only", None))
        self.clear_button.setText(QCoreApplication.translate("DossierListPage", u"Clear filters", None))
        self.export_button.setText(QCoreApplication.translate("DossierListPage", u"&Export to Excel\u2026", None))
    # retranslateUi

