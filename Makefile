# Two commands set up a fresh Debian machine: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium

.PHONY: demo test lint format setup chromium bench clean

setup: $(VENV)/.installed chromium

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# Debian's Chromium when we are root; otherwise Playwright's own build for this user.
chromium:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		$(BIN)/playwright install chromium; \
	fi

demo: setup
	$(BIN)/leaksweep demo

test: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest -q

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: setup
	$(PY) bench/startup.py
	$(PY) bench/inspection.py
	$(PY) bench/prose.py
	$(PY) bench/detect.py
	$(PY) bench/evaluate.py
	$(PY) bench/holdout.py
	$(PY) bench/layouts.py
	$(PY) bench/crawl.py
	$(PY) bench/bombs.py

clean:
	rm -rf $(VENV) leaksweep-demo .mypy_cache .ruff_cache .pytest_cache
