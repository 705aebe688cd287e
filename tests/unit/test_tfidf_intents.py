"""The intent classifier: trained on Rasa's own featurizers, its fast scoring gives the
fitted pipeline's probabilities, and it loads back what it saved."""

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.tfidf_intents import TfidfLogisticRegressionClassifier, sentence_features

EXAMPLES = {
    "ask_salary": ["how much does it pay", "what is the salary", "what do they earn", "pay for a generalist"],
    "ask_education": ["what degree do I need", "which education is required", "do I need a masters"],
    "greet": ["hi", "hello there", "hey"],
}


@pytest.fixture
def featurized(tmp_path):
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(graph_schema=None, node_name="node")
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    featurizers = [
        CountVectorsFeaturizer(CountVectorsFeaturizer.get_default_config(), storage, Resource("words"), context),
        CountVectorsFeaturizer(
            {**CountVectorsFeaturizer.get_default_config(), "analyzer": "char_wb", "min_ngram": 1, "max_ngram": 4},
            storage,
            Resource("characters"),
            context,
        ),
    ]
    data = TrainingData([Message.build(text, intent) for intent, texts in EXAMPLES.items() for text in texts])
    tokenizer.process_training_data(data)
    for featurizer in featurizers:
        featurizer.train(data)
        featurizer.process_training_data(data)

    def featurize(texts):
        messages = [Message.build(text) for text in texts]
        tokenizer.process(messages)
        for featurizer in featurizers:
            featurizer.process(messages)
        return messages

    return storage, context, data, featurize


def train(featurized):
    storage, context, data, _ = featurized
    classifier = TfidfLogisticRegressionClassifier.create(
        TfidfLogisticRegressionClassifier.get_default_config(), storage, Resource("intents"), context
    )
    classifier.train(data)
    return classifier


def test_fast_scoring_gives_the_pipelines_probabilities(featurized):
    classifier = train(featurized)
    messages = featurized[3](["how much do recruiters earn", "hello", "do you need a degree", "zzz"])
    features = sentence_features(messages)
    assert np.allclose(classifier.probabilities(features), classifier.clf.predict_proba(features), atol=1e-9)


def test_sentence_features_join_every_featurizer_in_order(featurized):
    message = featurized[3](["what is the pay"])[0]
    words, characters = [f.features for f in message.features if f.type == "sentence"]
    row = sentence_features([message])
    assert row.shape == (1, words.shape[1] + characters.shape[1])
    assert np.array_equal(row.toarray()[0], np.concatenate([words.toarray()[0], characters.toarray()[0]]))


def test_messages_get_the_intent_and_a_ranking_and_the_model_loads_back(featurized):
    storage, context, _, featurize = featurized
    train(featurized)
    loaded = TfidfLogisticRegressionClassifier.load(
        TfidfLogisticRegressionClassifier.get_default_config(), storage, Resource("intents"), context
    )
    messages = loaded.process(featurize(["what's the salary", "which degree is required", "hello"]))
    assert [m.get("intent")["name"] for m in messages] == ["ask_salary", "ask_education", "greet"]
    ranking = messages[0].get("intent_ranking")
    assert [entry["name"] for entry in ranking][0] == "ask_salary"
    assert sum(entry["confidence"] for entry in ranking) == pytest.approx(1.0)
