# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dossier_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QStackedWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_DossierPage(object):
    def setupUi(self, DossierPage):
        if not DossierPage.objectName():
            DossierPage.setObjectName(u"DossierPage")
        DossierPage.resize(1100, 680)
        self.page_layout = QVBoxLayout(DossierPage)
        self.page_layout.setObjectName(u"page_layout")
        self.stack = QStackedWidget(DossierPage)
        self.stack.setObjectName(u"stack")
        self.empty_page = QWidget()
        self.empty_page.setObjectName(u"empty_page")
        self.empty_layout = QVBoxLayout(self.empty_page)
        self.empty_layout.setObjectName(u"empty_layout")
        self.empty_label = QLabel(self.empty_page)
        self.empty_label.setObjectName(u"empty_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        self.empty_layout.addWidget(self.empty_label)

        self.stack.addWidget(self.empty_page)
        self.dossier_view = QWidget()
        self.dossier_view.setObjectName(u"dossier_view")
        self.view_layout = QVBoxLayout(self.dossier_view)
        self.view_layout.setObjectName(u"view_layout")
        self.view_layout.setContentsMargins(0, 0, 0, 0)
        self.title_row = QHBoxLayout()
        self.title_row.setObjectName(u"title_row")
        self.code_label = QLabel(self.dossier_view)
        self.code_label.setObjectName(u"code_label")
        self.code_label.setText(u"\u2014")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.title_row.addWidget(self.code_label)

        self.status_icon = QLabel(self.dossier_view)
        self.status_icon.setObjectName(u"status_icon")
        self.status_icon.setMinimumSize(QSize(20, 20))

        self.title_row.addWidget(self.status_icon)

        self.status_label = QLabel(self.dossier_view)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setText(u"\u2014")

        self.title_row.addWidget(self.status_label)

        self.title_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.title_row.addItem(self.title_spacer)

        self.print_control_button = QPushButton(self.dossier_view)
        self.print_control_button.setObjectName(u"print_control_button")

        self.title_row.addWidget(self.print_control_button)

        self.print_receipt_button = QPushButton(self.dossier_view)
        self.print_receipt_button.setObjectName(u"print_receipt_button")

        self.title_row.addWidget(self.print_receipt_button)


        self.view_layout.addLayout(self.title_row)

        self.header_box = QGroupBox(self.dossier_view)
        self.header_box.setObjectName(u"header_box")
        self.header_grid = QGridLayout(self.header_box)
        self.header_grid.setObjectName(u"header_grid")
        self.procedure_caption = QLabel(self.header_box)
        self.procedure_caption.setObjectName(u"procedure_caption")

        self.header_grid.addWidget(self.procedure_caption, 0, 0, 1, 1)

        self.procedure_value = QLabel(self.header_box)
        self.procedure_value.setObjectName(u"procedure_value")
        self.procedure_value.setWordWrap(True)
        self.procedure_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.header_grid.addWidget(self.procedure_value, 0, 1, 1, 3)

        self.applicant_caption = QLabel(self.header_box)
        self.applicant_caption.setObjectName(u"applicant_caption")

        self.header_grid.addWidget(self.applicant_caption, 1, 0, 1, 1)

        self.applicant_value = QLabel(self.header_box)
        self.applicant_value.setObjectName(u"applicant_value")
        self.applicant_value.setWordWrap(True)
        self.applicant_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.header_grid.addWidget(self.applicant_value, 1, 1, 1, 1)

        self.received_caption = QLabel(self.header_box)
        self.received_caption.setObjectName(u"received_caption")

        self.header_grid.addWidget(self.received_caption, 1, 2, 1, 1)

        self.received_value = QLabel(self.header_box)
        self.received_value.setObjectName(u"received_value")

        self.header_grid.addWidget(self.received_value, 1, 3, 1, 1)

        self.appointment_caption = QLabel(self.header_box)
        self.appointment_caption.setObjectName(u"appointment_caption")

        self.header_grid.addWidget(self.appointment_caption, 2, 0, 1, 1)

        self.appointment_value = QLabel(self.header_box)
        self.appointment_value.setObjectName(u"appointment_value")

        self.header_grid.addWidget(self.appointment_value, 2, 1, 1, 1)

        self.rescheduled_caption = QLabel(self.header_box)
        self.rescheduled_caption.setObjectName(u"rescheduled_caption")

        self.header_grid.addWidget(self.rescheduled_caption, 2, 2, 1, 1)

        self.rescheduled_value = QLabel(self.header_box)
        self.rescheduled_value.setObjectName(u"rescheduled_value")

        self.header_grid.addWidget(self.rescheduled_value, 2, 3, 1, 1)

        self.holder_caption = QLabel(self.header_box)
        self.holder_caption.setObjectName(u"holder_caption")

        self.header_grid.addWidget(self.holder_caption, 3, 0, 1, 1)

        self.holder_value = QLabel(self.header_box)
        self.holder_value.setObjectName(u"holder_value")
        self.holder_value.setWordWrap(True)

        self.header_grid.addWidget(self.holder_value, 3, 1, 1, 1)

        self.channel_caption = QLabel(self.header_box)
        self.channel_caption.setObjectName(u"channel_caption")

        self.header_grid.addWidget(self.channel_caption, 3, 2, 1, 1)

        self.channel_value = QLabel(self.header_box)
        self.channel_value.setObjectName(u"channel_value")

        self.header_grid.addWidget(self.channel_value, 3, 3, 1, 1)

        self.header_grid.setColumnStretch(1, 3)
        self.header_grid.setColumnStretch(3, 2)

        self.view_layout.addWidget(self.header_box)

        self.notice_label = QLabel(self.dossier_view)
        self.notice_label.setObjectName(u"notice_label")
        self.notice_label.setWordWrap(True)

        self.view_layout.addWidget(self.notice_label)

        self.acts_row = QHBoxLayout()
        self.acts_row.setObjectName(u"acts_row")
        self.hand_over_button = QPushButton(self.dossier_view)
        self.hand_over_button.setObjectName(u"hand_over_button")

        self.acts_row.addWidget(self.hand_over_button)

        self.request_supplement_button = QPushButton(self.dossier_view)
        self.request_supplement_button.setObjectName(u"request_supplement_button")

        self.acts_row.addWidget(self.request_supplement_button)

        self.receive_supplement_button = QPushButton(self.dossier_view)
        self.receive_supplement_button.setObjectName(u"receive_supplement_button")

        self.acts_row.addWidget(self.receive_supplement_button)

        self.record_result_button = QPushButton(self.dossier_view)
        self.record_result_button.setObjectName(u"record_result_button")

        self.acts_row.addWidget(self.record_result_button)

        self.return_button = QPushButton(self.dossier_view)
        self.return_button.setObjectName(u"return_button")

        self.acts_row.addWidget(self.return_button)

        self.satisfaction_button = QPushButton(self.dossier_view)
        self.satisfaction_button.setObjectName(u"satisfaction_button")

        self.acts_row.addWidget(self.satisfaction_button)

        self.apology_button = QPushButton(self.dossier_view)
        self.apology_button.setObjectName(u"apology_button")

        self.acts_row.addWidget(self.apology_button)

        self.refuse_button = QPushButton(self.dossier_view)
        self.refuse_button.setObjectName(u"refuse_button")

        self.acts_row.addWidget(self.refuse_button)

        self.withdraw_button = QPushButton(self.dossier_view)
        self.withdraw_button.setObjectName(u"withdraw_button")

        self.acts_row.addWidget(self.withdraw_button)

        self.stop_button = QPushButton(self.dossier_view)
        self.stop_button.setObjectName(u"stop_button")

        self.acts_row.addWidget(self.stop_button)

        self.acts_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.acts_row.addItem(self.acts_spacer)


        self.view_layout.addLayout(self.acts_row)

        self.timeline_caption = QLabel(self.dossier_view)
        self.timeline_caption.setObjectName(u"timeline_caption")

        self.view_layout.addWidget(self.timeline_caption)

        self.timeline_view = QTableView(self.dossier_view)
        self.timeline_view.setObjectName(u"timeline_view")
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_view.setAlternatingRowColors(True)
        self.timeline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_view.setWordWrap(True)
        self.timeline_view.horizontalHeader().setStretchLastSection(True)
        self.timeline_view.verticalHeader().setVisible(False)

        self.view_layout.addWidget(self.timeline_view)

        self.stack.addWidget(self.dossier_view)

        self.page_layout.addWidget(self.stack)


        self.retranslateUi(DossierPage)

        QMetaObject.connectSlotsByName(DossierPage)
    # setupUi

    def retranslateUi(self, DossierPage):
        DossierPage.setWindowTitle(QCoreApplication.translate("DossierPage", u"Dossier", None))
        self.empty_label.setText(QCoreApplication.translate("DossierPage", u"Scan or search for a dossier code to open it here.", None))
        self.print_control_button.setText(QCoreApplication.translate("DossierPage", u"Print control slip", None))
        self.print_receipt_button.setText(QCoreApplication.translate("DossierPage", u"Print receipt", None))
        self.header_box.setTitle(QCoreApplication.translate("DossierPage", u"Dossier", None))
        self.procedure_caption.setText(QCoreApplication.translate("DossierPage", u"Procedure:", None))
        self.applicant_caption.setText(QCoreApplication.translate("DossierPage", u"Applicant:", None))
        self.received_caption.setText(QCoreApplication.translate("DossierPage", u"Received:", None))
        self.appointment_caption.setText(QCoreApplication.translate("DossierPage", u"Appointment:", None))
        self.rescheduled_caption.setText(QCoreApplication.translate("DossierPage", u"New date (apology):", None))
        self.holder_caption.setText(QCoreApplication.translate("DossierPage", u"Held by:", None))
        self.channel_caption.setText(QCoreApplication.translate("DossierPage", u"Channel:", None))
        self.hand_over_button.setText(QCoreApplication.translate("DossierPage", u"Hand over\u2026", None))
        self.request_supplement_button.setText(QCoreApplication.translate("DossierPage", u"Request supplements\u2026", None))
        self.receive_supplement_button.setText(QCoreApplication.translate("DossierPage", u"Receive supplements\u2026", None))
        self.record_result_button.setText(QCoreApplication.translate("DossierPage", u"Record result\u2026", None))
        self.return_button.setText(QCoreApplication.translate("DossierPage", u"Return result\u2026", None))
        self.satisfaction_button.setText(QCoreApplication.translate("DossierPage", u"Satisfaction\u2026", None))
        self.apology_button.setText(QCoreApplication.translate("DossierPage", u"Apology and new date\u2026", None))
        self.refuse_button.setText(QCoreApplication.translate("DossierPage", u"Refuse\u2026", None))
        self.withdraw_button.setText(QCoreApplication.translate("DossierPage", u"Withdraw\u2026", None))
        self.stop_button.setText(QCoreApplication.translate("DossierPage", u"Stop\u2026", None))
        self.timeline_caption.setText(QCoreApplication.translate("DossierPage", u"Control slip \u2014 the dossier's timeline", None))
    # retranslateUi

