# Rijksportfolio — the two commands: `make demo` and `make test`.
# Needs Python >= 3.12 (Django 6). PYTHON may be set; otherwise the newest python3.1x found is used,
# including pyenv-installed versions.

SHELL := /bin/bash
VENV ?= .venv
BIN := $(VENV)/bin
ARGS ?=
PYTHON ?= $(shell scripts/find-python)

.PHONY: help venv demo test lint typecheck check-fast ci lock messages clean

help:
	@echo "make demo            set up the embedded demo and serve it (make demo ARGS=--check: verify and exit)"
	@echo "make test            run the whole test suite (PostgreSQL when available; REQUIRE_POSTGRES=1 to insist)"
	@echo "make lint            ruff, import-linter, djhtml check"
	@echo "make typecheck       mypy"
	@echo "make lock            re-lock requirements/*.txt from pyproject.toml"

$(BIN)/activate: pyproject.toml requirements/dev.txt
	@test -n "$(PYTHON)" || { echo "Python >= 3.12 not found; set PYTHON=/path/to/python3.12" >&2; exit 1; }
	@echo "Creating $(VENV) with $(PYTHON)"
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.8
	@$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements/dev.txt
	@$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@scripts/system-packages
	@touch $(BIN)/activate

venv: $(BIN)/activate

messages: venv
	@$(BIN)/pybabel compile --statistics -D django -d src/rijksportfolio/locale

demo: venv messages
	@$(BIN)/rijksportfolio demo $(ARGS)

test: venv messages
	@scripts/run-tests

lint: venv
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/lint-imports --config pyproject.toml
	$(BIN)/djhtml --check $$(find src -name '*.html' -not -path '*/vendor/*')

typecheck: venv
	$(BIN)/mypy src/rijksportfolio

lock:
	$(BIN)/uv pip compile pyproject.toml --python-version 3.12 --generate-hashes -o requirements/base.txt --quiet
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.12 --generate-hashes -o requirements/dev.txt --quiet

clean:
	rm -rf $(VENV) var/
