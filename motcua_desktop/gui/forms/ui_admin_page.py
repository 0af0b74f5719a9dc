# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'admin_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_AdminPage(object):
    def setupUi(self, AdminPage):
        if not AdminPage.objectName():
            AdminPage.setObjectName(u"AdminPage")
        AdminPage.resize(1100, 680)
        self.page_layout = QVBoxLayout(AdminPage)
        self.page_layout.setObjectName(u"page_layout")
        self.tabs = QTabWidget(AdminPage)
        self.tabs.setObjectName(u"tabs")
        self.users_tab = QWidget()
        self.users_tab.setObjectName(u"users_tab")
        self.users_layout = QVBoxLayout(self.users_tab)
        self.users_layout.setObjectName(u"users_layout")
        self.users_view = QTableView(self.users_tab)
        self.users_view.setObjectName(u"users_view")
        self.users_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.users_view.setAlternatingRowColors(True)
        self.users_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.users_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.users_view.horizontalHeader().setStretchLastSection(True)
        self.users_view.verticalHeader().setVisible(False)

        self.users_layout.addWidget(self.users_view)

        self.users_buttons = QHBoxLayout()
        self.users_buttons.setObjectName(u"users_buttons")
        self.users_status_label = QLabel(self.users_tab)
        self.users_status_label.setObjectName(u"users_status_label")
        self.users_status_label.setWordWrap(True)

        self.users_buttons.addWidget(self.users_status_label)

        self.users_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.users_buttons.addItem(self.users_spacer)

        self.own_password_button = QPushButton(self.users_tab)
        self.own_password_button.setObjectName(u"own_password_button")

        self.users_buttons.addWidget(self.own_password_button)

        self.lock_button = QPushButton(self.users_tab)
        self.lock_button.setObjectName(u"lock_button")

        self.users_buttons.addWidget(self.lock_button)

        self.reset_password_button = QPushButton(self.users_tab)
        self.reset_password_button.setObjectName(u"reset_password_button")

        self.users_buttons.addWidget(self.reset_password_button)

        self.add_user_button = QPushButton(self.users_tab)
        self.add_user_button.setObjectName(u"add_user_button")

        self.users_buttons.addWidget(self.add_user_button)


        self.users_layout.addLayout(self.users_buttons)

        self.tabs.addTab(self.users_tab, "")
        self.settings_tab = QWidget()
        self.settings_tab.setObjectName(u"settings_tab")
        self.settings_layout = QVBoxLayout(self.settings_tab)
        self.settings_layout.setObjectName(u"settings_layout")
        self.settings_scroll = QScrollArea(self.settings_tab)
        self.settings_scroll.setObjectName(u"settings_scroll")
        self.settings_scroll.setWidgetResizable(True)
        self.settings_body = QWidget()
        self.settings_body.setObjectName(u"settings_body")
        self.settings_form = QFormLayout(self.settings_body)
        self.settings_form.setObjectName(u"settings_form")
        self.settings_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.settings_scroll.setWidget(self.settings_body)

        self.settings_layout.addWidget(self.settings_scroll)

        self.settings_buttons = QHBoxLayout()
        self.settings_buttons.setObjectName(u"settings_buttons")
        self.settings_status_label = QLabel(self.settings_tab)
        self.settings_status_label.setObjectName(u"settings_status_label")
        self.settings_status_label.setWordWrap(True)

        self.settings_buttons.addWidget(self.settings_status_label)

        self.settings_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.settings_buttons.addItem(self.settings_spacer)

        self.revert_settings_button = QPushButton(self.settings_tab)
        self.revert_settings_button.setObjectName(u"revert_settings_button")

        self.settings_buttons.addWidget(self.revert_settings_button)

        self.save_settings_button = QPushButton(self.settings_tab)
        self.save_settings_button.setObjectName(u"save_settings_button")

        self.settings_buttons.addWidget(self.save_settings_button)


        self.settings_layout.addLayout(self.settings_buttons)

        self.tabs.addTab(self.settings_tab, "")

        self.page_layout.addWidget(self.tabs)


        self.retranslateUi(AdminPage)

        QMetaObject.connectSlotsByName(AdminPage)
    # setupUi

    def retranslateUi(self, AdminPage):
        AdminPage.setWindowTitle(QCoreApplication.translate("AdminPage", u"Administration", None))
        self.own_password_button.setText(QCoreApplication.translate("AdminPage", u"Change &my password\u2026", None))
        self.lock_button.setText(QCoreApplication.translate("AdminPage", u"&Lock account", None))
        self.reset_password_button.setText(QCoreApplication.translate("AdminPage", u"&Reset password\u2026", None))
        self.add_user_button.setText(QCoreApplication.translate("AdminPage", u"&Add user\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.users_tab), QCoreApplication.translate("AdminPage", u"Users and roles", None))
        self.revert_settings_button.setText(QCoreApplication.translate("AdminPage", u"&Undo changes", None))
        self.save_settings_button.setText(QCoreApplication.translate("AdminPage", u"&Save settings", None))
        self.tabs.setTabText(self.tabs.indexOf(self.settings_tab), QCoreApplication.translate("AdminPage", u"Settings", None))
    # retranslateUi

