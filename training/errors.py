"""Errors the user is shown as one clear message. Keras-free, so the window and
the command line can catch them before TensorFlow has loaded.

Their text is a Message: an English template marked for translation
(QT_TRANSLATE_NOOP("Messages", ...), see training.texts) and the values it is
filled with. str() is the English text (the command line, the tests); the
window translates it (app.presenter.user_message)."""
from __future__ import annotations


class Message:
    """`Message(template, **values)`: str() is `template.format(**values)`,
    floats written short as with :g, a value that is a Message by its own
    str(); without values, the template as it is (a text that is no template
    may hold braces). Templates hold plain {fields} only, no format specs:
    the window writes the numbers in the user's locale."""

    __slots__ = ("template", "values")

    def __init__(self, template: str, /, **values):
        self.template = template
        self.values = values

    def __str__(self) -> str:
        if not self.values:
            return self.template
        return self.template.format(**{k: format(v, "g") if isinstance(v, float) else v
                                       for k, v in self.values.items()})

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.values!r})"

    # Equal to its English text too: where plain strings were (the load
    # notes), comparing still works.
    def __eq__(self, other) -> bool:
        if isinstance(other, Message):
            return (self.template, self.values) == (other.template, other.values)
        if isinstance(other, str):
            return str(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(str(self))


class _UserError(Exception):
    """An error made of a Message, or of a template and its values."""

    def __init__(self, template: str | Message, /, **values):
        if isinstance(template, Message):
            if values:
                raise TypeError("a Message comes with its values")
            message = template
        else:
            message = Message(template, **values)
        super().__init__(str(message))
        self.message = message

    def __reduce__(self):  # pickled and copied with its Message
        return type(self), (self.message,)

    @property
    def template(self) -> str:
        return self.message.template

    @property
    def values(self) -> dict:
        return self.message.values


class ExperimentError(_UserError, ValueError):
    """An experiment whose settings cannot be trained; the message says why."""


class LoadError(_UserError, ValueError):
    """A file that was not loaded; the session is as it was."""


class SaveError(_UserError, OSError):
    """A save that did not happen; the target file is as it was."""


class DataError(_UserError, ValueError):
    """A data file or a choice of its columns that cannot be used; nothing changed."""
