"""The layout stage's rules, tested on plans (no presentation is built): titles, lists, tiles."""

from __future__ import annotations

import itertools

import pytest
from pydantic import ValidationError

from helpers import (
    Project,
    breaking_at_the_hyphen,
    statement,
    title_breaking_at_the_hyphen,
    title_whose_bound_dash_costs_a_line,
    title_with_a_dash_starting_a_line,
    title_with_a_lone_last_word,
)
from slidegen.layout import Box, PageGeometry, inches
from slidegen.layout.geometry import CONTENT, SECTION
from slidegen.layout.metricsplan import TILE_COLUMNS, arrange_metrics
from slidegen.layout.paras import Para, bullet_paras
from slidegen.layout.textplan import (
    MARKER_GAP_EM,
    SPARE_ABOVE,
    STEP,
    Faces,
    inner_size,
    plan_text,
    plan_text_set,
    text_wrap,
)
from slidegen.layout.tileplan import TileText, figure_limit, plan_tiles
from slidegen.layout.titleplan import (
    TitleEntry,
    bind_dashes,
    hyphen_free_spare,
    plan_title,
    plan_title_sizes,
    set_lines,
    set_title,
    title_boxes,
    title_spare,
)
from slidegen.loader import load_yaml
from slidegen.markup import Run, parse_inline
from slidegen.model import Bullet
from slidegen.pipeline import lay_out, prepare
from slidegen.textfit import Line, count_lines, face, wrap
from slidegen.theme import Sizes, Theme
from slidegen.theme_index import builtin_themes

THEME = Theme.model_validate(load_yaml(builtin_themes() / "neutral" / "theme.yaml").data)
PAGE = PageGeometry.from_theme(THEME)
FACES = Faces("Liberation Sans", "Liberation Sans")
SIZES = THEME.sizes
LONG = (
    "How we delivered the Corporate Plan priorities for residents, businesses and partners "
    "this half-year"
)
TOO_LONG = LONG + ", with the voluntary sector, the health service and our neighbouring councils"


def plan_sizes(*titles: str):
    entries = [
        TitleEntry(CONTENT, text, ("sections", 0, "slides", i)) for i, text in enumerate(titles)
    ]
    return plan_title_sizes(entries, title_boxes(THEME, PAGE), FACES.heading)


# -- Titles --------------------------------------------------------------------------------------


def test_a_long_title_wraps_to_two_lines_at_the_theme_size() -> None:
    planned = plan_sizes("Short", LONG)
    assert planned.sizes[CONTENT] == SIZES.title
    assert planned.lines[CONTENT] == 2
    assert not planned.findings
    placed = plan_title(LONG, title_boxes(THEME, PAGE)[CONTENT], SIZES.title, FACES.heading)
    assert placed.lines == 2


def test_one_title_size_for_every_slide_of_a_layout_and_a_finding_at_the_cause() -> None:
    planned = plan_sizes("Short", TOO_LONG, "Also short")
    size = planned.sizes[CONTENT]
    assert size < SIZES.title  # the three-line title made every content title smaller…
    assert [f.place for f in planned.findings] == [("sections", 0, "slides", 1)]  # …and says so
    assert "every title of its layout is set at" in planned.findings[0].message
    box = title_boxes(THEME, PAGE)[CONTENT]
    assert plan_title(TOO_LONG, box, size, FACES.heading).lines == 2


def test_a_title_that_does_not_fit_at_the_floor_is_a_finding() -> None:
    planned = plan_sizes(TOO_LONG * 3)
    assert planned.sizes[CONTENT] == max(SIZES.min_body, SIZES.title * 0.7)
    assert "more than the 2 its box holds" in planned.findings[0].message


def test_one_line_titles_keep_the_second_line_for_the_body() -> None:
    assert plan_sizes("Short", "Another").lines[CONTENT] == 1
    one, two = (PageGeometry.from_theme(THEME, title_lines=n) for n in (1, 2))
    assert one.title.top == two.title.top  # the title block starts at the same place
    assert one.body.top < two.body.top
    line = face(FACES.heading).line_height * SIZES.title
    assert two.title.height - one.title.height == pytest.approx(line * 12700, abs=2)


# -- Lists ---------------------------------------------------------------------------------------


def numbered(count: int) -> list[Para]:
    return bullet_paras([Bullet(text=f"Item {n}") for n in range(1, count + 1)], numbered=True)


def test_the_hanging_indent_holds_the_widest_number() -> None:
    plan = plan_text(numbered(12), PAGE.body, FACES, size=SIZES.body, floor=SIZES.min_body)
    widest = face(FACES.heading).advance("12.") * plan.paras[0].size
    assert plan.paras[0].hang >= widest + MARKER_GAP_EM * plan.paras[0].size - 0.01
    assert {p.hang for p in plan.paras} == {plan.paras[0].hang}  # every number, one indent
    short = plan_text(numbered(3), PAGE.body, FACES, size=SIZES.body, floor=SIZES.min_body)
    assert short.paras[0].hang < plan.paras[0].hang  # "3." needs less than "12."


def test_nested_items_start_at_their_parents_text() -> None:
    items = [Bullet(text="Parent", items=[Bullet(text="Child")], note="a note")]
    plan = plan_text(bullet_paras(items, numbered=True), PAGE.body, FACES, size=20, floor=12)
    parent, note, child = plan.paras
    assert note.margin == parent.margin and note.hang == 0
    assert child.margin - child.hang == pytest.approx(parent.margin)


def test_short_lists_grow_to_max_body_and_are_balanced() -> None:
    paras = bullet_paras([Bullet(text="One"), Bullet(text="Two")])
    plan = plan_text(
        paras, PAGE.body, FACES, size=SIZES.body, min_size=SIZES.min_body, floor=SIZES.min_body,
        grow_to=SIZES.max_body, balance=True,
    )  # fmt: skip
    assert plan.size == SIZES.max_body
    assert plan.spacing > 1  # more air between the items
    assert plan.top_pad > 0.2 * (PAGE.body.height / 12700 - plan.height)  # not at the top


def test_long_lists_shrink_and_are_not_padded() -> None:
    paras = numbered(40)
    plan = plan_text(
        paras, PAGE.body, FACES, size=SIZES.body, min_size=SIZES.min_body, floor=SIZES.min_body,
        grow_to=SIZES.max_body, balance=True,
    )  # fmt: skip
    assert SIZES.min_body <= plan.size < SIZES.body
    assert plan.top_pad == 0


def test_nothing_is_set_below_the_minimum() -> None:
    items = [Bullet(text="a", note="n", items=[Bullet(text="b", items=[Bullet(text="c")])])] * 9
    plan = plan_text(
        bullet_paras(items), Box(0, 0, inches(4), inches(2)), FACES, size=SIZES.body,
        min_size=SIZES.min_body, floor=SIZES.min_body,
    )  # fmt: skip
    assert plan.overflow > 0  # it does not fit: the caller reports it…
    assert plan.smallest == SIZES.min_body  # …instead of going smaller


def test_max_body_is_validated() -> None:
    with pytest.raises(ValidationError, match="min_body ≤ body ≤ max_body"):
        Sizes(body=20, max_body=18)
    with pytest.raises(ValidationError, match="min_body ≤ body ≤ max_body"):
        Sizes(body=10, min_body=12)


def test_no_break_spaces_keep_a_period_label_together() -> None:
    """Measured as one unit: where spaces would let "vs April" end the first line, the
    label with no-break spaces goes whole to the next one (and, wider than the line, takes
    two)."""
    spaced = "up 5 (+16.5%) vs April – September 2025"
    width = face("Liberation Sans").advance("up 5 (+16.5%) vs April – ") + 0.1
    kept = "up 5 (+16.5%) " + spaced[14:].replace(" ", "\u00a0")
    assert count_lines(Line((Run(spaced),), "Liberation Sans"), width) == 2
    assert count_lines(Line((Run(kept),), "Liberation Sans"), width) == 3


# -- Tiles ---------------------------------------------------------------------------------------


def tile(figure: str, label: str, *, qualifier: str | None = None, unit: str = "") -> TileText:
    runs = (Run(figure, bold=True), Run(unit, bold=True)) if unit else (Run(figure, bold=True),)
    return TileText(
        Para(runs, heading=True, space_before=0, run_scales=(1.0, 0.55)),
        Para.of(label, space_before=0.15),
        Para.of(qualifier, heading=True, space_before=0) if qualifier else None,
        (Para.of("▲\u00a0+5 vs\u00a0April\u00a0–\u00a0September\u00a02025", space_before=0.15),),
    )


def tiles(count: int) -> list[TileText]:
    labels = ["homes", "of household waste recycled or composted in the borough", "visits"]
    return [
        tile(f"{n * 111}", labels[n % 3], qualifier="Over" if n % 2 else None) for n in range(count)
    ]


@pytest.mark.parametrize(("count", "rows"), [(1, (1,)), (3, (3,)), (5, (3, 2)), (8, (4, 4))])
def test_tiles_in_balanced_centred_rows(count: int, rows: tuple[int, ...]) -> None:
    plan = plan_tiles(tiles(count), PAGE.body, FACES, SIZES)
    assert plan.rows == rows and not plan.overflow
    boxes = [t.box for t in plan.tiles]
    assert len({(b.width, b.height) for b in boxes}) == 1  # one tile size for the grid
    start = 0
    for count_in_row in rows:
        row = boxes[start : start + count_in_row]
        assert len({b.top for b in row}) == 1
        left, right = row[0].left - PAGE.body.left, PAGE.body.right - row[-1].right
        assert abs(left - right) <= 2  # centred
        start += count_in_row
    top, bottom = boxes[0].top - PAGE.body.top, PAGE.body.bottom - boxes[-1].bottom
    assert abs(top - bottom) <= 2  # the grid is centred in its box


@pytest.mark.parametrize("count", [2, 3, 5, 8])
def test_figures_share_a_baseline_in_each_row(count: int) -> None:
    plan = plan_tiles(tiles(count), PAGE.body, FACES, SIZES)
    start = 0
    for count_in_row in plan.rows:
        row = plan.baselines[start : start + count_in_row]
        assert max(row) - min(row) < 0.01, row
        # and the text of each tile starts where that puts its figure
        for index in range(start, start + count_in_row):
            text = plan.tiles[index].text
            above = text.paras[0].height if tiles(count)[index].qualifier else 0.0
            figure_top = plan.tiles[index].box.top / 12700 + text.top_pad + above
            assert figure_top == pytest.approx(plan.baselines[index], abs=0.01)
        start += count_in_row


def test_few_tiles_are_big_numbers_sized_to_their_content() -> None:
    one, three, eight = (plan_tiles(tiles(n), PAGE.body, FACES, SIZES) for n in (1, 3, 8))
    assert one.sizes.figure > three.sizes.figure > eight.sizes.figure
    assert one.sizes.figure >= 1.5 * SIZES.metric
    assert one.tiles[0].box.width < PAGE.body.width / 2  # a number, not a full-width bar


def test_qualifier_unit_and_labels_are_smaller_than_the_figure_never_below_min() -> None:
    for count, box in itertools.product(
        (1, 3, 8), (PAGE.body, PAGE.body.take_bottom(inches(1.5))[1])
    ):
        sizes = plan_tiles(tiles(count), box, FACES, SIZES).sizes
        assert sizes.figure > sizes.qualifier >= SIZES.min_body
        assert sizes.figure > sizes.label >= SIZES.min_body
        assert sizes.label >= sizes.detail >= SIZES.min_body
    plan = plan_tiles([tile("2.4", "savings", unit="\u00a0£m")], PAGE.body, FACES, SIZES)
    figure = plan.tiles[0].text.paras[0]
    assert figure.size == plan.sizes.figure  # the unit's run is set at 0.55 of it


def test_tiles_that_cannot_fit_at_the_minimum_overflow_instead_of_shrinking_further() -> None:
    crowded = [tile("1", "a label " * 30) for _ in range(8)]
    plan = plan_tiles(crowded, Box(0, 0, inches(6), inches(2)), FACES, SIZES)
    assert plan.overflow > 0
    assert plan.sizes.label == plan.sizes.detail == SIZES.min_body


# -- Display text: a hyphenated word is never broken at its hyphen --------------------------------

CREMONA = Theme.model_validate(load_yaml(builtin_themes() / "cremona" / "theme.yaml").data)


@pytest.mark.parametrize(
    ("word", "theme", "faces"),
    [
        ("socio-sanitari", CREMONA, Faces("Carlito", "Carlito")),
        ("half-year", THEME, FACES),
    ],
)
def test_display_text_keeps_a_hyphenated_word_whole_at_its_size(
    word: str, theme: Theme, faces: Faces
) -> None:
    """The statement's sentence would end a line with "socio-": the plan keeps the size and
    sets the text to a narrower measure where the word is whole, its lines even; the
    measure sits mid-way between the widths that wrap it so, so a renderer measuring a hair
    differently (±2 pt) breaks its lines in the same places."""
    sizes = theme.sizes
    box = PageGeometry.from_theme(theme).body
    width = inner_size(box)[0]
    text = breaking_at_the_hyphen(word, width, sizes.statement, faces)
    kwargs = {"size": sizes.statement, "min_size": sizes.body}
    plain = plan_text(statement(text, display=False), box, faces, **kwargs)
    plan = plan_text(statement(text), box, faces, **kwargs)
    assert text_wrap(statement(text), width, plain.size, faces).hyphen_breaks  # as it was
    assert plan.size == plain.size == sizes.statement and not plan.overflow
    assert plan.paras[0].lines == plain.paras[0].lines  # rebalanced, not a line longer
    assert plan.pad_x > 0
    measure = width - 2 * plan.pad_x
    for slack in (-2.0, 0.0, 2.0):
        wrapped = text_wrap(statement(text), measure + slack, plan.size, faces)
        assert wrapped.hyphen_breaks == 0
        assert wrapped.lines == plan.paras[0].lines


@pytest.mark.parametrize("layout", ["Cover", "Section divider", "Closing", CONTENT])
def test_titles_keep_a_hyphenated_word_whole_in_as_many_lines(layout: str) -> None:
    """A title whose line would end with "half-" is set to a narrower measure (insets left
    and right) where the word is whole, in the lines it took at the box's width; a title
    that ends no line so keeps the full width."""
    box = title_boxes(THEME, PAGE)[layout]
    width = inner_size(box.box)[0]
    family = FACES.heading
    text = title_breaking_at_the_hyphen("half-year", width, box.size, family)
    line = Line(tuple(parse_inline(text)), family)
    spare = hyphen_free_spare(text, width, box.size, family)
    assert spare > 0
    for slack in (-2.0, 0.0, 2.0):
        wrapped = wrap(line, (width - spare + slack) / box.size)
        assert wrapped.hyphen_breaks == 0
        assert wrapped.lines == wrap(line, width / box.size).lines
    assert hyphen_free_spare("Servizi per la salute", width, box.size, family) == 0


@pytest.mark.parametrize("layout", ["Cover", "Section divider", "Closing", CONTENT])
def test_titles_of_two_lines_break_evenly(layout: str) -> None:
    """A title whose last line would hold one word is set to the narrowest measure that
    keeps it in two lines: a point narrower than its longest line, it takes a third. Each
    line is then at least a third of the measure, and a renderer measuring a couple of
    points differently breaks it the same way."""
    box = title_boxes(THEME, PAGE)[layout]
    width = inner_size(box.box)[0]
    family = FACES.heading
    text = title_with_a_lone_last_word(width, box.size, family)
    line = Line(tuple(parse_inline(text)), family)
    spare = title_spare(text, width, box.size, family)
    measure = width - spare
    planned = wrap(line, measure / box.size)
    assert spare > width / 4 and planned.lines == 2 and not planned.hyphen_breaks
    longest = planned.narrowest * box.size
    assert wrap(line, (longest - 1) / box.size).lines == 3
    last = text.split()[-1]
    assert face(family).advance(last) * box.size < width / 3  # it was alone: a short word
    assert measure - longest < longest / 3  # neither line is left short
    for slack in (-2.0, 2.0):  # the same breaks, so the same widths between which they hold
        assert wrap(line, (measure + slack) / box.size) == planned
    assert title_spare("Servizi per la salute", width, box.size, family) == 0  # one line


def test_a_balanced_title_still_never_ends_a_line_after_a_hyphen() -> None:
    """The even measure would end a line with "socio-": the next wider even one is taken."""
    box = title_boxes(THEME, PAGE)[CONTENT]
    width, family = inner_size(box.box)[0], FACES.heading
    for skip in range(12):
        text = title_breaking_at_the_hyphen("socio-sanitari", width, box.size, family, skip)
        line = Line(tuple(parse_inline(text)), family)
        measure = width - title_spare(text, width, box.size, family)
        wrapped = wrap(line, measure / box.size)
        assert wrapped.hyphen_breaks == 0, text
        assert wrapped.lines == wrap(line, width / box.size).lines, text


@pytest.mark.parametrize(
    ("written", "set_as"),
    [
        ("Sei mesi fuori dal Comune – esempio", "Sei mesi fuori dal Comune\u00a0– esempio"),
        ("Comune — esempio — e oltre", "Comune\u00a0— esempio\u00a0— e oltre"),
        ("**Comune** – esempio", "**Comune**\u00a0– esempio"),
        ("2014–2015", "2014–2015"),  # a range: no space to bind
        ("2014 - 2015", "2014 - 2015"),  # a hyphen, not a dash
        ("– esempio", "– esempio"),  # nothing before it
    ],
)
def test_a_title_s_dash_is_bound_to_the_word_before_it(written: str, set_as: str) -> None:
    assert bind_dashes(written) == set_as


def test_a_title_never_starts_a_line_with_a_dash(project: Project) -> None:
    """A divider's and a content slide's titles whose first line, at the box's full width,
    would end just before the dash (so no measure of as many lines keeps the dash up): each
    slide's plan sets the title with the dash bound to the word before it, and measures it
    so, in as many lines as the box's width gives it."""
    boxes = title_boxes(THEME, PAGE)
    family = FACES.heading
    texts = {
        layout: title_with_a_dash_starting_a_line(
            inner_size(boxes[layout].box)[0], boxes[layout].size, family
        )
        for layout in (SECTION, CONTENT)
    }
    deck = project.write_deck(
        "deck: {title: T, date: 2014-12-31, theme: neutral}\nsections:\n"
        f'  - title: "{texts[SECTION]}"\n    slides:\n'
        f'      - {{kind: bullets, title: "{texts[CONTENT]}", items: [Uno, Due]}}\n'
    )
    plan = lay_out(prepare(deck))
    for planned in plan.slides[1:]:
        slide = planned.plan
        text, box = texts[slide.layout], boxes[slide.layout]
        width = inner_size(box.box)[0]
        assert slide.title == bind_dashes(text) != text
        free = Line(tuple(parse_inline(text)), family)
        head = text.partition(" – ")[0]
        assert wrap(Line(tuple(parse_inline(head)), family), width / box.size).lines == 1
        assert wrap(free, width / box.size).lines == 2  # a second line that starts with "–"
        bound = Line(tuple(parse_inline(slide.title)), family)
        measure = width - sum(slide.title_spare)
        lines = set_lines(text, box, box.size, family)
        assert lines == wrap(bound, width / box.size).lines == wrap(bound, measure / box.size).lines


def test_display_text_is_set_smaller_when_no_measure_keeps_the_word_whole() -> None:
    """A word that does not fit one line at the statement's size is not split at its
    hyphen while a smaller size holds it whole."""
    word = "socio-sanitari"
    at = SIZES.statement * 0.75
    need = face(FACES.heading).advance(word) * at + 2 * 4 + 1  # the word, the insets
    box = Box(0, 0, round(need * 12700), inches(3))
    plain = plan_text(statement(word, display=False), box, FACES, size=SIZES.statement)
    assert plain.paras[0].lines == 2  # "socio-" / "sanitari"
    plan = plan_text(statement(word), box, FACES, size=SIZES.statement, min_size=SIZES.body)
    assert at - STEP <= plan.size <= at and plan.paras[0].lines == 1
    # Wider than the box even at the smallest size: broken at its hyphen, as before.
    narrow = Box(0, 0, inches(1), inches(3))
    kwargs = {"size": SIZES.statement, "min_size": SIZES.body}
    assert plan_text(statement(word), narrow, FACES, **kwargs) == plan_text(
        statement(word, display=False), narrow, FACES, **kwargs
    )


def test_text_without_display_paragraphs_is_planned_as_before() -> None:
    text = breaking_at_the_hyphen("half-year", inner_size(PAGE.body)[0], SIZES.statement, FACES)
    plan = plan_text(statement(text, display=False), PAGE.body, FACES, size=SIZES.statement)
    assert plan.pad_x == 0 and plan.paras[0].lines == 2


@pytest.mark.parametrize("text", [LONG, "socio-sanitari e half-year " * 6, "a-b c-d e-f " * 9])
def test_wrap_agrees_with_count_lines_and_names_its_widths(text: str) -> None:
    line = Line((Run(text),), "Liberation Sans", 1.0, 0.5)
    for tenth in range(30, 400, 7):
        width = tenth / 10
        wrapped = wrap(line, width)
        assert wrapped.lines == count_lines(line, width)
        if wrapped.broken_word:
            continue
        assert wrapped.narrowest <= width < wrapped.widest
        for same in (wrapped.narrowest, (wrapped.narrowest + min(wrapped.widest, 99)) / 2):
            assert wrap(line, same).lines == wrapped.lines
        assert wrap(line, wrapped.narrowest - 0.01).lines >= wrapped.lines


# -- Short text balanced in the room its heading leaves -------------------------------------------


def short_list() -> list[Para]:
    """The default deck's «Lavoro di staff»: two items, the second with a note."""
    return bullet_paras(
        [
            Bullet(text="Lavoro silenzioso di costruzione delle scelte"),
            Bullet(
                text="Fare oggi progettando per i prossimi anni",
                note="(segnaletica croce verde, rampa barriere architettoniche Boschetto e "
                "progetti di sistema)",
            ),
        ]
    )


def balanced(paras: list[Para], box: Box, open_above: float | None):
    return plan_text(
        paras, box, FACES, size=SIZES.body, min_size=SIZES.min_body, floor=SIZES.min_body,
        grow_to=SIZES.max_body, balance=True, open_above=open_above,
    )  # fmt: skip


@pytest.mark.parametrize("open_above", [0.0, 7.4, 31.0, 80.0])
def test_a_short_list_alone_is_centred_in_the_room_under_its_heading(open_above: float) -> None:
    """As much air above the list's block (the empty page between the heading and the body
    box included) as below it: no band left empty at the bottom, none at the top."""
    plan = balanced(short_list(), PAGE.body, open_above)
    room = inner_size(PAGE.body)[1]
    assert plan.size == SIZES.max_body  # set larger first, up to the theme's maximum
    above = open_above + plan.top_pad
    below = room - plan.top_pad - plan.height
    assert below > 0.2 * room  # short: there is air to share
    assert abs(above - below) <= 1.0, (above, below)


def test_open_room_above_larger_than_the_spare_height_puts_the_text_at_the_top() -> None:
    plan = balanced(short_list(), PAGE.body, 10_000.0)
    assert plan.top_pad == 0


def test_a_list_beside_a_chart_keeps_the_share_of_the_chart_and_table_beside_it() -> None:
    box = PAGE.body.split_columns(2, PAGE.gap * 2, weights=[1.1, 1])[0]
    plan = balanced(short_list(), box, None)
    spare = inner_size(box)[1] - plan.height
    assert plan.top_pad == pytest.approx(spare * SPARE_ABOVE)


def test_columns_are_centred_together_in_the_room_under_the_heading() -> None:
    boxes = PAGE.body.split_columns(3, PAGE.gap * 2)
    texts = [bullet_paras([Bullet(text=t) for t in pair]) for pair in (["a", "b"], ["c"], ["d"])]
    plans = plan_text_set(
        texts, boxes, FACES, size=SIZES.body, min_size=SIZES.min_body, floor=SIZES.min_body,
        grow_to=SIZES.max_body, balance=True, open_above=40.0,
    )  # fmt: skip
    assert len({p.top_pad for p in plans}) == 1  # they start level
    tallest = max(p.height for p in plans)
    below = inner_size(boxes[0])[1] - plans[0].top_pad - tallest
    assert abs(40.0 + plans[0].top_pad - below) <= 1.0


# -- Tiles beside a chart -------------------------------------------------------------------------


def figures(labels: list[str], notes: dict[int, str] | None = None) -> list[TileText]:
    """Tiles of short figures (the default deck's «Ufficio progetti e risorse (2/2)»)."""
    notes = notes or {}
    return [
        TileText(
            Para((Run(f"{(n + 1) * 7}", bold=True),), heading=True, space_before=0),
            Para.of(label, space_before=0.15),
            None,
            (Para.of(notes[n], space_before=0.1),) if n in notes else (),
        )
        for n, label in enumerate(labels)
    ]


def house_style(body: Box, with_list: bool) -> Box:
    """The tiles' box of the first arrangement: a list under two fifths, chart wider."""
    if with_list:
        body = body.split_rows(2, PAGE.gap, weights=[1.5, 1.0])[0]
    return body.split_columns(2, PAGE.gap * 2, weights=[1.0, 1.25])[0]


def assert_laid_out_cleanly(arranged, tiles: list[TileText]) -> None:
    plan = arranged.tile_plan
    assert plan is not None and plan.overflow == 0
    start = 0
    for count in plan.rows:  # every figure of a row on one baseline
        row = plan.baselines[start : start + count]
        assert max(row) - min(row) < 0.01
        start += count
    box = arranged.tiles
    for placed, text in zip(plan.tiles, tiles, strict=True):
        tile_box = placed.box
        assert box.left <= tile_box.left and tile_box.right <= box.right
        assert box.top <= tile_box.top and tile_box.bottom <= box.bottom
        assert tile_box.right <= arranged.chart.left  # the chart beside them, clear of them
        usable = tile_box.width / 12700 - 2 * placed.text.pad_x - 2 * 4
        for para, laid in zip(text.paras[1:], placed.text.paras[1:], strict=True):
            widest = max(
                face(FACES.of(para), r.bold, r.italic).advance(word) * laid.size
                for r in para.runs
                for word in r.text.split()
            )
            assert widest <= usable, f"{para.runs[0].text!r} breaks a word"


def test_tiles_beside_a_chart_take_more_columns_when_their_figures_grow() -> None:
    """Three tiles and a list under them: two columns (2 + 1) set the figures small; one row
    of three in the same box sets them larger, and nothing overflows."""
    tiles = figures(["progetti presentati", "progetti finanziati", "in corso di valutazione"])
    items = bullet_paras([Bullet(text="Campeggio, ATS, Welfare Legami, Brezza, ExSportAbile")])
    capped = plan_tiles(tiles, house_style(PAGE.body, True), FACES, SIZES, max_columns=2)
    arranged = arrange_metrics(PAGE.body, PAGE.gap, tiles, items, True, FACES, SIZES)
    assert arranged.tile_columns > 2 and arranged.tile_plan.rows == (3,)
    assert arranged.tile_plan.sizes.figure >= 1.1 * capped.sizes.figure
    assert_laid_out_cleanly(arranged, tiles)
    list_plan = plan_text(
        items, arranged.list, FACES, size=SIZES.body, min_size=SIZES.min_body,
        floor=SIZES.min_body, grow_to=SIZES.max_body,
    )  # fmt: skip
    assert not list_plan.overflow


def test_five_tiles_beside_a_chart_are_set_three_and_two_when_that_sets_them_larger() -> None:
    labels = ["stampa", "brevi di servizio", "consigli comunali", "fotografie", "conferenze"]
    tiles = figures(labels)
    capped = plan_tiles(tiles, house_style(PAGE.body, False), FACES, SIZES, max_columns=2)
    arranged = arrange_metrics(PAGE.body, PAGE.gap, tiles, None, True, FACES, SIZES)
    assert arranged.tile_plan.rows == (3, 2)
    assert arranged.tile_plan.sizes.figure > capped.sizes.figure
    assert_laid_out_cleanly(arranged, tiles)


def test_tiles_already_at_their_largest_keep_two_columns() -> None:
    """Four tiles at the theme's metric size in two columns: more columns would set them no
    larger, so the house style stays (2 × 2, the chart wider than the tiles)."""
    tiles = figures(["Giunte", "PreGiunte", "incontri di staff", "Consigli comunali"])
    arranged = arrange_metrics(PAGE.body, PAGE.gap, tiles, None, True, FACES, SIZES)
    assert arranged.tile_plan.sizes.figure == figure_limit(4, SIZES)
    assert arranged.tile_columns == TILE_COLUMNS[0] and arranged.tile_plan.rows == (2, 2)
    assert arranged.tiles == house_style(PAGE.body, False)


def test_no_arrangement_is_chosen_that_breaks_a_word_of_a_tile() -> None:
    """Long unbreakable notes (a period label with no-break spaces) rule out tiles too narrow
    for them, however large the figures would be there."""
    note = "vs\u00a0April\u00a0–\u00a0September\u00a02025"
    tiles = figures(["homes", "recycled", "savings"], notes={0: note, 1: note, 2: note})
    arranged = arrange_metrics(PAGE.body, PAGE.gap, tiles, None, True, FACES, SIZES)
    assert_laid_out_cleanly(arranged, tiles)
    narrow = plan_tiles(tiles, Box(0, 0, inches(3), inches(3)), FACES, SIZES, max_columns=3)
    assert narrow.overflow > 0  # three in a row there would break the note: an overflow


def test_a_divider_title_takes_a_line_for_its_dash() -> None:
    """A divider has room below its title: the dash goes down with its word, and the title's
    lines (which place the text under it) count the line that costs."""
    box = title_boxes(THEME, PAGE)[SECTION]
    width, family = inner_size(box.box)[0], FACES.heading
    text = title_whose_bound_dash_costs_a_line(width, box.size, family)
    assert set_title(text, box, box.size, family) == bind_dashes(text)
    assert set_lines(text, box, box.size, family) == 3
    assert plan_title(text, box, box.size, family).lines == 3


def test_a_content_title_keeps_its_dash_free_rather_than_shrink() -> None:
    """A content title has two lines: if its dash's word going down would need a third, the
    dash may start the second line, and its layout keeps the theme's size (binding the dash
    would have made every content title of the deck smaller)."""
    box = title_boxes(THEME, PAGE)[CONTENT]
    width, family = inner_size(box.box)[0], FACES.heading
    text = title_whose_bound_dash_costs_a_line(width, box.size, family)
    assert set_title(text, box, box.size, family) == text
    assert set_lines(text, box, box.size, family) == 2
    sizes = plan_title_sizes([TitleEntry(CONTENT, text, ("t",))], {CONTENT: box}, family)
    assert sizes.sizes[CONTENT] == box.size and not sizes.findings
