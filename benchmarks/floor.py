"""The start-up floor under the warm-build and `check` goals: what the libraries slidegen is
built on cost before slidegen runs a line of its own, what slidegen's own definitions cost on
top (its pydantic models and its dataclasses), and so how much of each goal is left for the
work.

A library case is a fresh process that imports what the command imports from third parties,
with the collector off as slidegen's console command has it, and builds one one-field pydantic
model (pydantic imports most of itself only when a first model is made). The definitions are
timed inside a process that imports slidegen's check and build modules, by wrapping pydantic's
model metaclass and ``dataclasses.dataclass`` around those imports only (the libraries are in
first, so only slidegen's own classes count). All of it runs in turns with the default deck's
warm build and check, so that the shared machine's drift reaches every case alike.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

LIBRARIES = {
    "build": "import pptx, yaml, babel.numbers, click, PIL.ImageFont",
    "check": "import yaml, babel.numbers, click, PIL.ImageFont",  # check never imports pptx
}
ONE_MODEL = "from pydantic import BaseModel\nclass One(BaseModel):\n    x: int = 0\n"
GC_OFF = "import gc\ngc.disable()\n"

DEFINITIONS = (
    GC_OFF
    + LIBRARIES["build"]
    + "\n"
    + ONE_MODEL
    + """
import dataclasses, json, time
from pydantic import BaseModel
spent = {"models": [0, 0.0], "dataclasses": [0, 0.0]}
metaclass, make_dataclass, depth = type(BaseModel), dataclasses.dataclass, [0]
new_model = metaclass.__new__

def timed_model(mcs, *args, **kwargs):
    depth[0] += 1
    start = time.perf_counter()
    try:
        return new_model(mcs, *args, **kwargs)
    finally:
        depth[0] -= 1
        if not depth[0]:  # a model made while another is built is counted in that one
            spent["models"][0] += 1
            spent["models"][1] += time.perf_counter() - start

def timed_dataclass(cls=None, /, **options):
    if cls is None:
        return lambda c: timed_dataclass(c, **options)
    start = time.perf_counter()
    made = make_dataclass(cls, **options)
    spent["dataclasses"][0] += 1
    spent["dataclasses"][1] += time.perf_counter() - start
    return made

metaclass.__new__, dataclasses.dataclass = timed_model, timed_dataclass
start = time.perf_counter()
import slidegen.cli, slidegen.pipeline  # what check imports
spent["imports"] = [0, time.perf_counter() - start]
found = {"check": {key: list(value) for key, value in spent.items()}}
import slidegen.build  # and what a build imports besides
spent["imports"] = [0, time.perf_counter() - start]
print(json.dumps(found | {"build": spent}))
"""
)
"""Prints, for a check's and a build's own modules, ``{"models": [count, seconds],
"dataclasses": [count, seconds], "imports": [0, seconds of all their imports]}``."""


@dataclass(frozen=True)
class Definitions:
    """slidegen's own modules of one command, imported in-process after the libraries."""

    models: tuple[int, float]
    """slidegen's pydantic models: how many, and seconds to define them."""
    dataclasses: tuple[int, float]
    imports: float
    """Seconds to import the modules, definitions included."""

    @property
    def seconds(self) -> float:
        return self.models[1] + self.dataclasses[1]

    def __str__(self) -> str:
        models, classes = self.models, self.dataclasses
        return (
            f"{models[0]} pydantic models {1000 * models[1]:.0f} ms + {classes[0]} dataclasses "
            f"{1000 * classes[1]:.0f} ms = {1000 * self.seconds:.0f} ms (all its imports "
            f"{1000 * self.imports:.0f} ms)"
        )


@dataclass(frozen=True)
class Floor:
    seconds: dict[str, float]
    """Best wall times, measured in turns so that the machine's drift reaches each alike:
    ``import pptx``, a build's and a check's libraries alone (one pydantic model made), and
    the default deck's warm build and check."""
    definitions: dict[str, Definitions]
    """slidegen's own modules of a build and of a check."""


Runner = Callable[[list[str], Path, int], tuple[float, float, str]]


def measure_floor(
    python: str, project: Path, runs: int, run_child: Runner, commands: dict[str, list[str]]
) -> Floor:
    """The floor beside ``commands`` (``build`` and ``check`` of the default deck), in
    ``max(runs, 10)`` turns, the best of each kept."""
    cases = {"import pptx": [python, "-c", "import pptx"]}
    cases |= {
        f"{command} libraries": [python, "-c", GC_OFF + imports + "\n" + ONE_MODEL]
        for command, imports in LIBRARIES.items()
    }
    cases |= commands
    seconds = dict.fromkeys(cases, float("inf"))
    best: dict[str, dict[str, list[float]]] = {"build": {}, "check": {}}
    for _ in range(max(runs, 10)):
        for name, cmd in cases.items():
            seconds[name] = min(seconds[name], run_child(cmd, project, 1)[0])
        _, _, line = run_child([python, "-c", DEFINITIONS], project, 1)
        for command, spent in json.loads(line).items():
            for key, (count, taken) in spent.items():
                if key not in best[command] or taken < best[command][key][1]:
                    best[command][key] = [count, taken]
    definitions = {
        command: Definitions(
            (int(b["models"][0]), b["models"][1]),
            (int(b["dataclasses"][0]), b["dataclasses"][1]),
            b["imports"][1],
        )
        for command, b in best.items()
    }
    return Floor(seconds, definitions)


def floor_rows(floor: Floor) -> list[tuple[str, str, None]]:
    """What the floor leaves slidegen under each goal (rows of the goals table, not goals).

    The floor of a command is its libraries plus slidegen's modules loaded with their pydantic
    models, as if its plan types cost nothing to define and it did no work at all."""
    s = floor.seconds
    baseline, warm, check = s["import pptx"], s["build"], s["check"]
    own_build, own_check = floor.definitions["build"], floor.definitions["check"]
    build_floor = s["build libraries"] + own_build.imports - own_build.dataclasses[1]
    check_floor = s["check libraries"] + own_check.imports - own_check.dataclasses[1]
    # A check made that much faster makes the build faster by as much: what they share.
    check_floor_ratio = check_floor / (warm - (check - check_floor))
    return [
        (
            "the same two goals measured in turns with the floor below (best of 10)",
            f"warm build {warm / baseline:.2f} × import pptx ({1000 * warm:.0f} ms); "
            f"check {check / warm:.2f} × the warm build ({1000 * check:.0f} ms)",
            None,
        ),
        (
            "a build's libraries alone (python-pptx, PyYAML, Babel, click, Pillow, pydantic "
            "with one model)",
            f"{s['build libraries'] / baseline:.2f} × import pptx "
            f"({1000 * s['build libraries']:.0f} ms)",
            None,
        ),
        ("slidegen's own definitions in a build", str(own_build), None),
        (
            "floor of a build: its libraries and slidegen's modules, no plan types, no work",
            f"{build_floor / baseline:.2f} × import pptx ({1000 * build_floor:.0f} ms): "
            f"{1000 * (2.5 * baseline - build_floor):.0f} ms left under 2.5 × for the plan "
            f"types and the work, which take {1000 * (warm - build_floor):.0f} ms",
            None,
        ),
        (
            "check's libraries alone (a build's without python-pptx)",
            f"{1000 * s['check libraries']:.0f} ms",
            None,
        ),
        ("slidegen's own definitions in a check", str(own_check), None),
        (
            "floor of a check, against a build made faster by as much",
            f"{check_floor_ratio:.2f} × ({1000 * check_floor:.0f} ms): above 0.5 × even with "
            "no plan types and no work"
            if check_floor_ratio > 0.5
            else f"{check_floor_ratio:.2f} ×",
            None,
        ),
    ]
