# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
MODEL := models/hmicfrs
MODEL_INPUTS := configs/hmicfrs.cfg $(shell find pipeline -name '*.py' -o -name '*.json' -o -name '*.jsonl' -o -name '*.txt')

.PHONY: run test models bench gold clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,dask]"
	touch $(STAMP)

$(MODEL)/config.cfg: $(STAMP) $(MODEL_INPUTS)
	rm -rf $(MODEL)
	$(PY) -m spacy assemble configs/hmicfrs.cfg $(MODEL) > /dev/null
	@echo "built $(MODEL)"

models: $(MODEL)/config.cfg

run: models
	$(VENV)/bin/hmicfrs-extract run --corpus corpus --out out

test: models
	$(PY) -m pytest

bench: models
	$(PY) scripts/benchmark.py

gold: $(STAMP)
	$(PY) -m pipeline.gold

clean:
	rm -rf $(MODEL) out .pytest_cache

# The gold as spaCy reference Docs, out/spacy/<split>.spacy (not committed), for
# `.venv/bin/python -m spacy evaluate models/hmicfrs out/spacy/dev2.spacy --output scores.json --per-component`
# (entities under entity_resolver, findings under finding_linker; see pipeline/gold_docs.py).
.PHONY: gold-docs
gold-docs: models
	$(PY) -m pipeline.gold_docs --out out/spacy
