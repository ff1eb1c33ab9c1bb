"""The answer types (llama4ref.store.answers): one form per record kind.

Each answer mirrors its record model (fields and defaults), its ``to_json()`` is exactly the
shape it is annotated to return (llama4ref.store.shapes), and every shipped record survives
``to_json`` → ``from_index`` unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NotRequired, get_origin, get_type_hints

import pytest
from pydantic import BaseModel

from llama4ref.records import models
from llama4ref.records.models.identifiers import ModelLicense
from llama4ref.store import answers
from llama4ref.store.knowledge_base import KnowledgeBase
from llama4ref.store.shapes import core, records

EXTRA_FACT_FIELDS = {"path", "record", "file", "derived", "formula", "inputs"}
SET_FIELDS = {"set", "publisher", "namespace"}

MIRRORS: list[tuple[type, type[BaseModel], set[str], set[str]]] = [
    (answers.Citation, models.Citation, set(), set()),
    (answers.Alternative, models.Alternative, set(), set()),
    (answers.Fact, models.FactSpec, EXTRA_FACT_FIELDS, set()),
    (answers.Source, models.Source, set(), set()),
    (answers.SourceVersion, models.SourceVersion, set(), set()),
    (answers.PackageFile, models.source.PackageFile, set(), set()),
    (answers.Proceedings, models.source.Proceedings, set(), set()),
    (answers.VariantInfo, models.Variant, {"file"}, {"facts"}),
    (
        answers.Sheet,
        models.FactSheet,
        {"record", "kind", "file", "name_citations"},
        {"facts"},
    ),  # the name: its value and its citations
    (answers.LicenseTerm, models.LicenseTerm, set(), set()),
    (answers.Identifier, models.Identifier, SET_FIELDS, set()),
    (answers.ModelLicense, ModelLicense, set(), set()),
]


def _default(field: Any) -> Any:
    if field.default_factory is not None:
        made = field.default_factory()
        return tuple(made) if isinstance(made, list) else made
    return field.default


@pytest.mark.parametrize(("answer", "record", "extra", "left_out"), MIRRORS, ids=lambda x: getattr(x, "__qualname__", ""))
def test_answer_fields_mirror_the_record_model(
    answer: type, record: type[BaseModel], extra: set[str], left_out: set[str]
) -> None:
    """A field added to a record model must be added to its answer type, with the model's default
    when it has one (the stored form leaves a field out exactly when the index does: at that default)."""
    fields: tuple[str, ...] = answer._fields  # type: ignore[attr-defined]
    assert set(fields) == (set(record.model_fields) - left_out) | extra
    defaults: dict[str, Any] = answer._field_defaults  # type: ignore[attr-defined]
    for name, field in record.model_fields.items():
        if name not in left_out and not field.is_required():
            assert defaults.get(name, "<required>") == _default(field), f"{answer.__name__}.{name}"


def _shape(answer: type) -> Any:
    """The TypedDict ``answer.to_json`` is annotated to return."""
    names = {**vars(core), **vars(records)}
    return get_type_hints(answer.to_json, localns=names)["return"]


def _required(shape: Any) -> list[str]:
    hints = get_type_hints(shape, include_extras=True)
    return [k for k, t in hints.items() if get_origin(t) is not NotRequired]


def _check_shape(data: dict[str, Any], shape: Any, stored: bool) -> None:
    keys = list(get_type_hints(shape))
    if stored:  # fields at their default left out, the rest in the shape's (sorted) order
        assert set(_required(shape)) <= set(data) <= set(keys)
        assert list(data) == [k for k in keys if k in data]
    else:
        assert list(data) == keys


def _shipped(kb: KnowledgeBase) -> Iterable[tuple[Any, Any]]:
    """Every shipped record as an answer, with how to rebuild it from its JSON."""
    for path in kb.paths(derived=False):
        fact = kb.get(path)
        yield fact, lambda data, p=path: answers.Fact.from_index(p, data)
    for src in kb.sources():
        yield src, answers.Source.from_index
    for kind in (answers.VariantInfo, answers.Sheet, answers.LicenseTerm, answers.Identifier):
        for rec in kb.records(kind):
            yield rec, kind.from_index


STORED = (answers.Sheet, answers.Identifier)


def test_every_answer_is_its_shape(kb: KnowledgeBase) -> None:
    """to_json() of every shipped record has exactly its shape's keys, in the shape's order."""
    seen: set[type] = set()
    for rec, _ in _shipped(kb):
        _check_shape(dict(rec.to_json()), _shape(type(rec)), isinstance(rec, STORED))
        seen.add(type(rec))
    assert seen == {answers.Fact, answers.Source, answers.VariantInfo, answers.Sheet, answers.LicenseTerm, answers.Identifier}


def test_nested_answers_are_their_shapes(kb: KnowledgeBase) -> None:
    """Citations, alternatives, versions and package files: to_json() is their shape too."""
    nested = [c for f in kb.facts(derived=False) for c in f.citations]
    nested += [a for f in kb.facts(derived=False) for a in f.alternatives]
    nested += [s.version for s in kb.sources()] + [s.package for s in kb.sources() if s.package is not None]
    assert {type(n) for n in nested} == {answers.Citation, answers.Alternative, answers.SourceVersion, answers.PackageFile}
    for item in nested:
        _check_shape(dict(item.to_json()), _shape(type(item)), stored=False)


def test_answers_round_trip_through_json(kb: KnowledgeBase) -> None:
    """Every shipped record rebuilt from its to_json() equals itself (facts: plus `display`)."""
    count = 0
    for rec, rebuild in _shipped(kb):
        assert rebuild(rec.to_json()) == rec
        count += 1
    assert count > 1000


def test_stored_form_is_the_index_entry(kb: KnowledgeBase) -> None:
    """A sheet's and an identifier's JSON is the index entry as compiled (defaults left out)."""
    index = kb._index  # the compiled entries these answers are read from
    for key, sheet in kb.keyed(answers.Sheet).items():
        assert sheet.to_json() == {"record": key, **index["sheets"][key]}
    for key, ident in kb.keyed(answers.Identifier).items():
        assert ident.to_json() == index["identifiers"][key]


def test_source_pin_has_one_implementation(kb: KnowledgeBase) -> None:
    """The pinned version reads the same from a source and from its version; the record model has none."""
    src = kb.source("llama-models-model-card")
    assert src.pin() == src.version.pin() and src.pin()
    assert not hasattr(models.Source, "pin")


def test_answers_are_immutable(kb: KnowledgeBase) -> None:
    """Fields and qualifiers of an answer cannot be changed in place."""
    fact = kb.get("scout.params.total")
    with pytest.raises(AttributeError):
        fact.unit = "tokens"  # type: ignore[misc]
    with pytest.raises(TypeError):
        fact.qualifiers["display"] = "x"  # type: ignore[index]


def test_records_refuses_a_type_of_no_kind(kb: KnowledgeBase) -> None:
    """kb.records() takes the answer type of a registered record kind, nothing else."""
    with pytest.raises(ValueError, match="no record kind"):
        kb.records(answers.Citation)
