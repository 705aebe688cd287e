"""Finds what a question asks about in its words: topics, pay limits, degrees and rankings.

The entities and the words that mean them are careers.entities's (topic, amount, degree,
ranking). The actions read these entities; they never scan the text themselves. Runs after
the EntitySynonymMapper, so that no synonym rewrites these values.
"""

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from careers.entities import FINDERS
from components.alias_entities import add_entities


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class QuestionEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds the topic, amount, degree and ranking entities a message's words name."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "QuestionEntityExtractor":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue  # a button payload names its entities itself
            for entity, find in FINDERS.items():
                add_entities(message, entity, find(text), self)
        return messages
