# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'return_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_ReturnPage(object):
    def setupUi(self, ReturnPage):
        if not ReturnPage.objectName():
            ReturnPage.setObjectName(u"ReturnPage")
        ReturnPage.resize(1100, 680)
        self.page_layout = QVBoxLayout(ReturnPage)
        self.page_layout.setObjectName(u"page_layout")
        self.hint_label = QLabel(ReturnPage)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.page_layout.addWidget(self.hint_label)

        self.table_view = QTableView(ReturnPage)
        self.table_view.setObjectName(u"table_view")
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.horizontalHeader().setStretchLastSection(True)
        self.table_view.verticalHeader().setVisible(False)

        self.page_layout.addWidget(self.table_view)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.count_label = QLabel(ReturnPage)
        self.count_label.setObjectName(u"count_label")

        self.button_row.addWidget(self.count_label)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_spacer)

        self.open_button = QPushButton(ReturnPage)
        self.open_button.setObjectName(u"open_button")

        self.button_row.addWidget(self.open_button)

        self.return_button = QPushButton(ReturnPage)
        self.return_button.setObjectName(u"return_button")

        self.button_row.addWidget(self.return_button)


        self.page_layout.addLayout(self.button_row)


        self.retranslateUi(ReturnPage)

        QMetaObject.connectSlotsByName(ReturnPage)
    # setupUi

    def retranslateUi(self, ReturnPage):
        ReturnPage.setWindowTitle(QCoreApplication.translate("ReturnPage", u"Return results", None))
        self.hint_label.setText(QCoreApplication.translate("ReturnPage", u"Results ready to hand back, the longest waiting first. Choose one, then \u00abReturn result\u2026\u00bb.", None))
        self.open_button.setText(QCoreApplication.translate("ReturnPage", u"&Open dossier", None))
        self.return_button.setText(QCoreApplication.translate("ReturnPage", u"&Return result\u2026", None))
    # retranslateUi

