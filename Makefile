# Two commands set up a fresh Debian machine: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium

.PHONY: demo test lint format setup chromium tesseract bench clean

setup: $(VENV)/.installed chromium tesseract

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

# Debian's Tesseract and its English model, for scanned PDF pages, when we are root.
tesseract:
	@if command -v tesseract >/dev/null && [ -d /usr/share/tesseract-ocr ] \
		&& find /usr/share/tesseract-ocr -name eng.traineddata | grep -q .; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			tesseract-ocr tesseract-ocr-eng; \
	else \
		echo "Tesseract is missing: scanned PDF pages will be reported unread." \
			"Install it with: sudo apt-get install tesseract-ocr tesseract-ocr-eng"; \
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
	$(PY) bench/ocr.py

clean:
	rm -rf $(VENV) leaksweep-demo .mypy_cache .ruff_cache .pytest_cache
