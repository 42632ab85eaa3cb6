"""The user's own data: a CSV file read into a Table, and a Table made into
standardised training and test rows (prepare). Keras-free and Qt-free: numpy
and the standard library only.

Every refusal is one DataError line that names the file and, where it applies,
the line (as an editor counts it, from 1) and the column.
"""
from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import DataError, Message
from .texts import QT_TRANSLATE_NOOP

__all__ = ["MAX_BYTES", "MAX_CLASSES", "MISSING", "Table", "read_table", "DataSpec",
           "Prepared", "prepare", "load"]

MAX_BYTES = 200 * 2**20
MAX_CLASSES = 100
# Fields that stand for a value nobody wrote down.
MISSING = ("", "NA", "NaN", "nan", "?", "-")
_MISSING = frozenset(MISSING)

_SEPARATORS = ("\t", ";", ",")  # the order in which a tie is decided
_SAMPLE_LINES = 50
_BINARY_PROBE = 64 * 1024
_SHOWN_COLUMNS = 10
_SHOWN_CHARS = 40


def _separator_name(sep: str) -> str:
    return "Tab" if sep == "\t" else f'"{sep}"'


def _shown(value: str) -> str:
    """A field as a message quotes it: on one line, and not too long."""
    value = " ".join(str(value).split())
    return value if len(value) <= _SHOWN_CHARS else value[:_SHOWN_CHARS - 1] + "…"


def _column_list(columns: list[str]) -> str | Message:
    quoted = [f"'{c}'" for c in columns]
    if len(quoted) <= _SHOWN_COLUMNS:
        return ", ".join(quoted)
    return Message(QT_TRANSLATE_NOOP("Messages", "{first} and {more} more"),
                   first=", ".join(quoted[:_SHOWN_COLUMNS]), more=len(quoted) - _SHOWN_COLUMNS)


def _is_number(field: str) -> bool:
    try:
        return np.isfinite(float(field))
    except ValueError:
        return False


# ------------------------------------------------------------------ one column
class _Column:
    """One column's raw fields (a list of str) and, parsed once, its numbers."""

    __slots__ = ("raw", "numbers", "missing", "bad")

    def __init__(self, raw: list[str], decimal_comma: bool):
        self.raw = raw
        self.numbers: np.ndarray | None = None  # float64 (NaN where missing), None if not numeric
        self.missing = -1  # the first row with a missing value, or -1
        self.bad = -1      # the first row that holds no number (nor a missing value), or -1
        # A decimal comma ("3,5") is read as a point where the separator is ";" or Tab.
        text = [f.replace(",", ".") for f in raw] if decimal_comma else raw
        try:
            numbers = np.array(text, dtype=np.float64)
        except ValueError:
            numbers = None
        if numbers is not None and np.isfinite(numbers).all():
            self.numbers = numbers
            return
        # The slow way, for the columns with gaps or words in them.
        is_missing = np.fromiter((f.strip() in _MISSING for f in raw), bool, len(raw))
        self.missing = int(np.argmax(is_missing)) if is_missing.any() else -1
        present = [f for f, gap in zip(text, is_missing.tolist()) if not gap]
        try:
            numbers = np.full(len(raw), np.nan)
            numbers[~is_missing] = np.array(present, dtype=np.float64)
            if np.isfinite(numbers[~is_missing]).all():
                if present:
                    self.numbers = numbers
                return
        except ValueError:
            pass
        self.bad = next(row for row, (f, gap) in enumerate(zip(text, is_missing.tolist()))
                        if not gap and not _is_number(f))


# ------------------------------------------------------------------ the table
class Table:
    """A CSV file's data rows, by column. Built by read_table."""

    def __init__(self, name: str, columns: list[str], data: list[_Column],
                 lines: np.ndarray, separator: str, has_header: bool, encoding: str,
                 decimal_comma: bool):
        self.name = name
        self.columns = columns
        self.lines = lines  # the file line of every data row
        self.separator = separator
        self.has_header = has_header
        self.encoding = encoding
        self.decimal_comma = decimal_comma
        self._data = data
        self._index = {c: i for i, c in enumerate(columns)}

    def __repr__(self) -> str:
        return f"Table({self.name!r}, {self.n_rows} rows, columns={self.columns!r})"

    @property
    def n_rows(self) -> int:
        return len(self.lines)

    def line(self, row_index: int) -> int:
        """The file line (1-based) of data row `row_index` (0-based)."""
        return int(self.lines[row_index])

    def _column(self, column: str) -> _Column:
        try:
            return self._data[self._index[column]]
        except KeyError:
            raise DataError(QT_TRANSLATE_NOOP(
                "Messages", "{name} has no column '{column}'; its columns are {columns}."),
                name=self.name, column=_shown(column), columns=_column_list(self.columns)) from None

    def is_numeric(self, column: str) -> bool:
        """Whether every value of `column` is a number or missing (and one at least a number)."""
        return self._column(column).numbers is not None

    def _not_a_number(self, column: str, row: int) -> DataError:
        return DataError(QT_TRANSLATE_NOOP(
            "Messages", "{name}: column '{column}' holds '{value}' in line {line}, "
                        "which is not a number."),
            name=self.name, column=column, value=_shown(self._column(column).raw[row]),
            line=self.line(row))

    def _missing(self, column: str, row: int) -> DataError:
        return DataError(QT_TRANSLATE_NOOP(
            "Messages", "{name}: missing value in column '{column}', line {line}."),
            name=self.name, column=column, line=self.line(row))

    def values(self, column: str) -> np.ndarray:
        """The numbers of `column` (float64); a DataError for the first value that
        is not one, or that is missing."""
        data = self._column(column)
        if data.bad >= 0 and (data.missing < 0 or data.bad < data.missing):
            raise self._not_a_number(column, data.bad)
        if data.missing >= 0:
            raise self._missing(column, data.missing)
        return data.numbers.copy()

    def labels(self, column: str) -> tuple[np.ndarray, list[str]]:
        """Class codes (int64, 0 ..) of `column` and the class names they stand
        for: in numeric order when every value is a number (1 and 1.0 are one
        class), else sorted as text."""
        data = self._column(column)
        if data.numbers is not None:
            if data.missing >= 0:
                raise self._missing(column, data.missing)
            classes, codes = np.unique(data.numbers, return_inverse=True)
            names = [str(int(v)) if float(v).is_integer() and abs(v) < 2**53 else repr(float(v))
                     for v in classes]
            return codes.astype(np.int64).reshape(-1), names
        stripped = [f.strip() for f in data.raw]
        gap = next((row for row, f in enumerate(stripped) if f in _MISSING), -1)
        if gap >= 0:
            raise self._missing(column, gap)
        classes, codes = np.unique(np.array(stripped, dtype=str), return_inverse=True)
        return codes.astype(np.int64).reshape(-1), [str(c) for c in classes]

    def preview(self, n: int = 20) -> list[list[str]]:
        """The raw fields of the first `n` data rows."""
        n = max(0, min(n, self.n_rows))
        return [[c.raw[i] for c in self._data] for i in range(n)]

    def stats(self, column: str) -> tuple[float, float]:
        """Mean and standard deviation (of the population) of `column`."""
        v = self.values(column)
        return float(v.mean()), float(v.std())


# ------------------------------------------------------------------ reading
def _decode(raw: bytes, name: str) -> tuple[str, str]:
    if b"\0" in raw[:_BINARY_PROBE]:
        raise _binary(name)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    raise _binary(name)


def _binary(name: str) -> DataError:
    return DataError(QT_TRANSLATE_NOOP("Messages", "{name} is not a text (CSV) file."), name=name)


def _split_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _count(line: str, sep: str) -> int:
    return len(next(csv.reader([line], delimiter=sep), [""]))


def _separator(text: str) -> str:
    """The separator the first non-empty lines agree on: the one that splits
    them all into the same number (> 1) of fields; for a file of one column,
    ','. When none agrees, the one the first line uses, so that the full read
    names the line that differs."""
    sample = []
    for line in io.StringIO(text, newline=""):
        if line.strip():
            sample.append(line.rstrip("\r\n"))
            if len(sample) == _SAMPLE_LINES:
                break
    counts = {sep: [_count(line, sep) for line in sample] for sep in _SEPARATORS}
    agreeing = [sep for sep, c in counts.items() if c[0] > 1 and len(set(c)) == 1]
    if agreeing:
        return agreeing[0]
    first = max(_SEPARATORS, key=lambda sep: (counts[sep][0], sum(n > 1 for n in counts[sep])))
    if counts[first][0] > 1:
        return first
    # The first line is one field whichever: the separator most lines use.
    best = max(_SEPARATORS, key=lambda sep: sum(n > 1 for n in counts[sep]))
    return best if any(n > 1 for n in counts[best]) else ","


def _ragged(name: str, text: str, sep: str, line: int, count: int, first: int,
            expected: int) -> DataError:
    lines = _split_lines(text)
    raw = lines[line - 1] if line - 1 < len(lines) else ""
    for other in _SEPARATORS:
        if other != sep and _count(raw, other) > 1 and (_count(raw, other) == expected or count == 1):
            return DataError(QT_TRANSLATE_NOOP(
                "Messages", "{name}, line {line}: the fields are separated by {found} here, "
                            "but by {expected} in line {first}."),
                name=name, line=line, found=_separator_name(other),
                expected=_separator_name(sep), first=first)
    return DataError(QT_TRANSLATE_NOOP(
        "Messages", "{name}, line {line}: {count} fields, but line {first} has {expected}."),
        name=name, line=line, count=count, first=first, expected=expected)


def _records(text: str, sep: str, name: str) -> tuple[list[list[str]], list[int]]:
    """The fields of the non-blank records by column, and the file line each
    record starts on; every record as long as the first, else a DataError."""
    if '"' not in text:  # nothing quoted: split, much faster than csv
        lines = _split_lines(text)
        kept = [i for i, line in enumerate(lines) if line and not line.isspace()]
        expected = lines[kept[0]].count(sep)
        for i in kept:
            if lines[i].count(sep) != expected:
                raise _ragged(name, text, sep, i + 1, lines[i].count(sep) + 1, kept[0] + 1,
                              expected + 1)
        flat = sep.join([lines[i] for i in kept]).split(sep)
        del lines
        k = expected + 1
        return [flat[j::k] for j in range(k)], [i + 1 for i in kept]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, skipinitialspace=True)
    rows, starts = [], []
    expected = 0
    previous = 0
    try:
        for row in reader:
            start, previous = previous + 1, reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if not rows:
                expected = len(row)
            elif len(row) != expected:
                raise _ragged(name, text, sep, start, len(row), starts[0], expected)
            rows.append(row)
            starts.append(start)
    except csv.Error as err:
        raise DataError(QT_TRANSLATE_NOOP("Messages", "{name}, line {line}: {reason}"),
                        name=name, line=previous + 1, reason=str(err)) from None
    return [list(c) for c in zip(*rows)], starts


def _unique_names(fields: list[str]) -> list[str]:
    names: list[str] = []
    taken: set[str] = set()
    for number, field in enumerate(fields, 1):
        base = " ".join(field.split()) or f"column {number}"
        name, k = base, 1
        while name in taken:
            k += 1
            name = f"{base} ({k})"
        names.append(name)
        taken.add(name)
    return names


def read_table(path: str) -> Table:
    """The CSV file at `path` as a Table; a DataError for a file that is no
    table this app can read (too large, empty, binary, ragged, ...)."""
    name = Path(path).name
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        raise DataError(QT_TRANSLATE_NOOP("Messages", "{name}: no such file."), name=name) from None
    except OSError as err:
        raise DataError(QT_TRANSLATE_NOOP("Messages", "{name} could not be read: {reason}"),
                        name=name, reason=err.strerror or type(err).__name__) from None
    if size > MAX_BYTES:
        raise DataError(QT_TRANSLATE_NOOP(
            "Messages", "{name} is {size} MB; this app reads CSV files of up to {limit} MB."),
            name=name, size=round(size / 2**20, 1), limit=MAX_BYTES // 2**20)
    if size == 0:
        raise DataError(QT_TRANSLATE_NOOP("Messages", "{name} is empty."), name=name)
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as err:
        raise DataError(QT_TRANSLATE_NOOP("Messages", "{name} could not be read: {reason}"),
                        name=name, reason=err.strerror or type(err).__name__) from None
    if len(raw) > MAX_BYTES:  # grown since it was measured
        raise DataError(QT_TRANSLATE_NOOP(
            "Messages", "{name} is {size} MB; this app reads CSV files of up to {limit} MB."),
            name=name, size=round(len(raw) / 2**20, 1), limit=MAX_BYTES // 2**20)
    text, encoding = _decode(raw, name)
    del raw
    if "\0" in text:  # past the part looked at first
        raise _binary(name)
    if not text.strip():
        raise DataError(QT_TRANSLATE_NOOP("Messages", "{name} is empty."), name=name)
    sep = _separator(text)
    columns, lines = _records(text, sep, name)
    del text
    decimal_comma = sep != ","
    first = [c[0] for c in columns]
    header = False
    if len(lines) == 1:
        if not any(_is_number(_decimal(f, decimal_comma)) for f in first):
            raise _header_only(name)
    rest = [_Column(c[1:], decimal_comma) for c in columns]
    if len(lines) > 1:
        first_numeric = [_is_number(_decimal(f, decimal_comma)) for f in first]
        first_missing = [f.strip() in _MISSING for f in first]
        header = any(not num and not gap and col.numbers is not None
                     for num, gap, col in zip(first_numeric, first_missing, rest)) or (
            not any(first_numeric) and not all(first_missing)
            and any(_is_number(_decimal(c.raw[0], decimal_comma)) for c in rest))
    if header:
        return Table(name, _unique_names(first), rest, np.asarray(lines[1:], dtype=np.int64),
                     sep, True, encoding, decimal_comma)
    names = [f"column {i}" for i in range(1, len(first) + 1)]
    return Table(name, names, [_Column(c, decimal_comma) for c in columns],
                 np.asarray(lines, dtype=np.int64), sep, False, encoding, decimal_comma)


def _decimal(field: str, decimal_comma: bool) -> str:
    return field.replace(",", ".") if decimal_comma else field


def _header_only(name: str) -> DataError:
    return DataError(QT_TRANSLATE_NOOP("Messages", "{name} holds a header only, no data rows."),
                     name=name)


# ------------------------------------------------------------------ preparing
@dataclass(frozen=True)
class DataSpec:
    """What to train on: the file, its target column, the feature columns
    (empty: every other numeric column), the task ("regression" or
    "classification"), the share of rows held out for testing and the seed
    of the split."""
    path: str
    target: str
    features: tuple[str, ...] = ()
    task: str = "regression"
    test_share: float = 0.2
    seed: int = 0


@dataclass
class Prepared:
    """Training and test rows, the features standardised with the training
    rows' mean and std (given here per feature, from before standardising;
    a constant feature keeps std 1). y is float32 for regression, int64 class
    codes (indices into class_names) for classification. train_rows and
    test_rows are the Table's row indices of either part, in file order."""
    name: str
    feature_names: list[str]
    target_name: str
    task: str
    class_names: list[str] | None
    x_train: np.ndarray
    x_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
    mean: np.ndarray
    std: np.ndarray
    train_rows: np.ndarray | None = None
    test_rows: np.ndarray | None = None


TASKS = ("regression", "classification")


def _round(x: float) -> int:
    return int(np.floor(x + 0.5))


def _split(n: int, share: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    order = rng.permutation(n)
    k = min(max(_round(n * share), 1), n - 1)
    return order[k:], order[:k]


def stratified_split(codes: np.ndarray, n_classes: int, share: float,
                     rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """(training rows, test rows): each class split in the `share`, rounded, at
    least one row a side (every class needs two)."""
    rows = [np.flatnonzero(codes == c) for c in range(n_classes)]
    parts = [(r, _split(len(r), share, rng)) for r in rows]
    return (np.concatenate([r[train] for r, (train, _) in parts]),
            np.concatenate([r[test] for r, (_, test) in parts]))


def prepare(table: Table, spec: DataSpec) -> Prepared:
    """The rows of `table` split and standardised as `spec` asks; a DataError,
    naming the column or line, for any choice that cannot be trained on."""
    name = table.name
    if spec.task not in TASKS:
        raise ValueError(f"task must be one of {TASKS}, not {spec.task!r}")
    share = float(spec.test_share)
    if not 0 < share < 1:
        raise DataError(QT_TRANSLATE_NOOP(
            "Messages", "The test share must be more than 0 and less than 1, not {share}."),
            share=share)
    table._column(spec.target)
    features = list(dict.fromkeys(spec.features))
    for column in features:
        table._column(column)
    if spec.target in features:
        raise DataError(QT_TRANSLATE_NOOP(
            "Messages", "{name}: the target column '{column}' cannot be a feature too."),
            name=name, column=spec.target)
    if not spec.features:
        features = [c for c in table.columns if c != spec.target and table.is_numeric(c)]
        if not features:
            raise DataError(QT_TRANSLATE_NOOP(
                "Messages", "{name}: no numeric column is left for the features besides "
                            "the target '{column}'."), name=name, column=spec.target)
    x = np.column_stack([table.values(c) for c in features])

    rng = np.random.default_rng(spec.seed)
    n = table.n_rows
    class_names = None
    if spec.task == "regression":
        data = table._column(spec.target)
        if data.numbers is None and data.bad < 0:  # nothing but gaps
            raise table._missing(spec.target, data.missing)
        if data.numbers is None:
            row = data.bad
            raise DataError(QT_TRANSLATE_NOOP(
                "Messages", "{name}: the target column '{column}' is not numeric ('{value}' in "
                            "line {line}); classification can learn classes named by words."),
                name=name, column=spec.target, value=_shown(data.raw[row]), line=table.line(row))
        y = table.values(spec.target)
        if n < 4:
            raise _too_few_rows(name, n)
        k = min(max(_round(n * share), 2), n - 2)
        order = rng.permutation(n)
        train, test = order[k:], order[:k]
    else:
        codes, class_names = table.labels(spec.target)
        if len(class_names) < 2:
            raise DataError(QT_TRANSLATE_NOOP(
                "Messages", "{name}: the target column '{column}' holds one class only "
                            "('{label}'); classification needs at least two."),
                name=name, column=spec.target, label=_shown(class_names[0]))
        if len(class_names) > MAX_CLASSES:
            raise DataError(QT_TRANSLATE_NOOP(
                "Messages", "{name}: the target column '{column}' holds {count} different "
                            "values, more than the {limit} classes this app allows."),
                name=name, column=spec.target, count=len(class_names), limit=MAX_CLASSES)
        counts = np.bincount(codes, minlength=len(class_names))
        if counts.min() < 2:
            small = int(np.argmin(counts))
            raise DataError(QT_TRANSLATE_NOOP(
                "Messages", "{name}: class '{label}' of column '{column}' has a single row "
                            "(line {line}); every class needs at least 2, one for training "
                            "and one for testing."),
                name=name, label=_shown(class_names[small]), column=spec.target,
                line=table.line(int(np.flatnonzero(codes == small)[0])))
        y = codes
        train, test = stratified_split(codes, len(class_names), share, rng)
    train, test = np.sort(train), np.sort(test)

    mean = x[train].mean(axis=0)
    std = x[train].std(axis=0)
    constant = np.ptp(x[train], axis=0) == 0
    mean[constant], std[constant] = x[train][0, constant], 1.0  # exactly, not by summing
    scale = lambda a: np.ascontiguousarray((a - mean) / std, dtype=np.float32)
    y_type = np.float32 if spec.task == "regression" else np.int64
    return Prepared(name=name, feature_names=features, target_name=spec.target, task=spec.task,
                    class_names=class_names, x_train=scale(x[train]), x_test=scale(x[test]),
                    y_train=y[train].astype(y_type), y_test=y[test].astype(y_type),
                    mean=mean, std=std, train_rows=train, test_rows=test)


def _too_few_rows(name: str, n: int) -> DataError:
    return DataError(QT_TRANSLATE_NOOP(
        "Messages", "{name} has {rows} data rows; the split needs at least 4, "
                    "2 for training and 2 for testing."), name=name, rows=n)


def load(spec: DataSpec) -> Prepared:
    """The file of `spec` read and prepared."""
    return prepare(read_table(spec.path), spec)
