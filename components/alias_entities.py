"""Finds the values of closed-set entities (roles, education levels) by their aliases.

The `role` entity's values are the roles of the knowledge base, each with its aliases ("HR
exec", "C&B manager", "labour lawyer"); the `education_level` entity's values are its
education levels, each with its phrases ("finished high school", "GED"). This component
finds them by the aliases themselves, longest first, plural or singular, and by close
spellings ("genralist", "campus recuiter"), with careers.matching, instead of asking a
learned tagger. A learned tagger (CRFEntityExtractor, before this component) still finds
what the knowledge base does not know ("astronaut", "nurse"), so that the assistant can
say it has no information about it; where both found the same entity at the same place,
this one's is kept.

Why not DIET's own entity tagger: it found the roles as well, but its CRF layer made
TensorFlow trace the training step for about 20 s, a third of the training time
(docs/reports/benchmark-notes.md). Matching the aliases missed fewer roles than the CRF
alone and no more than DIET (docs/reports/evaluation.md).

The aliases of an entity are its lookup table in the training data, mapped through the
synonyms; scripts/kb_sync.py generates both from the knowledge base. They are stored with
the model, so the Rasa server never reads the knowledge base itself.
"""

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_TYPE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from careers.entities import replace_overlapping
from careers.matching import AliasMatcher, Span
from careers.not_covered import bare_title_words, roles_and_titles
from components.model_files import read_json, write_json

ROLE_ENTITY = "role"
ROLE_HEAD_ENTITY = "role_head"  # a bare title word ("the manager"): careers.not_covered.bare_title_words
DEFAULT_ENTITIES = [ROLE_ENTITY, "education_level"]


def entity_aliases(training_data: TrainingData, entity: Text) -> Dict[Text, Text]:
    """alias -> value for an entity: its lookup table's elements, mapped through the synonyms."""
    synonyms = {alias.lower(): value for alias, value in training_data.entity_synonyms.items()}
    aliases: Dict[Text, Text] = {}
    for table in training_data.lookup_tables:
        if table.get("name") == entity and isinstance(table.get("elements"), list):
            for alias in table["elements"]:
                aliases[alias] = synonyms.get(alias.lower(), alias)
    return aliases


def add_entities(message: Message, entity: Text, spans: List[Span], extractor: EntityExtractorMixin) -> None:
    """Adds (start, end, value) spans as `entity`, replacing what an earlier extractor found there."""
    if not spans:
        return
    entities = replace_overlapping(message.get(ENTITIES, []), entity, spans)
    text = message.get(TEXT) or ""
    for found in entities:
        if found.get(ENTITY_ATTRIBUTE_TYPE) == entity and "extractor" not in found:
            extractor.add_extractor_name([found])
            found["text"] = text[found["start"] : found["end"]]  # as typed: named back when not covered
    message.set(ENTITIES, entities, add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class AliasEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds an entity (its value: the role id, the level id) for each alias a message names."""

    FILE_NAME = "entity_aliases.json"

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"entities": DEFAULT_ENTITIES}

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        aliases: Dict[Text, Dict[Text, Text]],
    ) -> None:
        self._config, self._model_storage, self._resource = config, model_storage, resource
        self.matchers = {entity: AliasMatcher(table) for entity, table in aliases.items()}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "AliasEntityExtractor":
        return cls(config, model_storage, resource, {})

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "AliasEntityExtractor":
        aliases = read_json(model_storage, resource, cls.FILE_NAME)
        return cls(config, model_storage, resource, aliases)

    def train(self, training_data: TrainingData) -> Resource:
        aliases = {entity: entity_aliases(training_data, entity) for entity in self._config["entities"]}
        self.matchers = {entity: AliasMatcher(table) for entity, table in aliases.items()}
        write_json(self._model_storage, self._resource, self.FILE_NAME, aliases)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            for entity, matcher in self.matchers.items():
                if entity == ROLE_ENTITY and not text.startswith("/"):
                    # Job titles no alias covers ("chief of staff") are roles too, by the
                    # words as typed: the actions name them back instead of answering another role.
                    known, titles = roles_and_titles(matcher, text)
                    add_entities(message, entity, known + titles, self)
                    # A bare title word the learned tagger took for a job ("astronaut") is that job.
                    tagged = [(e["start"], e["end"]) for e in message.get(ENTITIES, []) if e.get("entity") == entity]
                    covered = [(start, end) for start, end, _ in known + titles] + tagged
                    add_entities(message, ROLE_HEAD_ENTITY, bare_title_words(text, covered), self)
                else:
                    add_entities(message, entity, matcher.mentions(text), self)
        return messages
