"""Python's cyclic garbage collector over one command line: off while the command starts, on
while it works, out of the way when the process ends.

Start-up imports make ~95,000 objects that live until exit and are never garbage: classes,
pydantic's validators, python-pptx's element classes. Each full collection walks them all
again: on the default deck that was ~30 ms of a warm build, and the interpreter's collections
at exit ~50 ms more. The work itself does make garbage (python-pptx's proxies and parts form
cycles: without the collector, a 2,000-slide build peaked at 300 MB instead of 143 MB), so the
collector runs while a command works.

Only the command line calls these (:mod:`slidegen.launch`, and the commands of
:mod:`slidegen.cli` once their imports are done): a program using the library keeps its own
collector settings.
"""

from __future__ import annotations

import gc

_command_line = False
"""Whether :func:`starting` was called: ``slidegen.cli.main`` run by another program (or by
click's test runner) leaves that program's collector alone."""


def starting() -> None:
    """The command line begins: no collection while its modules are imported."""
    global _command_line
    _command_line = True
    gc.disable()


def working() -> None:
    """The command's modules are imported: what they made is moved where collections never
    look (``gc.freeze``), and the collector runs again for the work's own garbage. A command
    that works on decks calls this once its imports are done; until then (and for the short
    commands that never call it) nothing is collected."""
    if _command_line:
        gc.freeze()
        gc.enable()


def ending() -> None:
    """The command is done: every object left is frozen, so the collections the interpreter
    makes on its way out have nothing to walk. Objects are still freed; files were closed by
    the code that wrote them."""
    gc.freeze()
