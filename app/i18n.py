"""German and English, the Qt way: tr() in the code, .ts sources and compiled
.qm files in resources/translations (see README, "Translations").

The language follows the system locale unless the user chose one (View →
Language, kept in QSettings) or `--lang` forces one. Numbers follow it too:
German shows and takes the decimal comma.
"""
from __future__ import annotations

from PySide6.QtCore import (QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings,
                            QTranslator)

from training.resources import resource_path

LANGUAGES = {"de": "Deutsch", "en": "English"}
_SETTING = "language"
_LOCALES = {"de": (QLocale.German, QLocale.Germany),
            "en": (QLocale.English, QLocale.UnitedStates)}
_installed: list[QTranslator] = []
_current = "en"


# Where each system keeps an application's settings: the registry on Windows,
# a plist in ~/Library/Preferences on macOS, a file in ~/.config on Linux. (An
# INI file would land in ~/.config on macOS too.) Tests set an INI file of
# their own: conftest.py's private_settings.
FORMAT = QSettings.NativeFormat


def settings() -> QSettings:
    return QSettings(FORMAT, QSettings.UserScope, "Keras Lecture Lab", "Keras Lecture Lab")


def system_language() -> str:
    return "de" if QLocale.system().language() == QLocale.German else "en"


def chosen_language() -> str:
    """The user's choice from an earlier start, else the system's language."""
    value = settings().value(_SETTING, "")
    return value if value in LANGUAGES else system_language()


def remember(language: str) -> None:
    settings().setValue(_SETTING, language)


def current() -> str:
    return _current


def locale_for(language: str) -> QLocale:
    loc = QLocale(*_LOCALES[language])
    # 1000 epochs, not "1.000" (a thousand in German, one in English eyes).
    loc.setNumberOptions(QLocale.OmitGroupSeparator | QLocale.RejectGroupSeparator)
    return loc


def install(language: str) -> str:
    """Switch the running application to `language`: our translation, Qt's
    own (the standard buttons and dialogs) and the number format. Every
    widget gets a LanguageChange event and retranslates itself."""
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(locale_for(language))
    _current = language
    if language != "en":
        ours = QTranslator(app)
        if ours.load(str(resource_path(f"translations/lab_{language}.qm"))):
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            _installed.append(qt)
        for translator in _installed:
            app.installTranslator(translator)
    # Qt posts the LanguageChange events: delivered now, every text has
    # changed when this returns.
    app.sendPostedEvents(None, QEvent.LanguageChange)
    return language
