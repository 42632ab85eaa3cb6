"""The messages training/ gives the user are translatable: every one a
template marked QT_TRANSLATE_NOOP("Messages", ...) that pyside6-lupdate can
find, filled with values; str() is the English text, the window translates
(app.presenter.user_message), nested messages and numbers included."""
from __future__ import annotations

import ast
import json
import string
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import h5py
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app import presenter
from training import persistence, sandbox, tasks
from training.atomic import write_atomic
from training.engine import Session
from training.errors import ExperimentError, LoadError, Message, SaveError
from training.experiment import LIMITS, LayerSpec, Limit, preset
from training.runstate import RunState

ROOT = Path(__file__).resolve().parent.parent
# Where messages are made: training/ and the command line's own.
SOURCES = sorted((ROOT / "training").glob("*.py")) + [ROOT / "app" / "cli.py"]
MAKERS = {"Message", "ExperimentError", "LoadError", "SaveError", "DataError"}
BOSTON = preset("boston")


def _marked(node) -> str | None:
    """The template of a QT_TRANSLATE_NOOP("Messages", "...") call, else None."""
    if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP"
            and isinstance(node.args[0], ast.Constant) and node.args[0].value == "Messages"):
        assert isinstance(node.args[1], ast.Constant), ast.unparse(node)
        return node.args[1].value
    return None


def _sources():
    for path in SOURCES:
        yield path.relative_to(ROOT), ast.parse(path.read_text(encoding="utf-8"))


def _fields(template: str) -> set[str]:
    fields = set()
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is not None:
            assert name.isidentifier() and not spec and not conversion, (
                f"{template!r}: plain {{fields}} only, the window formats the values")
            fields.add(name)
    return fields


def templates() -> set[str]:
    return {t for _, tree in _sources() for node in ast.walk(tree) if (t := _marked(node))}


def test_every_message_is_a_marked_template_filled_with_exactly_its_fields():
    used = set()
    for path, tree in _sources():
        if path.name == "errors.py":
            continue  # where Message and the errors are made of their parts
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in MAKERS):
                continue
            where = f"{path}:{node.lineno}: {ast.unparse(node)[:80]}"
            first = node.args[0] if node.args else None
            template = _marked(first)
            if template is None:
                # A Message made elsewhere (a helper's, or Message's own
                # constructor): never text put together here.
                assert isinstance(first, (ast.Name, ast.Call)) and not node.keywords, where
                continue
            used.add(template)
            given = {k.arg for k in node.keywords}
            assert None not in given, where  # no **values: lupdate's template, its keys here
            assert given == _fields(template), where
    assert used == templates(), "a Messages template that no message is made of"
    assert len(used) >= 60


def test_lupdate_finds_every_template_whole(tmp_path):
    ts = tmp_path / "check.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *map(str, SOURCES), "-silent", "-ts", str(ts)],
                   check=True, cwd=ROOT, timeout=120)
    from xml.etree import ElementTree
    found = {m.findtext("source") for c in ElementTree.parse(ts).getroot().iter("context")
             if c.findtext("name") == "Messages" for m in c.iter("message")}
    assert found == templates()


# ------------------------------------------------------------------ real messages
def _h5(path: Path, **attrs) -> str:
    with h5py.File(path, "w") as f:
        f["w"] = [1.0]
        for key, value in attrs.items():
            f.attrs[key] = value
    return str(path)


def _model_config(*layers) -> str:
    return json.dumps({"class_name": "Sequential", "config": {"layers": list(layers)}})


def _saved_with_learning_rate(tmp_path: Path, rate: float) -> str:
    """A model file of this app whose optimizer claims `rate`."""
    path = persistence.save(Session(BOSTON.replace(layers=(LayerSpec(1),))).build(),
                            str(tmp_path / "rate.h5"))
    with h5py.File(path, "r+") as f:
        training = json.loads(f.attrs["training_config"])
        training["optimizer_config"]["config"]["learning_rate"] = rate
        f.attrs["training_config"] = json.dumps(training)
    return path


def _raised(make):
    with pytest.raises((ExperimentError, LoadError, SaveError)) as info:
        make()
    return info.value


def _cases(tmp_path: Path) -> list[tuple[object, str | None]]:
    """(a way to get a real error, its English text where it is short to say)."""
    (tmp_path / "empty.h5").touch()
    (tmp_path / "text.h5").write_text("not HDF5")
    dense = {"class_name": "Dense", "config": {"name": "d", "units": 1}}
    lam = {"class_name": "Lambda", "config": {"name": "f"}}
    huge = {"class_name": "Dense", "config": {"name": "big", "units": 10 ** 9}}
    load = persistence.load_session
    session = Session(BOSTON.replace(layers=(LayerSpec(4), LayerSpec(1)))).build()
    other = persistence.save(Session(BOSTON).build(), str(tmp_path / "other"), "weights")
    return [
        (lambda: load(str(tmp_path / "gone.h5"), BOSTON), "gone.h5: no such file."),
        (lambda: load(str(tmp_path / "empty.h5"), BOSTON), "empty.h5 is empty."),
        (lambda: load(str(tmp_path / "text.h5"), BOSTON), "text.h5 is not an HDF5 (.h5) file."),
        (lambda: load(_h5(tmp_path / "plain.h5"), BOSTON), "plain.h5 holds no Keras model."),
        (lambda: load(_h5(tmp_path / "class.h5", model_config=json.dumps(
            {"class_name": "Evil", "config": {}})), BOSTON),
         "class.h5 holds a Evil, not a network of layers."),
        (lambda: load(_h5(tmp_path / "lambda.h5", model_config=_model_config(lam, dense)), BOSTON),
         "lambda.h5: layer 1 (f) is a 'Lambda' layer, which runs code stored in the file; "
         "this app loads networks of Dense layers only."),
        (lambda: load(_h5(tmp_path / "huge.h5", model_config=_model_config(huge)), BOSTON),
         "huge.h5: layer 1 (big) has 1000000000 units; this app allows 1 to 10000."),
        # A nested message: the experiment's reason inside the file's, with floats.
        (lambda: load(_saved_with_learning_rate(tmp_path, 1e-7), BOSTON),
         "rate.h5: The learning rate must be between 1e-05 and 100."),
        (lambda: persistence.load_weights(session, other), None),
        (lambda: BOSTON.replace(layers=()).validate(), "The network needs at least one layer."),
        (lambda: BOSTON.replace(learning_rate=1000.0).validate(),
         "The learning rate must be between 1e-05 and 100."),
        (lambda: BOSTON.replace(layers=(LayerSpec(1, "nope"),)).validate(),
         "Layer 1: unknown activation 'nope'."),
        (lambda: BOSTON.replace(validation_split=0.95).validate(),
         "The validation share must be between 0 % and 90 %."),
        (lambda: preset("nope"), None),
        (lambda: session.train(0), "The model has already trained 0 epochs; ask for more than that."),
        (lambda: write_atomic(str(tmp_path / "no" / "such.h5"), b""),
         f"The folder {tmp_path / 'no'} does not exist."),
    ]


def _check(message, known: set[str]) -> None:
    """`message` is a marked template whose fields its values fill, down to the
    messages nested in it."""
    assert message.template in known, message.template
    assert set(message.values) == _fields(message.template), message
    for value in message.values.values():
        assert isinstance(value, (str, int, float, Message)), (message, value)
        if isinstance(value, Message):
            _check(value, known)


@pytest.fixture
def english(qapp):
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
    yield
    QLocale.setDefault(before)


def test_real_errors_are_marked_templates_and_read_the_same_in_the_window(tmp_path, english):
    known = templates()
    raised = {}
    for make, text in _cases(tmp_path):
        err = _raised(make)
        _check(err.message, known)
        raised[err.template] = err
        if text is not None:
            assert str(err) == text
        assert str(err) == str(err.message) == err.args[0]
        # Untranslated, the window says what the command line says.
        assert presenter.user_message(err) == str(err)
    assert len(raised) >= 14
    weights = raised["The weights in {name} do not fit this network: layer {number} ({layer}) "
                     "needs {needed}, the file has {found}."]
    assert str(weights).startswith("The weights in other.weights.h5 do not fit this network: "
                                   "layer 1 (dense")
    assert str(weights).endswith(" needs 13×4 and 4, the file has 13×80 and 80.")
    assert isinstance(weights.values["needed"], Message)


def test_a_save_error_is_an_os_error_and_keeps_its_message():
    err = SaveError(Message("The disk is full; {name} was not changed.", name="m.h5"))
    assert isinstance(err, OSError) and str(err) == "The disk is full; m.h5 was not changed."
    assert err.template == "The disk is full; {name} was not changed."
    assert err.values == {"name": "m.h5"}
    with pytest.raises(TypeError):
        LoadError(err.message, name="other")


def test_the_load_notes_are_messages(tmp_path, english):
    session = Session(BOSTON.replace(layers=(LayerSpec(1),), epochs=1)).build()
    session.train()
    path = persistence.save(session, str(tmp_path / "notes.h5"))
    with h5py.File(path, "r+") as f:
        f.attrs[sandbox.HISTORY_ATTR] = json.dumps({"epochs_done": "many"})
    _, notes = persistence.load_session(path, BOSTON)
    assert [str(n) for n in notes] == [
        "The file's training history was not readable; the epoch count starts at 0."]
    _check(notes[0], templates())
    assert presenter.user_message(notes[0]) == str(notes[0])


def test_a_failed_save_says_why_in_english():
    failed = []
    state = RunState(on_save_failed=lambda path, why: failed.append((path, why)))
    state.request_save("m.h5")
    tasks.serve_saves(None, state)
    assert failed == [("m.h5", "There is no model to save: building it failed.")]


# ------------------------------------------------------------------ German
LEARNING_RATE = "The learning rate must be between {low} and {high}."
GERMAN = "Die Lernrate muss zwischen {low} und {high} liegen."


@pytest.fixture
def german(qapp, tmp_path):
    """A translator with one German message, made from a .ts at test time, and
    the German number format; both undone afterwards."""
    ts = tmp_path / "messages_de.ts"
    ts.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Messages</name>
    <message>
        <source>{escape(LEARNING_RATE)}</source>
        <translation>{escape(GERMAN)}</translation>
    </message>
</context>
</TS>
""", encoding="utf-8")
    qm = tmp_path / "messages_de.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)
    translator = QTranslator()
    assert translator.load(str(qm))
    before = QLocale()
    QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.German))
    yield
    QLocale.setDefault(before)
    QCoreApplication.removeTranslator(translator)


def test_a_message_in_german_with_a_decimal_comma(german, monkeypatch, tmp_path):
    assert LEARNING_RATE in templates()
    # Limits with decimals, so that the numbers show the locale's decimal point.
    monkeypatch.setitem(LIMITS, "learning_rate", Limit(0.0005, 2.5))
    err = _raised(lambda: BOSTON.replace(learning_rate=5.0).validate())
    assert str(err) == "The learning rate must be between 0.0005 and 2.5."
    assert presenter.user_message(err) == "Die Lernrate muss zwischen 0,0005 und 2,5 liegen."
    # Nested in a file's refusal, and translated there too; the file's own
    # template has no German yet and stays English.
    err = _raised(lambda: persistence.load_session(_saved_with_learning_rate(tmp_path, 7.5),
                                                   BOSTON))
    assert str(err) == "rate.h5: The learning rate must be between 0.0005 and 2.5."
    assert presenter.user_message(err) == "rate.h5: Die Lernrate muss zwischen 0,0005 und 2,5 liegen."
    # Plain text and foreign errors pass as they are.
    assert presenter.user_message("as it is") == "as it is"
    assert presenter.user_message(RuntimeError("not ours: 1.5")) == "not ours: 1.5"
