"""click's help screens for slidegen in 'it', each as click printed it, by
command (``""`` for slidegen itself): what slidegen.quick_help prints before click is
imported. Written by ``make prerendered`` (python -m slidegen.prerender); do not edit."""

CLICK_VERSION = '8.5.1'
"""The click that rendered them (the version of its distribution)."""
PROGRAM = 'slidegen'
"""The program name they show (click's ``info_name``)."""
WIDTH = 78
"""The width click wrapped them to (a terminal of 80 columns or more)."""
SCREENS = {
    '': """\
Uso: slidegen [OPTIONS] COMMAND [ARGS]...

  Trasforma un file deck.yaml in una presentazione PowerPoint modificabile,
  con la grafica dell'ente.

  Codici di uscita: 0 tutto bene, 1 c'è un errore nella presentazione, nel
  tema o in un file che usa (immagine, logo), 2 comando scritto in modo
  sbagliato.

Opzioni:
  --version       Mostra la versione ed esce.
  --lang [en|it]  La lingua dei messaggi e dell'aiuto di slidegen
                  (predefinita: quella del sistema, da LC_ALL, LC_MESSAGES o
                  LANG; altrimenti l'inglese). Va scritta prima del comando.
  -h, --help      Mostra questo aiuto ed esce.

Comandi:
  build       Genera un .pptx da DECK (predefinito: deck.yaml).
  check       Controlla DECK, lo impagina in memoria e riporta le...
  init        Crea in FOLDER (predefinita: qui) un nuovo progetto, pronto...
  new-period  Prepara i dati di PERIOD partendo dall'ultimo periodo; non...
  preview     Mostra un'anteprima dal vivo di DECK su 127.0.0.1: ogni...
  schema      Stampa lo schema JSON del formato delle presentazioni.
  template    Esamina un modello di PowerPoint, o scrivi un tema come...
  themes      Elenca i temi disponibili: prima quelli del progetto...
  verify      Verifica una versione archiviata (la sua cartella), o tutte...
  watch       Rigenera DECK (e la sua anteprima PNG) a ogni salvataggio;...
""",
    'build': """\
Uso: slidegen build [OPTIONS] [DECK]

  Genera un .pptx da DECK (predefinito: deck.yaml).

Opzioni:
  -o, --output FILE        Dove scrivere il .pptx (predefinito: output/<titolo
                           della presentazione>.pptx).
  --theme NAME             Usa questo tema al posto di quello della
                           presentazione.
  --strict                 Tratta le segnalazioni sull'impaginazione come
                           errori.
  --pdf                    Esporta anche un PDF (PDF/A-2b) con LibreOffice.
  --png                    Esporta anche un PNG per slide e un foglio con
                           tutte le miniature.
  --handout                Esporta anche <nome>-handout.pdf: ogni slide con le
                           sue note per chi presenta.
  --archive                Scrive una nuova versione
                           archive/<period>/<slug>-v<N>/ (un bag BagIt:
                           sorgenti, .pptx, PDF/A, ambiente); non scrive nulla
                           se i risultati sono uguali a quelli dell'ultima
                           versione.
  --archive-dir DIRECTORY  La cartella dell'archivio (predefinita: archive/
                           accanto alla presentazione).
  --period ID              Il periodo di rendicontazione da generare
                           (predefinito: l'ultimo).
  --allow-missing          Genera anche se mancano dei valori (che appaiono
                           come mancanti).
  --all-periods            Genera tutti i periodi, in processi paralleli.
  --language TAG           Genera in un'altra lingua e formato dei numeri (per
                           esempio en-GB) senza modificare la presentazione.
  -h, --help               Mostra questo aiuto ed esce.
""",
    'check': """\
Uso: slidegen check [OPTIONS] [DECK]

  Controlla DECK, lo impagina in memoria e riporta le segnalazioni; non scrive
  nulla.

Opzioni:
  --theme NAME          Usa questo tema al posto di quello della
                        presentazione.
  --strict              Esce con 1 se ci sono segnalazioni.
  --period ID           Il periodo di rendicontazione da generare
                        (predefinito: l'ultimo).
  --allow-missing       Genera anche se mancano dei valori (che appaiono come
                        mancanti).
  --format [text|json]  json: un documento JSON sullo standard output, per
                        editor e CI.
  -h, --help            Mostra questo aiuto ed esce.
""",
    'init': """\
Uso: slidegen init [OPTIONS] [FOLDER]

  Crea in FOLDER (predefinita: qui) un nuovo progetto, pronto da generare; non
  sovrascrive mai nulla.

Opzioni:
  --language [it-IT|en-GB]  Lingua della presentazione di partenza (testi e
                            formato dei numeri; predefinita: it-IT).
  --theme NAME              Il tema incluso in slidegen che la presentazione
                            usa ('slidegen themes' li elenca; predefinito:
                            neutral).
  --copy-theme              Copia il tema in themes/<NAME>/ per
                            personalizzarlo (da lì in poi si usa la copia).
  --period ID               Il primo periodo (predefinito: il semestre in
                            corso).
  -h, --help                Mostra questo aiuto ed esce.
""",
    'new-period': """\
Uso: slidegen new-period [OPTIONS] PERIOD [DECK]

  Prepara i dati di PERIOD partendo dall'ultimo periodo; non sovrascrive mai
  un file.

Opzioni:
  -h, --help  Mostra questo aiuto ed esce.
""",
    'preview': """\
Uso: slidegen preview [OPTIONS] [DECK]

  Mostra un'anteprima dal vivo di DECK su 127.0.0.1: ogni slide come immagine,
  errori e segnalazioni; segue ogni salvataggio e ridisegna solo le slide
  cambiate. Ctrl-C per fermare.

Opzioni:
  --theme NAME          Usa questo tema al posto di quello della
                        presentazione.
  --port INTEGER RANGE  Porta su 127.0.0.1 da usare; 0 (il valore predefinito)
                        ne sceglie una libera.  [0<=x<=65535]
  -h, --help            Mostra questo aiuto ed esce.
""",
    'schema': """\
Uso: slidegen schema [OPTIONS]

  Stampa lo schema JSON del formato delle presentazioni.

Opzioni:
  -h, --help  Mostra questo aiuto ed esce.
""",
    'template': """\
Uso: slidegen template [OPTIONS] COMMAND [ARGS]...

  Esamina un modello di PowerPoint, o scrivi un tema come modello.

Opzioni:
  -h, --help  Mostra questo aiuto ed esce.

Comandi:
  export   Scrivi lo schema del tema (layout, elementi del marchio,...
  inspect  Elenca schemi, layout e segnaposto di FILE (tipo, indice,...
""",
    'template export': """\
Uso: slidegen template export [OPTIONS] OUT

  Scrivi lo schema del tema (layout, elementi del marchio, colori, caratteri;
  nessuna slide) come modello di PowerPoint OUT.potx; non sovrascrive mai.

Opzioni:
  --theme NAME         Il tema da esportare ('slidegen themes' li elenca;
                       predefinito: neutral).
  --project DIRECTORY  Cartella del progetto la cui themes/ è cercata per
                       prima (predefinita: la cartella corrente).
  -h, --help           Mostra questo aiuto ed esce.
""",
    'template inspect': """\
Uso: slidegen template inspect [OPTIONS] FILE

  Elenca schemi, layout e segnaposto di FILE (tipo, indice, nome, riquadro in
  cm), il layout che userebbe ogni tipo di slide, e disegna ogni layout in un
  PNG.

Opzioni:
  --png-dir DIRECTORY  Cartella per le immagini dei layout (predefinita: <nome
                       del FILE>-layouts; mai riusata).
  --no-png             Solo l'elenco; nessuna immagine (senza LibreOffice).
  -h, --help           Mostra questo aiuto ed esce.
""",
    'themes': """\
Uso: slidegen themes [OPTIONS]

  Elenca i temi disponibili: prima quelli del progetto (themes/, che hanno la
  precedenza), poi quelli inclusi in slidegen. Una riga per tema: nome,
  provenienza, descrizione.

Opzioni:
  --project DIRECTORY  Cartella del progetto di cui elencare anche i temi in
                       themes/ (predefinita: la cartella corrente).
  -h, --help           Mostra questo aiuto ed esce.
""",
    'verify': """\
Uso: slidegen verify [OPTIONS] FOLDER

  Verifica una versione archiviata (la sua cartella), o tutte le versioni
  sotto FOLDER, basandosi solo sui bag: checksum, catena delle versioni e una
  rigenerazione confrontata byte per byte.

Opzioni:
  --fixity    Controlla solo i checksum e la catena delle versioni, senza
              rigenerare.
  -h, --help  Mostra questo aiuto ed esce.
""",
    'watch': """\
Uso: slidegen watch [OPTIONS] [DECK]

  Rigenera DECK (e la sua anteprima PNG) a ogni salvataggio; Ctrl-C per
  fermare.

Opzioni:
  -o, --output FILE  Dove scrivere il .pptx (predefinito: output/<titolo della
                     presentazione>.pptx).
  --theme NAME       Usa questo tema al posto di quello della presentazione.
  --no-preview       Non genera le anteprime PNG.
  -h, --help         Mostra questo aiuto ed esce.
""",
}
