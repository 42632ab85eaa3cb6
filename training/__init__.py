"""The Keras side of the app. Never imports Qt (tests/test_architecture.py checks)."""
