"""slidegen's changes to python-pptx (linear-time parts, fixed zip times, a picture index)
hold inside a build and nowhere else; chart workbooks hold text as text."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import _Relationships
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import _PhysPkgWriter
from pptx.oxml.presentation import CT_SlideIdList
from pptx.oxml.shapes.groupshape import CT_GroupShape
from pptx.parts.presentation import PresentationPart

from helpers import Project, build
from slidegen.render.package import relationships_xml, relative_ref, scoped_pptx_patches


def patched() -> tuple[object, ...]:
    """What :func:`scoped_pptx_patches` changes on python-pptx's classes."""
    return (
        CT_SlideIdList._next_id,
        PresentationPart._next_slide_partname,
        _PhysPkgWriter.factory,
        _Relationships.xml,
        CT_GroupShape.max_shape_id,
    )


ORIGINAL = patched()


def plain_save_times() -> set[tuple[int, ...]]:
    """Zip entry times of a presentation python-pptx saves on its own."""
    buffer = io.BytesIO()
    Presentation().save(buffer)
    return {info.date_time for info in zipfile.ZipFile(buffer).infolist()}


def test_patches_are_undone_after_a_build_even_a_failed_one(project: Project) -> None:
    project.add_image("assets/mark.png")
    project.write_slides(
        "- {kind: title}",
        "- {kind: image, title: One, image: assets/mark.png, alt: A mark}",
        deck="{title: Scoped, date: 2014-12-31}",
    )
    built = build(project.deck, output=project.root / "out.pptx")
    assert {i.date_time for i in zipfile.ZipFile(built.output).infolist()} == {
        (1980, 1, 1, 0, 0, 0)
    }
    assert patched() == ORIGINAL
    assert (1980, 1, 1, 0, 0, 0) not in plain_save_times()
    try:
        with scoped_pptx_patches():
            assert CT_SlideIdList._next_id is not ORIGINAL[0]
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert patched() == ORIGINAL


def test_a_picture_used_on_many_slides_is_stored_once(project: Project) -> None:
    project.add_image("assets/mark.png")
    project.add_image("assets/same-again.png")  # the same bytes under another name
    slides = "\n".join(
        f"      - {{kind: image, title: Picture {n}, image: assets/{name}, alt: A mark}}"
        for n, name in enumerate(["mark.png", "same-again.png"] * 20)
    )
    project.write_deck(
        "deck: {title: Pictures, date: 2014-12-31}\n"
        "sections:\n  - divider: false\n    slides:\n" + slides + "\n"
    )
    built = build(project.deck, output=project.root / "out.pptx")
    media = [n for n in zipfile.ZipFile(built.output).namelist() if n.startswith("ppt/media/")]
    assert len(media) == 1
    prs = Presentation(str(built.output))
    assert len(prs.slides) == 40
    targets = {
        rel.target_part.partname
        for slide in prs.slides
        for rel in slide.part.rels.values()
        if rel.reltype.endswith("/image")
    }
    assert len(targets) == 1


HOSTILE_NAMES = ["=cmd|' /C calc'!A0", "+SUM(A1:A2)", '@HYPERLINK("http://x")', "-2+3"]


def test_chart_workbooks_keep_formula_like_text_as_text(project: Project) -> None:
    categories = json.dumps(HOSTILE_NAMES)  # JSON is YAML: every name quoted as it is
    project.write_slides(
        f"""
        - kind: chart
          title: Names
          chart:
            type: column
            categories: {categories}
            series: [{{name: "=1+1", values: [1, 2, 3, 4]}}]
        """,
        deck="{title: Workbook, date: 2014-12-31}",
    )
    built = build(project.deck, output=project.root / "out.pptx")
    with zipfile.ZipFile(built.output) as package:
        [workbook] = [n for n in package.namelist() if n.endswith(".xlsx")]
        with zipfile.ZipFile(io.BytesIO(package.read(workbook))) as xlsx:
            sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
            strings = xlsx.read("xl/sharedStrings.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no live formula, anywhere
    for name in [*HOSTILE_NAMES, "=1+1"]:
        escaped = name.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        assert escaped in strings or name in strings, name


def test_adding_a_slide_never_walks_the_slide_list(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slide's name and id come from the end of the list, not from a walk over it: lxml's
    ``len()`` and an XPath visit every slide, and 20,000 slides made that quadratic."""
    walks: list[str] = []
    real_len, real_xpath = CT_SlideIdList.__len__, CT_SlideIdList.xpath

    def counted_len(self: CT_SlideIdList) -> int:
        walks.append("len")
        return real_len(self)

    def counted_xpath(self: CT_SlideIdList, *args: object, **kwargs: object) -> object:
        walks.append("xpath")
        return real_xpath(self, *args, **kwargs)

    monkeypatch.setattr(CT_SlideIdList, "__len__", counted_len)
    monkeypatch.setattr(CT_SlideIdList, "xpath", counted_xpath)
    project.write_slides(*[f"- {{kind: statement, title: S{i}, text: T}}" for i in range(30)])
    built = build(project.deck, output=project.root / "out.pptx")
    assert len(Presentation(str(built.output)).slides) == 30
    assert len(walks) < 30, walks  # a few for the whole deck, none per slide


def test_a_build_saves_the_zip_zipfile_writes_for_its_entries() -> None:
    """Deflated at level 6, dated 1980-01-01, mode 600, in python-pptx's order: the bytes
    :mod:`zipfile` writes for the same entries."""
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Zip"
    saved = io.BytesIO()
    with scoped_pptx_patches():
        prs.save(saved)
    expected = io.BytesIO()
    with zipfile.ZipFile(saved) as ours, zipfile.ZipFile(expected, "w") as out:
        names = ours.namelist()
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type, info.external_attr, info.create_system = 8, 0o600 << 16, 0
            out.writestr(info, ours.read(name), compresslevel=6)
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"] and len(names) > 10
    assert saved.getvalue() == expected.getvalue()


@pytest.mark.parametrize(
    "targets",
    [
        [],
        ['https://www.comune.cremona.it/a?b=1&c=2"x<y>'],
        ["mailto:ufficio.stampa@comune.cremona.it", "https://example.org/caffè\tpiù\nriga\r"],
    ],
    ids=["none", "escaped", "non-ascii-and-white-space"],
)
def test_relationships_are_the_bytes_lxml_serializes(targets: list[str]) -> None:
    """Written as bytes, in python-pptx's order (rId2 before rId10, odd ids first), external
    and internal ones, every attribute escaped as lxml escapes it."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    rels = slide.part.rels
    for number, target in enumerate(targets * 6):
        rels.get_or_add_ext_rel(RT.HYPERLINK, f"{target}#{number}")
    if targets:
        rels._rels["custom"] = rels._rels.pop("rId3")  # an id not of python-pptx's form
    assert relationships_xml(rels) == rels.xml
    if not targets:
        empty = _Relationships(slide.part.partname.baseURI)
        assert relationships_xml(empty) == empty.xml


def test_shape_ids_inside_a_build_are_python_pptx_s() -> None:
    """The largest integer ``@id`` anywhere in the slide, non-numbers ignored, as
    python-pptx's own XPath finds it."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    tree = slide.shapes._spTree
    for _ in range(3):
        slide.shapes.add_textbox(0, 0, 10, 10)
    deep = tree.xpath("//p:cNvPr")[-1]
    deep.set("id", "41")
    deep.getparent().set("id", "draft")  # not a number: never an id
    expected = tree.max_shape_id
    with scoped_pptx_patches():
        assert CT_GroupShape.max_shape_id is not ORIGINAL[-1]
        assert tree.max_shape_id == expected == 41
        assert slide.shapes.add_textbox(0, 0, 10, 10).shape_id == 42
    empty = Presentation().slides.add_slide(Presentation().slide_layouts[6]).shapes._spTree
    for element in empty.iter():
        element.attrib.pop("id", None)
    with scoped_pptx_patches():
        assert empty.max_shape_id == 0


@pytest.mark.parametrize(
    "base",
    ["/", "/ppt", "/ppt/slides", "/ppt/charts", "/ppt/slideLayouts", "/docProps", "/a/b/c"],
)
def test_relative_targets_are_python_pptx_s(base: str) -> None:
    partnames = [
        "/[Content_Types].xml",
        "/ppt/presentation.xml",
        "/ppt/slides/slide1.xml",
        "/ppt/slideLayouts/slideLayout11.xml",
        "/ppt/embeddings/Microsoft_Excel_Sheet12.xlsx",
        "/ppt/media/image3.png",
        "/docProps/core.xml",
        "/a/b/c/d.xml",
        "/a/x.xml",
    ]
    for name in partnames:
        assert relative_ref(name, base) == PackURI(name).relative_ref(base), (name, base)


def test_a_built_deck_s_relationships_are_python_pptx_s(project: Project) -> None:
    project.add_image("assets/mark.png")
    project.write_slides(
        "- {kind: title}",
        "- {kind: image, title: One, image: assets/mark.png, alt: A mark}",
        "- kind: chart\n  title: C\n  chart:\n    type: bar\n    categories: [a, b]\n"
        "    series: [{name: s, values: [1, 2]}]",
        deck="{title: Rels, date: 2014-12-31}",
    )
    built = build(project.deck, output=project.root / "out.pptx")
    prs = Presentation(str(built.output))
    checked = 0
    for part in prs.part.package.iter_parts():
        with scoped_pptx_patches():
            ours = part.rels.xml
        assert ours == _Relationships.xml.fget(part.rels)  # type: ignore[attr-defined]
        checked += len(part.rels)
    assert checked > 20
