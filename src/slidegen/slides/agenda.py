"""``agenda``: the deck's sections, listed from the deck itself; with ``repeat: true`` it comes
back before each later section, that section marked, so the audience knows where it is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from pydantic import PrivateAttr

from ..layout.context import LayoutContext
from ..layout.paras import Para
from ..layout.shapes import SlidePlan
from ..layout.slideplan import content_heading, content_slide
from ..layout.text import text_shape
from ..messages import say
from ..model import Flag, TitledSlide

Place = tuple[str | int, ...]


class Section(Protocol):
    """What an agenda reads of a deck's section (:class:`slidegen.deck.Section`), named
    here so that the kinds, which the deck model is made of, need not import it."""

    @property
    def title(self) -> str | None: ...
    @property
    def slides(self) -> Sequence[object]: ...


class AgendaSlide(TitledSlide):
    """The list of the deck's sections (those with a title), made from the deck."""

    kind: Literal["agenda"]
    repeat: Flag = False
    """Show it again before each later section, with that section marked."""

    # Filled by the build from the deck, never written by the user.
    _entries: tuple[str, ...] = PrivateAttr(default=())
    _current: int | None = PrivateAttr(default=None)

    def for_deck(self, entries: tuple[str, ...], current: int | None) -> AgendaSlide:
        filled = self.model_copy()
        filled._entries, filled._current = entries, current
        return filled


def expand_agendas(
    sections: Sequence[Section],
) -> tuple[dict[Place, AgendaSlide], dict[int, list[tuple]]]:
    """The deck's agendas filled with its section titles, by place; and the repeated ones to
    show before each later section (section index → ``(place, agenda)``), that section marked.
    """
    titled = [i for i, section in enumerate(sections) if section.title]
    entries = tuple(sections[i].title or "" for i in titled)
    filled: dict[Place, AgendaSlide] = {}
    before: dict[int, list[tuple]] = {}
    for i, section in enumerate(sections):
        for j, spec in enumerate(section.slides):
            if not isinstance(spec, AgendaSlide):
                continue
            place: Place = ("sections", i, "slides", j)
            current = titled.index(i) if i in titled else None
            filled[place] = spec.for_deck(entries, current)
            if spec.repeat:
                last_of_its_section = j == len(section.slides) - 1
                for later in (k for k in titled if k > i):
                    if later == i + 1 and last_of_its_section:
                        continue  # it is already the slide before that section
                    again = spec.model_copy(update={"notes": None})  # notes: the first one's
                    repeated = again.for_deck(entries, titled.index(later))
                    before.setdefault(later, []).append((place, repeated))
    return filled, before


def plan(spec: AgendaSlide, lc: LayoutContext) -> SlidePlan:
    heading = content_heading(lc, spec.title, spec.subtitle)
    colors, sizes = lc.theme.colors, lc.theme.sizes
    marked = spec._current
    paras = []
    for index, entry in enumerate(spec._entries):
        current = index == marked
        text = f"**{index + 1}   {entry}**" if current else f"{index + 1}   {entry}"
        colour = colors.text if marked is None or current else colors.muted
        paras.append(Para.of(text, color=colour, emphasis_color=colors.primary, space_before=0.6))
    if not paras:
        lc.warn(say("agenda_empty"))
    agenda = text_shape(
        lc, lc.page.body, paras, name="Agenda", size=sizes.body * 1.2, min_size=sizes.min_body
    )
    return content_slide(lc, heading, [agenda])
