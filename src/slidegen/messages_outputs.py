"""The words of the messages about what a build makes: layout findings, PDF and PNG export,
the archive and its verification.

Part of :data:`slidegen.messages.MESSAGES` (see there): an id and an English template, marked
for the catalogue, translated where the message is made.
"""

from __future__ import annotations

OUTPUT_MESSAGES: dict[str, str | tuple[str, str]] = {}
