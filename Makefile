# CDMX Global — the two promises of the README:
#   make run   set up and serve the portal with the book's records on http://127.0.0.1:8000,
#              with its task worker beside the web server
#   make test  set up and run the test suite (SQLite by default; DATABASE_URL for PostgreSQL)

VENV := .venv
BIN := $(VENV)/bin
# Django 6 needs Python 3.12+; the machine's default python3 may be older.
PYTHON ?= $(shell for c in python3.13 python3.12 python3 $(wildcard /root/.pyenv/versions/3.13*/bin/python3) $(wildcard /root/.pyenv/versions/3.12*/bin/python3) $(wildcard /usr/local/bin/python3.1[23]) $(wildcard /usr/bin/python3.1[23]); do \
	"$$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { command -v "$$c"; break; }; done)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test migrate load clean bench loadtest

$(BIN)/.installed: pyproject.toml constraints.txt
	@test -n "$(PYTHON)" || { echo "Se necesita Python 3.12 o posterior (python3.12 / python3.13)."; exit 1; }
	@test -x $(BIN)/python || "$(PYTHON)" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $@

setup: $(BIN)/.installed
	@scripts/ensure-pdf-libs
	$(BIN)/python manage.py compilemessages --ignore=.venv -v0

migrate: setup
	$(BIN)/python manage.py migrate --no-input -v1

load: migrate
	$(BIN)/python manage.py load_book

run: load
	$(BIN)/python manage.py collectstatic --no-input -v0
	$(BIN)/python manage.py ensure_staff_account
	@echo "CDMX Global en http://$(HOST):$(PORT)/ (administración: http://$(HOST):$(PORT)/admin/), con su trabajador de tareas; Ctrl-C detiene ambos."
	HTTPS=0 BIN=$(BIN) BIND=$(HOST):$(PORT) $(BIN)/honcho start --procfile Procfile

# The suite on both cores (pytest-xdist), a whole test file per worker at a
# time so that module fixtures are made once; TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= 2

test: setup
	@scripts/ensure-chromium
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

# The benchmark suite at 1×, 10× and 100× the book, on its own PostgreSQL database (README, «Rendimiento»).
bench: setup
	$(BIN)/python bench/run.py

# The bounded loopback load test at 100× (README, «Despliegue»).
loadtest: setup
	@scripts/ensure-wrk
	$(BIN)/python bench/load.py --scale 100

clean:
	rm -rf $(VENV) staticfiles
