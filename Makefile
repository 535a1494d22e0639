# vanban — the two commands a newcomer runs: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= vanban.duckdb

.PHONY: demo test lint bench clean

$(BIN)/vanban: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

demo: $(BIN)/vanban
	rm -f $(DB) $(DB).wal
	$(BIN)/vanban ingest corpus/seeds corpus/own --db $(DB)
	$(BIN)/vanban query --db $(DB) "SELECT unit, role, task_label, left(task, 60) AS task, deadline, document FROM who_owns_what ORDER BY document, task_label LIMIT 40"

lint: $(BIN)/vanban
	$(BIN)/ruff check .

test: $(BIN)/vanban lint
	$(BIN)/python -m pytest -q

bench: $(BIN)/vanban
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache
