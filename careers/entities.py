"""The entities a question's words name, besides roles and education levels (pure).

entity -> the finder of its (start, end, value) spans; components/question_entities.py
adds them to every message:
- `topic`: a topic id of the registry, for each word that names one ("earn" -> salary);
- `amount`: a pay limit, its value "above 100000" or "below 70000" ("over $100k", "six figures");
- `degree`: a BLS entry-education category ("only a bachelor's" -> "Bachelor's degree");
- `ranking`: "lowest" or "highest" ("which pays the least?");
- `count`: how many places a ranking lists, "10" for "the top 10 states";
- `ordinal`: a place of the ranking just given by its rank, "2" for "the second one" ("-1": the last);
- `measure`: which figure of the wage data: starting (the 10th and 25th percentiles), top (the
  90th), hourly, mean, employment, concentration (the location quotient);
- `area_kind`: "metro" when a question about places asks for cities or metro areas;
- `field`: "hr" for words of HR in general ("hr people", "someone in human resources");
- `reference`: "other" for "the other one";
- `year`: a year the knowledge base has figures for ("in May 2024");
- `beyond`: a subject no source covers (remote work, stress, AI, a company's pay, ...), its
  label in careers.not_covered.BEYOND_KNOWLEDGE.
"""

from typing import Any, Callable, Dict, List, Text, Tuple

from careers import matching, not_covered, topics

FINDERS: Dict[Text, Callable[[Text], List[matching.Span]]] = {
    "topic": topics.topic_mentions,
    "amount": matching.pay_limits,
    "degree": matching.degrees,
    "ranking": matching.rankings,
    "count": matching.ranking_counts,
    "ordinal": matching.ordinals,
    "measure": matching.measures,
    "area_kind": matching.area_kinds,
    "field": matching.hr_field,
    "reference": matching.references,
    "year": not_covered.known_years,
    "beyond": not_covered.beyond_knowledge,
}


def question_entities(text: Text) -> List[Tuple[Text, matching.Span]]:
    """(entity, (start, end, value)) for every entity the text's words name."""
    return [(entity, span) for entity, find in FINDERS.items() for span in find(text)]


def replace_overlapping(
    entities: List[Dict[str, Any]], entity: Text, spans: List[matching.Span]
) -> List[Dict[str, Any]]:
    """`entities` (Rasa's format) with `spans` added as `entity`, in place of what an earlier
    extractor found of the same entity where they overlap; sorted by position."""
    kept = [
        found
        for found in entities
        if not any(
            found.get("entity") == entity and found.get("start", -1) < end and start < found.get("end", -1)
            for start, end, _ in spans
        )
    ]
    ours = [{"entity": entity, "start": start, "end": end, "value": value} for start, end, value in spans]
    return sorted(kept + ours, key=lambda found: found.get("start", 0))
