"""Vietnamese for the whole app: every compiled ``*_vi.qm`` of ours and Qt's own translations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGE = "vi"
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
QT_CATALOGS = ("qtbase",)  # Qt's standard buttons and dialogs, when the Qt build ships them


def install_translators(
    app: QCoreApplication, folder: Path = TRANSLATIONS_DIR, language: str = LANGUAGE
) -> list[QTranslator]:
    """Load Vietnamese into ``app``; returns the translators (keep them alive with the app)."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    loaded: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [Path(qt_dir) / f"{name}_{language}.qm" for name in QT_CATALOGS]
    # Ours last: Qt searches the most recently installed translator first, so ours win.
    candidates += sorted(folder.glob(f"*_{language}.qm"))
    for path in candidates:
        translator = QTranslator(app)
        if path.exists() and translator.load(str(path)):
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded
