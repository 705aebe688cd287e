"""Finds the places a message names: states, metro areas by their cities, "TX", "NYC", "nationally".

The `place` entity's value is a place key of careers.places: the area codes of the BLS OEWS
areas the name may mean ("Portland" is two metro areas), which the dialogue resolver
settles. The names come from the wage data's area table and knowledge_base/places.yml, read
when the model is trained and stored with it, so the Rasa server never reads the knowledge
base itself. A learned tagger (CRFEntityExtractor, before this component) still finds places
we do not know ("Narnia"), so that the assistant can say it has no figures for them; it is
kept only where places are named ("in Narnia", not "Sir, what ..."), and where both found a
place at the same spot, this one's is kept.
"""

import hashlib
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_TYPE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from careers import places
from careers.places import DEFAULT_NAMES_PATH, PlaceNames, load_place_names
from careers.wages import DEFAULT_PATH as WAGES_PATH
from careers.wages import load_wages
from components.alias_entities import add_entities
from components.model_files import read_json, write_json

PLACE_ENTITY = "place"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class PlaceEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds a `place` entity (its value: a place key) for each place a message names."""

    FILE_NAME = "place_names.json"

    def __init__(self, model_storage: ModelStorage, resource: Resource, names: PlaceNames) -> None:
        self._model_storage, self._resource, self.names = model_storage, resource, names

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "PlaceEntityExtractor":
        return cls(model_storage, resource, PlaceNames({}, {}, {}))

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "PlaceEntityExtractor":
        names = PlaceNames.from_dict(read_json(model_storage, resource, cls.FILE_NAME))
        return cls(model_storage, resource, names)

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        """The names come from files beside the training data and the code that derives them
        (careers/places.py): a change to them retrains this component instead of restoring it
        from Rasa's training cache."""
        digest = hashlib.sha256()
        for path in (WAGES_PATH, DEFAULT_NAMES_PATH, Path(places.__file__)):
            digest.update(path.read_bytes())
        return digest.hexdigest()

    def train(self, training_data: TrainingData) -> Resource:
        self.names = load_place_names(load_wages().areas.values())
        write_json(self._model_storage, self._resource, self.FILE_NAME, self.names.as_dict())
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if not text.startswith("/"):
                learned = [
                    e
                    for e in message.get(ENTITIES, [])
                    if e.get(ENTITY_ATTRIBUTE_TYPE) == PLACE_ENTITY and not places.may_be_a_place(text, e["start"])
                ]
                if learned:
                    message.set(
                        ENTITIES, [e for e in message.get(ENTITIES, []) if e not in learned], add_to_output=True
                    )
                known = self.names.mentions(text)
                # A place we do not know keeps its words as its value: it is named back, never
                # replaced by the place of the conversation.
                add_entities(message, PLACE_ENTITY, known + self.names.unknown_mentions(text, known), self)
        return messages
