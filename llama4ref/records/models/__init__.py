"""The record kinds of a facts tree, as pydantic models (strict, frozen, no unknown fields)."""

from llama4ref.records.models.common import Bound, Rank
from llama4ref.records.models.fact import Alternative, Citation, FactSpec
from llama4ref.records.models.identifiers import Identifier, IdentifierSet
from llama4ref.records.models.license_term import LicenseTerm
from llama4ref.records.models.sheet import DisplayName, FactSheet
from llama4ref.records.models.source import Source, SourceVersion
from llama4ref.records.models.variant import Variant
from llama4ref.records.models.vocabulary import Term, Vocabulary

__all__ = [
    "Alternative",
    "Bound",
    "Citation",
    "DisplayName",
    "FactSheet",
    "FactSpec",
    "Identifier",
    "IdentifierSet",
    "LicenseTerm",
    "Rank",
    "Source",
    "SourceVersion",
    "Term",
    "Variant",
    "Vocabulary",
]
