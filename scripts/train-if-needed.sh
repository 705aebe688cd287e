#!/usr/bin/env bash
# Trains a model when models/ has none, or when config.yml, domain.yml, data/,
# knowledge_base/ (the place names the NLU is trained with) or the code of the trained
# components (components/, careers/) changed since the newest one; otherwise says which
# model is used.
set -euo pipefail
cd "$(dirname "$0")/.."

newest=$(ls -t models/*.tar.gz 2>/dev/null | head -n 1 || true)
if [ -n "$newest" ] && [ -z "$(find config.yml domain.yml data knowledge_base components careers -newer "$newest" -print -quit)" ]; then
  echo "Model up to date: $newest"
  exit 0
fi
echo "Training a model (config, domain, data, knowledge base or NLU code changed, or no model yet)..."
# --skip-validation: `make validate` and the test suite validate the data (with warnings as
# errors); here that step would add about 8 s to every training.
.venv/bin/rasa train --skip-validation --fixed-model-name "hr-careers-$(date +%Y%m%d-%H%M%S)" --out models
# Keep the three newest models; Rasa serves the newest, older ones are only for going back.
ls -t models/*.tar.gz | tail -n +4 | xargs -r rm --
