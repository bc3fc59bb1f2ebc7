# MACS: two commands do everything (see README.md).
#   make run   - install, build assets, migrate, load MACS content and the demo, serve on SQLite
#   make check - the quick loop (under 3 minutes): ruff, migrations up to date, every test but the
#                browser tests and the full access matrix, fewer generated examples, both cores
#   make test  - install test needs, ruff, every test on SQLite, then all but browser tests on
#                PostgreSQL, each on every core (pytest-xdist, one test database per worker)
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
# `make run PORT=8123` serves on another port; links in emails and the printed address follow.
PORT ?= 8000
# One pytest worker per core, each with its own test database; the static build and the
# PostgreSQL cluster are made once, before the workers start.
WORKERS ?= $(shell nproc)
PYTEST := $(PY) -m pytest -q -p no:cacheprovider -n $(WORKERS) --dist load --durations=10

.PHONY: run test check deployment-test migrations-check install install-test assets migrate demo lint format check-deploy clean bench system-test-deps

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

.stamp-install: requirements.txt | $(VENV)/bin/python
	$(PIP) install -q -r requirements.txt
	touch $@

.stamp-install-test: requirements.txt requirements-test.txt | $(VENV)/bin/python
	$(PIP) install -q -r requirements-test.txt
	touch $@ .stamp-install

install: .stamp-install

install-test: .stamp-install-test

node_modules/.package-lock.json: package.json
	npm install --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.package-lock.json
	mkdir -p static_build/css static_build/js static_build/govuk static_build/vendor
	npx sass --pkg-importer=node --no-source-map --style=compressed --quiet-deps \
	  static_src/scss/app.scss static_build/css/app.css
	cp -r node_modules/govuk-frontend/dist/govuk/assets static_build/
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static_build/govuk/
	cp static_src/js/*.js static_build/js/
	cp node_modules/axe-core/axe.min.js static_build/vendor/

migrate: install
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable

demo: migrate
	$(MANAGE) load_framework
	PORT=$(PORT) $(MANAGE) load_demo
	# Rounds signed before fixed versions were recorded get a labelled reconstruction (once).
	$(MANAGE) record_signed_versions

run: install assets demo
	$(MANAGE) collectstatic --noinput -v 0
	PORT=$(PORT) $(MANAGE) demo_signins
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Fails when a model change has no migration.
migrations-check: install-test
	$(MANAGE) makemigrations --check --dry-run

format: install-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Debian packages the tests need: Chromium for browser tests, Liberation fonts (Arial
# metrics), a PostgreSQL server for the second database run, nginx for the deployment test.
system-test-deps:
	if ! command -v chromium >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
	   || ! id postgres >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi liberation \
	   || ! test -x /usr/sbin/nginx; then
	  apt-get update -qq
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation postgresql nginx >/dev/null
	fi

test: install-test system-test-deps assets lint migrations-check
	$(PYTEST) -m "not deployment"
	bin/with-postgres $(PYTEST) -m "not browser and not deployment"
	$(MAKE) --no-print-directory deployment-test

# The documented deployment for real (tests/deployment): nginx with TLS in front of two
# gunicorn servers on production settings, one PostgreSQL, clients on their own addresses.
deployment-test: install-test system-test-deps assets
	start=$$(date +%s)
	PATH="$$PATH:/usr/sbin" MACS_PG_PORT=54339 bin/with-postgres env MACS_DEPLOYMENT_TEST=1 \
	  $(PY) -m pytest -q -p no:cacheprovider -n 0 -s -m deployment tests/deployment
	echo "Deployment test: $$(( $$(date +%s) - start )) s"

# The edit-test loop: no browser, no full access matrix (its policy-row checks stay), 25
# generated examples per form instead of 200. Run `make test` before pushing.
check: install-test assets lint migrations-check
	HYPOTHESIS_PROFILE=dev $(PYTEST) -m "not browser and not matrix"

check-deploy: install
	DJANGO_SETTINGS_MODULE=macs.settings.production \
	  DJANGO_SECRET_KEY=check-only-$$RANDOM-not-a-real-secret-key-0123456789abcdefghijklmnop \
	  DJANGO_ALLOWED_HOSTS=macs.example.org DATABASE_URL= MACS_TRUSTED_PROXIES=1 \
	  $(MANAGE) check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) node_modules static_build staticfiles .stamp-*

# The benchmark (not part of `make test`): national-scale data, then timings written to
# bench/RESULTS.md, on SQLite and then on a throwaway PostgreSQL cluster (bin/bench).
bench: install-test system-test-deps
	$(PIP) install -q -r requirements-bench.txt
	bin/bench
