"""What Keras 2 (tf.keras) files call things, under the names Keras 3 uses. Keras-free."""
from __future__ import annotations

# The loss names a file's training config may give, for the losses the app trains with.
LOSS_NAMES = {"mse": "mse", "mean_squared_error": "mse", "meansquarederror": "mse",
              "mae": "mae", "mean_absolute_error": "mae", "meanabsoluteerror": "mae",
              "binary_crossentropy": "binary_crossentropy",
              "binarycrossentropy": "binary_crossentropy",
              "sparse_categorical_crossentropy": "sparse_categorical_crossentropy",
              "sparsecategoricalcrossentropy": "sparse_categorical_crossentropy"}
# Keras 2 optimizer slot names -> Keras 3 slot names, per optimizer.
SLOTS = {"adam": {"m": "momentum", "v": "velocity", "vhat": "velocity_hat"},
         "sgd": {"m": "momentum", "momentum": "momentum"},
         "rmsprop": {"velocity": "velocity", "rms": "velocity", "momentum": "momentum",
                     "average_gradient": "average_gradient", "mg": "average_gradient"}}


def loss_name(loss) -> str:
    """A training config's loss entry (a name or a serialized object), lower case."""
    if isinstance(loss, dict):
        config = loss.get("config")
        loss = loss.get("class_name") or (config.get("name", "") if isinstance(config, dict) else "")
    return str(loss or "").lower()


def optimizer_name(class_name: str) -> str:
    """Keras 2's optimizers call themselves "Custom>Adam" and the like."""
    return str(class_name).split(">")[-1]


def optimizer_state(saved: dict, model, opt_name: str) -> dict | None:
    """Keras 2's optimizer state under the names Keras 3 gives the same variables.

    Keras 2 names a slot "Adam/m/dense/kernel:0" (tf.keras optimizers) or
    "Adam/dense/kernel/m:0" (legacy ones, stored as [iter, m..., v...]), where
    Keras 3 says "sequential_dense_kernel_momentum"; matching by name makes the
    order irrelevant. None when a name does not fit `model`.
    """
    slots = SLOTS[opt_name]
    legacy = any(n.endswith("/iter:0") for n in saved)
    paths = {}
    for layer in model.layers:
        for var in layer.trainable_variables:
            paths[f"{layer.name}/{var.name}"] = var.path.replace("/", "_")
    state = {}
    for n, value in saved.items():
        parts = n[:-2].split("/")
        if parts[-1] in ("iter", "iteration"):
            state["iteration"] = value
            continue
        if legacy and len(parts) >= 3:
            slot, var = parts[-1], "/".join(parts[1:-1])
        elif not legacy and len(parts) >= 3:
            slot, var = parts[1], "/".join(parts[2:])
        else:
            return None
        if slot not in slots or var not in paths:
            return None
        state[f"{paths[var]}_{slots[slot]}"] = value
    return state
