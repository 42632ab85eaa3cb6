"""Keeping the translations current: `python -m app.translations`.

pyside6-lupdate collects every tr()/translate()/QT_TRANSLATE_NOOP string of
app/, widgets/ and training/ into resources/translations/lab_de.ts (new ones
unfinished, vanished ones dropped); translate the unfinished ones there (Qt
Linguist: `pyside6-linguist resources/translations/lab_de.ts`, or any text
editor), then run this again: pyside6-lrelease compiles lab_de.qm, which the
app loads. tests/test_language.py fails while either is out of date.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "lab_de.ts"
PACKAGES = ("app", "widgets", "training")


def sources() -> list[str]:
    return [str(p.relative_to(ROOT)) for package in PACKAGES
            for p in sorted((ROOT / package).glob("*.py"))]


def tool(name: str) -> str:
    """PySide6's own tools, beside this Python (bin/ or Scripts/)."""
    for candidate in (Path(sys.executable).with_name(name),
                      Path(sys.executable).with_name(name + ".exe")):
        if candidate.exists():
            return str(candidate)
    return name


def update(ts: Path = TS) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-silent", "-ts", str(ts)], cwd=ROOT, check=True)


def release(ts: Path = TS, qm: Path | None = None) -> Path:
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT,
                   check=True)
    return qm


if __name__ == "__main__":
    update()
    release()
    unfinished = TS.read_text(encoding="utf-8").count('type="unfinished"')
    print(f"{TS.relative_to(ROOT)}: {unfinished} unfinished")
