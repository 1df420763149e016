# Two commands do all set-up on a fresh machine:
#   make deck   → builds deck.yaml into output/
#   make test   → lint + the test suite
# Debian/Ubuntu packages for PDF/PNG rendering and the fonts: sudo make system-deps

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
APT_PACKAGES := libreoffice-impress poppler-utils fonts-crosextra-carlito fonts-liberation2

.PHONY: deck test lint system-deps clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

deck: $(VENV)/.installed
	$(BIN)/slidegen build deck.yaml

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

test: lint
	$(BIN)/pytest -q

system-deps:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PACKAGES)

clean:
	rm -rf output .pytest_cache
