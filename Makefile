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
	$(BIN)/vanban ingest corpus/seeds corpus/own corpus/heldout corpus/linked --db $(DB)
	@echo "Who leads the most tasks, and how many fall due by the end of 2024:"
	$(BIN)/vanban query --db $(DB) "SELECT coalesce(canonical, unit) AS unit, count(*) AS tasks, count(*) FILTER (WHERE deadline_end <= '2024-12-31') AS due_by_2024 FROM who_owns_what WHERE role = 'lead' GROUP BY ALL ORDER BY tasks DESC, unit LIMIT 15"
	@echo "Who owns what in one plan (75/KH-UBND, Tri Phương):"
	$(BIN)/vanban query --db $(DB) "SELECT task_label AS stt, role, unit, left(task, 50) AS task, deadline FROM who_owns_what WHERE document LIKE '%75/KH-UBND' ORDER BY task_ordinal, role, unit_ordinal LIMIT 20"

lint: $(BIN)/vanban
	$(BIN)/ruff check .

test: $(BIN)/vanban lint
	$(BIN)/python -m pytest -q

bench: $(BIN)/vanban
	$(BIN)/python -m pip install --quiet -e '.[distributed,bench]'
	$(BIN)/python benchmarks/run.py --profile

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache
