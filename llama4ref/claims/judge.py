"""Judge a statement against the records: supported, contradicted, disputed or unchecked.

Candidates are the facts the statement can be about: under the variant (the model's own
tier), under ``providers.<p>.<variant>`` when a provider is named (a served limit), or the one
fact an entity names (``license.mau_threshold``). A value agrees with a fact when it is within
its written rounding ("109B" and 108.6B; "10M" read as 10 × 2²⁰), or within a stated bound;
a recorded approximate value adds its own written rounding ("400B": whole billions, so "405B"
disagrees). A value that matches only a non-preferred value is reported with that value's rank.
Contradicted needs an unambiguous variant, attribute and tier; a statement about Llama 4 as a
whole ("Llama 4 ... 128K context") is contradicted only when every released variant records the
attribute and no variant of the family agrees. A family-wide figure (the training mixture) judges
a statement about the family, or about a variant with no fact of its own for the attribute. Anything
less is unchecked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple
from weakref import WeakKeyDictionary

from llama4ref.claims import strength
from llama4ref.claims.agree import display, limit_agrees
from llama4ref.claims.alike import judgeable, named_leaf
from llama4ref.claims.statement import SEVERAL_PROVIDERS, UNKNOWN_PROVIDER, Statement
from llama4ref.claims.strength import weakly_bound
from llama4ref.claims.values import Value
from llama4ref.paths import BENCHMARKS, FactPath

if TYPE_CHECKING:
    from llama4ref.claims import Status
    from llama4ref.store.answers import Alternative
    from llama4ref.store.knowledge_base import KnowledgeBase

_NUMERIC = frozenset(
    {
        "parameters",
        "tokens",
        "experts",
        "layers",
        "heads",
        "dimensions",
        "images",
        "tiles",
        "gpus",
        "languages",
        "gpu_hours",
        "tonnes_co2eq",
        "usd_per_million_tokens",
        "score",
        "percent",
        "count",
        "watts",
        "tflops_per_gpu",
    }
)
_EXCLUSIVE = frozenset({"output", "per-token", "shared-expert", "active", "input"})
"""Attributes a fact must be asked about by name before it is the one a statement is held to
("Scout has 17B parameters" may mean active parameters; a mismatch is judged against the total)."""
_PREFERRED_LAST = ("total", "routed", "instruct", "max_input", "context_window")
_RELEASED = ("scout", "maverick")
_SHARED = ("tokenizer.", "architecture.", "irope.")
"""Areas describing one part every variant shares (the one tokenizer, the attention and MoE design):
a variant's own figure for the same attribute is the same part's, so it never hides these."""
_FAMILY_WIDE = ("training.", "multimodal.", *_SHARED)
SERVED = frozenset({"context", "output", "input", "price", "release"})
_SIZES: WeakKeyDictionary[KnowledgeBase, tuple[float, ...]] = WeakKeyDictionary()
"""Attributes a provider sets for what it serves (a date it started serving a model is not the
model's release); other attributes on a provider's page are the model's own (experts, knowledge
cutoff) and are judged at the model tier."""


class Verdict(NamedTuple):
    status: Status
    path: str | None
    recorded: Any
    rank: str | None  # the rank of the matched value when not preferred
    reason: str
    alternative: Alternative | None = None  # the ranked value matched, whose own sources back it


def judge(kb: KnowledgeBase, st: Statement, attributes_by_id: dict[str, dict[str, Any]]) -> Verdict:
    if st.every:  # said of "both": held to each variant, wrong when either disagrees
        each = [judge(kb, st._replace(variant=v, variant_from="text", every=()), attributes_by_id) for v in st.every]
        return next((x for x in each if x.status == "contradicted"), each[0])
    verdict = _judge(kb, st, attributes_by_id)
    if verdict.status != "contradicted":
        return verdict
    loose = st.variant is None or strength.RANK[st.variant_from] < strength.CONTRADICT_FROM
    toy = _another_size(kb, st, verdict.path) if loose and not st.entity_fact else None
    if toy:
        return verdict._replace(status="unchecked", reason=toy)
    trained = _judge(kb, st._replace(offered=False), attributes_by_id) if st.offered else None
    if trained and trained.status == "supported":  # "supports 200 languages": the pre-training count, beside the 12
        verdict = verdict._replace(
            reason=f"{verdict.reason}; {trained.path} counts the languages of pre-training, not those supported"
        )
    if not st.firm and not st.unread:  # (a key's unread words are the reason given, below)
        return verdict._replace(status="unchecked", reason="the attribute is not attached to the value")
    doubt = strength.doubtful(st.provider_from, st.reach, str(verdict.path).startswith("providers."), st.unread)
    if doubt:
        return verdict._replace(status="unchecked", reason=doubt)
    if set(st.units) == {"tokens"} and not st.attributes and not st.benchmark:
        return verdict._replace(status="unchecked", reason="tokens of what (a context, a training set)? no attribute is named")
    free = st.value.high == 0 and "usd_per_million_tokens" in st.units  # a price of 0: free, at any scale
    if not free and not _scale_fits(verdict.recorded, st.value):  # "288B" held to 16 experts: another attribute's figure
        return verdict._replace(status="unchecked", reason="the value's scale does not fit this attribute")
    other = _other_attribute(kb, st, attributes_by_id)
    if other:
        return verdict._replace(status="unchecked", reason=other)
    weak = weakly_bound(st.variant_from, bool(st.entity_fact) or st.variant is None)
    # a score belongs to one model, stage and setting: "no variant has this score" says nothing
    # of a page's own or an aggregator's run (the family test is for sizes, windows and dates)
    if (
        weak
        and strength.FAMILY_TEST
        and not st.benchmark
        and _judge(kb, st._replace(variant=None, family=True), attributes_by_id).status == "contradicted"
    ):
        return verdict._replace(reason=f"{verdict.reason}; no Llama 4 variant has this value")  # wrong whoever it is about
    return verdict._replace(status="unchecked", reason=weak) if weak else verdict


def _another_size(kb: KnowledgeBase, st: Statement, path: str | None) -> str | None:
    """Why a parameter count no variant has, said of Llama 4 with no variant firmly named, is
    another model's: a tenth of the smallest count any Llama 4 variant records, or ten times the
    largest ("Llama 4 (TinyStories Edition) features 771 million parameters": a toy model
    borrowing the name). A wrong size within that range (8B, 70B, 405B) stays contradicted."""
    if path is None or ".params." not in f".{path}" or st.value.high <= 0:
        return None
    sizes = _family_sizes(kb)
    if not sizes or min(sizes) / 10 <= st.value.high <= max(sizes) * 10:
        return None
    return "a parameter count a tenth of the smallest Llama 4 figure or ten times the largest: another model's"


def _family_sizes(kb: KnowledgeBase) -> tuple[float, ...]:
    """Every parameter count the Llama 4 variants record (over 10^8), once per knowledge base."""
    sizes = _SIZES.get(kb)
    if sizes is None:
        sizes = _SIZES[kb] = tuple(
            float(f.value)
            for p, _, f in judgeable(kb)
            if ".params." in f".{p}"
            and p.split(".")[0] in (*_RELEASED, "behemoth")
            and isinstance(f.value, (int, float))
            and not isinstance(f.value, bool)
            and f.value > 1e8
        )
    return sizes


def _other_attribute(kb: KnowledgeBase, st: Statement, attributes_by_id: dict[str, dict[str, Any]]) -> str | None:
    """Why a mismatch may be another attribute's figure: the phrase naming the attribute stands
    words away from the value, and the value in its unit is the model's own figure for another
    attribute ("LLaMA 4 17B, being MoE, has a larger total parameter count": 17B is the active
    count, the "total" five words on is the sentence's contrast)."""
    if not st.reach or not st.units or st.benchmark or st.entity_fact:
        return None
    loose = _judge(kb, st._replace(attributes=(), reach=0), attributes_by_id)
    if loose.status != "supported" or loose.path is None:
        return None
    return f"the attribute is named {st.reach} words from the value, which is {loose.path}"


def _served(st: Statement) -> bool:
    """Whether the statement gives a figure a provider serves (a window, cap, price or date)."""
    return bool({a["id"] for a in st.attributes} & SERVED) or "usd_per_million_tokens" in st.units


def _judge(kb: KnowledgeBase, st: Statement, attributes_by_id: dict[str, dict[str, Any]]) -> Verdict:
    if st.other_model:
        return Verdict("unchecked", None, None, None, "the nearest model named is not Llama 4")
    if st.provider in (UNKNOWN_PROVIDER, SEVERAL_PROVIDERS):
        served = _served(st)
        if served or st.benchmark or st.value.day is not None:
            return Verdict("unchecked", None, None, None, f"served by {st.provider}")
        # "17B active params x 128 experts … Available on Azure, AWS Bedrock and DeepInfra": whoever
        # serves it, a model's size, experts or layers are the model's own (the model tier)
        st = st._replace(provider=None)
    if st.entity_fact:
        return _against(kb, [st.entity_fact], st, [st.entity_fact], tier="license")
    if not st.family and st.variant is None:
        return Verdict("unchecked", None, None, None, "the text does not say it is about Llama 4")
    if st.engine and st.provider is None:
        return Verdict("unchecked", None, None, None, "a runtime or GPU is named: a measured limit, not the model's")
    variants = [st.variant] if st.variant else list(_RELEASED)
    released = st.value.day is not None and any(str(a["id"]) == "release" for a in st.attributes)
    if st.benchmark and not released:  # ("Llama 4 (released early 2026) … performance on math": the release's date)
        return _benchmark(kb, st)
    served = _served(st)
    if st.provider and st.variant and not (served and st.own):  # "…, a model with its own 10M window": the model's
        prefix = f"providers.{st.provider}.{st.variant}."
        paths = sorted(_candidates(kb, prefix, st), key=lambda p: _preference(kb, p))
        if paths:
            nominal = nominal_of = sorted(_candidates(kb, f"{st.variant}.", st), key=lambda p: _preference(kb, p))
            if served or (st.provider_from != "text" and strength.RANK[st.provider_from] >= strength.PROVIDER_FROM):
                nominal = []  # a figure said of a provider is what it serves: Meta's window never supports it
            verdict = _against(kb, paths + nominal, st, [p for p in paths if _primary_ok(p, st)] or paths, tier="provider")
            if (
                served
                and verdict.status == "contradicted"
                and _against(kb, nominal_of, st, nominal_of, "model").status == "supported"
            ):
                return verdict._replace(reason=f"{verdict.reason}; the model's nominal window is no provider's served limit")
            return verdict
        if served:
            return Verdict("unchecked", None, None, None, f"no record of {st.provider} serving {st.variant} with this limit")
        # a provider's page stating a property of the model itself (experts, cutoff): the model tier
    elif st.provider and served and st.variant is None:
        return _sole_variant(kb, st)
    if st.variant is None:
        return _family(kb, st)
    paths = [p for v in variants for p in _candidates(kb, f"{v}.", st)]
    every_wide = _family_wide(kb, st)
    wide = _not_owned(kb, every_wide, paths, st)
    if not paths and not wide:
        return Verdict("unchecked", None, None, None, "no recorded fact for this attribute")
    verdict = _against(kb, paths, st, [p for p in paths if _primary_ok(p, st)] or paths, tier="model", wide=wide)
    leaf = named_leaf(kb, st, variants) if verdict.status == "contradicted" else None
    if leaf:
        return Verdict("supported", leaf[0], leaf[1], None, _why("model", leaf[0]))
    agreed = [p for p in every_wide if p not in wide and _against(kb, [], st, [], "family", wide=[p]).status == "supported"]
    note = f"; {agreed[0]} is the family's figure, not {st.variant}'s" if agreed and verdict.status == "contradicted" else ""
    return verdict._replace(reason=verdict.reason + note)  # "Scout was trained on 30T tokens": the mixture's figure


def _not_owned(kb: KnowledgeBase, wide: list[str], own: list[str], st: Statement) -> list[str]:
    """The family-wide facts a variant's statement may agree with: none in the unit of the variant's own
    fact for the attribute ("Scout was trained on 30T tokens" is held to Scout's ~40T, not the >30T
    mixture; Scout records no image count, so the family's 48 pre-training images judge it), except
    a shared part's ("Scout's 200K vocabulary" agrees with the tokenizer's 200,000 base tokens beside
    Scout's own 202,048: the same tokenizer, counted without its reserved special tokens)."""
    mine = _primary(kb, own, st) if own else None
    return [p for p in wide if mine is None or kb.get(p).unit != kb.get(mine).unit or p.startswith(_SHARED)]


def _family_wide(kb: KnowledgeBase, st: Statement) -> list[str]:
    """Facts recorded for the whole family (training.data_mixture.tokens, multimodal.images.pretraining_max):
    a variant's statement may agree with those it has no fact of its own for (_not_owned), never be contradicted."""
    offered = ("training.languages",) if st.offered else ()  # "supports 200 languages": not the pre-training mixture's
    return [p for p in _candidates(kb, "", st) if p.startswith(_FAMILY_WIDE) and not p.startswith(offered or "\0")]


def _family(kb: KnowledgeBase, st: Statement) -> Verdict:
    """A statement about Llama 4 as a whole ("Llama 4 ... 128K context", "a 1.4 trillion parameter
    foundation"): supported when any variant's record agrees; contradicted only when every released
    variant records the attribute and none of the family (Behemoth included) agrees. The fact cited
    is the variant's the document names by its size ("a 400B MoE"), else the variant's whose
    recorded value is nearest the one written."""
    by_variant = {v: _candidates(kb, f"{v}.", st) for v in (*_RELEASED, "behemoth")}
    paths = [p for ps in by_variant.values() for p in ps]
    wide = _family_wide(kb, st)
    if not paths and not wide:
        return Verdict("unchecked", None, None, None, "no recorded fact for this attribute")
    verdict = _against(kb, paths, st, [p for p in paths if _primary_ok(p, st)] or paths, tier="family", wide=wide)
    if verdict.status != "contradicted":
        return verdict
    primaries = [_primary(kb, ps, st) for v, ps in by_variant.items() if ps]
    if any(not by_variant[v] for v in _RELEASED) or any(p is None or not _primary_ok(p, st) for p in primaries):
        return Verdict("unchecked", None, None, None, "no variant named and not every variant records this")
    sized = [p for p in primaries if p and st.sized and p.startswith(st.sized + ".")]
    totals = [p for p in wide if p.endswith("_total") and not kb.get(p).derived]  # the family's sum over its models
    if totals and not sized:  # "Training Llama 4 emitted 2,500 tons of CO2": held to the family's total
        return Verdict(
            "contradicted", totals[0], kb.get(totals[0]).value, None, "the family's total; no Llama 4 variant has this value"
        )
    nearest = sized[0] if sized else min((p for p in primaries if p), key=lambda p: _gap(kb.get(p).value, st.value))
    return Verdict("contradicted", nearest, kb.get(nearest).value, None, "no Llama 4 variant has this value")


def _scale_fits(recorded: Any, v: Value) -> bool:
    """Whether a recorded number (a list: its count) is within a factor of 1000 of the written one
    (dates fit): "17B Vision-Language" is no count of Scout's 12 languages."""
    if isinstance(recorded, list):
        recorded = len(recorded)
    if isinstance(recorded, bool) or not isinstance(recorded, (int, float)) or v.day is not None:
        return True
    ratio = max(abs(float(recorded)), 1e-9) / max(abs(v.high), 1e-9)
    return 1 / 1000 < ratio < 1000


def _gap(recorded: Any, v: Value) -> float:
    """How far a recorded value is from the written one (ratio for numbers; 0 otherwise)."""
    import math

    if isinstance(recorded, bool) or not isinstance(recorded, (int, float)) or recorded <= 0 or v.high <= 0:
        return 0.0
    return abs(math.log(float(recorded) / v.high))


def _benchmark(kb: KnowledgeBase, st: Statement) -> Verdict:
    if st.value.day is not None:  # "unveiled on April 5, 2025 … GPQA Diamond": a date is no score
        return Verdict("unchecked", None, None, None, "a date is not a benchmark score")
    if st.own_run:
        return Verdict("unchecked", None, None, None, "the text reports its own evaluation run")
    if st.value.mult != 1.0:
        return Verdict("unchecked", None, None, None, "a scaled figure is not a benchmark score")
    if st.variant is not None:
        return _score(kb, st)
    # "Llama 4 | MMLU | 88.2%": wrong only when no variant of the family has that score
    verdicts = {v: _score(kb, st._replace(variant=v)) for v in (*_RELEASED, "behemoth")}
    agreed = [x for x in verdicts.values() if x.status in ("supported", "disputed")]
    if agreed:
        return agreed[0]
    wrong = [x for v, x in verdicts.items() if x.status == "contradicted"]
    if any(verdicts[v].status != "contradicted" for v in _RELEASED):
        return Verdict("unchecked", None, None, None, "no variant named for the benchmark score")
    sized = [x for x in wrong if st.sized and str(x.path).startswith(st.sized + ".")]
    pick = sized[0] if sized else min(wrong, key=lambda x: _gap(x.recorded, st.value))
    return pick._replace(reason="no Llama 4 variant has this score")


def _score(kb: KnowledgeBase, st: Statement) -> Verdict:
    """A benchmark statement about one variant against its recorded scores."""
    names = set(st.benchmarks) or {str(st.benchmark)}
    own = [p for p in kb.paths(terms=False) if (fp := FactPath.parse(p)).kind == BENCHMARKS and fp.head == st.variant]
    paths = [p for p in own if FactPath.parse(p).leaf in names]
    labels = {kb.get(p).qualifiers.get("benchmark") for p in paths} - {None}
    paths += [p for p in own if p not in paths and kb.get(p).qualifiers.get("benchmark") in labels and _same_setting(kb, p, st)]
    names = {FactPath.parse(p).leaf for p in paths} or names  # one written name, several settings (cost ranges)
    stage_paths = [p for p in paths if st.stage and FactPath.parse(p).table == st.stage]
    paths = stage_paths or paths
    if st.shots is not None:
        paths = [p for p in paths if kb.get(p).qualifiers.get("shots") in (None, st.shots)]
    if not paths:
        return Verdict("unchecked", None, None, None, "no recorded score for this benchmark, stage and setting")
    verdict = _against(kb, paths, st, paths, tier="benchmark")
    if verdict.status == "contradicted" and st.rerun:
        return verdict._replace(status="unchecked", reason="a reproduction, engine or quantized run: another setting")
    if verdict.status == "contradicted" and len(names) > 1:
        return verdict._replace(status="unchecked", reason="the benchmark name covers several settings")
    return verdict


def _sole_variant(kb: KnowledgeBase, st: Statement) -> Verdict:
    """A served figure of a provider the text names with Llama 4 but no variant ("Fix Databricks llama
    4 model pricing: $0.5/M"): where the records hold that figure for one variant of that provider
    alone, judged against it, but only to agree (the records may not hold every variant it serves)."""
    found = {v: paths for v in _RELEASED if (paths := _candidates(kb, f"providers.{st.provider}.{v}.", st))}
    if len(found) == 1:
        ((_, paths),) = found.items()
        verdict = _against(kb, sorted(paths, key=lambda p: _preference(kb, p)), st, list(paths), tier="provider")
        if verdict.status in ("supported", "disputed"):
            return verdict
    return Verdict("unchecked", None, None, None, "a provider is named but not the variant")


def _same_setting(kb: KnowledgeBase, path: str, st: Statement) -> bool:
    """A reproduction row (its own hardware or precision) is another setting unless the text is about a run."""
    q = kb.get(path).qualifiers
    return st.rerun or not ({"hardware", "precision"} & set(q))


_CANDIDATES: WeakKeyDictionary[KnowledgeBase, dict[tuple[Any, ...], tuple[str, ...]]] = WeakKeyDictionary()


def _candidates(kb: KnowledgeBase, prefix: str, st: Statement) -> list[str]:
    """Facts under ``prefix`` that carry the statement's attribute (and fit its unit); those
    the modifiers name ("active", "total") come first (llama4ref.claims.judge._narrowed).
    Found once per knowledge base for each kind of statement (what :func:`_candidates_of`
    reads of it): a long document repeats a few kinds many times, and each search scans every fact."""
    attributes = tuple((a.get("id"), tuple(a.get("units", ())), tuple(a.get("path_words", ()))) for a in st.attributes)
    key = (prefix, attributes, tuple(st.units), st.value.day is None, st.stage == "pretrained", bool(st.base))
    known = _CANDIDATES.setdefault(kb, {})
    found = known.get(key)
    if found is None:
        found = known[key] = tuple(_candidates_of(kb, prefix, st))
    return list(found)


def _candidates_of(kb: KnowledgeBase, prefix: str, st: Statement) -> list[str]:
    """:func:`_candidates`, searched: every judgeable fact read against the statement's attributes,
    units, stage and whether its value is a date."""
    main = [a for a in st.attributes if a.get("units")]
    modifiers = [a for a in st.attributes if not a.get("units")]
    allowed = {u for a in main for u in a["units"]} | set(st.units)
    if st.value.day is not None:
        allowed = {"date", "month"}
    out = []
    under = FactPath.parse(prefix.rstrip(".")) if prefix else None  # "": every fact (family-wide statements)
    trained = st.stage == "pretrained" or any(a["id"] == "training" for a in st.attributes)
    per_token = any(a["id"] == "per-token" for a in st.attributes) and set(st.units) == {"experts"}
    for path, fp, fact in judgeable(kb):
        if not path.startswith(prefix):
            continue
        rest = fp.after(under) if under is not None else fp.parts
        if under is not None and not under.segments and rest[0] in ("providers", "runtime"):
            continue
        if ("base" in rest or "training_context_length" in rest) and not trained and fact.unit == "tokens":
            continue  # the pre-trained model's window answers only a statement about the base model or training
        if st.base and "instruct" in rest and fact.unit == "tokens":
            continue  # a table row of the base model: the instruction-tuned model's window is not its figure
        counted = fact.unit == "text_list" and rest[-1] in allowed  # "12 languages": scout.languages' length
        if st.value.day is None and fact.unit not in _NUMERIC and not counted:
            continue
        if allowed and fact.unit not in allowed and not counted:
            continue
        if main and not any(_names(a, rest) for a in main):
            continue
        if per_token and not any("per_token" in s for s in rest):
            continue  # "16 active experts", "top-8": each token's experts, never the model's count
        if not main and not st.units and modifiers and not any(_names(a, rest) for a in modifiers):
            continue
        if not main and not allowed and not modifiers:
            continue
        out.append(path)
    return out


def _narrowed(paths: list[str], st: Statement) -> list[str]:
    """The candidates every named modifier fits ("128 total experts" → experts.total), or all."""
    modifiers = [a for a in st.attributes if not a.get("units")]
    if not modifiers:
        return paths
    fits = {p: sum(_names(a, FactPath.parse(p).parts) for a in modifiers) for p in paths}
    best = max(fits.values(), default=0)
    return [p for p in paths if fits[p] == best] if best else paths


def _names(attr: dict[str, Any], segs: Sequence[str]) -> bool:
    return any(f"_{w}_" in f"_{s}_" for w in attr.get("path_words", ()) for s in segs)


def _primary_ok(path: str, st: Statement) -> bool:
    """A fact a mismatch may be judged against: not one asked about only by name."""
    named = {a["id"] for a in st.attributes}
    segs = FactPath.parse(path).parts
    if any("batch" in s.split("_") for s in segs):
        return False  # a batch price: no word of the vocabulary asks for it, so a mismatch is the plain price's
    for aid in _EXCLUSIVE - named:
        word = _EXCLUSIVE_WORDS[aid]
        if any(f"_{word}_" in f"_{s}_" for s in segs) and not (aid == "input" and "context" in named):
            return False
    return True


_EXCLUSIVE_WORDS = {
    "output": "output",
    "per-token": "per_token",
    "shared-expert": "shared",
    "active": "active",
    "input": "max_input",
}


def _carries_named(path: str, st: Statement) -> bool:
    """Whether the fact carries one of the exclusive attributes the statement names ("active", "per token")."""
    if {"active", "total"} <= {a["id"] for a in st.attributes}:  # a label naming both counts ("Active / Total")
        return True
    named = {a["id"] for a in st.attributes} & (_EXCLUSIVE - {"input"})  # "input tokens" may be the context window
    segs = path.split(".")
    return not named or any(f"_{_EXCLUSIVE_WORDS[aid]}_" in f"_{s}_" for s in segs for aid in named)


def _primary(kb: KnowledgeBase, paths: list[str], st: Statement) -> str | None:
    ok = [p for p in _narrowed(paths, st) if _primary_ok(p, st)] or paths
    if not ok:
        return None
    if st.units:  # "20T tokens" under "Training Data": the training set, not the context window
        ok = [p for p in ok if _scale_fits(kb.get(p).value, st.value)] or ok
    return sorted(ok, key=lambda p: _preference(kb, p))[0]


def _preference(kb: KnowledgeBase, path: str) -> tuple[bool, bool, int, str]:
    """Stored before derived, the usual segment ("total", "instruct") first, shallow first."""
    return (kb.get(path).derived, not path.endswith(_PREFERRED_LAST), path.count("."), path)


def _against(
    kb: KnowledgeBase, paths: list[str], st: Statement, primaries: list[str], tier: str, wide: list[str] | None = None
) -> Verdict:
    """The verdict against ``paths``; the family-wide facts ``wide`` may only agree (their
    preferred value), after the statement's own facts (before the variants' in a statement about
    the family: "Llama 4 was trained on more than 30 trillion tokens" is the mixture's figure)."""
    named = _narrowed(paths, st)
    if not all(kb.get(p).derived for p in named):  # "Active Parameters: 400B" is held to the active count
        paths = named
    if tier != "provider":  # (the provider's own facts come first there)
        paths = sorted(paths, key=lambda p: _preference(kb, p))  # cite the fact a reader would look up
    family = sorted(wide or [], key=lambda p: _preference(kb, p))
    ordered = [*family, *paths] if tier == "family" else [*paths, *family]
    stored = [p for p in ordered if not kb.get(p).derived]
    for path in stored:
        fact = kb.get(path)
        if limit_agrees(st.value, fact.value, fact.bound, display(fact.qualifiers.get("display")), _compared(fact)):
            return Verdict("supported", path, fact.value, None, _why(tier, path))
    for path in [*paths, *family]:  # a stored value the records rank (disputed, superseded) before any derived figure:
        for alt in kb.get(path).alternatives:  # "402B" is disputed though the recount rounds to it
            if path in family and alt.rank not in ("rounded", "alternative"):
                continue  # a family-wide fact only agrees ("tested with up to 8 images": the blog's alternative)
            if limit_agrees(st.value, alt.value, alt.bound, None, _compared(kb.get(path))):
                status: Status = "supported" if alt.rank in ("rounded", "alternative") else "disputed"
                return Verdict(
                    status,
                    path,
                    kb.get(path).value,
                    alt.rank,
                    f"matches a {alt.rank} value ({alt.reason.rstrip('.')})",
                    alt,
                )
    for path in ordered:
        fact = kb.get(path)
        if fact.derived and limit_agrees(
            st.value, fact.value, fact.bound, display(fact.qualifiers.get("display")), _compared(fact)
        ):
            return Verdict("supported", path, fact.value, None, _why(tier, path))
    primary = _primary(kb, primaries, st)
    if primary is None:
        return Verdict("unchecked", None, None, None, "no recorded fact")
    if not _carries_named(primary, st):  # "2 experts active per token" where only the routed count is recorded
        return Verdict("unchecked", None, None, None, "the records hold no figure for the attribute named")
    recorded = kb.get(primary).value
    if st.value.mult == 1.0 and not st.units and isinstance(recorded, (int, float)) and recorded >= 1e6 * max(st.value.high, 1):
        return Verdict("unchecked", primary, recorded, None, "the value's scale is not stated (17 what?)")
    if not st.units and len({kb.get(p).unit for p in paths}) > 1 and _far_apart(recorded, st.value):
        # "both were trained to 256 K": "trained" names a topic whose facts count different things
        # (tokens, GPU hours, tonnes of CO2), and 256,000 is not of the scale of Maverick's 645 t
        return Verdict("unchecked", primary, recorded, None, "no unit, and the value is not of the fact's scale")
    if st.variant is None and tier not in ("license", "family"):
        return Verdict("unchecked", primary, kb.get(primary).value, None, "no variant named")
    return Verdict("contradicted", primary, kb.get(primary).value, None, _why(tier, primary))


SCALE_APART = 100.0
"""How many times apart a figure written without a unit and the only fact it could be held to may be
before the binding is read as doubtful rather than the figure as wrong."""


def _far_apart(recorded: Any, value: Value) -> bool:
    """Whether a figure with no unit is so far from the fact's scale (100× either way) that it is
    about something else: "trained to 256 K" held to 645 tonnes of CO2.

    >>> from llama4ref.claims.values import Value
    >>> _far_apart(645, Value(256000.0, 256000.0, 1000.0, 1000.0, "exact", "256 K", 0, 5))
    True
    >>> _far_apart(48, Value(80.0, 80.0, 1.0, 1.0, "exact", "80", 0, 2))
    False
    """
    if isinstance(recorded, bool) or not isinstance(recorded, (int, float)) or recorded <= 0 or value.low <= 0:
        return False
    ratio = max(recorded / value.high, value.low / recorded)
    return ratio >= SCALE_APART


def _compared(fact: Any) -> Any:
    """The comparison a threshold fact states ("greater than"), else None (llama4ref.claims.agree.limit_agrees)."""
    return fact.qualifiers.get("comparison")


def _why(tier: str, path: str) -> str:
    return {
        "provider": "preferred value, provider-served tier",
        "license": "preferred value, license term",
        "benchmark": "preferred value, published score",
    }.get(tier, "preferred value, model tier")
