"""Marking text for translation without Qt: pyside6-lupdate finds the marked
strings, and the window translates them when it shows them
(QCoreApplication.translate(context, text))."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text
