"""An organisation's own PowerPoint template (.potx or .pptx) as the ground a theme builds on.

:mod:`.files` reads the file (a .potx is a .pptx whose main part has another content type),
:mod:`.reading` describes it (masters, layouts, placeholders, colours, fonts, size) without
keeping python-pptx objects, :mod:`.mapping` picks the layout each kind of slide is built on,
and :mod:`.defaults` turns the template's colours, fonts and sizes into theme defaults.
"""
