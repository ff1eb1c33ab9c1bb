"""Caveats: what an answer should say beside the value it gives.

- **no figure of the model named** (:func:`unrecorded_figure`): a family fact answering for the
  model the text names, when a released model has a figure of its own for the attribute and the
  model named has none, says so (a preview's own figure does not: the family's covers the
  released models). "how many tokens was behemoth trained on" is answered with the family's
  figure, and the caveat names the models' own.
- **no file of the quantization type asked for** (:func:`unrecorded_quant`):
  ``ask("how big is the scout q4_k_m gguf")`` is answered with the closest recorded file
  (Unsloth's dynamic Q4_K_XL GGUF), because no Q4_K_M file of Scout is recorded; the caveat says
  which type was asked for, that no file of it is recorded, and which type the answer is instead.
  A GGUF type name is the llama.cpp form (``Q4_K_M``, ``Q8_0``, ``IQ4_XS``, Unsloth's
  ``UD-Q4_K_XL``), matched in any case, with ``-`` or ``_`` between its parts.
- **a memory figure the records do not state but ``memory`` computes** (:func:`computed_memory`):
  "how much memory does maverick need in fp8" is answered with what the records say (the FP8
  weights fit one H100 host), and the caveat says that no record states the memory itself and
  which ``llama4ref memory`` command computes it from the architecture facts (a derived figure).
- **a GPU count that does not say for which GPU** (:func:`gpu_count`): "how many GPUs for maverick
  bf16", naming no GPU, is answered with a recorded count (Meta's "at least 4 GPUs" for its
  reference scripts); the caveat says what that count rests on (no GPU model, context length or
  batch; or the one setup its record is about) and the ``llama4ref memory`` command, with
  ``--precision`` and ``--gpu``, that computes the count for a GPU, at the model's full window and
  batch 1 unless ``--context``/``--batch`` say otherwise.
- **a provider's offer that has ended or will** (:func:`offer_caveat`): a provider fact's value is
  not what that provider serves today when the offer is deprecated, or has a deprecation date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from llama4ref.domain.leads import OWN_AREAS_NOT, path_words
from llama4ref.domain.scope import carries
from llama4ref.paths import FactPath

if TYPE_CHECKING:
    from datetime import date

    from llama4ref.domain.ranking import Ranking
    from llama4ref.store.answers import Fact
    from llama4ref.store.knowledge_base import KnowledgeBase

MEMORY_WORDS = frozenset({"memory", "vram", "ram"})
"""Words of a question asking how much memory a model takes."""
MEMORY_UNITS = frozenset({"bytes", "gigabytes", "gibibytes"})

ANSWER_ROOTS = ("files.", "quantization.")
"""The answers a file's quantization type bears on: a file's size or fit, a quantization family."""

GGUF_TYPE = r"(?<![a-z0-9])(?:ud[-_])?(i?q[1-8](?:[-_][a-z0-9]{1,3}){1,2})(?![a-z0-9])"
"""A llama.cpp quantization type as written: ``q4_k_m``, ``Q8_0``, ``iq2-xxs``, ``UD-Q4_K_XL`` (matched
ignoring case; compiled only for an answer about files, so other questions do not pay for it)."""


def _norm(text: str) -> str:
    return re.sub(r"[\s-]+", "_", text.lower())


def _recorded(kb: KnowledgeBase, variant: str | None) -> list[str]:
    """Every recorded file's type, as its path key and its ``quant`` qualifier write it."""
    prefix = f"files.{variant}" if variant else "files"
    kinds = []
    for fact in kb.facts(prefix, derived=False, terms=False):
        kinds.append(_norm(fact.path))
        quant = fact.qualifiers.get("quant")
        if isinstance(quant, str):
            kinds.append(_norm(quant))
    return kinds


def unrecorded_quant(kb: KnowledgeBase, text: str, path: str | None, facts: tuple[Fact, ...]) -> str | None:
    """The caveat for an answer at ``path`` to ``text`` when ``text`` names a GGUF quantization
    type that no recorded file of the answer's model has; None when it names none, every type it
    names is recorded, or the answer is not about files or quantization."""
    if path is None or not path.startswith(ANSWER_ROOTS):
        return None
    asked = list(dict.fromkeys(_norm(m.group(1)) for m in re.finditer(GGUF_TYPE, text, re.IGNORECASE)))
    parts = path.split(".")
    variant = parts[1] if parts[0] == "files" and len(parts) > 1 else None
    recorded = _recorded(kb, variant)
    missing = [a for a in asked if not any(a in kind for kind in recorded)]
    if not missing:
        return None
    names = " or ".join(a.upper() for a in missing)
    model = f" of Llama 4 {variant.capitalize()}" if variant else ""
    if len(facts) > 1 or (facts and facts[0].path != path):  # a group: the recorded files, listed
        instead = f": these are the files that are recorded, none of them a {names}"
    else:
        shown = facts[0].qualifiers.get("quant") if facts else None
        instead = f": this is the closest recorded file ({shown}), not a {names}" if isinstance(shown, str) else ""
    return f"no {names} file{model} is recorded{instead}"


def unrecorded_figure(kb: KnowledgeBase, ranking: Ranking, fact: Fact) -> str | None:
    """What to say when ``fact`` is the family's figure for a model the text names that has none
    of its own, while other models have ("how many tokens was behemoth trained on"), else None."""
    named = {str(t["target"]) for t in ranking.parsed.of_kind("entity") if t.get("cls") == "variant"}
    segs = fact.path.split(".")
    ids = {v.id for v in kb.variants(role="released")} | {v.id for v in kb.variants(role="preview")}
    if len(named) != 1 or ids.intersection(segs) or segs[0] in OWN_AREAS_NOT:
        return None
    model = next(iter(named))
    asked = {w for m in ranking.parsed.matches for pw in path_words(m.terms) for w in pw if carries((w,), segs[-1:])}
    if not asked or model not in ids:
        return None
    released = {v.id for v in kb.variants(role="released")}
    own = [p for p in ranking.paths if p.split(".")[0] in ids - {model} and carries(asked, p.split(".")[-1:])]
    if not released.intersection(p.split(".")[0] for p in own) or any(
        p.split(".")[0] == model and carries(asked, p.split(".")[-1:]) for p in ranking.paths
    ):
        return None
    order = [v.id for v in kb.variants()]
    plainest = min(len(p.split(".")[-1].split("_")) for p in own)  # tokens, not tokens_per_active_parameter
    own = sorted(
        (p for p in own if len(p.split(".")[-1].split("_")) == plainest), key=lambda p: (order.index(p.split(".")[0]), p)
    )
    return f"no {kb.variant(model).name} figure is recorded; this is the family's (the models' own: {', '.join(own[:3])})"


def asked_precision(text: str) -> str | None:
    """The precision ``memory --precision`` computes that ``text`` names as a word, if any."""
    from llama4ref.domain.memory import PRECISIONS

    ws = set(re.findall(r"[a-z0-9]+", text.lower()))
    return next((p for p in PRECISIONS if p in ws), None)


def computed_memory(kb: KnowledgeBase, ranking: Ranking, path: str | None) -> str | None:
    """What to say when the text asks how much memory Scout or Maverick takes (in a precision
    ``memory`` computes, or none named) and the answer is not a memory figure of that model in
    that precision: no record states one, and the ``llama4ref memory`` command that computes it
    from the architecture facts. None when the text names no memory word or not exactly one of
    the two models, or when the answer is a recorded figure of the model in bytes and the text
    names no precision."""
    ws = set(re.findall(r"[a-z0-9]+", ranking.text.lower()))
    if not ws & MEMORY_WORDS or path is None:
        return None
    named = {str(t["target"]) for t in ranking.parsed.of_kind("entity") if t.get("cls") == "variant"}
    if len(named) != 1 or not named <= {"scout", "maverick"}:
        return None
    model = next(iter(named))
    precision = asked_precision(ranking.text)
    fact = kb.get(path) if kb.has(path) else None
    if precision is None and fact is not None and fact.unit in MEMORY_UNITS and model in path.split("."):
        return None
    name = kb.variant(model).name
    if precision is None:
        from llama4ref.domain.memory import PRECISIONS

        return (
            f"the records state {name}'s memory only for particular setups; `llama4ref memory {model} --precision"
            f" {'|'.join(PRECISIONS)}` computes it for each of Meta's precisions (derived from the architecture facts)"
        )
    command = f"llama4ref memory {model} --precision {precision}"
    return (
        f"no record states {name}'s memory in {precision.upper()}; `{command}` computes it (derived from the architecture facts)"
    )


GPU_COUNT_UNIT = "gpus"
"""The unit of a recorded GPU count, and the vocabulary attribute "how many GPUs" names."""


def gpu_count(kb: KnowledgeBase, ranking: Ranking, path: str | None) -> str | None:
    """What to say when the text asks how many GPUs Scout or Maverick needs and names no GPU: what
    the answer's count rests on (its path names a GPU of a hardware record, or none; an answer that
    is no count says the records state counts only for particular setups) and the ``llama4ref
    memory`` command that computes the count for a GPU (its assumptions: the model's full window,
    batch 1, as ``memory`` prints them). None otherwise."""
    parsed = ranking.parsed
    if path is None or not any(t["id"] == GPU_COUNT_UNIT for t in parsed.of_kind("attribute")):
        return None
    entities = parsed.of_kind("entity")
    named = {str(t["target"]) for t in entities if t.get("cls") == "variant"}
    if len(named) != 1 or not named <= {"scout", "maverick"} or any(t.get("cls") == "gpu" for t in entities):
        return None
    fact = kb.get(path) if kb.has(path) else None
    if fact is None:
        return None
    model = next(iter(named))
    name = kb.variant(model).name
    gpus = sorted({p.split(".")[1] for p in kb.paths("hardware", derived=False) if p.endswith(".memory_gb")})
    setup = next((g for seg in path.split(".") for g in gpus if seg == g or seg.endswith("x" + g)), None)
    precision = asked_precision(ranking.text)
    command = f"llama4ref memory {model}" + (f" --precision {precision}" if precision else "") + f" --gpu {setup or 'GPU'}"
    if fact.unit != GPU_COUNT_UNIT:  # a host or a setup's description ("a single H100 DGX host")
        rests = f"the records state {name}'s GPU count only for particular setups"
    elif setup:
        rests = f"this count is for one recorded setup ({setup}) and names no context length or batch"
    else:
        rests = "this count names no GPU model, context length or batch"
    shown = "" if setup else f" on a GPU with a hardware record ({', '.join(gpus)})"
    return (
        f"{rests}; `{command}` computes the GPUs {name} needs{shown}, at its full context window and batch 1 unless"
        " --context and --batch say otherwise"
    )


def offer_caveat(kb: KnowledgeBase, path: str, today: date | None = None) -> str | None:
    """What a user must know before taking a provider fact's value as served today: the offer has
    ended (its deprecation date has passed, or its status says so) or has a deprecation date ahead.
    None for a fact that is not about one provider's offer, or an offer with neither."""
    fp = FactPath.parse(path)
    if fp.kind != "providers" or fp.provider is None or fp.variant is None:
        return None
    from datetime import date

    from llama4ref.domain.deploy import offers  # the offers table: read only for a provider's fact

    found = [o for o in offers(kb, str(fp.variant), as_of=None) if o.provider == fp.provider]
    if not found:
        return None
    offer, when = found[0], today or date.today()
    if offer.deprecated:
        since = f" on {offer.deprecation_date}" if offer.deprecation_date and offer.deprecation_date <= when else ""
        return f"this {offer.provider_name} offer has ended: {offer.variant} deprecated{since}, as its sources say"
    if offer.deprecation_date is not None:
        return f"{offer.provider_name} plans to deprecate this {offer.variant} offer on {offer.deprecation_date}"
    return None
