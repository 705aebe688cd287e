#!/usr/bin/env bash
# Trains a model when models/ has no complete one, or when config.yml, domain.yml, data/,
# knowledge_base/ (the place names the NLU is trained with) or the code of the trained
# components (components/, careers/) changed since the newest complete one; otherwise says
# which model is used. A model is trained in models/.training/ and moved into models/ only
# once it is complete, so a training that is killed or runs out of disk leaves nothing
# that could be served (rasa_server/models.py checks the archives).
set -euo pipefail
cd "$(dirname "$0")/.."

newest=$(.venv/bin/python -m rasa_server.models newest || true)
if [ -n "$newest" ] && [ -z "$(find config.yml domain.yml data knowledge_base components careers -newer "$newest" -print -quit)" ]; then
  echo "Model up to date: $newest"
  exit 0
fi
echo "Training a model (config, domain, data, knowledge base or NLU code changed, or no complete model yet)..."
name="hr-careers-$(date +%Y%m%d-%H%M%S)"
rm -rf models/.training
mkdir -p models/.training
# --skip-validation: `make validate` and the test suite validate the data (with warnings as
# errors); here that step would add about 8 s to every training.
.venv/bin/rasa train --skip-validation --fixed-model-name "$name" --out models/.training
.venv/bin/python -m rasa_server.models check "models/.training/$name.tar.gz"
mv "models/.training/$name.tar.gz" "models/$name.tar.gz"  # a rename: atomic within the folder
rm -rf models/.training
echo "Trained models/$name.tar.gz"
# Keep the three newest models; Rasa serves the newest, older ones are only for going back.
ls -t models/*.tar.gz | tail -n +4 | xargs -r rm --
