"""The answer types (llama4ref.store.answers) mirror the record models, and survive to_json → from_index unchanged."""

from __future__ import annotations

import pytest

from llama4ref.records import models
from llama4ref.store import answers as results
from llama4ref.store.knowledge_base import KnowledgeBase

EXTRA_FACT_FIELDS = {"path", "record", "file", "derived", "formula", "inputs"}


@pytest.mark.parametrize(
    ("answer", "record", "extra", "left_out"),
    [
        (results.Citation, models.Citation, set(), set()),
        (results.Alternative, models.Alternative, set(), set()),
        (results.Fact, models.FactSpec, EXTRA_FACT_FIELDS, set()),
        (results.Source, models.Source, set(), set()),
        (results.SourceVersion, models.SourceVersion, set(), set()),
        (results.VariantInfo, models.Variant, {"file"}, {"facts"}),
    ],
    ids=lambda x: getattr(x, "__qualname__", ""),
)
def test_answer_fields_mirror_the_record_model(answer: type, record: type, extra: set[str], left_out: set[str]) -> None:
    """A field added to a record model must be added to its answer type too (and to to_json)."""
    assert set(answer._fields) == (set(record.model_fields) - left_out) | extra  # type: ignore[attr-defined]


def test_facts_round_trip_through_json(kb: KnowledgeBase) -> None:
    """Every shipped fact rebuilt from its to_json() equals itself; to_json has every field plus `display`."""
    for path in kb.paths(derived=False):
        fact = kb.get(path)
        data = fact.to_json()
        assert set(data) == set(fact._fields) | {"display"}
        assert results.Fact.from_index(path, data) == fact


def test_sources_and_variants_round_trip_through_json(kb: KnowledgeBase) -> None:
    """Sources and variants rebuilt from their to_json() equal themselves."""
    for src in kb.sources():
        assert results.Source.from_index(src.to_json()) == src
    for v in kb.variants():
        assert results.VariantInfo.from_index(v.to_json()) == v


def test_answers_are_immutable(kb: KnowledgeBase) -> None:
    """Fields and qualifiers of an answer cannot be changed in place."""
    fact = kb.get("scout.params.total")
    with pytest.raises(AttributeError):
        fact.unit = "tokens"  # type: ignore[misc]
    with pytest.raises(TypeError):
        fact.qualifiers["display"] = "x"  # type: ignore[index]
