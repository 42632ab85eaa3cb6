"""training.tabular: a user's CSV file read into a Table, and prepared for
training. Every file is written at test time; every refusal is one DataError
line that names the file, and the line and column where that applies."""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from training.errors import DataError
from training.tabular import (MAX_BYTES, MAX_CLASSES, DataSpec, Prepared, load, prepare,
                              read_table)

IRIS = Path(__file__).resolve().parent.parent / "resources" / "iris.csv"


def _file(tmp_path: Path, name: str, text: str | bytes, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode(encoding))
    return str(path)


def _refused(make) -> str:
    with pytest.raises(DataError) as info:
        make()
    text = str(info.value)
    assert "\n" not in text and text == str(info.value.message)
    return text


# ------------------------------------------------------------------ refused files
def test_an_empty_file(tmp_path):
    assert _refused(lambda: read_table(_file(tmp_path, "e.csv", ""))) == "e.csv is empty."
    assert _refused(lambda: read_table(_file(tmp_path, "b.csv", "\n \n\r\n"))) == "b.csv is empty."


def test_a_missing_file(tmp_path):
    assert _refused(lambda: read_table(str(tmp_path / "gone.csv"))) == "gone.csv: no such file."


def test_a_header_only(tmp_path):
    assert _refused(lambda: read_table(_file(tmp_path, "h.csv", "a,b,c\n\n"))) == (
        "h.csv holds a header only, no data rows.")


def test_a_binary_file(tmp_path):
    nul = _file(tmp_path, "nul.csv", b"a,b\n1,2\n\x00\x01\x02")
    assert _refused(lambda: read_table(nul)) == "nul.csv is not a text (CSV) file."
    # No NUL, but neither UTF-8 nor cp1252 (0x81 is not a cp1252 character).
    odd = _file(tmp_path, "odd.csv", b"a,b\n\x81\x8d,\xff\xfe\n")
    assert _refused(lambda: read_table(odd)) == "odd.csv is not a text (CSV) file."


def test_a_nul_byte_past_the_first_64_kb(tmp_path):
    path = _file(tmp_path, "late.csv", b"a,b\n" + b"1,2\n" * 20_000 + b"3,\x004\n")
    assert _refused(lambda: read_table(path)) == "late.csv is not a text (CSV) file."


def test_a_2_gb_file_is_refused_by_its_size_at_once(tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as f:
        f.truncate(2 * 2**30)  # sparse: nothing is written
    start = time.perf_counter()
    text = _refused(lambda: read_table(str(path)))
    assert time.perf_counter() - start < 0.5
    assert text == f"huge.csv is 2048 MB; this app reads CSV files of up to {MAX_BYTES // 2**20} MB."


def test_mixed_separators_name_the_first_line_that_differs(tmp_path):
    path = _file(tmp_path, "mixed.csv", "a;b;c\n1;2;3\n\n4;5;6\n7,8,9\n1;2;3\n")
    assert _refused(lambda: read_table(path)) == (
        'mixed.csv, line 5: the fields are separated by "," here, but by ";" in line 1.')


def test_a_ragged_row_names_its_line(tmp_path):
    path = _file(tmp_path, "ragged.csv", "a,b,c\n1,2,3\n4,5,6\n\n7,8\n")
    assert _refused(lambda: read_table(path)) == (
        "ragged.csv, line 5: 2 fields, but line 1 has 3.")
    quoted = _file(tmp_path, "q.csv", 'a,b\n"1,5",2\n3,4,5\n')
    assert _refused(lambda: read_table(quoted)) == "q.csv, line 3: 3 fields, but line 1 has 2."


# ------------------------------------------------------------------ good files
def test_a_german_csv(tmp_path):
    path = _file(tmp_path, "häuser.csv", "Fläche;Preis;Ort\n120,5;350000;Köln\n80;-1,25e3;Bonn\n"
                 "95,0;2,5;Köln\n", encoding="cp1252")
    table = read_table(path)
    assert table.name == "häuser.csv" and table.separator == ";" and table.encoding == "cp1252"
    assert table.columns == ["Fläche", "Preis", "Ort"] and table.n_rows == 3
    np.testing.assert_array_equal(table.values("Fläche"), [120.5, 80.0, 95.0])
    np.testing.assert_array_equal(table.values("Preis"), [350000.0, -1250.0, 2.5])
    assert table.is_numeric("Preis") and not table.is_numeric("Ort")
    assert table.labels("Ort")[1] == ["Bonn", "Köln"]
    assert table.preview(1) == [["120,5", "350000", "Köln"]]
    assert [table.line(i) for i in range(3)] == [2, 3, 4]


def test_quoted_fields_hold_the_separator(tmp_path):
    path = _file(tmp_path, "q.csv", 'name,x,y\n"Smith, J.",1,2\n"a ""b""",3,4\n\n"x\ny",5,6\n')
    table = read_table(path)
    assert table.columns == ["name", "x", "y"] and table.n_rows == 3
    assert table.preview() == [["Smith, J.", "1", "2"], ['a "b"', "3", "4"], ["x\ny", "5", "6"]]
    assert [table.line(i) for i in range(3)] == [2, 3, 5]
    np.testing.assert_array_equal(table.values("y"), [2, 4, 6])


def test_utf8_with_a_bom(tmp_path):
    path = _file(tmp_path, "bom.csv", "\ufeffgröße,wert\n1,2\n3,4\n")
    table = read_table(path)
    assert table.columns == ["größe", "wert"] and table.encoding == "utf-8-sig"
    np.testing.assert_array_equal(table.values("größe"), [1, 3])


def test_a_file_without_a_header(tmp_path):
    table = read_table(_file(tmp_path, "raw.csv", "1,2,3\n4,5,6\n7,8,9\n"))
    assert not table.has_header and table.columns == ["column 1", "column 2", "column 3"]
    assert table.n_rows == 3 and table.line(0) == 1
    np.testing.assert_array_equal(table.values("column 2"), [2, 5, 8])
    # Words in a column of words, no header: the first row is data too.
    table = read_table(_file(tmp_path, "words.csv", "a,1\nb,2\n"))
    assert table.columns == ["column 1", "column 2"] and table.labels("column 1")[1] == ["a", "b"]


def test_tab_separated_with_decimal_commas(tmp_path):
    table = read_table(_file(tmp_path, "t.tsv", "x\ty\n1,5\t2\n3\t4,25\n"))
    assert table.separator == "\t" and table.columns == ["x", "y"]
    np.testing.assert_array_equal(table.values("y"), [2.0, 4.25])


def test_a_file_of_one_column(tmp_path):
    table = read_table(_file(tmp_path, "one.csv", "value\n1.5\n2.5\n"))
    assert table.columns == ["value"]
    np.testing.assert_array_equal(table.values("value"), [1.5, 2.5])


def test_duplicate_and_empty_header_names_are_made_unique(tmp_path):
    table = read_table(_file(tmp_path, "d.csv", "x,x,,x (2)\n1,2,3,4\n"))
    assert table.columns == ["x", "x (2)", "column 3", "x (2) (2)"]


def test_stats_and_labels(tmp_path):
    table = read_table(_file(tmp_path, "s.csv", "a,c\n1,1\n2,2.0\n3,10\n4,1.0\n"))
    assert table.stats("a") == (2.5, pytest.approx(np.std([1, 2, 3, 4])))
    codes, names = table.labels("c")
    assert names == ["1", "2", "10"]  # numeric order, and 1 and 1.0 are one class
    assert codes.dtype == np.int64 and codes.tolist() == [0, 1, 2, 0]


# ------------------------------------------------------------------ values refused
def test_a_missing_value_names_its_column_and_line(tmp_path):
    path = _file(tmp_path, "gap.csv", "a,b,y\n1,2,3\n\n4,NA,6\n7,,9\n")
    table = read_table(path)
    assert table.is_numeric("b")
    assert _refused(lambda: table.values("b")) == "gap.csv: missing value in column 'b', line 4."
    assert _refused(lambda: prepare(table, DataSpec(path, "y"))) == (
        "gap.csv: missing value in column 'b', line 4.")
    for token in ("?", "-", "nan", "NaN", ""):
        t = read_table(_file(tmp_path, "g.csv", f"a,y\n1,2\n{token},3\n"))
        assert _refused(lambda: t.values("a")) == "g.csv: missing value in column 'a', line 3."


def test_a_non_numeric_feature_names_its_column_and_line(tmp_path):
    rows = "".join(f"{i},{i % 3},{i}\n" for i in range(10))
    path = _file(tmp_path, "words.csv", "a,b,y\n" + rows + "11,eleven,11\n" + rows)
    table = read_table(path)
    assert not table.is_numeric("b")
    spec = DataSpec(path, "y", features=("a", "b"))
    assert _refused(lambda: prepare(table, spec)) == (
        "words.csv: column 'b' holds 'eleven' in line 12, which is not a number.")
    # Asked for every numeric feature, the words column is left out.
    assert prepare(table, DataSpec(path, "y")).feature_names == ["a"]


def test_a_target_that_does_not_exist(tmp_path):
    table = read_table(IRIS)
    assert _refused(lambda: prepare(table, DataSpec(str(IRIS), "Species"))) == (
        "iris.csv has no column 'Species'; its columns are 'sepal_length', 'sepal_width', "
        "'petal_length', 'petal_width', 'species'.")
    assert _refused(lambda: prepare(table, DataSpec(str(IRIS), "species", ("petal",),
                                                    "classification"))).startswith(
        "iris.csv has no column 'petal'; its columns are")
    wide = read_table(_file(tmp_path, "wide.csv", ",".join(f"c{i}" for i in range(15)) + "\n"
                            + ",".join("1" * 15) + "\n"))
    assert _refused(lambda: prepare(wide, DataSpec("", "y"))) == (
        "wide.csv has no column 'y'; its columns are 'c0', 'c1', 'c2', 'c3', 'c4', 'c5', "
        "'c6', 'c7', 'c8', 'c9' and 5 more.")


def test_the_target_among_the_features():
    spec = DataSpec(str(IRIS), "petal_width", ("sepal_length", "petal_width"))
    assert _refused(lambda: load(spec)) == (
        "iris.csv: the target column 'petal_width' cannot be a feature too.")


def test_no_feature_left(tmp_path):
    path = _file(tmp_path, "f.csv", "name,y\na,1\nb,2\nc,3\nd,4\n")
    assert _refused(lambda: load(DataSpec(path, "y"))) == (
        "f.csv: no numeric column is left for the features besides the target 'y'.")


def test_a_regression_target_that_is_not_numeric():
    assert _refused(lambda: load(DataSpec(str(IRIS), "species"))) == (
        "iris.csv: the target column 'species' is not numeric ('setosa' in line 2); "
        "classification can learn classes named by words.")


def test_a_target_of_gaps_only(tmp_path):
    path = _file(tmp_path, "gaps.csv", "x,y\n1,\n2,?\n3,NA\n4,\n")
    assert _refused(lambda: load(DataSpec(path, "y"))) == (
        "gaps.csv: missing value in column 'y', line 2.")


def test_a_target_with_one_class(tmp_path):
    path = _file(tmp_path, "one.csv", "x,kind\n1,cat\n2,cat\n3,cat\n4,cat\n")
    assert _refused(lambda: load(DataSpec(path, "kind", task="classification"))) == (
        "one.csv: the target column 'kind' holds one class only ('cat'); "
        "classification needs at least two.")


def test_more_than_100_classes(tmp_path):
    path = _file(tmp_path, "many.csv", "x,y\n" + "".join(f"{i},{i}\n" for i in range(250)))
    assert _refused(lambda: load(DataSpec(path, "y", task="classification"))) == (
        f"many.csv: the target column 'y' holds 250 different values, more than the "
        f"{MAX_CLASSES} classes this app allows.")
    assert load(DataSpec(path, "y")).task == "regression"  # as a number it is fine


def test_too_few_rows_for_the_split(tmp_path):
    path = _file(tmp_path, "few.csv", "x,y\n1,2\n2,3\n3,4\n")
    assert _refused(lambda: load(DataSpec(path, "y"))) == (
        "few.csv has 3 data rows; the split needs at least 4, 2 for training and 2 for testing.")
    four = _file(tmp_path, "four.csv", "x,y\n1,2\n2,3\n3,4\n4,5\n")
    prepared = load(DataSpec(four, "y", test_share=0.1))
    assert len(prepared.x_train) == 2 and len(prepared.x_test) == 2
    classes = _file(tmp_path, "cls.csv", "x,y\n1,a\n2,a\n3,b\n4,a\n5,b\n\n6,c\n")
    assert _refused(lambda: load(DataSpec(classes, "y", task="classification"))) == (
        "cls.csv: class 'c' of column 'y' has a single row (line 8); every class needs at "
        "least 2, one for training and one for testing.")


def test_a_test_share_outside_0_to_1():
    for share in (0.0, 1.0, -0.5, 1.5):
        assert _refused(lambda: load(DataSpec(str(IRIS), "petal_width", test_share=share))) == (
            f"The test share must be more than 0 and less than 1, not {share:g}.")


# ------------------------------------------------------------------ Iris
def test_iris():
    table = read_table(str(IRIS))
    assert table.n_rows == 150 and table.columns[-1] == "species"
    prepared = load(DataSpec(str(IRIS), "species", task="classification"))
    assert isinstance(prepared, Prepared) and prepared.name == "iris.csv"
    assert prepared.class_names == ["setosa", "versicolor", "virginica"]
    assert prepared.feature_names == table.columns[:4] and prepared.target_name == "species"
    assert prepared.x_train.shape == (120, 4) and prepared.x_test.shape == (30, 4)
    assert prepared.x_train.dtype == prepared.x_test.dtype == np.float32
    assert prepared.y_train.dtype == prepared.y_test.dtype == np.int64
    assert np.bincount(prepared.y_test).tolist() == [10, 10, 10]
    assert np.bincount(prepared.y_train).tolist() == [40, 40, 40]
    np.testing.assert_allclose(prepared.x_train.mean(axis=0), 0, atol=1e-6)
    np.testing.assert_allclose(prepared.x_train.std(axis=0), 1, atol=1e-5)
    raw = np.column_stack([table.values(c) for c in table.columns[:4]])
    np.testing.assert_allclose(prepared.mean, raw[prepared.train_rows].mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(prepared.std, raw[prepared.train_rows].std(axis=0), rtol=1e-12)
    np.testing.assert_allclose(prepared.x_test, (raw[prepared.test_rows] - prepared.mean)
                               / prepared.std, rtol=1e-5, atol=1e-6)
    codes, _ = table.labels("species")
    np.testing.assert_array_equal(prepared.y_test, codes[prepared.test_rows])
    assert not set(prepared.train_rows) & set(prepared.test_rows)


def test_iris_regression_on_every_other_numeric_column():
    prepared = load(DataSpec(str(IRIS), "petal_width"))
    assert prepared.feature_names == ["sepal_length", "sepal_width", "petal_length"]
    assert prepared.class_names is None and prepared.y_train.dtype == np.float32
    assert len(prepared.x_train) == 120 and len(prepared.x_test) == 30


def test_a_constant_feature_keeps_std_1(tmp_path):
    path = _file(tmp_path, "c.csv", "k,x,y\n" + "".join(f"0.1,{i},{i}\n" for i in range(10)))
    prepared = load(DataSpec(path, "y"))
    assert prepared.std[0] == 1.0 and np.all(prepared.x_train[:, 0] == 0)


def test_the_same_seed_gives_the_same_split_another_seed_another():
    a = load(DataSpec(str(IRIS), "species", task="classification", seed=3))
    b = load(DataSpec(str(IRIS), "species", task="classification", seed=3))
    c = load(DataSpec(str(IRIS), "species", task="classification", seed=4))
    np.testing.assert_array_equal(a.test_rows, b.test_rows)
    np.testing.assert_array_equal(a.x_train, b.x_train)
    assert not np.array_equal(a.test_rows, c.test_rows)
    r1, r2 = (load(DataSpec(str(IRIS), "petal_width", seed=s)) for s in (0, 1))
    assert not np.array_equal(r1.test_rows, r2.test_rows)
