"""Every stage speaks Italian too: a sample of each stage's messages with ``--lang it``.

The error corpus (``tests/errors``) holds the syntax, value, theme, image, CSV and period
cases in both languages; here are the stages the corpus cannot reach (layout findings, export,
the archive, the command line's own lines, click's usage errors) and the checks that every
message id the source uses exists, once.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import REPO, Project, assert_clean_exit, error_lines, run_cli
from slidegen import export, messages
from slidegen.archive.verify import VerifyError, verify_archive
from slidegen.i18n import use_language
from slidegen.messages_inputs import INPUT_MESSAGES
from slidegen.messages_outputs import OUTPUT_MESSAGES

SOURCE = REPO / "src" / "slidegen"
DECK = """\
deck:
  title: Doppioni
sections:
  - divider: false
    slides:
      - kind: bullets
        title: Doppio
        items: [a]
      - kind: bullets
        title: Doppio
        items: [b]
"""


def test_a_layout_finding_in_italian(project: Project) -> None:
    project.write_deck(DECK)
    result = run_cli("--lang", "it", "check", cwd=project.root)
    assert_clean_exit(result, 0)
    assert result.stderr.splitlines() == [
        "deck.yaml:10:16: avviso: sezione 1, slide 2, title: il titolo 'Doppio' è "
        "usato anche alla riga 7; ogni slide dovrebbe avere un titolo suo"
    ]


def test_an_overflow_finding_in_italian(project: Project) -> None:
    items = "".join(
        f"          - Voce numero {n} con un testo abbastanza lungo\n" for n in range(40)
    )
    deck = DECK.split("      - kind: bullets\n        title: Doppio\n        items: [b]")[0]
    project.write_deck(deck.replace("items: [a]\n", "continue: false\n        items:\n") + items)
    result = run_cli("--lang", "it", "check", cwd=project.root)
    assert_clean_exit(result, 0)
    (warning,) = result.stderr.splitlines()
    assert re.search(r"avviso: .*il testo in 'List' esce dal suo riquadro di \d+ pt", warning)
    assert warning.endswith("; accorcialo o dividi la slide")


def test_a_contrast_finding_in_italian(project: Project) -> None:
    neutral = (REPO / "src" / "slidegen" / "themes" / "neutral" / "theme.yaml").read_text()
    (project.root / "themes" / "pale").mkdir(parents=True)
    pale = neutral.replace('primary: "1F4E79"', 'primary: "EEEEEE"').replace("logo:", "# logo:")
    (project.root / "themes" / "pale" / "theme.yaml").write_text(pale, encoding="utf-8")
    project.write_deck(DECK.replace("title: Doppioni\n", "title: Doppioni\n  theme: pale\n"))
    result = run_cli("--lang", "it", "check", cwd=project.root)
    assert_clean_exit(result, 0)
    assert "avviso: colors.primary: il contrasto di primary #EEEEEE su background" in result.stderr


def test_export_without_libreoffice_in_italian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(export.SOFFICE_ENV, "/nowhere/soffice")
    use_language("it")
    with pytest.raises(export.ExportError) as caught:
        export.find_soffice()
    (problem,) = caught.value.problems
    assert problem.message.startswith(
        f"{export.SOFFICE_ENV}=/nowhere/soffice non è un programma. Per esportare in PDF e PNG "
        "serve LibreOffice. Installalo:"
    )


def test_verify_in_italian(tmp_path: Path) -> None:
    use_language("it")
    with pytest.raises(VerifyError) as caught:
        verify_archive(tmp_path)
    assert [p.message for p in caught.value.problems] == ["non contiene versioni archiviate"]


def test_the_command_lines_own_words_in_italian(project: Project) -> None:
    project.write_deck(
        DECK.replace("title: Doppio\n        items: [b]", "title: Altro\n        items: [b]")
    )
    result = run_cli("--lang", "it", "build", "-o", "out.pptx", cwd=project.root)
    assert_clean_exit(result, 0)
    assert result.stdout.startswith("scritto ")


@pytest.mark.parametrize(
    ("args", "last"),
    [
        (("build", "--nope"), "Errore: L'opzione '--nope' non esiste."),
        (("frobnicate",), "Errore: Il comando 'frobnicate' non esiste."),
        (("build", "a.yaml", "b.yaml"), "Errore: C'è un argomento in più, non previsto (b.yaml)"),
        (("check", "--theme"), "Errore: L'opzione '--theme' vuole 1 valore dopo di sé."),
        (("check", "--format", "xml"),
         "Errore: Valore non valido per '--format': 'xml' non è tra 'text', 'json'."),
        (("buil",), "Errore: Il comando 'buil' non esiste. Forse intendevi 'build'?"),
    ],
    ids=["no-such-option", "no-such-command", "extra-argument", "needs-value", "choice",
         "did-you-mean"],
)  # fmt: skip
def test_usage_errors_in_italian(project: Project, args: tuple[str, ...], last: str) -> None:
    result = run_cli("--lang", "it", *args, cwd=project.root)
    assert_clean_exit(result, 2)
    lines = result.stderr.splitlines()
    assert lines[-1] == last
    if len(lines) > 1:
        assert lines[0].startswith("Uso: ")
        assert lines[1].startswith("Per l'aiuto: '")


def test_usage_errors_stay_english_in_english(project: Project) -> None:
    result = run_cli("build", "--nope", cwd=project.root)
    assert result.stderr.splitlines()[-1] == "Error: No such option '--nope'."
    assert result.stderr.splitlines()[1].endswith(" build --help' for help.")


def test_a_deck_rule_in_italian(project: Project) -> None:
    project.write_deck(
        "deck:\n  title: T\nsections:\n  - divider: false\n    slides:\n"
        "      - kind: chart\n        title: C\n"
        "        chart: {type: bar, categories: [a], series: [{name: s, values: [1, 2]}]}\n"
    )
    result = run_cli("--lang", "it", "check", cwd=project.root)
    assert_clean_exit(result, 1)
    (line,) = error_lines(result)
    assert line.endswith(
        "chart: la serie 's' ha 2 valori per 1 categorie: dai un valore per categoria"
    )


# -- the message ids ---------------------------------------------------------------------------

SAY_CALL = re.compile(r"""\bsay\(\s*["']([a-z_]+)["']""")


def test_every_message_id_the_source_uses_exists() -> None:
    used = {
        match.group(1)
        for path in SOURCE.rglob("*.py")
        for match in SAY_CALL.finditer(path.read_text(encoding="utf-8"))
    }
    assert len(used) > 150
    assert sorted(used - set(messages.MESSAGES)) == []


def test_message_ids_are_defined_once() -> None:
    text = (SOURCE / "messages.py").read_text(encoding="utf-8")
    own = set(re.findall(r'^    "([a-z_]+)": N', text, re.MULTILINE))
    assert not own & set(INPUT_MESSAGES)
    assert not own & set(OUTPUT_MESSAGES)
    assert not set(INPUT_MESSAGES) & set(OUTPUT_MESSAGES)
