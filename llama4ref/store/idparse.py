"""Reading a Llama model identifier by its parts, without the catalog: the generation it states,
the variant (``Scout``, ``16E`` is Scout, ``128E`` is Maverick), ``Instruct``, and precision or
packaging suffixes. A name whose parts contradict each other (a Scout id with 128 experts) is
reported as invalid. :mod:`llama4ref.domain.resolve` looks names up in the catalog first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal, NamedTuple, cast

from llama4ref.records.aliases import CharNote, normalise_alias
from llama4ref.store.answers import Citation
from llama4ref.store.codec import as_json, declare, many

if TYPE_CHECKING:
    from llama4ref.store.shapes.core import ResolutionJSON

# The counts below repeat what the variant records hold (``<variant>.experts.routed``,
# ``<variant>.params.active``, ``<variant>.params.total`` and its alternatives). They are
# constants because a name is read without loading the knowledge base (``import llama4ref``
# would read the index); tests/test_record_constants.py fails when they and the records part.
EXPERTS_TO_VARIANT = {16: "scout", 128: "maverick"}
"""Routed-expert counts in published names (Behemoth's 16 experts never appear in a released id)."""

_PRECISION_PATTERNS: tuple[tuple[str, str, str], ...] = (
    # (regex on the lower-cased name, precision, packaging); the first that matches decides.
    # llm-compressor / compressed-tensors scheme names (Red Hat AI's ``-quantized.w8a8``,
    # ``-quantized.w4a16``, ``-FP8-dynamic``, ``-NVFP4``) are read before the generic ones.
    (r"nvfp4", "nvfp4", "nvfp4"),
    (r"mxfp4", "fp4", "mxfp4"),
    (r"(?<![a-z])fp4", "fp4", "nvfp4"),
    (r"fp8[-_]?dynamic", "fp8", "fp8-dynamic"),
    (r"fp8[-_]?block", "fp8", "fp8-block"),
    (r"(?<![a-z0-9])w4a16(?![0-9])", "int4", "w4a16"),
    (r"bnb[-_]?4bit", "int4", "bnb-4bit"),
    (r"bnb[-_]?8bit", "int8", "bnb-8bit"),
    (r"(?<![a-z])awq", "int4", "awq"),
    (r"gguf", "mixed", "gguf"),
    (r"eagle-?3", "unknown", "eagle3-draft"),
    (r"gptq", "int4", "gptq"),
    (r"(?<![a-z])fp8", "fp8", "transformers"),
    (r"(?<![a-z0-9])w([2-8])a(8|16)(?![0-9])", "int{0}", "w{0}a{1}"),
    (r"(?<![a-z])fp16", "fp16", "transformers"),
    (r"(?<![a-z])int([48])(?![0-9])", "int{0}", "other"),
    (r"(?<![a-z0-9])4bit", "int4", "mlx"),
    (r"(?<![a-z0-9])8bit", "int8", "mlx"),
    (r"(?<![a-z0-9])([2-7])bit", "int{0}", "mlx"),
    (r"(?<![a-z])quant", "unknown", "other"),
)
"""A name that says it is quantized but not how is never read as Meta's BF16 release."""


class Resolution(NamedTuple):
    """What an identifier denotes, and how that was established (an answer, like those in
    :mod:`llama4ref.store.answers`: a named tuple, so resolving never imports pydantic)."""

    input: str
    variant: str | None
    method: Literal["alias", "catalog", "provider", "parsed", "lookalike"]
    stage: Literal["base", "instruct"] | None = None
    precision: str | None = None
    packaging: str | None = None
    official: bool = False
    valid: bool = True
    publisher: str | None = None
    namespace: str | None = None
    reason: str | None = None
    citations: tuple[Citation, ...] = ()
    family: str | None = "llama-4"
    """The Llama generation the name denotes (``llama-4``, or e.g. ``llama-3.1`` for a non-Llama 4 id)."""
    lookalike_of: str | None = None
    """The catalog id this name imitates without being it (``method`` is then ``lookalike``), or
    the catalog namespace (``meta-llama``) when only its namespace imitates one."""
    characters: tuple[CharNote, ...] = ()
    """The characters that make the name invalid or a look-alike: position, code point, what they look like."""
    official_id: str | None = None
    """Meta's official id that this name is not, but is close to: the same without its org, or in another letter case."""

    @property
    def verdict(self) -> Verdict:
        """What is known of the name, in one word (see :data:`VERDICTS`)."""
        if not self.valid:
            if self.official and self.method == "catalog" and self.variant is None:
                return "official-other"  # Meta's own repository of another model (Llama Guard 4)
            return "not-llama-4" if self.family not in (None, "llama-4") else "invalid"
        if self.official:
            return "official"
        if self.official_id is not None:
            return "near-official"
        if self.method in ("catalog", "provider"):
            return "recorded"
        return "model-name" if self.method == "alias" else "unrecorded"

    def to_json(self) -> ResolutionJSON:
        """The documented JSON shape of a resolution (every field, citations as objects)."""
        return cast("ResolutionJSON", as_json(self, _RESOLUTION_JSON) | {"verdict": self.verdict})


Verdict = Literal["official", "near-official", "recorded", "model-name", "unrecorded", "official-other", "not-llama-4", "invalid"]
VERDICTS: dict[str, str] = {
    "official": "official Llama 4 id",
    "near-official": "not official; close to an official id",
    "recorded": "recorded id (not Meta's official one)",
    "model-name": "Llama 4 model name",
    "unrecorded": "not recorded; read from its parts",
    "official-other": "official id; not a Scout or Maverick checkpoint",
    "not-llama-4": "NOT LLAMA 4",
    "invalid": "INVALID",
}
"""Each verdict as the headline of ``resolve`` says it."""

_RESOLUTION_JSON = (
    *("input", "variant", "stage", "precision", "packaging", "official", "valid", "method", "publisher", "namespace"),
    *("reason", "family", "lookalike_of", "characters", "citations", "official_id"),
)
declare(Resolution, characters=many(CharNote), citations=many(Citation))


_GENERATION = re.compile(r"llama[-_ ]?([1-9])(?![0-9])(?![0-9]*(?:\.[0-9]+)?b)(?:[._]([0-9]+)(?![0-9]*b))?")
"""``Llama-4``, ``llama4``, ``Llama-3.1``, ``LLaMA-2``, ``llama-3_2``, ``Llama-4.1`` …; a number ending in ``b`` is a
size, not a generation (``llama-3b``, ``TinyLlama-1.1B``), and ``Llama_3_8B`` is Llama 3 at 8B, not Llama 3.8."""
_GUARD = re.compile(r"llama[-_ ]?guard[-_ ]?([1-9])")
_SIZE = re.compile(r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)b(?![a-z0-9])")
SIZES_B = {"scout": (17.0, 109.0), "maverick": (17.0, 400.0, 402.0), "behemoth": (288.0,)}
"""Parameter counts, in billions, that published names use: active, then total (Maverick's 402B is
the transformers documentation's, an alternative in its record). Behemoth's is its active count:
its total is stated only as "nearly two trillion"."""
_TOTAL_TO_VARIANT = {size: v for v in EXPERTS_TO_VARIANT.values() for size in SIZES_B[v][1:]}
"""A released variant's total size names it (``…-llama-109B-MoE``)."""
_OLLAMA = re.compile(
    rf"(?<![0-9])({'|'.join(map(str, EXPERTS_TO_VARIANT))})"
    rf"x(?:{'|'.join(sorted({f'{SIZES_B[v][0]:g}' for v in EXPERTS_TO_VARIANT.values()}))})b"
)
"""Ollama's tags name the expert count and active size: ``llama4:16x17b`` is Scout."""


def generation(name: str) -> str | None:
    """The Llama generation the model part of ``name`` (after the last ``/``) states, or None.

    ``llama-4`` for Llama 4 and Llama Guard 4 (pruned from Scout, under the Llama 4 license);
    ``llama-3.1``, ``llama-2``, ``llama-guard-3`` … for other generations. A minor version of 4
    (``Llama-4.1``) is ``llama-4.1``, not Llama 4: Meta has published no Llama 4.1, and no Llama 4
    checkpoint is named that way, so such a name says nothing reliable about its weights.
    """
    low = normalise_alias(name).rsplit("/", 1)[-1]
    guard = _GUARD.search(low)
    if guard is not None:
        return "llama-4" if guard.group(1) == "4" else f"llama-guard-{guard.group(1)}"
    found = [m.groups() for m in _GENERATION.finditer(low)]
    if ("4", None) in found:
        return "llama-4"
    if not found:
        return None
    major, minor = found[0]
    return f"llama-{major}" + (f".{minor}" if minor else "")


def _size_label(size: float) -> str:
    return f"{size:g}B"


def _no_variant(name: str, family: str, reason: str) -> Resolution:
    """A parsed name that denotes no single Llama 4 variant (another model, or several)."""
    return Resolution(input=name, variant=None, valid=False, method="parsed", family=family, reason=reason)


def parse(name: str) -> Resolution | None:
    """Parse an identifier by its parts; None when nothing in it marks it as a Llama 4 model.

    A name counts as Llama 4 when it says so (``Llama-4``, ``llama4``), or when a variant name
    comes with a Llama 4 expert count (``Maverick-17B-128E``), or when a Llama name carries a
    Llama 4 total size (``…-llama-109B-MoE``). A variant word alone is not enough: ``Maverick-8B``
    and ``maverick-llama3-8B`` are other models. A name that states another Llama generation
    (``Llama-3.1``) resolves to that family and is not valid as a Llama 4 id.
    """
    low = name.strip().lower()
    tail = low.rsplit("/", 1)[-1]
    family = generation(name)
    if family is not None and family.startswith("llama-guard-"):
        version = family.removeprefix("llama-guard-")
        reason = f"names Llama Guard {version}, a safety classifier of another generation, not a Llama 4 model"
        return _no_variant(name, family, reason)
    if family is not None and family.startswith("llama-4."):
        reason = (
            f"names Llama {family.removeprefix('llama-')}, a version Meta has not published: not a Llama 4 name, "
            "so what its weights are cannot be read from it"
        )
        return _no_variant(name, family, reason)
    if family not in (None, "llama-4"):
        reason = f"names Llama {family.removeprefix('llama-')}, not Llama 4: the Llama 4 license, facts and limits do not apply"
        return _no_variant(name, family, reason)
    if _GUARD.search(tail) is not None:
        reason = (
            "Llama Guard 4 is a separate model, a dense 12B safety classifier pruned from Llama 4 Scout, "
            "not a Scout or Maverick checkpoint (see safety.system_level.llama_guard_4.*)"
        )
        return _no_variant(name, "llama-4", reason)
    marked = family == "llama-4"
    by_name = {v for v in SIZES_B if v in tail}
    experts = [int(m) for m in re.findall(r"(?<![0-9a-z.])(\d+)e(?![a-z0-9])", tail)]
    ollama = [int(m) for m in _OLLAMA.findall(tail)]
    experts += ollama
    by_experts = {EXPERTS_TO_VARIANT[e] for e in experts if e in EXPERTS_TO_VARIANT}
    sizes = [float(m) for m in _SIZE.findall(tail)]
    by_total = {_TOTAL_TO_VARIANT[s] for s in sizes if s in _TOTAL_TO_VARIANT} if "llama" in low else set()
    if not (by_name or by_experts or by_total) or not (marked or (by_name and by_experts) or by_total):
        return None
    # "Instruct" (or "-it") names the instruct model; a repo-style name with the expert count and
    # no "Instruct" is a base checkpoint; a provider id without either does not say.
    stage: Literal["base", "instruct"] | None = None
    if "instruct" in tail or re.search(r"(?<![a-z])it(?![a-z])", tail):
        stage = "instruct"
    elif experts and not ollama:
        stage = "base"
    # Without a suffix, a repo-style name (Meta's capitalised form, ``Llama-4-Scout-17B-16E``) is
    # Meta's BF16 release format; an all-lower-case id is a provider's and does not say.
    repo_style = bool(experts) and name.strip().rsplit("/", 1)[-1] != tail
    precision, packaging = ("bf16", "transformers") if repo_style else ("unknown", "unknown")
    if tail.endswith("-maas"):
        packaging = "provider-endpoint"
    for pattern, prec, pack in _PRECISION_PATTERNS:
        found = re.search(pattern, tail)
        if found:
            precision, packaging = prec.format(*found.groups()), pack.format(*found.groups())
            break
    if not repo_style and experts and packaging == "transformers":
        packaging = "unknown"  # a suffix on a provider-style id says the precision, not the format
    if "original" in tail:
        packaging = "meta-native"
    named = by_name or by_experts or by_total
    if len(named) > 1:
        return _no_variant(name, "llama-4", f"names more than one variant: {', '.join(sorted(named))}")
    variant = next(iter(named))

    def parsed(reason: str | None, valid: bool = True) -> Resolution:
        return Resolution(
            input=name,
            variant=variant,
            stage=stage,
            precision=precision,
            packaging=packaging,
            valid=valid,
            method="parsed",
            family="llama-4",
            reason=reason,
        )

    unknown_experts = [e for e in experts if e not in EXPERTS_TO_VARIANT]
    if by_name and (by_experts - by_name or unknown_experts):
        count = next(iter(experts))
        expected = next(k for k, v in EXPERTS_TO_VARIANT.items() if v == variant) if variant != "behemoth" else None
        why = (
            f"{variant.capitalize()} has {expected} routed experts"
            if expected
            else f"{variant.capitalize()} has no released checkpoint"
        )
        if count not in EXPERTS_TO_VARIANT and expected and count < expected:
            why += "; fewer experts than that suggests an expert-pruned derivative or a mislabelled id"
        return parsed(f"impossible combination: '{count}E' in a {variant.capitalize()} id ({why})", valid=False)
    foreign = [s for s in sizes if s not in SIZES_B[variant]]
    if foreign:
        known = " / ".join(_size_label(s) for s in SIZES_B[variant])
        return parsed(
            f"{'size' if len(foreign) == 1 else 'sizes'} {', '.join(_size_label(s) for s in foreign)}: "
            f"no {variant.capitalize()} checkpoint has {'that size' if len(foreign) == 1 else 'those sizes'} "
            f"({variant.capitalize()} is {known}): another model of that size, not {variant.capitalize()}'s weights",
            valid=False,
        )
    caveat = None
    if by_total and not (marked or by_name or by_experts):
        total = next(s for s in sizes if s in _TOTAL_TO_VARIANT)
        caveat = f"read as {variant.capitalize()} from its total size ({_size_label(total)}) alone; likely a derivative"
    return parsed(caveat)
