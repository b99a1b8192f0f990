# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
# uv on PATH, or the copy `pip install uv` puts next to the Python that runs it.
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
# `make run` needs only the runtime group; Playwright, hadolint and the compose checker
# are dev tools that `make test`, `make lint` and CI install. --inexact (and `uv run`,
# which never removes) leaves dev tools a developer already has in place.
RUNTIME_PYTHON := $(UV) run --locked --no-dev python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format install install-runtime check-uv backup restore

check-uv:
	@$(UV) --version >/dev/null 2>&1 || python3 -m pip install --quiet uv

install: check-uv
	@$(UV) sync --locked

install-runtime: check-uv
	@$(UV) sync --locked --no-dev --inexact

run: install-runtime
	$(RUNTIME_PYTHON) manage.py migrate --noinput
	$(RUNTIME_PYTHON) manage.py seed_demo --if-empty
	$(RUNTIME_PYTHON) manage.py demo_login --site-url http://$(HOST):$(PORT)
	$(RUNTIME_PYTHON) manage.py runserver $(HOST):$(PORT)

test: install
	$(UV) run --locked pytest $(PYTEST_ARGS)

lint: install
	$(UV) run --locked ruff check .
	$(UV) run --locked ruff format --check .

format: install
	$(UV) run --locked ruff check --fix .
	$(UV) run --locked ruff format .

# PostgreSQL + media backups on a host (DATABASE_URL, DJANGO_MEDIA_ROOT, BACKUP_DIR;
# with NEWSROOM_MEDIA_STORAGE=s3 the bucket's AWS_* variables, read by scripts/bucket.py
# in the project's Python); the compose stack uses `docker compose run --rm backup`.
# See README, "Operations".
backup restore: export BACKUP_PYTHON ?= $(RUNTIME_PYTHON)

backup:
	scripts/backup.sh

restore:
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/<stamp>" >&2; exit 2; }
	scripts/restore.sh "$(BACKUP)"
