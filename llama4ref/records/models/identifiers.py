"""Published names of Llama 4 checkpoints and endpoints, for id resolution."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from llama4ref.records.models.common import Record, RecordId, ShortText, Text
from llama4ref.records.models.fact import Citation

Precision = Literal["bf16", "fp8", "int4", "int8", "nvfp4", "fp4", "mixed", "unknown"]
Packaging = Literal[
    "transformers",
    "meta-native",
    "fp8-dynamic",
    "fp8-block",
    "w4a16",
    "nvfp4",
    "gguf",
    "mlx",
    "bnb-4bit",
    "bnb-8bit",
    "awq",
    "eagle3-draft",
    "provider-endpoint",
    "other",
]

Namespace = Literal["huggingface", "provider", "catalog", "runtime-image", "meta-sku"]


class ModelLicense(Record):
    """The license a published model is under, as its own model card (or the license file beside
    it) states: ``id`` is the Hugging Face ``license:`` value (``llama4``)."""

    id: ShortText
    citations: list[Citation] = Field(min_length=1)


class Identifier(Record):
    """One published identifier and what it denotes.

    ``variant`` is empty for a model of the Llama 4 family that is not a checkpoint of any
    variant (Llama Guard 4, Prompt Guard 2); such an entry is ``valid: false`` with a reason,
    and ``stage`` is empty when neither pretrained nor instruct describes it (a classifier).
    """

    name: ShortText
    variant: RecordId | None
    stage: Literal["base", "instruct"] | None
    precision: Precision
    packaging: Packaging
    official: bool = False
    valid: bool = True
    reason: Text | None = None
    note: Text | None = None
    license: ModelLicense | None = None
    citations: list[Citation] = Field(min_length=1)


class IdentifierSet(Record):
    """The identifiers one publisher or provider uses."""

    id: RecordId
    publisher: ShortText
    namespace: Namespace
    """Where the names live; ``meta-sku`` is Meta's own model ids (``llama model download --model-id``)."""
    note: Text | None = None
    entries: list[Identifier] = Field(min_length=1)
