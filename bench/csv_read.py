"""How fast a user's CSV file is read: training.tabular on a 100,000-row x
20-column numeric file (about 20 MB), written into a temporary folder twice,
once with "," and decimal points, once with ";" and decimal commas.

    .venv/bin/python bench/csv_read.py            # the median of 3 runs of each step
    .venv/bin/python bench/csv_read.py --repeat 5

Prints one JSON document: per variant the file's size in MB and the seconds
of read_table, of values() of every column, of preview(), and their total
(the target: under 2 s).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from training.tabular import read_table  # noqa: E402

ROWS, COLUMNS = 100_000, 20


def write(folder: Path, sep: str, decimal_comma: bool) -> Path:
    rng = np.random.default_rng(0)
    data = rng.normal(0.0, 100.0, size=(ROWS, COLUMNS))
    text = "\n".join(sep.join(f"{v:.5f}" for v in row) for row in data) + "\n"
    if decimal_comma:
        text = text.replace(".", ",")
    path = folder / ("semicolon.csv" if decimal_comma else "comma.csv")
    header = sep.join(f"x{i}" for i in range(COLUMNS))
    path.write_text(header + "\n" + text, encoding="utf-8")
    return path


def measure(path: Path) -> dict:
    t0 = time.perf_counter()
    table = read_table(str(path))
    t1 = time.perf_counter()
    for column in table.columns:
        table.values(column)
    t2 = time.perf_counter()
    table.preview()
    t3 = time.perf_counter()
    assert table.n_rows == ROWS and len(table.columns) == COLUMNS
    return {"read_table": t1 - t0, "values": t2 - t1, "preview": t3 - t2, "total": t3 - t0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    result = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, sep, comma in (("comma_dot", ",", False), ("semicolon_decimal_comma", ";", True)):
            path = write(Path(folder), sep, comma)
            runs = [measure(path) for _ in range(args.repeat)]
            result[name] = {"mb": round(path.stat().st_size / 2**20, 1),
                            **{k: round(statistics.median(r[k] for r in runs), 3) for k in runs[0]}}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
