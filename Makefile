# Communiqué: the task interface. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help run test check lint format messages install clean-db bench bench-full bench-changed bench-search

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the locked dependencies

run: $(STAMP) ## Install, migrate, load the demo into an empty database, serve on PORT (8000)
	$(MANAGE) migrate --no-input
	$(MANAGE) setup_site
	$(MANAGE) setup_roles
	$(MANAGE) load_demo --if-empty
	@echo
	@if [ -f var/demo-login.txt ]; then echo "Demo admin login (http://127.0.0.1:$(PORT)/admin/):"; cat var/demo-login.txt; fi
	@echo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

check: $(STAMP) ## ruff lint, Django system checks and a check for missing migrations
	$(BIN)/ruff check .
	DJANGO_SETTINGS_MODULE=communique.settings.test $(MANAGE) check
	@mkdir -p var  # makemigrations checks the history of the default (SQLite) database
	DJANGO_SETTINGS_MODULE=communique.settings.test $(MANAGE) makemigrations --check --dry-run

CHROMIUM := /usr/bin/chromium
HUGO := /usr/bin/hugo

# Debian packages the browser tests (chromium) and the benchmarks (hugo) need, installed
# when missing; each binary is named as its package. Never a downloaded browser.
$(CHROMIUM) $(HUGO):
	@echo "Installing Debian's $(@F)"
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(@F) >/dev/null; \
	else \
		echo "Run 'sudo apt-get install $(@F)' first." >&2; exit 1; \
	fi

test: check $(CHROMIUM) ## Run the whole test suite (DATABASE_URL selects PostgreSQL)
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(STAMP) ## Refresh the .po catalogues from the code and compile them
	cd communique && $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py makemessages --all --no-location --ignore "*/tests/*"
	cd communique && $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py compilemessages

clean-db: ## Delete the local SQLite database, media and demo login (var/)
	rm -rf var

bench: $(STAMP) $(HUGO) ## Benchmarks on generated archives of 1,000 and 10,000 statements (table + bench/results.json)
	$(BIN)/python bench/run.py 1000 10000

bench-full: $(STAMP) $(HUGO) ## The same on 1,000, 10,000 and 100,000 statements (the largest takes a while to generate, once)
	$(BIN)/python bench/run.py 1000 10000 100000

bench-changed: $(STAMP) ## export_static --changed after one statement is published, on 100,000 statements (exports the archive first, once: about ten minutes)
	$(BIN)/python bench/bench_changed.py 100000

bench-search: $(STAMP) ## Search p50/p95 on 100,000 statements (BENCH_DATABASE_URL=postgres://…/communique_bench for PostgreSQL)
	$(BIN)/python bench/bench_search.py 100000
