"""The words people use for what the records hold: entities, attributes, intents and units.

One vocabulary serves every reader of free text (``ask`` and ``search`` today; claim
checking reads the same records). Names that other records already give — variant ids and
aliases, provider keys and names, hardware and benchmark keys — are read from those records;
a vocabulary record adds only what they cannot say ("AWS", "context length", "how many").
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from llama4ref.records.models.common import FactKey, Record, RecordId, ShortText, Text
from llama4ref.records.units import Unit

PathWord = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$", max_length=60)]
Phrase = Annotated[str, StringConstraints(min_length=1, max_length=80)]


class Term(Record):
    """One thing people name, with every way they write it.

    * ``entity``: a thing facts are about; ``target`` is the path prefix it names
      (``scout``, ``providers.bedrock``, ``hardware.h100``, ``license.mau_threshold``).
    * ``attribute``: a quantity or property; ``path_words`` are the path segments that hold it
      (``context_window``, ``max_context``), ``units`` the units its facts carry.
    * ``intent``: how a question is asked (``how many``, ``when``); ``units`` are the units an
      answer to it has.
    * ``unit``: a word for a unit (``tokens``, ``GPU hours``); ``units`` holds exactly that unit.
    * ``filler``: words another language frames a question with (articles, particles, "is",
      "can I") that carry nothing to look up, as English's stop words do; only ``written``.

    ``written`` holds the term's words in other languages (see the field).
    """

    id: RecordId
    kind: Literal["entity", "attribute", "intent", "unit", "filler"]
    phrases: list[Phrase] = Field(default_factory=list)
    target: FactKey | None = None
    path_words: list[PathWord] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    written: list[Phrase] = Field(default_factory=list)
    """The same words as other languages write them ("paramètres", "контекст", "파라미터"): read in
    text like the phrases (a document check-claims reads, a question), but not listed among a
    fact's everyday names in the full-text index (`search`)."""
    note: Text | None = None

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> Term:
        if self.kind == "filler" and (self.phrases or not self.written):
            raise ValueError("a filler term lists other languages' words in written, and no phrases")
        if self.kind != "filler" and not self.phrases:
            raise ValueError("a term needs at least one phrase")
        if self.kind == "entity" and self.target is None:
            raise ValueError("an entity term needs a target (the path prefix it names)")
        if self.kind != "entity" and self.target is not None:
            raise ValueError(f"only entity terms have a target; this one is an {self.kind}")
        if self.kind == "attribute" and not (self.path_words or self.units):
            raise ValueError("an attribute term needs path_words or units")
        if self.kind == "unit" and len(self.units) != 1:
            raise ValueError("a unit term names exactly one unit")
        return self


class Vocabulary(Record):
    """A group of terms (one file per group: entities, attributes, intents, units), or one
    language's words for the terms the groups define.

    A language's file is named by its BCP 47 tag (``de.yaml``, ``zh.yaml``, ``"no"`` quoted, as
    YAML would read a bare ``no`` as false) and gives ``language`` (its English name), ``words``
    (a term id of the groups → the words people write for it in that language, with the forms a
    question uses: "Parameter", "параметров", "المعلمات") and ``fillers`` (the words it frames a
    question with, set aside as English's stop words are). Its words are read as the term's
    ``written`` words are; keeping each language in its own file is what lets its coverage be
    counted (tools/language_coverage.py) and kept (tests/test_vocabulary_languages.py).
    """

    id: RecordId
    title: ShortText
    note: Text | None = None
    language: ShortText | None = None
    terms: list[Term] = Field(default_factory=list)
    words: dict[RecordId, list[Phrase]] = Field(default_factory=dict)
    fillers: list[Phrase] = Field(default_factory=list)

    @model_validator(mode="after")
    def _group_or_language(self) -> Vocabulary:
        if self.language is None and (self.words or self.fillers):
            raise ValueError("words and fillers belong in a language's file, which names its language")
        if self.language is None and not self.terms:
            raise ValueError("a group of terms needs at least one term")
        if self.language is not None and self.terms:
            raise ValueError("a language's file gives words for the groups' terms (words), not terms of its own")
        if self.language is not None and not self.words:
            raise ValueError("a language's file needs words for at least one term")
        return self
