# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
MODEL := models/hmicfrs
MODEL_INPUTS := configs/hmicfrs.cfg $(shell find pipeline -name '*.py' -o -name '*.json' -o -name '*.jsonl' -o -name '*.txt')
# The version is written once, in pipeline/__init__.py (pyproject reads it from there too).
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"$$/\1/p' pipeline/__init__.py)
# The built pipeline as the package spaCy loads by name (its meta names it hmicfrs, so en_hmicfrs).
PIPELINE_PACKAGE := en_hmicfrs
PIPELINE_WHEEL := build/pipeline/$(PIPELINE_PACKAGE)-$(VERSION)-py3-none-any.whl
PIPELINE_STAMP := $(VENV)/.pipeline-stamp
DIST := dist

.PHONY: run test models dist bench gold clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# pipeline/__init__.py holds the version, which the installed metadata records.
$(STAMP): pyproject.toml pipeline/__init__.py | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,dask,serve]"
	touch $(STAMP)

$(MODEL)/config.cfg: $(STAMP) $(MODEL_INPUTS)
	rm -rf $(MODEL)
	$(PY) -m spacy assemble configs/hmicfrs.cfg $(MODEL) > /dev/null
	@echo "built $(MODEL)"

# The pipeline installed into the venv as en_hmicfrs, rebuilt whenever models/hmicfrs is, so that
# spacy.load("en_hmicfrs") and the command line's default run what was just built.
$(PIPELINE_STAMP): $(MODEL)/config.cfg
	$(PY) scripts/build_dist.py --only pipeline --model $(MODEL) --out build/pipeline > /dev/null
	$(PY) -m pip install --quiet --no-deps --force-reinstall $(PIPELINE_WHEEL)
	touch $(PIPELINE_STAMP)
	@echo "installed $(PIPELINE_PACKAGE) $(VERSION) into $(VENV)"

models: $(PIPELINE_STAMP)

# What a user installs: `pip install dist/*.whl` (the project and its pipeline package, same version).
dist: models
	rm -f $(DIST)/*.whl
	$(PY) scripts/build_dist.py --model $(MODEL) --out $(DIST)

run: models
	$(VENV)/bin/hmicfrs-extract run --corpus corpus --out out

test: models
	$(PY) -m pytest

bench: models
	$(PY) scripts/benchmark.py

gold: $(STAMP)
	$(VENV)/bin/hmicfrs-extract gold

clean:
	rm -rf $(MODEL) out .pytest_cache build/pipeline $(DIST)

# The gold as spaCy reference Docs, out/spacy/<split>.spacy (not committed), for
# `.venv/bin/python -m spacy evaluate models/hmicfrs out/spacy/dev2.spacy --output scores.json --per-component`
# (entities under entity_resolver, findings under finding_linker; see pipeline/gold_docs.py).
.PHONY: gold-docs
gold-docs: models
	$(PY) -m pipeline.gold_docs --out out/spacy
