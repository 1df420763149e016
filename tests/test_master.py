"""The master slidegen makes without a corporate template is a PowerPoint-correct template.

One layout per kind of slide, named for it, with its title, text, footer, date and slide
number placeholders where the slides have them; slides inherit their title's position; the
footer and slide number are placeholders Insert › Header & Footer switches; the package says
what it holds (slide size, notes master, app.xml) and carries nothing of python-pptx's template.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation as PresentationType

from helpers import DEFAULT_CASE, BuiltCase, Project, ooxml_check
from slidegen import compile_deck
from slidegen.layout import PageGeometry
from slidegen.loader import load_yaml
from slidegen.theme import Theme
from slidegen.theme_index import builtin_themes

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
}
LAYOUTS = {"Cover": "title", "Section divider": "secHead", "Content": "obj", "Closing": "tx"}
FOOTER_TYPES = {
    PP_PLACEHOLDER.DATE: "dt",
    PP_PLACEHOLDER.FOOTER: "ftr",
    PP_PLACEHOLDER.SLIDE_NUMBER: "sldNum",
}
WIKIPEDIA = "https://it.wikipedia.org/wiki/Cremona_(città)"
WIKIPEDIA_TARGET = "https://it.wikipedia.org/wiki/Cremona_(citt%C3%A0)"


@pytest.fixture(scope="module")
def default_prs(built_case: Callable[[str], BuiltCase]) -> PresentationType:
    return Presentation(str(built_case(DEFAULT_CASE).pptx))


def cremona_page(title_lines: int = 2) -> PageGeometry:
    theme = Theme.model_validate(load_yaml(builtin_themes() / "cremona" / "theme.yaml").data)
    return PageGeometry.from_theme(theme, title_lines=title_lines)


def box_of(shape: object) -> tuple[int, int, int, int]:
    return (shape.left, shape.top, shape.width, shape.height)  # type: ignore[attr-defined]


def package_xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


# -- the whole package -------------------------------------------------------------------------


@pytest.mark.parametrize("case", [DEFAULT_CASE, "kinds", "neutral-theme", "chart-native"])
def test_decks_pass_every_compatibility_check(
    case: str, built_case: Callable[[str], BuiltCase]
) -> None:
    result = ooxml_check("check_compat.py", built_case(case).pptx, "--fail-on", "any")
    problems = [line for line in result.stdout.splitlines() if line.startswith("PROBLEM")]
    assert result.returncode == 0 and not problems, "\n".join(problems) or result.stderr


def test_compatibility_check_sees_a_4x3_typed_widescreen_deck(
    built_case: Callable[[str], BuiltCase], tmp_path: Path
) -> None:
    """The check above can fail: the same deck with python-pptx's old slide size does."""
    source, broken = built_case(DEFAULT_CASE).pptx, tmp_path / "typed.pptx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(broken, "w") as copy:
        for name in original.namelist():
            data = original.read(name)
            if name == "ppt/presentation.xml":
                data = data.replace(b'cx="12192000"', b'cx="12191695" type="screen4x3"', 1)
            copy.writestr(name, data)
    result = ooxml_check("check_compat.py", broken, "--fail-on", "any")
    assert result.returncode == 1
    assert "PROBLEM pres.sldSz" in result.stdout


def test_slide_size_is_powerpoint_widescreen_without_a_type(
    built_case: Callable[[str], BuiltCase],
) -> None:
    size = package_xml(built_case(DEFAULT_CASE).pptx.read_bytes(), "ppt/presentation.xml").find(
        "p:sldSz", NS
    )
    assert dict(size.attrib) == {"cx": "12192000", "cy": "6858000"}


@pytest.mark.parametrize(
    ("geometry", "expected"),
    [
        ("{width: 10.5, height: 7, margin: 0.5}", {"cx": "9601200", "cy": "6400800"}),
        (
            "{width: 10, height: 7.5, margin: 0.5}",
            {"cx": "9144000", "cy": "6858000", "type": "screen4x3"},
        ),
    ],
)
def test_other_slide_sizes_are_written_exactly(
    project: Project, geometry: str, expected: dict[str, str]
) -> None:
    cremona = (builtin_themes() / "cremona" / "theme.yaml").read_text(encoding="utf-8")
    folder = project.root / "themes" / "sized"
    folder.mkdir(parents=True)
    lines = [line for line in cremona.splitlines() if not line.startswith("geometry:")]
    (folder / "theme.yaml").write_text(
        "\n".join([*lines, f"geometry: {geometry}"]) + "\n", encoding="utf-8"
    )
    deck = project.write_deck(
        """\
        deck: {title: Sized, theme: sized}
        sections:
          - divider: false
            slides: [{kind: title}, {kind: bullets, title: A list, items: [one]}]
        """
    )
    data = compile_deck(deck).data
    assert dict(package_xml(data, "ppt/presentation.xml").find("p:sldSz", NS).attrib) == expected
    prs = Presentation(io.BytesIO(data))
    layout = prs.slide_layouts.get_by_name("Content")
    right = max(shape.left + shape.width for shape in layout.placeholders)
    assert right < prs.slide_width  # the layouts are drawn for this size, not stretched


def test_template_leftovers_are_gone_and_notes_master_is_listed(
    built_case: Callable[[str], BuiltCase],
) -> None:
    data = built_case(DEFAULT_CASE).pptx.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        relationships = (
            package.read("_rels/.rels").decode()
            + package.read("ppt/_rels/presentation.xml.rels").decode()
        )
    assert not [n for n in names if "thumbnail" in n or "printerSettings" in n]
    assert "thumbnail" not in relationships and "printerSettings" not in relationships
    listed = package_xml(data, "ppt/presentation.xml").findall(
        "p:notesMasterIdLst/p:notesMasterId", NS
    )
    assert len(listed) == 1


def test_a_deck_without_notes_lists_no_notes_master(project: Project) -> None:
    deck = project.write_deck(
        """\
        deck: {title: Quiet}
        sections: [{divider: false, slides: [{kind: title}]}]
        """
    )
    presentation = package_xml(compile_deck(deck).data, "ppt/presentation.xml")
    assert presentation.find("p:notesMasterIdLst", NS) is None


def test_app_properties_describe_the_deck(
    built_case: Callable[[str], BuiltCase], default_prs: PresentationType
) -> None:
    app = package_xml(built_case(DEFAULT_CASE).pptx.read_bytes(), "docProps/app.xml")
    slides = list(default_prs.slides)
    assert app.findtext("ep:Application", namespaces=NS) == "slidegen"
    assert app.findtext("ep:PresentationFormat", namespaces=NS) == "Widescreen"
    assert app.findtext("ep:Slides", namespaces=NS) == str(len(slides)) == "31"
    assert app.findtext("ep:Notes", namespaces=NS) == str(sum(s.has_notes_slide for s in slides))
    pairs = [v[0].text for v in app.find("ep:HeadingPairs/vt:vector", NS)]
    assert pairs == ["Fonts Used", "1", "Theme", "1", "Slide Titles", "31"]
    parts = [e.text for e in app.find("ep:TitlesOfParts/vt:vector", NS)]
    titles = [s.shapes.title.text_frame.text for s in slides]
    assert parts == ["Calibri", "Comune di Cremona", *titles]
    assert titles[0] == "Sei mesi fuori dal Comune"


# -- master and layouts ------------------------------------------------------------------------


def test_one_layout_per_slide_kind_named_for_it(default_prs: PresentationType) -> None:
    layouts = default_prs.slide_master.slide_layouts
    assert {layout.name: layout.element.get("type") for layout in layouts} == LAYOUTS
    used = {slide.slide_layout.name for slide in default_prs.slides}
    assert used == set(LAYOUTS)  # none unused


def test_layouts_position_title_text_and_footer_placeholders(
    default_prs: PresentationType,
) -> None:
    page = cremona_page(title_lines=1)  # every title of the default deck fits one line
    titles = {
        "Cover": page.cover.title,
        "Section divider": page.section.title,
        "Content": page.title,
        "Closing": page.closing.title,
    }
    for layout in default_prs.slide_layouts:
        placeholders = {ph.placeholder_format.idx: ph for ph in layout.placeholders}
        assert set(placeholders) == {0, 1, 10, 11, 12}, layout.name
        for ph in placeholders.values():  # each written on the layout itself, not inherited
            assert ph.element.spPr.find("a:xfrm", NS) is not None, (layout.name, ph.name)
        title = placeholders[0]
        assert box_of(title) == tuple(vars(titles[layout.name]).values()), layout.name
        types = {FOOTER_TYPES.get(ph.placeholder_format.type) for ph in placeholders.values()}
        assert {"dt", "ftr", "sldNum"} <= types, layout.name
        assert not any(
            "Click to" in ph.text_frame.text for ph in placeholders.values()
        )  # no English prompts


def test_no_layout_placeholder_overlaps_the_brand_chrome(default_prs: PresentationType) -> None:
    for layout in default_prs.slide_layouts:
        chrome = [s for s in layout.shapes if not s.is_placeholder]
        for ph in layout.placeholders:
            for shape in chrome:
                apart = (
                    ph.left + ph.width <= shape.left
                    or shape.left + shape.width <= ph.left
                    or ph.top + ph.height <= shape.top
                    or shape.top + shape.height <= ph.top
                )
                assert apart, f"{layout.name}: '{ph.name}' overlaps '{shape.name}'"


def test_slide_number_is_a_placeholder_with_a_field_on_the_content_layout(
    default_prs: PresentationType,
) -> None:
    content = default_prs.slide_layouts.get_by_name("Content")
    number = content.placeholders.get(idx=12)
    assert number.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER
    assert number.element.findall(".//a:fld[@type='slidenum']", NS)
    assert number.text_frame.text == "Luglio – Dicembre 2014   ‹#›"
    assert content.placeholders.get(idx=11).text_frame.text == "COMUNE DI CREMONA"
    for layout in default_prs.slide_layouts:
        for shape in layout.shapes:
            if not shape.is_placeholder:
                assert not shape.element.findall(".//a:fld", NS), (layout.name, shape.name)
    # Header & Footer: number and footer on for content slides, off on the cover.
    shown = dict(content.element.find("p:hf", NS).attrib)
    assert shown == {"sldNum": "1", "hdr": "0", "ftr": "1", "dt": "0"}
    cover = default_prs.slide_layouts.get_by_name("Cover").element.find("p:hf", NS)
    assert cover.get("sldNum") == "0" and cover.get("ftr") == "0"


def test_master_text_styles_carry_the_brand(default_prs: PresentationType) -> None:
    master = default_prs.slide_master.element
    title = master.find("p:txStyles/p:titleStyle/a:lvl1pPr/a:defRPr", NS)
    assert title.get("sz") == "3000"
    assert title.find("a:solidFill/a:srgbClr", NS).get("val") == "A6192E"
    body = master.find("p:txStyles/p:bodyStyle/a:lvl1pPr/a:defRPr", NS)
    assert body.get("sz") == "2000"
    assert master.find("p:txStyles/p:bodyStyle/a:lvl1pPr/a:buChar", NS) is not None


# -- slides ------------------------------------------------------------------------------------


def test_slides_inherit_their_titles_position_from_the_layout(
    default_prs: PresentationType,
) -> None:
    for number, slide in enumerate(default_prs.slides, start=1):
        title = slide.shapes.title
        assert title.element.spPr.find("a:xfrm", NS) is None, f"slide {number}"
        inherited = slide.slide_layout.placeholders.get(idx=0)
        assert box_of(title) == box_of(inherited), f"slide {number}"


def test_content_slides_carry_footer_and_slide_number_placeholders(
    default_prs: PresentationType,
) -> None:
    content = 0
    for number, slide in enumerate(default_prs.slides, start=1):
        by_type = {
            FOOTER_TYPES[ph.placeholder_format.type]: ph
            for ph in slide.placeholders
            if ph.placeholder_format.type in FOOTER_TYPES
        }
        if slide.slide_layout.name != "Content":
            assert not by_type, f"slide {number}"
            continue
        content += 1
        assert set(by_type) == {"ftr", "sldNum"}, f"slide {number}"
        field = by_type["sldNum"].element.find(".//a:fld", NS)
        assert field.get("type") == "slidenum" and field.findtext("a:t", namespaces=NS) == str(
            number
        )
        layout_number = slide.slide_layout.placeholders.get(idx=12)
        assert box_of(by_type["sldNum"]) == box_of(layout_number)  # positioned by the layout
        assert by_type["ftr"].text_frame.text == "COMUNE DI CREMONA"
        names = [shape.name for shape in slide.shapes]
        assert names[-2:] == ["Footer", "Slide number"]  # read last
    assert content > 20


# -- notes and links ---------------------------------------------------------------------------

NOTES_DECK = """\
deck: {title: Notes}
sections:
  - divider: false
    slides:
      - kind: bullets
        title: Links
        items:
          - "Vedi [Cremona](https://it.wikipedia.org/wiki/Cremona_(città)) e basta"
        notes: |
          First **bold** paragraph
          with a *line break* inside.

          Second paragraph: [the city](https://it.wikipedia.org/wiki/Cremona_(città)).
"""


def test_speaker_notes_keep_paragraphs_breaks_emphasis_and_links(project: Project) -> None:
    prs = Presentation(io.BytesIO(compile_deck(project.write_deck(NOTES_DECK)).data))
    notes = prs.slides[0].notes_slide
    paragraphs = notes.notes_text_frame.paragraphs
    assert [p.text for p in paragraphs] == [
        "First bold paragraph\vwith a line break inside.",
        "Second paragraph: the city.",
    ]
    first = paragraphs[0]._p
    assert len(first.findall("a:br", NS)) == 1
    assert [(r.text, r.font.bold, r.font.italic) for r in paragraphs[0].runs] == [
        ("First ", None, None),
        ("bold", True, None),
        (" paragraph", None, None),
        ("with a ", None, None),
        ("line break", None, True),
        (" inside.", None, None),
    ]
    linked = [r for r in paragraphs[1].runs if r.hyperlink.address]
    assert [(r.text, r.hyperlink.address) for r in linked] == [("the city", WIKIPEDIA_TARGET)]
    for p in paragraphs:
        assert p._p[-1].tag == f"{{{NS['a']}}}endParaRPr"
    (field,) = notes.element.xpath(".//p:sp[.//p:ph[@type='sldNum']]//a:fld")
    assert field.get("type") == "slidenum" and field.findtext("a:t", namespaces=NS) == "1"


def test_links_with_parentheses_and_non_ascii_characters(project: Project) -> None:
    prs = Presentation(io.BytesIO(compile_deck(project.write_deck(NOTES_DECK)).data))
    shape = next(s for s in prs.slides[0].shapes if s.name == "List")
    runs = shape.text_frame.paragraphs[0].runs
    assert [(r.text, r.hyperlink.address) for r in runs] == [
        ("Vedi ", None),
        ("Cremona", WIKIPEDIA_TARGET),  # not cut at the first ')', and percent-encoded
        (" e basta", None),
    ]
