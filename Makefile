# Lokalkontakt – run `make help` for the targets.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE := lokalkontakt.config.settings

.PHONY: help run test lint install migrate demo worker bench lock vendor schema messages clean

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS=":.*## "} {printf "  %-10s %s\n", $$1, $$2}'

# The versions are pinned in requirements/*.lock (pip-compile from pyproject.toml: `make lock`).
$(STAMP): pyproject.toml requirements/dev.lock
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON))"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements/dev.lock
	$(PY) -m pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with its test tools

migrate: install ## Migrate the database (SQLite under var/ unless DATABASE_URL is set)
	@mkdir -p var/static
	$(PY) manage.py migrate --noinput -v 0

demo: migrate ## Load the Hedensted demo data if the database has no areas
	$(PY) manage.py load_demo --if-empty

run: demo ## Install, migrate, load demo data, start web server and worker on http://127.0.0.1:8000
	$(PY) manage.py serve

worker: install ## Run the task worker alone
	$(PY) manage.py db_worker

lint: install ## ruff, the architecture's import contract, a migrations check and the licences (REUSE)
	@mkdir -p var/static
	$(VENV)/bin/ruff check src tests bench
	PYTHONPATH=src $(VENV)/bin/lint-imports --no-cache
	$(PY) manage.py makemigrations --check --dry-run -v 0
	$(VENV)/bin/reuse lint -q

TEST_WORKERS ?= 2

test: lint ## Install, lint and run the whole suite on TEST_WORKERS cores (DATABASE_URL selects PostgreSQL)
	$(VENV)/bin/pytest -p no:cacheprovider -n $(TEST_WORKERS)

bench: install ## Time the main pages (30/3,000 areas; 100/100,000 inquiries) and the search (200,000 notes; 1,000,000 on PostgreSQL)
	$(PY) -m bench.run

lock: install ## Pin the dependencies again after a change in pyproject.toml (requirements/*.lock)
	$(PY) -m pip install -q "pip-tools>=7.4"
	$(VENV)/bin/pip-compile -q --strip-extras --no-emit-index-url --no-emit-find-links -o requirements/production.lock pyproject.toml
	$(VENV)/bin/pip-compile -q --strip-extras --extra dev --no-emit-index-url --no-emit-find-links -o requirements/dev.lock pyproject.toml

vendor: ## Fetch the pinned front-end libraries from npm into static/vendor
	bash scripts/vendor.sh

schema: install ## Write the API's OpenAPI schema to docs/api/openapi.yaml (commit it; a test compares)
	$(PY) manage.py spectacular --lang en --validate --fail-on-warn --file docs/api/openapi.yaml

messages: install ## Update and compile the translations
	cd src/lokalkontakt && ../../$(PY) ../../manage.py makemessages -l da -l en --no-obsolete -i "static/*"
	cd src/lokalkontakt && ../../$(PY) ../../manage.py compilemessages

clean: ## Remove the virtualenv and local data
	rm -rf $(VENV) var
