"""Slide titles are how screen readers navigate a deck: two slides with one title is a
finding, located at the second."""

from __future__ import annotations

from .deck import Deck
from .errors import Problem
from .loader import Loaded
from .markup import plain_text
from .messages import say
from .places import key_of


def duplicate_title_findings(deck: Deck, loaded: Loaded) -> list[Problem]:
    """Screen readers navigate by title: two slides with one title is a finding.

    Covers (the deck's title unless overridden) and section dividers count too.
    """
    seen: dict[str, tuple[str | int, ...]] = {}
    problems = []
    for place, title in _titles(deck):
        key = plain_text(title).casefold().strip()
        if not key:
            continue
        if key in seen:
            first = loaded.locate(seen[key])
            problems.append(
                Problem(
                    loaded.locate(place),
                    say("duplicate_title", title=plain_text(title), line=first.line),
                    *key_of(place, loaded.data),
                    severity="warning",
                )
            )
        else:
            seen[key] = place
    return problems


def _titles(deck: Deck) -> list[tuple[tuple[str | int, ...], str]]:
    """Every slide's title in deck order, with the place it comes from."""
    titles: list[tuple[tuple[str | int, ...], str]] = []
    for i, section in enumerate(deck.sections):
        if section.divider and section.title:
            titles.append((("sections", i, "title"), section.title))
        for j, spec in enumerate(section.slides):
            place = ("sections", i, "slides", j, "title")
            title = getattr(spec, "title", None)
            if spec.kind == "title" and not title:  # type: ignore[attr-defined]
                title, place = deck.deck.title, ("deck", "title")
            if title:
                titles.append((place, title))
    return titles
