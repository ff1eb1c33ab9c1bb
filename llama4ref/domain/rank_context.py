"""What scoring a fact needs beyond the fact itself (llama4ref.domain.ranking): the text's parse
read once per question into sets and maps the score of every fact looks up, and the helpers
that read them (whether a path names an entity of a kind, the credit a phrase earns)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from llama4ref.store.knowledge_base import KnowledgeBase


class Context(NamedTuple):
    """What scoring needs beyond the fact itself."""

    comparison: set[str]  # comparison models' ids
    preview: set[str]  # unreleased models' ids
    variant_ids: set[str]
    dotted: dict[str, tuple[str, ...]]  # model ids with a dot in them, by their part before it ("llama-3": 3.1-405b, 3.3-70b)
    named_variants: set[str]  # the models the text names
    guessed: set[str]  # words put in for misspelt ones: a match on them counts half
    in_text: dict[str, set[str]]  # left-over word → paths whose text holds it
    mentioned: dict[str, set[str]]  # an entity's words as written → paths whose text holds them all
    gpu_keys: tuple[str, ...]  # the path segments (or their parts) that name a GPU
    defining: frozenset[str]  # when the text asks what something is or means: the segments of answers that explain
    runs: frozenset[str]  # the text's runs of words written together (stop words kept): "iq1s", "llama4"
    family: bool  # the text names the family ("llama 4") and no model
    implied: bool  # the text names no attribute of its own: a name's attribute ("128E": routed experts) counts
    phrase_stems: frozenset[str]  # stems of the content words inside the text's vocabulary phrases
    part_paths: dict[str, int]  # a left-over word → how many facts' paths hold it (rarer words say more)
    numbered: dict[str, set[str]]  # a unit written after a number ("8bit") → the numbers the text gives it
    reference: frozenset[str]  # models named only as what another is compared with ("like scout")
    vision: bool  # the text names images, patches, tiles or the vision encoder
    encoder: bool  # the text names the vision encoder itself
    base: bool  # the text names the base (pretrained) model
    imagery: bool  # the text names images, vision, modalities, inputs or how images are fed in
    valued: dict[str, float]  # paths whose value is a number the text writes → how rare those numbers are
    heads: frozenset[str]  # words written before "of" ("title of …"): what the text asks for
    providers: set[str]  # the keys of the providers the text names
    reversed: frozenset[str]  # neighbouring left-over words joined in the other order ("kgv->eng": eng_kgv)
    pairs: frozenset[str]  # neighbouring left-over words joined in the order written ("generation prompt")
    stemmable: frozenset[str]  # one-word attribute phrases naming a rare path part ("refusals": refusal_tone)
    clauses: dict[str, float]  # a license term's fact path → what it is set below stored facts by
    text_stems: frozenset[str] = frozenset()  # phrase_stems and the stems of the left-over words
    initials: Mapping[str, frozenset[str]] = {}  # left-over word → segments it is the initials of ("moe")
    quoted: frozenset[str] = frozenset()  # models whose figure the text quotes while asking about another
    asked: frozenset[str] = frozenset()  # the path words of every attribute the text names
    # the asked attributes' path words no fact about the named models carries, and those their own facts carry
    scope: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    unserved: frozenset[str] = frozenset()  # attribute path words no fact of the providers named carries
    by_id: frozenset[str] = frozenset()  # providers the text names by their own model id ("@cf/meta/…")
    hyphenated: Mapping[str, int] = {}  # facts whose text writes a compound the text hyphenates ("pre-norm") → how many
    engines: frozenset[str] = frozenset()  # the keys of the engines the text names
    named_kinds: frozenset[str] = frozenset()  # the classes of the entities the text names (variant, gpu, engine, …)
    asked_ids: frozenset[str] = frozenset()  # the ids of the attributes the text names
    ratio: bool = False  # the text asks how many times more ("how much faster")
    alternatives: int = 0  # entities named only as another's alternative ("scout or maverick")
    mechanism: bool = False  # the text asks how something works
    serving: bool = False  # the text asks about running a model, not about fine-tuning it
    split_paths: Mapping[str, frozenset[str]] = {}  # a model named → facts naming it in a segment ("nih_charts.scout_text")
    money: bool = False  # the text writes an amount of money ("$0.15")
    # the distinct left-over words scored against each fact (None: every one), and how many were set
    # aside because no path or fact text can hold them (they count as wanted, and answer nothing)
    scored_words: tuple[str, ...] | None = None
    unreachable: int = 0
    family_held: frozenset[str] = frozenset()  # with the family named: attribute path words a family fact gives
    amount_held: frozenset[str] = frozenset()  # with a model named: facts writing an amount of memory the text writes


def names_kind(ents: list[dict[str, Any]], segs: list[str], flat_path: str, ctx: Context) -> bool:
    """Whether the path names some entity of the kinds ``ents`` are (another variant, provider,
    engine, GPU or benchmark): then a mention in its text is about that one, not the text's."""
    for cls in {t.get("cls", "named") for t in ents}:
        if cls == "variant" and (ctx.variant_ids.intersection(segs) or segs[0] in ctx.dotted):
            return True
        if cls == "provider" and segs[0] == "providers":
            return True
        if cls == "engine" and segs[0] in ("runtime", "engines"):
            return True
        if cls == "benchmark" and "benchmarks" in segs:
            return True
        if cls == "gpu" and (segs[0] == "hardware" or any(f"_{k}_" in flat_path or f"x{k}_" in flat_path for k in ctx.gpu_keys)):
            return True
        if cls in ("named", "topic"):
            return True
    return False


def credit(text: str, ctx: Context) -> float:
    """1 for words as written; 1/2 when a word was put in for a misspelt one."""
    return 0.5 if set(text.split()) & ctx.guessed else 1.0


def dotted(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for v in kb.variants():
        if "." in v.id:
            out[v.id.split(".")[0]] = (*out.get(v.id.split(".")[0], ()), v.id)
    return out
