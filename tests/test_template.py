"""The default deck built on three templates slidegen did not write: python-pptx's own default
(made by PowerPoint, 4:3), one converted from a LibreOffice Impress template (three masters,
OBJECT placeholders, 28 × 15.75 cm) and an Italian office's .potx (localized layout names).

Each is checked the way PowerPoint would (OOXML schemas, package rules, compatibility at
behaviour level), rendered (one page per slide, no word outside its box), and looked into:
slides sit on the template's own layouts and inherit their placeholders' places.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest
from click.testing import Result
from PIL import Image, ImageChops
from pptx import Presentation

from helpers import DEFAULT_DECK, REPO, TESTS, build, convert_to_pdf, ooxml_check
from pagecheck import words_outside_boxes
from slidegen.build import compile_deck
from slidegen.errors import Location, SlidegenError
from slidegen.layout.geometry import CLOSING, CONTENT, COVER, SECTION
from slidegen.template.export import is_template
from slidegen.template.mapping import choose_layouts
from slidegen.template.reading import TemplateInfo, read_template

TEMPLATES = TESTS / "templates"
OFFICE_DEFAULT = Path(str(resources.files("pptx") / "templates" / "default.pptx"))


@dataclass(frozen=True)
class TemplateCase:
    theme: str
    file: Path
    manifest: str
    """``theme.yaml``; ``{file}`` is the template's name."""
    in_project: bool = False
    """The template sits in the project (``templates/``), not in the theme's folder."""


CASES = {
    "office-4x3": TemplateCase("office", OFFICE_DEFAULT, "name: Office\ntemplate: {file}\n"),
    "libreoffice-vivid": TemplateCase(
        "vivid",
        TEMPLATES / "libreoffice-vivid.pptx",
        "name: Vivid\ntemplate: templates/{file}\n",
        in_project=True,
    ),
    "comune-it-potx": TemplateCase(
        "comune",
        TEMPLATES / "comune-it.potx",
        "name: Comune\ntemplate: {file}\nfooter: COMUNE DI ESEMPIO\n"
        'layouts:\n  bullets: "Titolo e contenuto"\n  closing: "Solo titolo"\n',
    ),
}


@functools.cache
def default_slides() -> int:
    """The default deck's slides on its own theme: a template changes none of them."""
    return compile_deck(DEFAULT_DECK).slides


@dataclass
class Built:
    case: TemplateCase
    pptx: Path
    slides: int
    findings: list[str]


def make_project(root: Path, cases: dict[str, TemplateCase]) -> Path:
    """A copy of the default project with one theme per template case."""
    shutil.copy(DEFAULT_DECK, root / "deck.yaml")
    shutil.copytree(REPO / "data", root / "data")
    for case in cases.values():
        folder = root / "themes" / case.theme
        folder.mkdir(parents=True)
        target = (root / "templates" if case.in_project else folder) / case.file.name
        target.parent.mkdir(exist_ok=True)
        shutil.copy(case.file, target)
        (folder / "theme.yaml").write_text(case.manifest.format(file=case.file.name))
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    root = make_project(tmp_path_factory.mktemp("templates"), CASES)
    made = {}
    for name, case in CASES.items():
        result = build(root / "deck.yaml", output=root / f"{name}.pptx", theme_name=case.theme)
        made[name] = Built(case, result.output, result.slides, [str(f) for f in result.findings])
    return made


@pytest.fixture(scope="module")
def pdfs(built: dict[str, Built], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every deck converted to PDF in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("template-pdfs")
    pdfs = convert_to_pdf([b.pptx for b in built.values()], folder)
    return {name: pdfs[b.pptx] for name, b in built.items()}


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize(
    ("script", "args"),
    [("check_xsd.py", ()), ("check_opc.py", ()), ("check_compat.py", ("--fail-on", "behaviour"))],
)
def test_deck_on_template_passes_the_ooxml_checks(
    built: dict[str, Built], name: str, script: str, args: tuple[str, ...]
) -> None:
    done = ooxml_check(script, built[name].pptx, *args)
    assert done.returncode == 0, f"{script}:\n{done.stdout}\n{done.stderr}"


@pytest.mark.parametrize("name", CASES)
def test_deck_on_template_renders_every_word_inside_its_box(
    built: dict[str, Built], pdfs: dict[str, Path], name: str
) -> None:
    from slidegen.export import pdf_page_count

    assert pdf_page_count(pdfs[name]) == built[name].slides == default_slides()
    assert words_outside_boxes(built[name].pptx, pdfs[name]) == []


@pytest.mark.parametrize("name", CASES)
def test_slides_sit_on_the_templates_own_layouts(built: dict[str, Built], name: str) -> None:
    template = Presentation(template_as_pptx(built[name].case.file))
    names = {layout.name for m in template.slide_masters for layout in m.slide_layouts}
    prs = Presentation(str(built[name].pptx))
    assert (prs.slide_width, prs.slide_height) == (template.slide_width, template.slide_height)
    used = {slide.slide_layout.name for slide in prs.slides}
    assert used <= names, used - names
    assert len(used) >= 2  # a cover (and dividers, closing) and content slides


@pytest.mark.parametrize("name", CASES)
def test_titles_and_footers_inherit_their_place_from_the_layout(
    built: dict[str, Built], name: str
) -> None:
    """Reset in PowerPoint changes nothing: no title or footer is re-positioned on a slide."""
    prs = Presentation(str(built[name].pptx))
    placed = []
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.placeholders:
            kind = shape.element.ph.get("type", "obj")
            inherits = kind in ("title", "ctrTitle", "ftr", "sldNum", "dt")
            if inherits and shape.element.spPr.find(f"{{{A}}}xfrm") is not None:
                placed.append(f"slide {number}: {kind}")
    assert placed == []


A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def test_the_templates_example_slides_are_not_kept(built: dict[str, Built]) -> None:
    vivid = built["libreoffice-vivid"]
    assert len(Presentation(str(TEMPLATES / "libreoffice-vivid.pptx")).slides) == 3
    prs = Presentation(str(vivid.pptx))
    assert len(prs.slides) == vivid.slides == default_slides()
    assert prs.slides[0].shapes.title.text_frame.text == "Sei mesi fuori dal Comune"


def test_layouts_named_in_the_theme_are_used(built: dict[str, Built]) -> None:
    prs = Presentation(str(built["comune-it-potx"].pptx))
    layouts = [slide.slide_layout.name for slide in prs.slides]
    assert layouts[0] == "Diapositiva titolo"  # found by its placeholders
    assert layouts[2] == "Intestazione sezione"
    assert layouts[-1] == "Solo titolo"  # closing: named in theme.yaml
    assert "Titolo e contenuto" in layouts


def list_runs(prs: Presentation) -> list[object]:
    """The runs of every slide's list."""
    return [
        run
        for slide in prs.slides
        for shape in slide.shapes
        if shape.name == "List"
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    ]


def test_colours_fonts_and_footer_come_from_the_template_and_the_theme(
    built: dict[str, Built],
) -> None:
    prs = Presentation(str(built["comune-it-potx"].pptx))
    slide = prs.slides[1]  # content
    title_runs = [r for p in slide.shapes.title.text_frame.paragraphs for r in p.runs]
    assert {r.font.name for r in title_runs} == {"Arial"}  # the template's heading font
    bold = [run for run in list_runs(prs) if run.font.bold]  # type: ignore[attr-defined]
    assert bold and {str(r.font.color.rgb) for r in bold} == {"00546B"}  # accent 1
    footers = [
        shape.text_frame.text
        for shape in slide.placeholders
        if shape.element.ph.get("type") == "ftr"
    ]
    assert footers == ["COMUNE DI ESEMPIO"]


def test_a_theme_colour_overrides_the_templates(tmp_path: Path) -> None:
    case = TemplateCase(
        "brand",
        TEMPLATES / "comune-it.potx",
        'name: Brand\ntemplate: {file}\ncolors: {{primary: "#A6192E"}}\n',
    )
    root = make_project(tmp_path, {"brand": case})
    result = build(root / "deck.yaml", output=root / "out.pptx", theme_name="brand")
    bold = [run for run in list_runs(Presentation(str(result.output))) if run.font.bold]  # type: ignore[attr-defined]
    assert bold and {str(r.font.color.rgb) for r in bold} == {"A6192E"}


def test_a_potx_is_read_and_left_as_it_is(built: dict[str, Built]) -> None:
    potx = TEMPLATES / "comune-it.potx"
    before = hashlib.sha256(potx.read_bytes()).hexdigest()
    with pytest.raises(ValueError):  # what python-pptx does with a .potx on its own
        Presentation(str(potx))
    assert built["comune-it-potx"].slides == default_slides()
    assert hashlib.sha256(potx.read_bytes()).hexdigest() == before


def test_missing_fonts_are_a_finding_and_metric_twins_are_not(built: dict[str, Built]) -> None:
    from slidegen.textfit import find_font

    vivid = [f for f in built["libreoffice-vivid"].findings if "not installed" in f]
    if find_font("Source Sans Pro", False, False) is None:
        assert any("'Source Sans Pro'" in f for f in vivid), vivid
    office = built["office-4x3"].findings
    assert not [f for f in office if "not installed" in f]  # Calibri is measured as Carlito


def template_as_pptx(path: Path) -> io.BytesIO:
    """The template as python-pptx opens it (a .potx with its main part's type changed)."""
    from slidegen.template.files import as_presentation

    return io.BytesIO(as_presentation(path.read_bytes()))


# -- mistakes in a theme built on a template -----------------------------------------------


def write_theme(root: Path, manifest: str, template: Path | None = OFFICE_DEFAULT) -> Path:
    shutil.copy(DEFAULT_DECK, root / "deck.yaml")
    shutil.copytree(REPO / "data", root / "data", dirs_exist_ok=True)
    folder = root / "themes" / "brand"
    folder.mkdir(parents=True, exist_ok=True)
    if template is not None:
        shutil.copy(template, folder / "brand.pptx")
    (folder / "theme.yaml").write_text(manifest)
    return root / "deck.yaml"


def theme_error(deck: Path) -> str:
    with pytest.raises(SlidegenError) as raised:
        build(deck, output=deck.parent / "out.pptx", theme_name="brand")
    assert not (deck.parent / "out.pptx").exists()
    return str(raised.value)


def test_an_unknown_layout_name_is_located_with_the_layouts_there_are(tmp_path: Path) -> None:
    deck = write_theme(
        tmp_path, 'name: B\ntemplate: brand.pptx\nlayouts:\n  bullets: "Title and Contnt"\n'
    )
    message = theme_error(deck)
    assert message.startswith("themes/brand/theme.yaml:4:12: ")
    assert "no layout named 'Title and Contnt'" in message
    assert "(did you mean 'Title and Content'?)" in message


def test_a_layout_without_a_title_is_refused(tmp_path: Path) -> None:
    deck = write_theme(tmp_path, "name: B\ntemplate: brand.pptx\nlayouts:\n  chart: Blank\n")
    assert "the layout 'Blank' has no title placeholder" in theme_error(deck)


def test_an_unknown_role_or_kind_is_refused(tmp_path: Path) -> None:
    deck = write_theme(tmp_path, "name: B\ntemplate: brand.pptx\nlayouts:\n  bulets: Blank\n")
    message = theme_error(deck)
    assert "'bulets' is neither a role nor a slide kind" in message
    assert "bullets" in message


def test_a_missing_template_names_where_it_was_looked_for(tmp_path: Path) -> None:
    deck = write_theme(tmp_path, "name: B\ntemplate: gone.potx\n", template=None)
    message = theme_error(deck)
    assert message.startswith("themes/brand/theme.yaml:2:11: ")
    assert "template 'gone.potx' not found in the theme's folder (brand)" in message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("brand.pptx", b"not a zip", "cannot be read as a PowerPoint file"),
        ("brand.odp", b"", "is not a PowerPoint template"),
    ],
)
def test_a_file_that_is_no_template_is_refused(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    deck = write_theme(tmp_path, f"name: B\ntemplate: {name}\n", template=None)
    (tmp_path / "themes" / "brand" / name).write_bytes(content)
    assert expected in theme_error(deck)


# -- which layout each kind is built on -----------------------------------------------------


def test_every_kind_builds_on_a_theme_of_only_a_name_and_a_template(tmp_path: Path) -> None:
    """The starter project (every kind once) on a template, with a theme of two lines."""
    from slidegen.init import init_project
    from slidegen.slides import KINDS

    project = tmp_path / "starter"
    init_project(project, "en-GB", period="2026-H2")
    folder = project / "themes" / "brand"
    folder.mkdir(parents=True)
    shutil.copy(TEMPLATES / "comune-it.potx", folder / "brand.potx")
    (folder / "theme.yaml").write_text("name: Brand\ntemplate: brand.potx\n")
    deck = project / "deck.yaml"
    written = deck.read_text()
    assert all(f"kind: {kind}" in written for kind in KINDS if kind != "section")
    result = build(deck, output=tmp_path / "starter.pptx", theme_name="brand")
    prs = Presentation(str(result.output))
    assert len(prs.slides) == result.slides >= len(KINDS)
    done = ooxml_check("check_compat.py", result.output, "--fail-on", "behaviour")
    assert done.returncode == 0, done.stdout


def read(path: Path) -> TemplateInfo:
    return read_template(path, Location("theme.yaml"))


def test_layouts_are_found_by_placeholders_first() -> None:
    choice = choose_layouts(read(TEMPLATES / "libreoffice-vivid.pptx"), {}, ("bullets",), _at)
    cover, content = choice.roles[COVER], choice.roles[CONTENT]
    # LibreOffice types its title slide "tx": its title and subtitle say what it is.
    assert (cover.name, cover.type, cover.master) == ("Title Slide", "tx", 0)
    # The first master's band would lie across a list: content goes on the next master.
    assert (content.name, content.master) == ("Title, Content", 1)
    assert choice.roles[SECTION] == cover  # no divider layout: the cover's


def test_layouts_without_a_type_are_found_by_their_localized_names(tmp_path: Path) -> None:
    untyped = tmp_path / "untyped.potx"
    with (
        zipfile.ZipFile(TEMPLATES / "comune-it.potx") as source,
        zipfile.ZipFile(untyped, "w") as target,
    ):
        for member in source.infolist():
            data = source.read(member)
            if member.filename.startswith("ppt/slideLayouts/slideLayout"):
                data = re.sub(rb' type="\w+"', b"", data, count=1)  # the layout's own type
                data = data.replace(b'type="ctrTitle"', b'type="title"')
            target.writestr(member, data)
    info = read(untyped)
    assert {layout.type for layout in info.layouts} == {"cust"}
    choice = choose_layouts(info, {}, ("bullets",), _at)
    names = {role: layout.name for role, layout in choice.roles.items()}
    assert names == {
        COVER: "Diapositiva titolo",
        SECTION: "Intestazione sezione",
        CONTENT: "Titolo e contenuto",
        CLOSING: "Diapositiva titolo",
    }


def _at(key: str) -> Location:
    return Location("theme.yaml", 1, 1)


# -- slidegen template inspect / export -------------------------------------------------------


def test_inspect_lists_layouts_placeholders_and_the_mapping(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    potx = tmp_path / "comune.potx"
    shutil.copy(TEMPLATES / "comune-it.potx", potx)
    result = run_cli("template", "inspect", str(potx), cwd=tmp_path)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "comune.potx: 25.4 × 19.05 cm, 1 master(s), 11 layouts"
    assert "   2. «Titolo e contenuto» (obj)" in lines
    assert "        title    idx 0   «Title 1»  1.27, 0.76 cm  22.86 × 3.17 cm" in lines
    assert any(
        line.startswith("  content   «Titolo e contenuto», title in title 0, text in obj 1")
        and "bullets" in line
        for line in lines
    )
    pictures = sorted((tmp_path / "comune-layouts").glob("layout-*.png"))
    assert len(pictures) == 11
    with Image.open(pictures[1]) as picture:  # drawn, not blank
        assert picture.width > 300 and len(picture.convert("L").getcolors(1 << 16) or []) > 2
    again = run_cli("template", "inspect", str(potx), cwd=tmp_path)
    assert again.exit_code == 1 and "already exists" in again.output


def test_export_writes_a_template_that_builds_the_same_deck(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """Round trip: the default deck on the exported Cremona template renders page for page
    as on the theme itself."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(DEFAULT_DECK, root / "deck.yaml")
    shutil.copytree(REPO / "data", root / "data")
    exported = root / "themes" / "roundtrip" / "cremona.potx"
    exported.parent.mkdir(parents=True)
    result = run_cli("template", "export", "--theme", "cremona", str(exported), cwd=root)
    assert result.exit_code == 0, result.output
    for script, args in (("check_xsd.py", ()), ("check_opc.py", ()), ("check_compat.py", ())):
        done = ooxml_check(script, exported, *args)
        assert done.returncode == 0, done.stdout
    assert is_template(exported.read_bytes())
    (exported.parent / "theme.yaml").write_text(
        "name: Comune di Cremona\ntemplate: cremona.potx\nfooter: COMUNE DI CREMONA\n"
    )
    on_theme = build(root / "deck.yaml", output=tmp_path / "theme.pptx")
    on_template = build(
        root / "deck.yaml", output=tmp_path / "template.pptx", theme_name="roundtrip"
    )
    assert on_template.findings == on_theme.findings
    pages = rendered_pages(tmp_path, [on_theme.output, on_template.output])
    assert len(pages[0]) == len(pages[1]) == on_theme.slides
    differing = [
        number
        for number, (a, b) in enumerate(zip(*pages, strict=True), start=1)
        if ImageChops.difference(a, b).getbbox() is not None
    ]
    assert differing == []


def rendered_pages(folder: Path, decks: list[Path]) -> list[list[Image.Image]]:
    """Each deck's pages, drawn by LibreOffice and poppler at 30 dpi."""
    pdfs = convert_to_pdf(decks, folder / "rendered")
    pages = []
    for deck, pdf in pdfs.items():
        prefix = pdf.with_suffix("")
        subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(prefix)], check=True)
        pngs = sorted(pdf.parent.glob(f"{deck.stem}-*.png"))
        pages.append([Image.open(png).convert("RGB") for png in pngs])
    return pages


def test_export_never_overwrites_and_names_a_potx(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    taken = tmp_path / "brand.potx"
    taken.write_bytes(b"mine")
    result = run_cli("template", "export", str(taken), cwd=tmp_path)
    assert result.exit_code == 1
    assert "brand.potx: already exists: slidegen never overwrites it" in result.output
    assert taken.read_bytes() == b"mine"
    wrong = run_cli("template", "export", "brand.pptx", cwd=tmp_path)
    assert wrong.exit_code == 1 and "name the file .potx" in wrong.output


def test_the_alignment_of_a_templates_titles_is_read() -> None:
    """From the layout's list style, its master's, the master's title style or its prompt
    text, as the colour and size are: Office's centred titles and left-aligned section
    headers, LibreOffice's left-aligned ones."""
    office = read_template(TEMPLATES / "comune-it.potx", Location("t"))
    aligns = {layout.name: layout.title_align for layout in office.layouts}
    assert aligns["Diapositiva titolo"] == aligns["Titolo e contenuto"] == "ctr"
    assert aligns["Intestazione sezione"] == "l"
    vivid = read_template(TEMPLATES / "libreoffice-vivid.pptx", Location("t"))
    assert {layout.title_align for layout in vivid.layouts} == {"l"}


def test_a_title_set_narrower_on_a_template_keeps_the_templates_alignment(
    built: dict[str, Built],
) -> None:
    """A title of two lines set to a narrower, even measure leaves the room on the side away
    from where the template's title starts: all of it on the right of a left-aligned
    section header, half on each side of a centred title."""
    prs = Presentation(str(built["comune-it-potx"].pptx))
    default = 50800  # slidegen's own inset, left and right
    seen = set()
    for slide in prs.slides:
        frame = slide.shapes.title.text_frame
        left, right = frame.margin_left, frame.margin_right
        if left == right == default:
            continue  # set at the box's width
        layout = slide.slide_layout.name
        if layout == "Intestazione sezione":
            assert left == default < right, layout
        else:
            assert left == right > default, layout
        seen.add(layout)
    assert {"Intestazione sezione", "Titolo e contenuto"} <= seen


def test_a_kinds_own_layout_places_its_titles_room_by_its_own_alignment(tmp_path: Path) -> None:
    """Bullets on Office's left-aligned section header (the content layout centres its
    titles): their evened-out titles keep all the room on the right, so they start where
    the layout's text does, not half the room in."""
    case = TemplateCase(
        "comune-kinds",
        TEMPLATES / "comune-it.potx",
        'name: Comune\ntemplate: {file}\nlayouts:\n  bullets: "Intestazione sezione"\n',
    )
    root = make_project(tmp_path, {"kinds": case})
    prs = Presentation(io.BytesIO(compile_deck(root / "deck.yaml", "comune-kinds").data))
    default = 50800  # slidegen's own inset, left and right
    narrowed = [
        slide.shapes.title.text_frame
        for slide in prs.slides
        if slide.slide_layout.name == "Intestazione sezione"
        and slide.shapes.title.text_frame.margin_right > default
    ]
    assert len(narrowed) >= 2  # dividers and bullets slides with titles of two lines
    assert {frame.margin_left for frame in narrowed} == {default}


def test_a_kinds_own_layout_on_another_master_gives_its_titles_that_layouts_colour(
    tmp_path: Path,
) -> None:
    """LibreOffice's Vivid has a light master (dark titles) and a dark one (white titles);
    content goes on the dark one. Bullets given the light master's layout take its dark
    title colour: the content layout's white would not show on its white page."""
    case = TemplateCase(
        "vivid-kinds",
        TEMPLATES / "libreoffice-vivid.pptx",
        'name: Vivid\ntemplate: {file}\nlayouts:\n  bullets: "Title, Content"\n',
    )
    info = read(TEMPLATES / "libreoffice-vivid.pptx")
    own = info.layout_named("Title, Content")
    content = choose_layouts(info, {}, ("bullets",), _at).roles[CONTENT]
    assert own is not None and own.title_color != content.title_color  # another master's
    root = make_project(tmp_path, {"kinds": case})
    prs = Presentation(io.BytesIO(compile_deck(root / "deck.yaml", "vivid-kinds").data))
    colours: dict[str, set[str]] = {"bullets": set(), "other content": set()}
    masters = list(prs.slide_masters)
    for slide in prs.slides:
        layout = slide.slide_layout
        if layout.name != "Title, Content":
            continue
        which = "bullets" if masters.index(layout.slide_master) == own.master else "other content"
        runs = slide.shapes.title._element.xpath(".//a:rPr/a:solidFill/a:srgbClr/@val")
        colours[which] |= set(runs)
    assert colours["bullets"] == {own.title_color}
    assert colours["other content"] == {content.title_color}
