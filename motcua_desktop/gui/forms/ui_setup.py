# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_SetupDialog(object):
    def setupUi(self, SetupDialog):
        if not SetupDialog.objectName():
            SetupDialog.setObjectName(u"SetupDialog")
        SetupDialog.resize(640, 640)
        self.layout = QVBoxLayout(SetupDialog)
        self.layout.setObjectName(u"layout")
        self.intro_label = QLabel(SetupDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.layout.addWidget(self.intro_label)

        self.commune_group = QGroupBox(SetupDialog)
        self.commune_group.setObjectName(u"commune_group")
        self.commune_group_form = QFormLayout(self.commune_group)
        self.commune_group_form.setObjectName(u"commune_group_form")
        self.commune_edit_caption = QLabel(self.commune_group)
        self.commune_edit_caption.setObjectName(u"commune_edit_caption")

        self.commune_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.commune_edit_caption)

        self.commune_edit = QLineEdit(self.commune_group)
        self.commune_edit.setObjectName(u"commune_edit")

        self.commune_group_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.commune_edit)

        self.unit_code_edit_caption = QLabel(self.commune_group)
        self.unit_code_edit_caption.setObjectName(u"unit_code_edit_caption")

        self.commune_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unit_code_edit_caption)

        self.unit_code_edit = QLineEdit(self.commune_group)
        self.unit_code_edit.setObjectName(u"unit_code_edit")

        self.commune_group_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unit_code_edit)

        self.address_edit_caption = QLabel(self.commune_group)
        self.address_edit_caption.setObjectName(u"address_edit_caption")

        self.commune_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.address_edit_caption)

        self.address_edit = QLineEdit(self.commune_group)
        self.address_edit.setObjectName(u"address_edit")

        self.commune_group_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.address_edit)

        self.parent_agency_edit_caption = QLabel(self.commune_group)
        self.parent_agency_edit_caption.setObjectName(u"parent_agency_edit_caption")

        self.commune_group_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.parent_agency_edit_caption)

        self.parent_agency_edit = QLineEdit(self.commune_group)
        self.parent_agency_edit.setObjectName(u"parent_agency_edit")

        self.commune_group_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.parent_agency_edit)

        self.chairman_edit_caption = QLabel(self.commune_group)
        self.chairman_edit_caption.setObjectName(u"chairman_edit_caption")

        self.commune_group_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.chairman_edit_caption)

        self.chairman_edit = QLineEdit(self.commune_group)
        self.chairman_edit.setObjectName(u"chairman_edit")

        self.commune_group_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.chairman_edit)


        self.layout.addWidget(self.commune_group)

        self.devices_group = QGroupBox(SetupDialog)
        self.devices_group.setObjectName(u"devices_group")
        self.devices_group_form = QFormLayout(self.devices_group)
        self.devices_group_form.setObjectName(u"devices_group_form")
        self.printer_combo_caption = QLabel(self.devices_group)
        self.printer_combo_caption.setObjectName(u"printer_combo_caption")

        self.devices_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.printer_combo_caption)

        self.printer_combo = QComboBox(self.devices_group)
        self.printer_combo.setObjectName(u"printer_combo")

        self.devices_group_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.printer_combo)

        self.print_direct_check_caption = QLabel(self.devices_group)
        self.print_direct_check_caption.setObjectName(u"print_direct_check_caption")
        self.print_direct_check_caption.setText(u"")

        self.devices_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.print_direct_check_caption)

        self.print_direct_check = QCheckBox(self.devices_group)
        self.print_direct_check.setObjectName(u"print_direct_check")

        self.devices_group_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.print_direct_check)

        self.hub_url_edit_caption = QLabel(self.devices_group)
        self.hub_url_edit_caption.setObjectName(u"hub_url_edit_caption")

        self.devices_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.hub_url_edit_caption)

        self.hub_url_edit = QLineEdit(self.devices_group)
        self.hub_url_edit.setObjectName(u"hub_url_edit")

        self.devices_group_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.hub_url_edit)

        self.backup_dir_edit_caption = QLabel(self.devices_group)
        self.backup_dir_edit_caption.setObjectName(u"backup_dir_edit_caption")

        self.devices_group_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.backup_dir_edit_caption)

        self.backup_row = QHBoxLayout()
        self.backup_row.setObjectName(u"backup_row")
        self.backup_dir_edit = QLineEdit(self.devices_group)
        self.backup_dir_edit.setObjectName(u"backup_dir_edit")

        self.backup_row.addWidget(self.backup_dir_edit)

        self.backup_browse_button = QPushButton(self.devices_group)
        self.backup_browse_button.setObjectName(u"backup_browse_button")

        self.backup_row.addWidget(self.backup_browse_button)


        self.devices_group_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.backup_row)


        self.layout.addWidget(self.devices_group)

        self.admin_group = QGroupBox(SetupDialog)
        self.admin_group.setObjectName(u"admin_group")
        self.admin_group_form = QFormLayout(self.admin_group)
        self.admin_group_form.setObjectName(u"admin_group_form")
        self.admin_password_edit_caption = QLabel(self.admin_group)
        self.admin_password_edit_caption.setObjectName(u"admin_password_edit_caption")

        self.admin_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.admin_password_edit_caption)

        self.admin_password_edit = QLineEdit(self.admin_group)
        self.admin_password_edit.setObjectName(u"admin_password_edit")
        self.admin_password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.admin_group_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.admin_password_edit)

        self.admin_password2_edit_caption = QLabel(self.admin_group)
        self.admin_password2_edit_caption.setObjectName(u"admin_password2_edit_caption")

        self.admin_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.admin_password2_edit_caption)

        self.admin_password2_edit = QLineEdit(self.admin_group)
        self.admin_password2_edit.setObjectName(u"admin_password2_edit")
        self.admin_password2_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.admin_group_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.admin_password2_edit)


        self.layout.addWidget(self.admin_group)

        self.error_label = QLabel(SetupDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #a61b1b;")
        self.error_label.setWordWrap(True)

        self.layout.addWidget(self.error_label)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.demo_button = QPushButton(SetupDialog)
        self.demo_button.setObjectName(u"demo_button")

        self.buttons.addWidget(self.demo_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.button_spacer)

        self.quit_button = QPushButton(SetupDialog)
        self.quit_button.setObjectName(u"quit_button")

        self.buttons.addWidget(self.quit_button)

        self.create_button = QPushButton(SetupDialog)
        self.create_button.setObjectName(u"create_button")

        self.buttons.addWidget(self.create_button)


        self.layout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.commune_edit_caption.setBuddy(self.commune_edit)
        self.unit_code_edit_caption.setBuddy(self.unit_code_edit)
        self.address_edit_caption.setBuddy(self.address_edit)
        self.parent_agency_edit_caption.setBuddy(self.parent_agency_edit)
        self.chairman_edit_caption.setBuddy(self.chairman_edit)
        self.printer_combo_caption.setBuddy(self.printer_combo)
        self.print_direct_check_caption.setBuddy(self.print_direct_check)
        self.hub_url_edit_caption.setBuddy(self.hub_url_edit)
        self.backup_dir_edit_caption.setBuddy(self.backup_dir_edit)
        self.admin_password_edit_caption.setBuddy(self.admin_password_edit)
        self.admin_password2_edit_caption.setBuddy(self.admin_password2_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.commune_edit, self.unit_code_edit)
        QWidget.setTabOrder(self.unit_code_edit, self.address_edit)
        QWidget.setTabOrder(self.address_edit, self.parent_agency_edit)
        QWidget.setTabOrder(self.parent_agency_edit, self.chairman_edit)
        QWidget.setTabOrder(self.chairman_edit, self.printer_combo)
        QWidget.setTabOrder(self.printer_combo, self.print_direct_check)
        QWidget.setTabOrder(self.print_direct_check, self.hub_url_edit)
        QWidget.setTabOrder(self.hub_url_edit, self.backup_dir_edit)
        QWidget.setTabOrder(self.backup_dir_edit, self.backup_browse_button)
        QWidget.setTabOrder(self.backup_browse_button, self.admin_password_edit)
        QWidget.setTabOrder(self.admin_password_edit, self.admin_password2_edit)
        QWidget.setTabOrder(self.admin_password2_edit, self.create_button)
        QWidget.setTabOrder(self.create_button, self.demo_button)
        QWidget.setTabOrder(self.demo_button, self.quit_button)

        self.retranslateUi(SetupDialog)

        self.create_button.setDefault(True)


        QMetaObject.connectSlotsByName(SetupDialog)
    # setupUi

    def retranslateUi(self, SetupDialog):
        SetupDialog.setWindowTitle(QCoreApplication.translate("SetupDialog", u"Set up this counter PC", None))
        self.intro_label.setText(QCoreApplication.translate("SetupDialog", u"This PC has no data yet. Enter the commune's details, or start with the demo commune to try the app.", None))
        self.commune_group.setTitle(QCoreApplication.translate("SetupDialog", u"Commune", None))
        self.commune_edit_caption.setText(QCoreApplication.translate("SetupDialog", u"Commune &name:", None))
        self.unit_code_edit_caption.setText(QCoreApplication.translate("SetupDialog", u"&Unit code:", None))
        self.unit_code_edit.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"e.g. 000.00.20.H12", None))
        self.address_edit_caption.setText(QCoreApplication.translate("SetupDialog", u"&Address:", None))
        self.parent_agency_edit_caption.setText(QCoreApplication.translate("SetupDialog", u"&Parent agency:", None))
        self.chairman_edit_caption.setText(QCoreApplication.translate("SetupDialog", u"&Chairman (signer):", None))
        self.devices_group.setTitle(QCoreApplication.translate("SetupDialog", u"Printer, hub and backups", None))
        self.printer_combo_caption.setText(QCoreApplication.translate("SetupDialog", u"P&rinter:", None))
        self.print_direct_check.setText(QCoreApplication.translate("SetupDialog", u"Print receipts directly, without preview", None))
        self.hub_url_edit_caption.setText(QCoreApplication.translate("SetupDialog", u"&Hub address:", None))
        self.hub_url_edit.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"https://\u2026 (leave empty to work offline only)", None))
        self.backup_dir_edit_caption.setText(QCoreApplication.translate("SetupDialog", u"&Backup folder:", None))
        self.backup_browse_button.setText(QCoreApplication.translate("SetupDialog", u"Choose\u2026", None))
        self.admin_group.setTitle(QCoreApplication.translate("SetupDialog", u"Administrator account (admin)", None))
        self.admin_password_edit_caption.setText(QCoreApplication.translate("SetupDialog", u"Pass&word:", None))
        self.admin_password2_edit_caption.setText(QCoreApplication.translate("SetupDialog", u"Re&peat password:", None))
        self.demo_button.setText(QCoreApplication.translate("SetupDialog", u"Use the &demo commune", None))
        self.quit_button.setText(QCoreApplication.translate("SetupDialog", u"Quit", None))
        self.create_button.setText(QCoreApplication.translate("SetupDialog", u"&Set up", None))
    # retranslateUi

