"""Finds the known roles a message names, from the knowledge base's aliases, typos included.

The `role` entity has a closed set of values: the roles of the knowledge base, each with
its aliases ("HR exec", "C&B manager", "labour lawyer"). This component finds them by
the aliases themselves, longest first, plural or singular, and by close spellings
("genralist", "campus recuiter"), instead of asking a learned tagger. A learned tagger
(CRFEntityExtractor, before this component) still finds the jobs the knowledge base
does not know ("astronaut", "nurse"), so that the assistant can say it has no
information about them; where both found a role at the same place, this one's is kept.

Why not DIET's own entity tagger: it found the roles as well, but its CRF layer made
TensorFlow trace the training step for about 20 s, a third of the training time
(bench/NOTES.md). Measured on the development set, matching the aliases missed fewer
roles than the CRF alone and no more than DIET (docs/evaluation.md).

The aliases are the `role` entity's synonyms in the training data, which
scripts/kb_sync.py generates from the knowledge base; they are stored with the model, so
the Rasa server never reads the knowledge base itself.
"""
import json
from typing import Any, Dict, List, Set, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.role_matching import RoleMatcher, phrase_of

ROLE_ENTITY = "role"


def known_role_ids(training_data: TrainingData) -> Set[Text]:
    """The role ids of the knowledge base: targets of the synonyms of `role` entity values."""
    role_texts = {
        entity[ENTITY_ATTRIBUTE_VALUE].lower()
        for example in training_data.entity_examples
        for entity in example.get(ENTITIES, [])
        if entity.get(ENTITY_ATTRIBUTE_TYPE) == ROLE_ENTITY and isinstance(entity.get(ENTITY_ATTRIBUTE_VALUE), str)
    }
    return {target for alias, target in training_data.entity_synonyms.items() if alias.lower() in role_texts}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class RoleMentionExtractor(GraphComponent, EntityExtractorMixin):
    """Adds a `role` entity (the role id) for each known role a message names."""

    FILE_NAME = "role_aliases.json"

    def __init__(self, model_storage: ModelStorage, resource: Resource, aliases: Dict[Text, Text]) -> None:
        self._model_storage, self._resource = model_storage, resource
        self.matcher = RoleMatcher(aliases)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "RoleMentionExtractor":
        return cls(model_storage, resource, {})

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "RoleMentionExtractor":
        with model_storage.read_from(resource) as directory:
            aliases = json.loads((directory / cls.FILE_NAME).read_text(encoding="utf-8"))
        return cls(model_storage, resource, aliases)

    def train(self, training_data: TrainingData) -> Resource:
        role_ids = known_role_ids(training_data)
        aliases = {phrase_of(alias): target for alias, target in training_data.entity_synonyms.items()
                   if target in role_ids and phrase_of(alias)}
        self.matcher = RoleMatcher(aliases)
        with self._model_storage.write_to(self._resource) as directory:
            (directory / self.FILE_NAME).write_text(json.dumps(aliases, sort_keys=True), encoding="utf-8")
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            mentions = self.matcher.mentions(message.get(TEXT) or "")
            if not mentions:
                continue
            kept = [entity for entity in message.get(ENTITIES, []) if not any(
                entity.get(ENTITY_ATTRIBUTE_TYPE) == ROLE_ENTITY
                and entity.get(ENTITY_ATTRIBUTE_START, -1) < end and start < entity.get(ENTITY_ATTRIBUTE_END, -1)
                for start, end, _ in mentions)]
            ours = [{ENTITY_ATTRIBUTE_TYPE: ROLE_ENTITY, ENTITY_ATTRIBUTE_START: start, ENTITY_ATTRIBUTE_END: end,
                     ENTITY_ATTRIBUTE_VALUE: role} for start, end, role in mentions]
            entities = sorted(kept + self.add_extractor_name(ours), key=lambda e: e.get(ENTITY_ATTRIBUTE_START, 0))
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
