# `make brief` and `make test` set up a local virtual environment on a fresh machine, then do their job.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.PHONY: brief test setup clean train-classifier eval

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

brief: $(STAMP)
	$(BIN)/vnsum brief samples/seed_article.txt

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Rebuild models/labeller/ from ../shared/data (about a minute on 2 cores).
train-classifier: $(STAMP)
	$(BIN)/python scripts/train_classifier.py

eval: $(STAMP)
	$(BIN)/vnsum eval ../shared/data/gold

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
