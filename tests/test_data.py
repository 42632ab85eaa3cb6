"""The shipped Boston Housing data, split exactly as keras.datasets.boston_housing splits it."""
import hashlib

import numpy as np

from training import data
from training.experiment import ACTIVATIONS, PRESETS


def test_shipped_file_is_the_reference_copy():
    digest = hashlib.sha256(data.BOSTON_CSV.read_bytes()).hexdigest()
    assert digest == "79ac716620024011b03c0c44d2bf99069b8173649181926d9109c25475a3804c"


def test_split_equals_keras():
    (x_train, y_train), (x_test, y_test) = data.boston_raw()
    assert x_train.shape == (404, 13) and x_test.shape == (102, 13)
    np.testing.assert_allclose(
        x_train[0], [1.23247, 0, 8.14, 0, 0.538, 6.142, 91.7, 3.9769, 4, 307, 21, 396.9, 18.72])
    np.testing.assert_allclose(y_train[:10], [15.2, 42.3, 50.0, 21.1, 17.7, 18.5, 11.3, 15.6, 15.6, 14.4])
    np.testing.assert_allclose(y_test[:5], [7.2, 18.8, 19.0, 27.0, 22.2])


def test_validation_share_is_drawn_from_the_seed():
    a = data.boston(validation_split=0.2, seed=3)
    b = data.boston(validation_split=0.2, seed=3)
    c = data.boston(validation_split=0.2, seed=4)
    assert len(a.x_train) == 323 and len(a.x_val) == 81 and len(a.x_test) == 102
    np.testing.assert_array_equal(a.y_val, b.y_val)
    assert not np.array_equal(a.y_val, c.y_val)
    # Held-out rows are rows of the training set, never of the test set.
    full = data.boston()
    assert sorted(np.concatenate([a.y_train, a.y_val])) == sorted(full.y_train)


def test_without_validation_share_all_training_rows_train():
    d = data.boston()
    assert len(d.x_train) == 404 and d.x_val is None
    # Standardised with the training rows' statistics.
    np.testing.assert_allclose(d.x_train.mean(axis=0), 0, atol=1e-5)


def test_activations_offered_are_the_ones_keras_has():
    from keras.src.activations import ALL_OBJECTS_DICT
    keras_names = {k for k in ALL_OBJECTS_DICT if isinstance(k, str)}
    assert set(ACTIVATIONS) <= keras_names
    # What is left out are aliases: swish = silu, hard_swish = hard_silu.
    assert keras_names - set(ACTIVATIONS) <= {"swish", "hard_swish"}


def test_lecture_presets():
    boston = PRESETS["boston"]
    assert [(l.units, l.activation) for l in boston.layers] == [(80, "tanh"), (50, "tanh"), (1, "linear")]
    assert (boston.loss, boston.optimizer, boston.epochs, boston.batch_size) == ("mse", "adam", 1000, 32)
    es = PRESETS["boston-early-stopping"]
    assert [(l.units, l.activation) for l in es.layers] == [(10, "relu"), (10, "relu"), (1, "linear")]
    assert (es.validation_split, es.early_stopping, es.patience, es.restore_best_weights) == (0.2, True, 150, True)


def test_the_lecture_trains_on_raw_features_and_standardising_is_a_setting():
    from training.data import boston, boston_raw
    from training.experiment import preset
    (x_raw, _), (x_test_raw, _) = boston_raw()
    raw = boston(standardize=False)
    np.testing.assert_allclose(raw.x_train, x_raw, rtol=1e-6)
    np.testing.assert_allclose(raw.x_test, x_test_raw, rtol=1e-6)
    scaled = boston(standardize=True)
    np.testing.assert_allclose(scaled.x_train.mean(axis=0), 0, atol=1e-5)
    np.testing.assert_allclose(scaled.x_train.std(axis=0), 1, atol=1e-4)
    assert not preset("boston").standardize and not preset("boston-early-stopping").standardize
