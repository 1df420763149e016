"""The archive over a deck's life: every version a BagIt bag that verifies from itself.

The life (made once per session, LibreOffice costs ~2 s a version): archive the first period,
edit only a comment, edit the deck, correct the period file, add a period, archive again the
first period. Then every version is verified from the archive and from a copy elsewhere with
the project deleted. Tampering tests work on copies of that archive.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

import bagit
import pytest
from click.testing import Result

from helpers import TRACEBACK, Project, assert_clean_exit, need_soffice, run_cli
from slidegen.archive import environment

DECK = """\
# rev 0
deck:
  title: Rendiconto archiviato
  organization: Comune di Cremona
  author: Ufficio comunicazione
  language: it-IT
  theme: cremona
data:
  periods: data/periods
metrics:
  comunicati: {label: comunicati stampa, good: up}
sections:
  - divider: false
    slides:
      - kind: title
      - kind: metrics
        title: Cifre
        metrics: [comunicati]
      - kind: image
        title: Il marchio
        image: assets/mark.png
        alt: Il marchio del Comune
"""
PERIOD = """\
period: {id}
label: {label}
start: {start}
end: {end}
values:
  comunicati: {value}
"""
SLUG = "rendiconto-archiviato"


def write_period(root: Path, pid: str, value: int) -> None:
    year, half = pid.split("-")
    label, start, end = {
        "H1": ("Gennaio – Giugno", "01-01", "06-30"),
        "H2": ("Luglio – Dicembre", "07-01", "12-31"),
    }[half]
    text = PERIOD.format(
        id=pid, label=f"{label} {year}", start=f"{year}-{start}", end=f"{year}-{end}", value=value
    )
    path = root / "data" / "periods" / f"{pid}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_project(root: Path) -> Project:
    root.mkdir(parents=True, exist_ok=True)
    project = Project(root)
    project.write_deck(DECK)
    project.add_image("assets/mark.png")
    write_period(root, "2014-H2", 475)
    return project


@dataclass
class Life:
    root: Path
    steps: list[Result]

    @property
    def archive(self) -> Path:
        return self.root / "archive"

    def version(self, period: str, number: int) -> Path:
        return self.archive / period / f"{SLUG}-v{number}"


@pytest.fixture(scope="session")
def life(tmp_path_factory: pytest.TempPathFactory) -> Life:
    need_soffice()
    root = (tmp_path_factory.mktemp("life") / "project").resolve()
    project = make_project(root)
    steps = []
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        steps.append(run_cli("build", "--archive", cwd=root))  # 2014-H2 v1
        deck = project.deck.read_text(encoding="utf-8")
        project.deck.write_text(deck.replace("# rev 0", "# rev 1: a comment"), "utf-8")
        steps.append(run_cli("build", "--archive", cwd=root))  # unchanged
        project.deck.write_text(deck.replace("title: Cifre", "title: Le cifre"), "utf-8")
        steps.append(run_cli("build", "--archive", cwd=root))  # 2014-H2 v2
        write_period(root, "2014-H2", 476)  # a corrected figure
        steps.append(run_cli("build", "--archive", cwd=root))  # 2014-H2 v3
        write_period(root, "2015-H1", 510)  # the next period: now the latest
        steps.append(run_cli("build", "--archive", cwd=root))  # 2015-H1 v1
        steps.append(run_cli("build", "--archive", "--period", "2014-H2", cwd=root))
    return Life(root, steps)


def test_each_step_says_what_it_did(life: Life) -> None:
    for step in life.steps:
        assert_clean_exit(step, 0)
    said = [step.stdout.splitlines()[-1] for step in life.steps]
    assert said[0] == "archived version 1"
    assert said[1].startswith("unchanged: identical to version 1 (")  # a comment only
    assert said[2] == "archived version 2"
    assert said[3] == "archived version 3"
    assert said[4] == "archived version 1"  # 2015-H1's first
    assert said[5].startswith("unchanged: identical to version 3 (")


def test_every_version_is_a_valid_bag_holding_sources_outputs_environment(life: Life) -> None:
    for period, number in (("2014-H2", 1), ("2014-H2", 2), ("2014-H2", 3), ("2015-H1", 1)):
        folder = life.version(period, number)
        bag = bagit.Bag(str(folder))
        bag.validate()  # raises on any problem
        assert bag.algorithms == ["sha256"]
        for name in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt"):
            assert (folder / name).is_file()
        payload = {p for p in bag.payload_files()}
        assert {
            "data/sources/deck.yaml",
            "data/sources/assets/mark.png",
            "data/sources/themes/cremona/theme.yaml",
            f"data/sources/data/periods/{period}.yaml",
            f"data/output/{SLUG}-v{number}.pptx",
            f"data/output/{SLUG}-v{number}.pdf",
            "data/environment/environment.json",
            "data/environment/packages.txt",
            "data/environment/requirements.lock",
        } <= payload
        assert bag.info["Slidegen-Archive-Version"] == str(number)
        assert bag.info["Slidegen-Deck"] == "deck.yaml"
        assert bag.info["Slidegen-Period"] == period


def test_sources_are_kept_as_they_were(life: Life) -> None:
    def period_file(number: int) -> str:
        data = life.version("2014-H2", number) / "data" / "sources" / "data" / "periods"
        return (data / "2014-H2.yaml").read_text(encoding="utf-8")

    assert "comunicati: 475" in period_file(2)
    assert "comunicati: 476" in period_file(3)


def test_the_chain_links_each_version_to_the_one_before(life: Life) -> None:
    first = bagit.Bag(str(life.version("2014-H2", 1)))
    second = bagit.Bag(str(life.version("2014-H2", 2)))
    assert first.info["Slidegen-Previous-Version"] == "none"
    assert second.info["Slidegen-Previous-Version"] == "1"
    import hashlib

    tagmanifest = life.version("2014-H2", 1) / "tagmanifest-sha256.txt"
    expected = hashlib.sha256(tagmanifest.read_bytes()).hexdigest()
    assert second.info["Slidegen-Previous-Tagmanifest-Sha256"] == expected


def test_environment_records_fonts_lock_and_packages(life: Life) -> None:
    import json

    env = life.version("2014-H2", 1) / "data" / "environment"
    record = json.loads((env / "environment.json").read_text(encoding="utf-8"))
    names = {name.lower() for name in record["packages"]}
    assert names >= {"lxml", "numpy", "matplotlib", "pillow", "bagit", "pikepdf"}
    assert record["slidegen"]["version"]
    assert record["libreoffice"].startswith("LibreOffice")
    carlito = [f for f in record["fonts"] if f["family"] == "Carlito"]
    assert {f["style"] for f in carlito} == {"regular", "bold"}
    assert all(len(f["sha256"]) == 64 for f in record["fonts"])
    assert {f["used_by"] for f in record["fonts"]} == {"libreoffice", "slidegen"}
    lock = (env / "requirements.lock").read_text(encoding="utf-8")
    assert "--hash=sha256:" in lock
    assert "slidegen" not in (env / "packages.txt").read_text(encoding="utf-8")


def test_published_files_are_read_only(life: Life) -> None:
    folder = life.version("2014-H2", 1)
    for path in [folder, *folder.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert not mode & 0o222, f"{path} is writable ({oct(mode)})"


def test_the_archive_is_not_in_output_and_make_clean_keeps_it(life: Life) -> None:
    assert not (life.root / "output" / "2014-H2").exists()
    makefile = (Path(__file__).parents[1] / "Makefile").read_text(encoding="utf-8")
    clean = makefile.split("\nclean:", 1)[1].split("\n\n", 1)[0]
    assert "archive" not in clean and "rm -rf output" in clean


def test_verify_every_version_in_place(life: Life) -> None:
    result = run_cli("verify", "--fixity", "archive", cwd=life.root)
    assert_clean_exit(result, 0)
    assert result.stdout.count("bag valid") == 4
    assert result.stdout.count("chain matches") == 4
    assert result.stdout.endswith("archive: verified (fixity only)\n")


def test_verify_a_copy_elsewhere_with_the_project_gone(life: Life, tmp_path: Path) -> None:
    """Every version rebuilds from its own bag: the project is deleted first."""
    project = tmp_path / "project"
    shutil.copytree(life.root, project)
    elsewhere = tmp_path / "vault" / "copy"
    shutil.copytree(project / "archive", elsewhere)
    remove(project)
    result = run_cli("verify", elsewhere, cwd=tmp_path)
    assert_clean_exit(result, 0)
    for period, number in (("2014-H2", 1), ("2014-H2", 2), ("2014-H2", 3), ("2015-H1", 1)):
        name = f"{period}/{SLUG}-v{number}"
        assert f"{name}: rebuild reproduces {SLUG}-v{number}.pptx byte for byte" in result.stdout
        assert f"{name}: rebuild reproduces {SLUG}-v{number}.pdf byte for byte" in result.stdout
    # One version alone, copied anywhere, verifies too (its chain is then not checked).
    lone = tmp_path / "lone"
    shutil.copytree(elsewhere / "2014-H2" / f"{SLUG}-v2", lone)
    result = run_cli("verify", "--fixity", lone, cwd=tmp_path)
    assert_clean_exit(result, 0)
    assert "no sequence log beside it" in result.stdout


# -- damage and tampering ---------------------------------------------------------------------


def remove(path: Path) -> None:
    for item in [path, *path.rglob("*")]:
        if item.is_dir():
            item.chmod(0o755)
    shutil.rmtree(path)


def writable(path: Path) -> Path:
    for item in [path, *path.rglob("*")]:
        item.chmod(0o755 if item.is_dir() else 0o644)
    return path


@pytest.fixture
def copy(life: Life, tmp_path: Path) -> Life:
    """The life's project and archive, copied so a test can damage it."""
    root = tmp_path / "project"
    shutil.copytree(life.root, root)
    return Life(root, [])


def failed_naming(result: Result, *texts: str) -> None:
    assert_clean_exit(result, 1)
    assert TRACEBACK not in result.stderr
    for text in texts:
        assert text in result.stderr, result.stderr


def latest(copy: Life) -> Path:
    return writable(copy.version("2014-H2", 3))


def test_truncated_manifest_is_named_and_blocks_no_traceback(copy: Life) -> None:
    manifest = latest(copy) / "manifest-sha256.txt"
    manifest.write_bytes(manifest.read_bytes()[:150])
    where = f"{SLUG}-v3"
    failed_naming(run_cli("verify", "--fixity", "archive", cwd=copy.root), where)
    failed_naming(
        run_cli("build", "--archive", "--period", "2014-H2", cwd=copy.root), where, "damaged"
    )


def test_wrong_hash_in_latest_is_noticed(copy: Life) -> None:
    manifest = latest(copy) / "manifest-sha256.txt"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    pptx = next(i for i, line in enumerate(lines) if line.endswith(".pptx"))
    lines[pptx] = ("0" if lines[pptx][0] != "0" else "1") + lines[pptx][1:]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    failed_naming(run_cli("verify", "--fixity", "archive", cwd=copy.root), f"{SLUG}-v3")
    failed_naming(run_cli("build", "--archive", "--period", "2014-H2", cwd=copy.root), "damaged")


def test_changed_output_is_named(copy: Life) -> None:
    pptx = latest(copy) / "data" / "output" / f"{SLUG}-v3.pptx"
    pptx.write_bytes(pptx.read_bytes() + b"\0")
    failed_naming(
        run_cli("verify", "--fixity", "archive", cwd=copy.root),
        f"data/output/{SLUG}-v3.pptx: sha256 differs from the manifest",
    )


def test_deleted_pdf_in_latest_is_noticed(copy: Life) -> None:
    (latest(copy) / "data" / "output" / f"{SLUG}-v3.pdf").unlink()
    failed_naming(
        run_cli("verify", "--fixity", "archive", cwd=copy.root),
        f"data/output/{SLUG}-v3.pdf: listed in the manifest but missing",
    )
    failed_naming(run_cli("build", "--archive", "--period", "2014-H2", cwd=copy.root), "damaged")


def test_a_deleted_latest_version_keeps_its_number(copy: Life) -> None:
    remove(copy.version("2014-H2", 3))
    failed_naming(
        run_cli("verify", "--fixity", "archive", cwd=copy.root),
        "version 3 is in rendiconto-archiviato.chain but missing (deleted)",
    )
    result = run_cli("build", "--archive", "--period", "2014-H2", cwd=copy.root)
    assert_clean_exit(result, 0)
    assert result.stdout.endswith("archived version 4\n")  # never 3 again
    assert not copy.version("2014-H2", 3).exists()


def test_a_consistently_rewritten_version_is_detected(copy: Life) -> None:
    first = writable(copy.version("2014-H2", 1))
    period = first / "data" / "sources" / "data" / "periods" / "2014-H2.yaml"
    period.write_text(period.read_text("utf-8").replace("475", "999"), "utf-8")
    bag = bagit.Bag(str(first))
    bag.save(manifests=True)  # the forger re-hashes everything: the bag alone is valid
    bagit.Bag(str(first)).validate()
    failed_naming(
        run_cli("verify", "--fixity", "archive", cwd=copy.root),
        f"{SLUG}-v1: was rewritten: its tag manifest differs",
        f"{SLUG}-v1: was rewritten after version 2 was archived",
    )


def test_a_damaged_log_line_is_located(copy: Life) -> None:
    log = copy.archive / "2014-H2" / f"{SLUG}.chain"
    lines = log.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0][:20]
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    failed_naming(
        run_cli("build", "--archive", "--period", "2014-H2", cwd=copy.root),
        f"{SLUG}.chain:1:1: damaged log line",
    )


def test_build_output_into_the_archive_is_refused(copy: Life) -> None:
    target = copy.archive / "2014-H2" / f"{SLUG}-v1.pptx"
    result = run_cli("build", "-o", target, "--pdf", cwd=copy.root)
    failed_naming(result, "is inside the archive")
    assert not target.exists()


def test_archive_dir_option_and_output_is_refused(copy: Life) -> None:
    failed_naming(
        run_cli("build", "--archive", "--archive-dir", "output/vault", cwd=copy.root),
        "the archive cannot live in output/",
    )


def test_two_deck_files_with_one_title_never_share_a_sequence(copy: Life) -> None:
    shutil.copyfile(copy.root / "deck.yaml", copy.root / "other.yaml")
    result = run_cli("build", "--archive", "other.yaml", cwd=copy.root)
    assert_clean_exit(result, 0)
    assert result.stdout.endswith("archived version 1\n")
    assert (copy.archive / "2015-H1" / f"{SLUG}-other-v1").is_dir()


def test_stale_staging_is_removed_and_does_not_block(copy: Life) -> None:
    stale = copy.archive / ".staging-0123456789abcdef"
    (stale / "data").mkdir(parents=True)
    (stale / "data" / "half.pptx").write_bytes(b"PK")
    (stale / "data").chmod(0o555)
    write_period(copy.root, "2015-H1", 511)
    result = run_cli("build", "--archive", cwd=copy.root)
    assert_clean_exit(result, 0)
    assert result.stdout.endswith("archived version 2\n")
    assert not stale.exists()


def test_environment_differences_say_how_to_recreate(life: Life) -> None:
    bag = life.version("2014-H2", 1)
    import json

    recorded = json.loads((bag / "data/environment/environment.json").read_text("utf-8"))
    here = dict(recorded, packages=dict(recorded["packages"], matplotlib="0.1"))
    here["fonts"] = [dict(f, sha256="0" * 64) for f in recorded["fonts"]]
    lines = environment.differences(recorded, here)
    assert f"package matplotlib {recorded['packages']['matplotlib']} recorded, 0.1 here" in lines
    assert any(line.startswith("font Carlito regular:") for line in lines)
    hint = environment.recreate_hint(bag, recorded)
    assert (
        f"pip install --require-hashes --no-deps -r {bag}/data/environment/requirements.lock"
        in (hint)
    )


def test_a_rebuild_that_differs_names_the_environment(
    life: Life, monkeypatch: pytest.MonkeyPatch
) -> None:
    from slidegen.archive import VerifyError, verify, verify_archive

    real = verify._compile

    def other_bytes(path: Path, info: dict[str, str]) -> tuple[bytes, int]:
        data, slides = real(path, info)
        return data + b"\0", slides

    recorded_packages = environment.installed_packages()
    monkeypatch.setattr(verify, "_compile", other_bytes)
    monkeypatch.setattr(
        environment,
        "installed_packages",
        lambda: dict(recorded_packages, matplotlib="0.1"),
    )
    with pytest.raises(VerifyError) as raised:
        verify_archive(life.version("2014-H2", 1))
    text = str(raised.value)
    assert "does not reproduce" in text
    assert "environment differs: package matplotlib" in text
    assert "pip install --require-hashes" in text
    assert os.fspath(life.version("2014-H2", 1)) in text
