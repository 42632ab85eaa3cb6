"""Data as files and as text: histories, predictions and the AND table.

CSV files are for programs: a point as decimal mark, commas between fields,
whatever the language. Copied text is for spreadsheets: tab-separated, with
the numbers as the window shows them (a German spreadsheet reads "3,649").
No Keras, no Qt.
"""
from __future__ import annotations

import csv
import io

import numpy as np


def _number(value) -> str:
    return "" if value is None or not np.isfinite(value) else f"{float(value):.10g}"


def csv_bytes(header: list[str], rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def history_rows(history: dict):
    """(epoch, loss, val_loss) per epoch; val_loss, where the run gained it
    late (Resume with a validation share), belongs to its last epochs."""
    loss, val = list(history.get("loss", [])), list(history.get("val_loss", []))
    first_val = len(loss) - len(val)
    for i, value in enumerate(loss):
        yield i + 1, value, val[i - first_val] if i >= first_val else None


def history_csv(runs: list[tuple[str, dict]]) -> bytes:
    """epoch, loss, val_loss, run: the histories of `runs` ((name, history) pairs) in one file."""
    return csv_bytes(["epoch", "loss", "val_loss", "run"], (
        [epoch, _number(loss), _number(val), name]
        for name, history in runs for epoch, loss, val in history_rows(history)))


def predictions_csv(truth, predicted) -> bytes:
    """row, true, predicted, abs_error for each evaluation row."""
    truth, predicted = np.asarray(truth, dtype=float), np.asarray(predicted, dtype=float)
    return csv_bytes(["row", "true", "predicted", "abs_error"], (
        [i + 1, _number(t), _number(p), _number(abs(p - t))]
        for i, (t, p) in enumerate(zip(truth, predicted))))


AND_INPUTS = ("0,0", "0,1", "1,0", "1,1")


def and_table_csv(predictions, weights) -> bytes:
    """epoch, the four predictions and the weights after each epoch (epoch 0:
    before training)."""
    header = ["epoch"] + [f"prediction ({x})" for x in AND_INPUTS] + ["w1", "w2", "b"]
    rows = []
    for epoch, (p, w) in enumerate(zip(predictions, weights)):
        w = list(np.ravel(w)) if w is not None else []
        w = (w + [None] * 3)[:3]
        rows.append([epoch] + [_number(v) for v in p] + [_number(v) for v in w])
    return csv_bytes(header, rows)


def tsv(rows: list[list[str]]) -> str:
    """Tab-separated lines, for the clipboard."""
    return "".join("\t".join(str(cell) for cell in row) + "\n" for row in rows)
