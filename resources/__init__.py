"""The app's bundled files, installed as the package keras_lecture_lab_resources
(see pyproject.toml); read them through training.resources."""
