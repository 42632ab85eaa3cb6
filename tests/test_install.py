"""The project as pip installs it: pinned versions, package data, entry points."""
import os
import shutil
import subprocess
import sys
import time
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {"app", "widgets", "training", "keras_lecture_lab_resources"}


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep and name and version, f"constraints.txt: {line!r} is not NAME==VERSION"
            pins[canonicalize_name(name)] = version
    return pins


def _requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]


def test_constraints_pin_every_requirement_within_its_range():
    pins = _pins()
    for req in _requirements():
        name = canonicalize_name(req.name)
        assert name in pins, f"constraints.txt pins no version of {req.name}"
        assert req.specifier.contains(pins[name]), f"{req.name}=={pins[name]} is outside {req}"
    assert "pip" not in pins  # run.sh upgrades pip itself
    assert "keras-lecture-lab" not in pins


def test_internals_the_code_uses_have_upper_bounds():
    # TensorFlow's library names (training/tf_preload.py), keras.src (training/persistence.py),
    # and tf-keras, which is released in step with TensorFlow.
    bounded = {canonicalize_name(r.name): r for r in _requirements()}
    for name in ("tensorflow", "keras", "tf-keras"):
        assert any(s.operator in ("<", "<=", "==", "~=") for s in bounded[name].specifier), bounded[name]


@pytest.mark.skipif(os.environ.get("CI") != "true",
                    reason="checked where CI runs: locally a venv may hold newer releases on purpose "
                           "(refreshing the pins runs the suite on the newest versions)")
def test_installed_versions_are_the_pinned_ones():
    # run.sh installs with -c constraints.txt; a difference means the pins did not apply.
    wrong = {}
    for name, version in _pins().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            # A pin of another platform's dependency may have nothing to constrain here;
            # the project's own requirements must be there.
            assert name not in {canonicalize_name(r.name) for r in _requirements()}, name
            continue
        if installed != version:
            wrong[name] = f"{installed}, pinned {version}"
    assert not wrong, wrong


def _source_copy(dest: Path) -> Path:
    """The files an sdist would hold: no venv, no build leftovers, no tests or benchmark."""
    def ignore(folder, names):
        top = Path(folder) == ROOT
        return {n for n in names if n.startswith(".") or n in ("__pycache__", "build", "dist")
                or n.endswith(".egg-info") or (top and n in ("tests", "bench"))}
    return Path(shutil.copytree(ROOT, dest, ignore=ignore))


def test_a_non_editable_install_runs_from_another_folder(tmp_path):
    source, target, elsewhere = _source_copy(tmp_path / "src"), tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    # Offline: no dependencies, and the build uses the venv's setuptools (a test extra).
    started = time.monotonic()
    out = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                          "--no-build-isolation", "--target", str(target), str(source)],
                         capture_output=True, text=True, timeout=300)
    seconds = time.monotonic() - started
    assert out.returncode == 0, out.stderr[-3000:]
    assert seconds < 30, f"pip install took {seconds:.1f} s"

    # Our packages and nothing with a name that could shadow another project's.
    dist = metadata.PathDistribution(next(target.glob("keras_lecture_lab-*.dist-info")))
    assert set(dist.read_text("top_level.txt").split()) == PACKAGES
    assert not (target / "main.py").exists() and not (target / "resources").exists()
    # Every shipped file is installed, byte for byte.
    shipped = [p for p in (ROOT / "resources").iterdir()
               if p.is_file() and p.name != "__init__.py" and not p.name.endswith(".pyc")]
    assert any(p.name == "boston_housing.csv" for p in shipped)
    for p in shipped:
        installed = target / "keras_lecture_lab_resources" / p.name
        assert installed.is_file(), f"resources/{p.name} is not installed: add its pattern to package-data"
        assert installed.read_bytes() == p.read_bytes()
    scripts = {(e.group, e.name): e.value for e in dist.entry_points}
    assert scripts == {("console_scripts", "keras-lecture-lab"): "app.cli:main",
                       ("gui_scripts", "keras-lecture-lab-gui"): "app.cli:main"}

    # The console script, from a folder that holds none of the project's files.
    env = {**os.environ, "PYTHONPATH": str(target), "TF_CPP_MIN_LOG_LEVEL": "2"}
    script = shutil.which("keras-lecture-lab", path=os.pathsep.join(
        [str(target / "bin"), str(target / "Scripts")]))
    assert script, sorted(p.name for p in target.iterdir())
    run = subprocess.run([script, "--headless", "--preset", "boston", "--epochs", "2"], cwd=elsewhere,
                         env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "done: 2 epochs" in run.stdout and "test error: mean" in run.stdout, run.stdout
    # ...and in that environment the code and the data come from the install, not from the repo
    # (the venv's editable install of the repo stays on the import path as a fallback).
    probe = subprocess.run(
        [sys.executable, "-c", "import app.cli, training.data as d; print(app.cli.__file__); "
                               "print(d.BOSTON_CSV)"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr[-2000:]
    code, data = (Path(line) for line in probe.stdout.split())
    assert code.is_relative_to(target) and data.is_relative_to(target), probe.stdout
    assert data == target / "keras_lecture_lab_resources" / "boston_housing.csv"
