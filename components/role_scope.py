"""Tells questions about one role from questions across all roles, by the roles named.

"Do labor lawyers make over 100k?" asks about one role; "which jobs pay over 100k?"
about all of them. The words are nearly the same: what differs is whether the message
names a known role, which the entity extractor has just found. The intent classifier,
a linear model of the words, does not see that combination, so this component settles the pairs
of intents that differ only in scope, after the entities are extracted and mapped to
role ids:

- across-roles intent (salary filter, education filter), but a known role is named:
  the one-role intent (ask_salary, ask_education);
- ask_salary with a pay amount (an `amount` entity), words for several jobs ("roles",
  "jobs", "anything") and no role named: ask_roles_by_salary; ask_education with a degree
  (a `degree` entity) in the same way: ask_roles_by_education;
- a bare mention of two or more known roles with no topic entity and no words of a
  comparison (inform_role, ask_overview): compare_roles, as "X and Y?" or "X vs Y" asks
  to compare them.

The known role ids are the values of the `role` entity's aliases in the training data
(components.alias_entities), which scripts/kb_sync.py generates from the knowledge base;
they are stored with the model, so the Rasa server never reads the knowledge base itself.
"""

from typing import Any, Dict, List, Optional, Set, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_TYPE, ENTITY_ATTRIBUTE_VALUE, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from careers.matching import COMPARISON_WORDS, SEVERAL_JOBS
from components.alias_entities import ROLE_ENTITY, entity_aliases
from components.model_files import read_json, write_json

ONE_ROLE_INTENTS = {"ask_roles_by_salary": "ask_salary", "ask_roles_by_education": "ask_education"}
BARE_MENTION_INTENTS = {"inform_role", "ask_overview"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class RoleScopeResolver(GraphComponent):
    """Corrects one-role vs all-roles intents from the known roles a message names."""

    FILE_NAME = "role_ids.json"

    def __init__(self, model_storage: ModelStorage, resource: Resource, role_ids: Set[str]) -> None:
        self._model_storage, self._resource, self.role_ids = model_storage, resource, role_ids

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "RoleScopeResolver":
        return cls(model_storage, resource, set())

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "RoleScopeResolver":
        role_ids = set(read_json(model_storage, resource, cls.FILE_NAME))
        return cls(model_storage, resource, role_ids)

    def train(self, training_data: TrainingData) -> Resource:
        self.role_ids = set(entity_aliases(training_data, ROLE_ENTITY).values())
        write_json(self._model_storage, self._resource, self.FILE_NAME, sorted(self.role_ids))
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            found = {entity.get(ENTITY_ATTRIBUTE_TYPE) for entity in message.get(ENTITIES, [])}
            corrected = self.resolve(intent, self._known_roles(message), found, message.get(TEXT) or "")
            if corrected and corrected != intent:
                self._set_intent(message, corrected)
        return messages

    def _known_roles(self, message: Message) -> Set[str]:
        return {
            entity.get(ENTITY_ATTRIBUTE_VALUE)
            for entity in message.get(ENTITIES, [])
            if entity.get(ENTITY_ATTRIBUTE_TYPE) == ROLE_ENTITY and entity.get(ENTITY_ATTRIBUTE_VALUE) in self.role_ids
        }

    @staticmethod
    def resolve(
        intent: Optional[str], known_roles: Set[str], entity_types: Set[Optional[str]], text: str
    ) -> Optional[str]:
        """The intent the message should have, given the known roles it names and the
        types of the other entities found (pure)."""
        if intent in ONE_ROLE_INTENTS and known_roles:
            return ONE_ROLE_INTENTS[intent]
        if intent == "ask_salary" and not known_roles and "amount" in entity_types and SEVERAL_JOBS.search(text):
            return "ask_roles_by_salary"
        if intent == "ask_education" and not known_roles and "degree" in entity_types and SEVERAL_JOBS.search(text):
            return "ask_roles_by_education"  # "which jobs need a master's?", as for pay above
        bare = "topic" not in entity_types and not COMPARISON_WORDS.search(text)
        if intent in BARE_MENTION_INTENTS and len(known_roles) >= 2 and bare:
            return "compare_roles"
        return intent

    @staticmethod
    def _set_intent(message: Message, name: str) -> None:
        """Moves `name` to the top of the ranking with the top confidence."""
        top = message.get(INTENT) or {}
        ranking = [entry for entry in message.get("intent_ranking") or [] if entry.get("name") != name]
        chosen = {"name": name, "confidence": top.get("confidence", 1.0)}
        message.set(INTENT, chosen, add_to_output=True)
        message.set("intent_ranking", [chosen, *ranking], add_to_output=True)
