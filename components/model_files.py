"""What a trained component keeps in the model: one JSON file in its resource."""

import json
from typing import Any, Text

from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


def write_json(model_storage: ModelStorage, resource: Resource, file_name: Text, data: Any) -> None:
    with model_storage.write_to(resource) as directory:
        (directory / file_name).write_text(json.dumps(data, sort_keys=True), encoding="utf-8")


def read_json(model_storage: ModelStorage, resource: Resource, file_name: Text) -> Any:
    with model_storage.read_from(resource) as directory:
        return json.loads((directory / file_name).read_text(encoding="utf-8"))
