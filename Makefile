# Two commands do all set-up on a fresh machine:
#   make deck   → builds deck.yaml into output/
#   make test   → lint + the test suite
# Both install the locked versions (requirements.lock) into .venv on first use.
# Debian/Ubuntu packages for PDF/PNG rendering, the fonts and the browser the preview test
# drives: sudo make system-deps
# Refresh the lock to the newest versions pyproject.toml's ranges allow: make lock

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
LOCK := requirements.lock
# chromium: the browser the preview's test drives (Playwright, never a downloaded browser).
APT_PACKAGES := libreoffice-impress poppler-utils fonts-crosextra-carlito fonts-liberation2 chromium

.PHONY: deck test lint version lock schema prerendered messages system-deps clean

# Exactly the locked versions, checked against their hashes; then slidegen itself, editable,
# built with the locked setuptools (no build isolation, so nothing unlocked is fetched).
$(VENV)/.installed: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The version names the commit: rewrite it when HEAD has moved since the install.
version: $(VENV)/.installed
	@$(BIN)/python -m setuptools_scm --force-write-version-files >/dev/null

deck: version
	$(BIN)/slidegen build deck.yaml

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

test: lint version
	$(BIN)/pytest -q

# After a change to the deck model: regenerate the JSON Schema (shipped and the repository's).
# SLIDEGEN_SCHEMA_DOCS=1: the fields' docstrings become their descriptions (builds skip them).
schema: $(VENV)/.installed
	SLIDEGEN_SCHEMA_DOCS=1 $(BIN)/python -m slidegen.schema_generator src/slidegen/deck.schema.json deck.schema.json

# After a change to the command line, its help texts or their translations, or a built-in
# theme's manifest: regenerate what the quick commands print before click (or PyYAML) is
# imported, from click and PyYAML themselves: every help screen in every language
# (src/slidegen/prerendered_help_<language>.py), the built-in themes' descriptions with the manifests
# they were read from and the words `themes` uses in each language (src/slidegen/prerendered_themes.py).
# A test fails until this is run.
prerendered: $(VENV)/.installed
	$(BIN)/python -m slidegen.prerender

# After adding or changing a message: re-extract the English text (src/slidegen/locale/
# slidegen.pot), merge it into each language's .po (translate what is new or marked fuzzy
# there), then compile the .mo files slidegen reads (then make prerendered: the help screens).
# A new language: pybabel init (README).
LOCALE := src/slidegen/locale
MESSAGE_KEYWORDS := -k NN_:1,2
messages: $(VENV)/.installed
	$(BIN)/pybabel extract $(MESSAGE_KEYWORDS) --add-comments=TRANSLATORS: \
	  --sort-output --add-location=file --project=slidegen --version=1 \
	  --copyright-holder="slidegen developers" \
	  -o $(LOCALE)/slidegen.pot src/slidegen
	$(BIN)/pybabel update --domain=slidegen --input-file=$(LOCALE)/slidegen.pot \
	  --output-dir=$(LOCALE) --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile --domain=slidegen --directory=$(LOCALE) --statistics

lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade uv
	.venv-lock/bin/uv pip compile pyproject.toml --extra test --universal \
	  --python-version 3.11 --generate-hashes --upgrade --quiet --output-file $(LOCK)
	rm -rf .venv-lock

system-deps:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PACKAGES)

clean:
	rm -rf output .pytest_cache build dist
