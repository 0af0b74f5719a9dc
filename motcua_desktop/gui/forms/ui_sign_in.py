# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_in.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SignInDialog(object):
    def setupUi(self, SignInDialog):
        if not SignInDialog.objectName():
            SignInDialog.setObjectName(u"SignInDialog")
        SignInDialog.resize(460, 300)
        self.layout = QVBoxLayout(SignInDialog)
        self.layout.setObjectName(u"layout")
        self.commune_label = QLabel(SignInDialog)
        self.commune_label.setObjectName(u"commune_label")
        self.commune_label.setStyleSheet(u"font-size: 15pt; font-weight: bold;")
        self.commune_label.setWordWrap(True)

        self.layout.addWidget(self.commune_label)

        self.centre_label = QLabel(SignInDialog)
        self.centre_label.setObjectName(u"centre_label")
        self.centre_label.setWordWrap(True)

        self.layout.addWidget(self.centre_label)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.user_caption = QLabel(SignInDialog)
        self.user_caption.setObjectName(u"user_caption")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.user_caption)

        self.user_combo = QComboBox(SignInDialog)
        self.user_combo.setObjectName(u"user_combo")
        self.user_combo.setEditable(True)
        self.user_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.user_combo)

        self.password_caption = QLabel(SignInDialog)
        self.password_caption.setObjectName(u"password_caption")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_caption)

        self.password_edit = QLineEdit(SignInDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password_edit)


        self.layout.addLayout(self.form)

        self.role_label = QLabel(SignInDialog)
        self.role_label.setObjectName(u"role_label")
        self.role_label.setWordWrap(True)

        self.layout.addWidget(self.role_label)

        self.error_label = QLabel(SignInDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #a61b1b;")
        self.error_label.setWordWrap(True)

        self.layout.addWidget(self.error_label)

        self.hint_label = QLabel(SignInDialog)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setStyleSheet(u"color: #555555;")
        self.hint_label.setWordWrap(True)

        self.layout.addWidget(self.hint_label)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.spacer)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.button_spacer)

        self.cancel_button = QPushButton(SignInDialog)
        self.cancel_button.setObjectName(u"cancel_button")

        self.buttons.addWidget(self.cancel_button)

        self.sign_in_button = QPushButton(SignInDialog)
        self.sign_in_button.setObjectName(u"sign_in_button")

        self.buttons.addWidget(self.sign_in_button)


        self.layout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.user_caption.setBuddy(self.user_combo)
        self.password_caption.setBuddy(self.password_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.user_combo, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.sign_in_button)
        QWidget.setTabOrder(self.sign_in_button, self.cancel_button)

        self.retranslateUi(SignInDialog)

        self.sign_in_button.setDefault(True)


        QMetaObject.connectSlotsByName(SignInDialog)
    # setupUi

    def retranslateUi(self, SignInDialog):
        SignInDialog.setWindowTitle(QCoreApplication.translate("SignInDialog", u"Sign in", None))
        self.user_caption.setText(QCoreApplication.translate("SignInDialog", u"&User:", None))
        self.password_caption.setText(QCoreApplication.translate("SignInDialog", u"&Password:", None))
        self.cancel_button.setText(QCoreApplication.translate("SignInDialog", u"Quit", None))
        self.sign_in_button.setText(QCoreApplication.translate("SignInDialog", u"Sign in", None))
    # retranslateUi

