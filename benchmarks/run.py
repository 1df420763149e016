"""Build-time and memory benchmark for slidegen, against `import pptx` and pandoc.

Run from the project root (takes a few minutes; ``--quick`` builds 20 and 100 slides once):

    .venv/bin/python benchmarks/run.py [--sizes 20,100,500,2000] [--runs 3] [--quick]
    .venv/bin/python benchmarks/run.py --keep /tmp/bench   # keep the generated project

Each case runs in a fresh subprocess (start-up and imports counted, memory per case): wall
time is the best of ``--runs`` runs (1 run at 2,000 slides), peak RSS the child's own
``ru_maxrss`` (from ``os.wait4``). Builds run the CLI (``slidegen build DECK -o OUT``) in a
temporary copy of the project (deck.yaml, data/, any themes/ or assets/). Synthetic decks mix every
slide kind, 30% with native charts; pandoc builds the same content as Markdown. Prints the
machine, a table of measurements and one of goals (PASS/FAIL), with what the libraries' start-up
leaves of the two start-up goals (``benchmarks/floor.py``); writes output/benchmarks.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml
from floor import Floor, floor_rows, measure_floor
from realdeck import as_markdown as real_markdown
from realdeck import scaled_deck
from synthetic import as_markdown, edit_one_bullet, synthetic_deck

ROOT = Path(__file__).resolve().parent.parent
MARK = ROOT / "src" / "slidegen" / "themes" / "neutral" / "neutral-mark.png"
# The wrapper child: the real CLI, in-process, then whether matplotlib was imported.
CHILD = (  # the console command's own entry point (slidegen.launch), as a user runs it
    "import sys\nfrom slidegen.launch import run\n"
    "try:\n    run()\n"
    "finally:\n    print('matplotlib' in sys.modules)\n"
)
HEADER = "| case | slides | runs | wall (best) | ms/slide | peak RSS | matplotlib | pandoc |"
HEADER += " slidegen/pandoc | notes |"
Goal = tuple[str, str, bool | None]  # goal, measured, passed (None: not measured)


@dataclass
class Case:
    name: str
    slides: int
    runs: int
    seconds: float
    rss_mb: float
    matplotlib: bool | None = None
    pandoc_seconds: float | None = None
    pandoc_rss_mb: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ms_per_slide(self) -> float | None:
        return 1000 * self.seconds / self.slides if self.slides else None


def run_child(
    cmd: list[str], cwd: Path, runs: int, prepare: Callable[[], object] = lambda: None
) -> tuple[float, float, str]:
    """Best wall time (s), peak RSS (MB) and the last stdout line of ``runs`` runs of ``cmd``."""
    best, peak_kb, last = float("inf"), 0, ""
    for _ in range(runs):
        prepare()
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            child = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err)
            _, status, usage = os.wait4(child.pid, 0)
            best = min(best, time.perf_counter() - start)
            child.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0), err.seek(0)
            if child.returncode:
                raise RuntimeError(f"{' '.join(cmd)} failed:\n{err.read().decode()[-2000:]}")
            last = (out.read().decode().strip().splitlines() or [""])[-1]
        peak_kb = max(peak_kb, usage.ru_maxrss)  # kilobytes on Linux
    return best, peak_kb / 1024, last


def build(
    project: Path, deck: str, runs: int, prepare: Callable[[], object] = lambda: None
) -> tuple[float, float, bool]:
    """Best time, peak RSS and whether matplotlib was imported, building ``deck``."""
    cmd = [sys.executable, "-c", CHILD, "build", deck, "-o", f"output/{Path(deck).stem}.pptx"]
    seconds, rss, last = run_child(cmd, project, runs, prepare)
    return seconds, rss, last == "True"


STARTUP = (("--version",), ("--help",), ("themes",), ("schema",))
"""Commands that must start like Python itself: nothing heavy imported."""


def measure_startup(project: Path, runs: int) -> list[Case]:
    """``python -c pass``, then each startup command through the installed console script
    (its own wrapper included, as a user runs it): best of ``max(runs, 10)`` runs each."""
    script = Path(sys.executable).with_name("slidegen")
    runs = max(runs, 10)
    seconds, rss, _ = run_child([sys.executable, "-c", "pass"], project, runs)
    cases = [Case("python -c pass", 0, runs, seconds, rss)]
    for args in STARTUP:
        seconds, rss, _ = run_child([str(script), *args], project, runs)
        cases.append(Case(f"slidegen {' '.join(args)}", 0, runs, seconds, rss))
    return cases


# -- the run -----------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    def first(path: str, key: str) -> str:
        lines = Path(path).read_text().splitlines()
        return next((ln.split(":", 1)[1].strip() for ln in lines if ln.startswith(key)), "?")

    pandoc = shutil.which("pandoc")
    pandoc_out = pandoc and subprocess.run([pandoc, "--version"], capture_output=True, text=True)
    return {
        "nproc": str(len(os.sched_getaffinity(0))),
        "cpu": first("/proc/cpuinfo", "model name"),
        "memory": f"{int(first('/proc/meminfo', 'MemTotal').split()[0]) / 1024**2:.1f} GiB",
        "python": platform.python_version(),
        "python-pptx": version("python-pptx"),
        "slidegen": version("slidegen"),
        "pandoc": pandoc_out.stdout.splitlines()[0] if pandoc_out else "not installed",
    }


def big_runs(slides: int, runs: int) -> tuple[int, int]:
    """Runs of slidegen and of pandoc for a deck of ``slides``: at 2,000 slides slidegen
    twice (its marginal cost per slide is the linearity goal, and one run is noisy), pandoc
    once (a minute a run)."""
    return (min(runs, 2), 1) if slides >= 2000 else (runs, runs)


def measure(project: Path, sizes: list[int], runs: int) -> list[Case]:
    cases: list[Case] = []
    seconds, rss, _ = run_child([sys.executable, "-c", "import pptx"], project, runs)
    cases.append(Case("baseline: python -c 'import pptx'", 0, runs, seconds, rss))
    cache = project / "output" / ".cache"
    clear = lambda: shutil.rmtree(cache, ignore_errors=True)  # noqa: E731
    for name, prepare in (("cold (no caches)", clear), ("warm rebuild", lambda: None)):
        cases.append(
            Case(f"default deck, {name}", 0, runs, *build(project, "deck.yaml", runs, prepare))
        )
    seconds, rss, _ = run_child([sys.executable, "-c", CHILD, "check", "deck.yaml"], project, runs)
    cases.append(Case("default deck, check (no rendering)", 0, runs, seconds, rss))
    before = sorted(cache.glob("*")) if cache.is_dir() else []
    (project / "edited.yaml").write_text(edit_one_bullet((project / "deck.yaml").read_text()))
    cases.append(
        Case("default deck, one bullet edited", 0, runs, *build(project, "edited.yaml", runs))
    )
    hit = before == sorted(cache.glob("*"))
    cases[-1].notes.append("chart cache hit" if hit else "chart cache MISS (new images drawn)")
    for case in cases[1:]:
        case.slides = count_slides(project / "output" / "deck.pptx")
    pandoc = shutil.which("pandoc")
    for n in sizes:
        deck = synthetic_deck(n)
        text = yaml.safe_dump(deck, allow_unicode=True, sort_keys=False, width=1000)
        (project / f"synthetic-{n}.yaml").write_text(text)
        (project / f"synthetic-{n}.md").write_text(as_markdown(deck))
        n_runs, pandoc_runs = big_runs(n, runs)
        seconds, rss, mpl = build(project, f"synthetic-{n}.yaml", n_runs)
        charts = [f"{sum('chart' in s for s in deck['sections'][0]['slides'])} charts"]
        case = Case(f"synthetic {n} slides", n, n_runs, seconds, rss, mpl, notes=charts)
        if pandoc:
            cmd = [pandoc, "-o", f"output/pandoc-{n}.pptx", f"synthetic-{n}.md"]
            case.pandoc_seconds, case.pandoc_rss_mb, _ = run_child(cmd, project, pandoc_runs)
        cases.append(case)
    cases += measure_real_content(project, [n for n in sizes if n >= 100], runs, pandoc)
    return cases


def measure_real_content(
    project: Path, sizes: list[int], runs: int, pandoc: str | None
) -> list[Case]:
    """The repository's deck and the example decks, each scaled to each size (real text,
    images, target charts, period data and CSV tables kept)."""
    decks = [("default deck", project / "deck.yaml")]
    for example in sorted((ROOT / "examples").glob("*/deck.yaml")):
        copy = project / "examples" / example.parent.name
        shutil.copytree(example.parent, copy, dirs_exist_ok=True)
        decks.append((f"example {example.parent.name}", copy / "deck.yaml"))
    cases = []
    for label, path in decks:
        original = yaml.safe_load(path.read_text())
        for n in sizes:
            cases.append(_real_case(label, path.parent, original, n, runs, pandoc))
            if label == "default deck" and n == 500:
                cases.append(_real_check(path.parent, n, cases[-1].slides, runs))
    return cases


def _real_case(
    label: str, folder: Path, original: dict[str, Any], n: int, runs: int, pandoc: str | None
) -> Case:
    deck = scaled_deck(original, n)
    name = f"real-{n}"
    (folder / f"{name}.yaml").write_text(
        yaml.safe_dump(deck, allow_unicode=True, sort_keys=False, width=1000)
    )
    (folder / f"{name}.md").write_text(real_markdown(deck))
    (folder / "output").mkdir(exist_ok=True)
    n_runs, pandoc_runs = big_runs(n, runs)
    seconds, rss, mpl = build(folder, f"{name}.yaml", n_runs)
    slides = count_slides(folder / "output" / f"{name}.pptx")
    case = Case(f"{label} scaled to {slides} slides", slides, n_runs, seconds, rss, mpl)
    if pandoc:
        cmd = [pandoc, "-o", f"output/pandoc-{name}.pptx", f"{name}.md"]
        case.pandoc_seconds, case.pandoc_rss_mb, _ = run_child(cmd, folder, pandoc_runs)
    return case


def _real_check(folder: Path, n: int, slides: int, runs: int) -> Case:
    """``check`` of the scaled deck ``_real_case`` wrote (laid out, not rendered)."""
    cmd = [sys.executable, "-c", CHILD, "check", f"real-{n}.yaml"]
    seconds, rss, _ = run_child(cmd, folder, runs)
    return Case(f"default deck scaled to {slides} slides, check", slides, runs, seconds, rss)


def count_slides(pptx: Path) -> int:
    with zipfile.ZipFile(pptx) as archive:
        return sum(1 for n in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))


def goals(cases: list[Case], startup: list[Case], floor: Floor) -> list[Goal]:
    """The issue's goals against the measurements, and what the start-up floor leaves."""
    base, cold, warm = cases[:3]
    python = startup[0].seconds
    startup_rows = [
        (f"{c.name} ≤ 2 × python -c pass", f"{c.seconds / python:.2f} ×", c.seconds <= 2 * python)
        for c in startup[1:]
    ]
    synth = {c.slides: c for c in cases if c.name.startswith("synthetic")}
    ratio = warm.seconds / base.seconds
    rows = [("default deck warm ≤ 2.5 × import pptx", f"{ratio:.2f} ×", ratio <= 2.5)]
    named = {c.name: c for c in cases}
    checks = [(named.get("default deck, check (no rendering)"), warm)]
    checks += [
        (c, named.get(c.name.removesuffix(", check")))
        for c in cases
        if c.name.startswith("default deck scaled") and c.name.endswith(", check")
    ]
    for check, built in checks:
        if check and built:
            ratio = check.seconds / built.seconds
            where = "default deck" if built is warm else f"{built.slides} slides"
            rows.append((f"check ≤ 0.5 × warm build ({where})", f"{ratio:.2f} ×", ratio <= 0.5))
    if (c := synth.get(500)) and c.pandoc_seconds:
        ratio = c.seconds / c.pandoc_seconds
        rows.append(("500 slides (150 charts) ≤ 1.0 × pandoc", f"{ratio:.2f} ×", ratio <= 1.0))
    else:
        rows.append(("500 slides (150 charts) ≤ 1.0 × pandoc", "not measured", None))
    big = sorted(n for n in synth if n >= 100)
    if len(big) >= 3:
        rows.append(_linear("synthetic", [synth[n] for n in big]))
    else:
        rows.append(("linear growth (needs 3 sizes ≥ 100)", "not measured", None))
    rows += real_content_goals(cases)
    peak = max(cold.rss_mb, warm.rss_mb)
    rows.append(("peak RSS default deck ≤ 150 MB", f"{peak:.0f} MB", peak <= 150))
    c = synth.get(2000)
    rss = (f"{c.rss_mb:.0f} MB", c.rss_mb <= 250) if c else ("not measured", None)
    rows.append(("peak RSS 2000 slides ≤ 250 MB", *rss))
    no_mpl = all(c.matplotlib is False for c in synth.values())
    rows.append(("no target chart → matplotlib not imported", "no" if no_mpl else "yes", no_mpl))
    return startup_rows + rows + floor_rows(floor)


def real_content_goals(cases: list[Case]) -> list[Goal]:
    """Each real deck (the repository's and the examples, scaled): ~500 slides ≤ 1.0 × pandoc,
    linear to its largest size, ≤ 250 MB at 2,000 slides."""
    rows: list[Goal] = []
    decks: dict[str, dict[int, Case]] = {}
    for case in cases:
        if " scaled to " in case.name and not case.name.endswith(", check"):
            label = case.name.split(" scaled to ")[0]
            decks.setdefault(label, {})[case.slides] = case
    for label, sized in decks.items():
        near = min(sized, key=lambda n: abs(n - 500))
        if sized[near].pandoc_seconds:
            ratio = sized[near].seconds / sized[near].pandoc_seconds  # type: ignore[operator]
            goal = f"{label}, {near} slides ≤ 1.0 × pandoc"
            rows.append((goal, f"{ratio:.2f} ×", ratio <= 1.0))
        if len(sized) >= 3:
            rows.append(_linear(label, [sized[n] for n in sorted(sized)]))
        largest = max(sized)
        if largest >= 1900:
            rss = sized[largest].rss_mb
            rows.append(
                (f"peak RSS {label}, {largest} slides ≤ 250 MB", f"{rss:.0f} MB", rss <= 250)
            )
    return rows


def _linear(label: str, sized: list[Case]) -> Goal:
    """Marginal cost per slide, the upper range against the lower."""
    a, b, c = sized[0], sized[len(sized) // 2], sized[-1]
    low = (b.seconds - a.seconds) / (b.slides - a.slides)
    high = (c.seconds - b.seconds) / (c.slides - b.slides)
    goal = f"{label} linear: ms/slide {b.slides}→{c.slides} ≤ 1.5 × {a.slides}→{b.slides}"
    measured = f"{1000 * high:.1f} vs {1000 * low:.1f} ms ({high / low:.2f} ×)"
    return goal, measured, high <= 1.5 * low


def report(info: dict[str, str], cases: list[Case], rows: list[Goal]) -> str:
    lines = [" · ".join(f"{k}: {v}" for k, v in info.items()), ""]
    lines += [HEADER, "|---|--:|--:|--:|--:|--:|:-:|--:|--:|---|"]
    for c in cases:
        per = f"{c.ms_per_slide:.1f}" if c.ms_per_slide else ""
        builds = c.name.startswith(("synthetic", "default deck scaled", "example"))
        pandoc = "pandoc: not installed" if builds and not c.name.endswith(", check") else ""
        if c.pandoc_seconds:
            pandoc = f"{c.pandoc_seconds:.2f} s, {c.pandoc_rss_mb:.0f} MB"
        ratio = f"{c.seconds / c.pandoc_seconds:.2f}" if c.pandoc_seconds else ""
        mpl = {None: "", True: "yes", False: "no"}[c.matplotlib]
        lines.append(
            f"| {c.name} | {c.slides or ''} | {c.runs} | {c.seconds:.3f} s | {per} "
            f"| {c.rss_mb:.0f} MB | {mpl} | {pandoc} | {ratio} | {'; '.join(c.notes)} |"
        )
    lines += ["", "| goal | measured | result |", "|---|---|:-:|"]
    for goal, measured, ok in rows:
        lines.append(f"| {goal} | {measured} | {'n/a' if ok is None else ('FAIL', 'PASS')[ok]} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20,100,500,2000", help="synthetic deck sizes")
    parser.add_argument("--runs", type=int, default=3, help="runs per case (best is kept)")
    parser.add_argument("--quick", action="store_true", help="sizes 20,100 and one run")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args()
    sizes = [20, 100] if args.quick else [int(s) for s in args.sizes.split(",")]
    runs = 1 if args.quick else args.runs
    with tempfile.TemporaryDirectory(prefix="slidegen-bench-") as tmp:
        project = args.keep.resolve() if args.keep else Path(tmp)
        project.mkdir(parents=True, exist_ok=True)
        # What builds measure of their fonts is kept beside the chart images, so that a cold
        # run clears both and no run reads the user's own cache.
        os.environ["SLIDEGEN_CACHE_DIR"] = str(project / "output" / ".cache" / "measurements")
        shutil.copy2(ROOT / "deck.yaml", project / "deck.yaml")
        for folder in ("themes", "assets", "data"):  # what deck.yaml may refer to
            if (ROOT / folder).is_dir():
                shutil.copytree(ROOT / folder, project / folder, dirs_exist_ok=True)
        # The synthetic decks' image slides show the neutral theme's mark.
        (project / "assets").mkdir(exist_ok=True)
        shutil.copy2(MARK, project / "assets" / "neutral-mark.png")
        info = machine()
        startup = measure_startup(project, runs)
        cases = measure(project, sizes, runs)
        default = {
            name: [sys.executable, "-c", CHILD, *args]
            for name, args in (("build", ["build", "deck.yaml"]), ("check", ["check", "deck.yaml"]))
        }
        floor = measure_floor(sys.executable, project, runs, run_child, default)
    goal_rows = goals(cases, startup, floor)
    print(report(info, startup + cases, goal_rows))
    result = {
        "machine": info,
        "cases": [asdict(c) | {"ms_per_slide": c.ms_per_slide} for c in startup + cases],
        "goals": [{"goal": g, "measured": m, "pass": ok} for g, m, ok in goal_rows],
        "floor": asdict(floor),
    }
    (ROOT / "output").mkdir(exist_ok=True)
    (ROOT / "output" / "benchmarks.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
