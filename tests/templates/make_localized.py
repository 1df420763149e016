"""Make ``comune-it.potx``: python-pptx's default template (made by PowerPoint) as an Italian
office would have it: layouts named as Italian PowerPoint names them, brand colours and
fonts in its theme, saved as a template (.potx).

Run from the repository: ``.venv/bin/python tests/templates/make_localized.py``. The result
is committed; this script says how it was made.
"""

from __future__ import annotations

import io
import zipfile
from importlib import resources
from pathlib import Path

NAMES = {
    "Title Slide": "Diapositiva titolo",
    "Title and Content": "Titolo e contenuto",
    "Section Header": "Intestazione sezione",
    "Two Content": "Due contenuti",
    "Comparison": "Confronto",
    "Title Only": "Solo titolo",
    "Blank": "Vuota",
    "Content with Caption": "Contenuto con didascalia",
    "Picture with Caption": "Immagine con didascalia",
    "Title and Vertical Text": "Titolo e testo verticale",
    "Vertical Title and Text": "Titolo verticale e testo",
}
THEME = {
    b'<a:srgbClr val="1F497D"/>': b'<a:srgbClr val="00546B"/>',  # dk2
    b'<a:srgbClr val="4F81BD"/>': b'<a:srgbClr val="00546B"/>',  # accent1: the brand teal
    b'<a:srgbClr val="C0504D"/>': b'<a:srgbClr val="E07A1F"/>',  # accent2
}
HEADINGS = (b'<a:latin typeface="Calibri"/>', b'<a:latin typeface="Arial"/>')
"""The major (headings) font comes first in the theme: Arial; the body stays Calibri."""
TEMPLATE = b"presentationml.template.main+xml"
PRESENTATION = b"presentationml.presentation.main+xml"


def main() -> None:
    source = Path(str(resources.files("pptx") / "templates" / "default.pptx")).read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as package, zipfile.ZipFile(out, "w") as made:
        for member in package.infolist():
            data = package.read(member)
            if member.filename.startswith("ppt/slideLayouts/slideLayout"):
                for english, italian in NAMES.items():
                    data = data.replace(
                        f'<p:cSld name="{english}">'.encode(), f'<p:cSld name="{italian}">'.encode()
                    )
            elif member.filename.startswith("ppt/theme/"):
                for old, new in THEME.items():
                    data = data.replace(old, new)
                data = data.replace(*HEADINGS, 1)
            elif member.filename == "[Content_Types].xml":
                data = data.replace(PRESENTATION, TEMPLATE)
            member.date_time = (2026, 12, 1, 0, 0, 0)
            made.writestr(member, data, zipfile.ZIP_DEFLATED)
    Path(__file__).with_name("comune-it.potx").write_bytes(out.getvalue())


if __name__ == "__main__":
    main()
