"""``slidegen new-period``: a new period file from the latest one, never over an existing one."""

from __future__ import annotations

from pathlib import Path

from .assets import project_file
from .build import load_deck
from .errors import DeckError, OutputError, Problem
from .messages import say
from .periods import PERIOD_ID, load_period, period_files, scaffold
from .places import key_of
from .save import create_new


def new_period_file(deck_path: Path, period_id: str) -> Path:
    """Write ``<periods folder>/<period_id>.yaml`` with every value marked to do."""
    deck, loaded = load_deck(deck_path)
    if deck.data is None:
        raise DeckError(
            Problem(
                loaded.locate(()),
                say("new_period_without_data"),
            )
        )
    if not PERIOD_ID.match(period_id):
        raise DeckError(
            Problem(
                loaded.locate(("data",)),
                say("bad_period_id", id=period_id),
            )
        )
    project = deck_path.resolve().parent
    where = loaded.locate(("data", "periods"))
    # Inside the project, like every source a build reads (and no link leading out of it).
    folder = project_file(deck.data.periods, project, where, key_of(("data", "periods"), None))
    if folder.exists() and not folder.is_dir():
        raise OutputError(
            Problem(where, f"{deck.data.periods} is a file; the period files need a folder here")
        )
    target = folder / f"{period_id}.yaml"
    if target.exists():
        raise OutputError(
            Problem(
                loaded.locate(("data",)),
                say("period_file_exists", path=target.relative_to(project)),
            )
        )
    files = period_files(folder)
    latest = load_period(files[list(files)[-1]], project) if files else None
    text = scaffold(period_id, latest, deck.metrics, deck.deck.language)
    try:
        create_new(target, text.encode("utf-8"))
    except OSError as error:  # a read-only folder, a full disk
        reason = error.strerror or str(error)
        raise OutputError(Problem(where, f"cannot write {target.name}: {reason}")) from None
    return target
