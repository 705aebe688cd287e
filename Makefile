# HR careers assistant. `make help` lists the targets.
SHELL := /bin/bash
VENV := .venv
RASA := $(VENV)/bin/rasa
PYTHON := $(VENV)/bin/python
export RASA_TELEMETRY_ENABLED := false
# TensorFlow's and the libraries' start-up chatter hides the assistant's own messages.
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONWARNINGS := ignore

.PHONY: help install train shell run actions browser scale-services screenshot test test-unit test-scale validate kb-sync evaluate bench soak clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

install: $(VENV)/.installed node_modules/.installed ## Create .venv (Python 3.8-3.10, requirements.txt) and node_modules (the chat widget)

$(VENV)/.installed: requirements.txt constraints.txt
	@python=$$(scripts/find-python.sh) || exit 1; \
	  test -x $(PYTHON) || { echo "Creating $(VENV) with $$python"; "$$python" -m venv $(VENV); }
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	@scripts/install-web.sh
	@touch $@

train: install ## Train a model if none is up to date with config.yml, domain.yml and data/
	@scripts/train-if-needed.sh

# `rasa shell` with its terminal channel wrapped so that no message is left without a
# reply (channels/reliable.py); a channel named "cmdline" makes `rasa run` start the shell.
shell: train ## Chat in the terminal (starts and stops the action server)
	@scripts/with-action-server.sh $(RASA) run --connector channels.reliable.CmdlineInputWithReply \
	  --endpoints endpoints.yml --port 5005 --quiet

# Rasa's HTTP API stays off (no --enable-api); the page and its socket share one origin.
run: train ## Serve the assistant: web chat at http://localhost:5005/chat/, REST on :5005, actions on :5055
	@echo "The web chat will be at http://localhost:5005/chat/ once Rasa says it is up and running (Ctrl-C stops)."
	@scripts/with-action-server.sh $(RASA) run --port 5005 --endpoints endpoints.yml --credentials credentials.yml

actions: install ## Run only the action server (port 5055)
	$(RASA) run actions --actions actions --port 5055

validate: install ## Check the knowledge base, the generated NLU data and the training data
	$(PYTHON) scripts/kb_sync.py --check
	$(RASA) data validate --fail-on-warnings

kb-sync: install ## Regenerate role synonyms and lookup table from the knowledge base
	$(PYTHON) scripts/kb_sync.py

browser: ## Install Debian's Chromium for the browser tests (as root)
	@scripts/install-chromium.sh

scale-services: ## Install Debian's PostgreSQL and Redis for the scale-out test (as root)
	@scripts/install-scale-services.sh

test: train browser scale-services ## Run the whole test suite (unit, training data, conversations, REST, terminal, browser, scale-out)
	$(PYTHON) -m pytest

screenshot: train browser ## Redraw docs/web-chat.png from a real conversation in the browser test
	WEB_CHAT_SCREENSHOT=docs/web-chat.png $(PYTHON) -m pytest tests/test_web_chat.py -k follow_up_button

test-unit: install ## Run only the fast tests (knowledge base and actions)
	$(PYTHON) -m pytest -m "not slow"

test-scale: train scale-services ## Only the scale-out test: 2 Rasa servers, PostgreSQL, Redis, 20 conversations
	$(PYTHON) -m pytest -m scale

bench: install ## Benchmark against a stock `rasa init` assistant (~5 min): docs/benchmark.md
	$(PYTHON) bench/run.py

soak: train ## 100 conversations at once for about 2 minutes: errors, cross-talk, memory (docs/reliability.md)
	$(PYTHON) bench/soak.py

evaluate: install ## Held-out NLU test, 5-fold cross-validation, pipelines and policies compared, conversation tests (~25 min): docs/evaluation.md
	$(PYTHON) scripts/evaluate.py

clean: ## Remove models, results and logs (keeps .venv)
	rm -rf models results logs .rasa
