"""The preview's per-slide hashes and the small .pptx of the slides to render (no LibreOffice)."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree
from PIL import Image

from helpers import Project
from slidegen import compile_deck
from slidegen.preview.slides import Slide, only_slides, split_slides

FIVE_SLIDES = """\
deck:
  title: Five slides
  date: 2014-12-31
  theme: {theme}
sections:
  - divider: false
    slides:
      - kind: title
      - kind: bullets
        title: Second
        items: [alpha, beta]
      - kind: bullets
        title: Third
        items: [{third}, delta]
      - kind: statement
        title: Fourth
        text: A **bold** claim
      - kind: bullets
        title: Fifth
        items: [epsilon]
"""
NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
BUILTIN_THEMES = Path(__file__).resolve().parent.parent / "src" / "slidegen" / "themes"


def slides_of(project: Project, theme: str = "neutral", third: str = "gamma") -> list[Slide]:
    project.write_deck(FIVE_SLIDES.format(theme=theme, third=third))
    compiled = compile_deck(project.deck, cache_dir=project.root / ".cache")
    return split_slides(compiled.data)


def changed(before: list[Slide], after: list[Slide]) -> list[int]:
    assert len(before) == len(after)
    return [a.number for a, b in zip(after, before, strict=True) if a.digest != b.digest]


def test_slides_are_listed_in_order_with_their_titles(project: Project) -> None:
    slides = slides_of(project)
    assert [s.number for s in slides] == [1, 2, 3, 4, 5]
    assert [s.title for s in slides[:3]] == ["Five slides", "Second", "Third"]
    assert slides[4].title == "Fifth"
    assert len({s.digest for s in slides}) == 5


def test_the_same_deck_gives_the_same_hashes(project: Project) -> None:
    assert slides_of(project) == slides_of(project)


def test_an_edit_to_slide_3_changes_only_slide_3(project: Project) -> None:
    before = slides_of(project)
    after = slides_of(project, third="gamma, edited")
    assert changed(before, after) == [3]


def test_a_theme_colour_change_changes_every_slide(project: Project) -> None:
    shutil.copytree(BUILTIN_THEMES / "neutral", project.root / "themes" / "house")
    before = slides_of(project, theme="house")
    manifest = project.root / "themes" / "house" / "theme.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert 'primary: "1F4E79"' in text
    manifest.write_text(text.replace('primary: "1F4E79"', 'primary: "7A1F4E"'), encoding="utf-8")
    after = slides_of(project, theme="house")
    assert changed(before, after) == [1, 2, 3, 4, 5]


def test_a_slide_keeps_its_hash_when_only_its_pictures_part_name_changes(
    project: Project,
) -> None:
    """Pictures are named by position in the package: when slide 2 comes to show the same
    picture as slide 4, the package holds one picture less and slide 4's is renamed; slide 4
    looks the same and keeps its hash."""
    assets = project.root / "assets"
    assets.mkdir()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(assets / "red.png")
    Image.new("RGB", (64, 48), (30, 30, 200)).save(assets / "blue.png")
    deck = """\
        deck: {{title: Pictures, date: 2014-12-31, theme: neutral}}
        sections:
          - divider: false
            slides:
              - kind: title
              - {{kind: image, title: One, image: assets/{first}.png, alt: A colour}}
              - {{kind: bullets, title: Between, items: [x]}}
              - {{kind: image, title: Two, image: assets/blue.png, alt: Blue}}
        """

    def build(first: str) -> tuple[list[Slide], list[str]]:
        project.write_deck(deck.format(first=first))
        data = compile_deck(project.deck, cache_dir=project.root / ".cache").data
        media = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "/media/" in n]
        return split_slides(data), media

    before, media_before = build("red")
    after, media_after = build("blue")
    assert len(media_after) == len(media_before) - 1  # the renaming did happen
    assert changed(before, after) == [2]


def test_only_slides_keeps_the_chosen_slides_with_their_numbers_as_text(
    project: Project,
) -> None:
    project.write_deck(FIVE_SLIDES.format(theme="neutral", third="gamma"))
    data = compile_deck(project.deck, cache_dir=project.root / ".cache").data
    slides = split_slides(data)
    subset = only_slides(data, [slides[1], slides[3]])
    package = zipfile.ZipFile(io.BytesIO(subset))
    presentation = etree.fromstring(package.read("ppt/presentation.xml"))
    listed = presentation.findall("p:sldIdLst/p:sldId", NS)
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    assert [e.get(rid) for e in listed] == [slides[1].relation, slides[3].relation]
    for slide in (slides[1], slides[3]):
        original = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(slide.part))
        assert original.findall(".//a:fld[@type='slidenum']", NS), "the deck numbers its slides"
        root = etree.fromstring(package.read(slide.part))
        assert root.findall(".//a:fld[@type='slidenum']", NS) == []
        texts = [t.text for t in root.iterfind(".//a:t", NS)]
        assert str(slide.number) in texts


def test_preview_help_loads_no_heavy_library(tmp_path: Path) -> None:
    """``slidegen preview --help`` is a quick command: the preview imports its libraries
    when it runs."""
    args = ["preview", "--help"]
    heavy = ("pptx", "pydantic", "matplotlib", "PIL", "babel", "lxml", "numpy", "watchdog")
    script = (
        "import sys\n"
        "from slidegen.cli import main\n"
        f"main({args!r}, standalone_mode=False)\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert "--port" in done.stdout
    assert done.stdout.splitlines()[-1] == "[]"
