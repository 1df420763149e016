"""The environment a version was built in, recorded in its bag and compared at verify time.

``data/environment/`` holds ``environment.json`` (slidegen's version and commit, Python, every
installed package, the font files used with their sha256, LibreOffice), ``packages.txt``
(``name==version``) and, when the install has one, slidegen's ``requirements.lock``.
"""

from __future__ import annotations

import hashlib
import json
import platform
import shutil
import subprocess
from importlib.metadata import distributions
from pathlib import Path
from typing import Any

from ..messages import say
from ..textfit import find_font
from ..theme import Theme
from ..version import COMMIT, VERSION

FOLDER = "environment"
RECORD = "environment.json"
PACKAGES = "packages.txt"
LOCK = "requirements.lock"
_STYLES = (("regular", False), ("bold", True))


def installed_packages() -> dict[str, str]:
    found: dict[str, str] = {}
    for dist in distributions():
        name = dist.metadata["Name"]
        if name:
            found[name] = dist.version
    return dict(sorted(found.items(), key=lambda item: item[0].lower()))


def lock_file(project: Path) -> Path | None:
    """slidegen's own lock (a source checkout), else the deck project's."""
    checkout = Path(__file__).resolve().parents[3]
    for folder in (checkout, project):
        if (folder / LOCK).is_file() and (folder / "pyproject.toml").is_file():
            return folder / LOCK
    return None


def _fc_match(family: str, style: str) -> Path | None:
    program = shutil.which("fc-match")
    if not program:
        return None
    pattern = f"{family}:style={style.capitalize()}"
    try:
        done = subprocess.run(
            [program, "-f", "%{file}", pattern], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None


def fonts_used(theme: Theme) -> list[dict[str, str]]:
    """Each theme font and its stand-in, per style: the file fontconfig gives LibreOffice
    (fc-match) and the one slidegen measures and draws charts with, with their sha256."""
    families = []
    for font in (theme.fonts.heading, theme.fonts.body):
        for family in (font.name, font.standin):
            if family and family not in families:
                families.append(family)
    found = []
    for family in families:
        for style, bold in _STYLES:
            for used_by, path in (
                ("libreoffice", _fc_match(family, style)),
                ("slidegen", find_font(family, bold, False)),
            ):
                if path is None or not path.is_file():
                    continue
                found.append(
                    {
                        "family": family,
                        "style": style,
                        "used_by": used_by,
                        "file": path.name,
                        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                    }
                )
    return found


def current(theme: Theme, libreoffice: str | None) -> dict[str, Any]:
    return {
        "slidegen": {"version": VERSION, "commit": COMMIT},
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "libreoffice": libreoffice,
        "packages": installed_packages(),
        "fonts": fonts_used(theme),
    }


def write(folder: Path, record: dict[str, Any], project: Path) -> None:
    """The environment files, into ``folder`` (the bag's payload)."""
    folder.mkdir(parents=True)
    (folder / RECORD).write_text(
        json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    lines = "".join(
        f"{name}=={version}\n"
        for name, version in record["packages"].items()
        if name.lower() != "slidegen"  # recorded apart, by version and commit
    )
    (folder / PACKAGES).write_text(lines, encoding="utf-8")
    lock = lock_file(project)
    if lock is not None:
        shutil.copyfile(lock, folder / LOCK)


def differences(recorded: dict[str, Any], here: dict[str, Any]) -> list[str]:
    """What differs between the recorded environment and this one, one line each. The
    record is read as found (a hand-edited file may hold anything): what is not the shape
    slidegen writes is left out, never a traceback."""
    record = _mapping(recorded)
    found = []
    for what in ("python", "libreoffice"):
        was = _text(record.get(what))
        if was and here.get(what) and was != here[what]:
            found.append(say("environment_differs", what=what, recorded=was, here=here[what]))
    version = _text(_mapping(record.get("slidegen")).get("version"))
    if version != here["slidegen"]["version"]:
        found.append(
            say("environment_differs", what="slidegen", recorded=version,
                here=here["slidegen"]["version"])
        )  # fmt: skip
    packages = here["packages"]
    for name, version in _mapping(record.get("packages")).items():
        version = _text(version)
        if name == "slidegen" or version is None:
            continue
        if name not in packages:
            found.append(say("package_missing_here", name=name, version=version))
        elif packages[name] != version:
            found.append(say("package_differs", name=name, version=version, here=packages[name]))
    return found + _font_differences(record.get("fonts"), here.get("fonts", []))


_FONT_KEYS = ("family", "style", "used_by", "file", "sha256")


def _font_differences(recorded: object, here: list[dict[str, str]]) -> list[str]:
    mine = {(f["family"], f["style"], f["used_by"]): f for f in here}
    fonts = [
        font
        for font in (recorded if isinstance(recorded, list) else [])
        if isinstance(font, dict) and all(isinstance(font.get(k), str) for k in _FONT_KEYS)
    ]
    found = []
    for font in fonts:
        other = mine.get((font["family"], font["style"], font["used_by"]))
        if other is None:
            found.append(
                say("font_missing_here", family=font["family"], style=font["style"],
                    file=font["file"])
            )  # fmt: skip
        elif other["sha256"] != font["sha256"]:
            found.append(
                say("font_differs", family=font["family"], style=font["style"],
                    file=font["file"], other=other["file"])
            )  # fmt: skip
    return found


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str | None:
    """A recorded version as text (one line); ``None`` for anything else."""
    if isinstance(value, str):
        return value.splitlines()[0] if value.strip() else None
    return None


def recreate_hint(bag: Path, recorded: dict[str, Any]) -> str:
    """How to make the recorded environment again."""
    env = bag / "data" / FOLDER
    recorded = _mapping(recorded)
    python = _text(recorded.get("python")) or "?"
    if (env / LOCK).is_file():
        install = f"pip install --require-hashes --no-deps -r {env / LOCK}"
    else:
        install = f"pip install -r {env / PACKAGES}"
    slidegen = _mapping(recorded.get("slidegen"))
    commit = _text(slidegen.get("commit"))
    commit = say("at_commit", commit=commit) if commit else ""
    return say(
        "recreate_environment", python=python, install=install,
        version=_text(slidegen.get("version")) or "?", commit=commit, record=env / RECORD,
    )  # fmt: skip
