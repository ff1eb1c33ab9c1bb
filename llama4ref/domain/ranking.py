"""Ranking facts for a free-text question: BM25 from the full-text index, reranked by meaning.

The text is parsed with the vocabulary (llama4ref.records.vocabulary) into entities, attributes,
intents and left-over words. Every indexed fact is then scored: an entity the text names must
match the fact's path (a fact about another variant or provider is pushed down), an attribute
adds when a path segment carries it, an intent adds when the fact's unit answers it, and the
BM25 score of the full-text match (llama4ref.store.fulltext) adds the rest, with the share of the text
a fact satisfies. A model's name that says a quantity ("128E") counts as that attribute when the
text names none; segments the text writes out ("IQ1_S", "llama 4") tell facts apart. When the
best fact sits under a group the text names but does not narrow (``maverick experts``), the
group may answer instead (llama4ref.domain.grouping).
Words meet path segments by their stems (a verb also meets the noun made from it: evaluate,
evaluation_precision); a word only a fact's own text holds (label, value,
quotes, notes) adds by how rare it is; asking what a thing does or means lifts the facet that
explains it (llama4ref.domain.matching holds these word-level helpers). A number the text writes
adds when it is the fact's value (llama4ref.domain.values); a phrase after "non" or "besides" is
set aside; a model named after "like" or "than" is the one compared with, not the subject, and
so is a model whose figure the text quotes while asking the same of another. A base model's fact
waits behind the released model's, and an image-understanding fact behind others, unless the
text names the base model or images. An attribute no fact about the named model carries asks
about the family (llama4ref.domain.scope), and a tested setup's figure the model has a fact of
its own for waits behind that fact; a number the text writes gives no credit to another model's
or the vision encoder's fact when the text names neither. What a question rules out, implies by
its situation or names by a provider's model id is read by llama4ref.domain.situations. Which
fact leads, of those answering the same words (a first-party fact before a serving flag, a kind
before a count), is chosen last (llama4ref.domain.leads).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from llama4ref.domain.evidence import NO_EVIDENCE_MAX, evidence_for
from llama4ref.domain.forms import drop_language_model, initialisms, stemmable, stemmed_attribute, word_forms
from llama4ref.domain.leads import choose_lead
from llama4ref.domain.machines import AMOUNT_HELD, data_sheet, machine_mentions, setup_of, written_amounts
from llama4ref.domain.matching import (
    attribute_score,
    corrections,
    defining,
    drop_negated,
    drop_repeated,
    in_segment,
    joined_in,
    literal,
    literal_part,
    mentioned,
    named_in,
    nominal_in,
    numbered_conflict,
    numbered_words,
    quoted_variants,
    rarity,
    reachable,
    reference_variants,
    reversed_pairs,
    routed_in,
    stem,
    stem_in,
    term_depth,
    written_pairs,
)
from llama4ref.domain.rank_context import Context as _Context
from llama4ref.domain.rank_context import credit as _credit
from llama4ref.domain.rank_context import dotted as _dotted
from llama4ref.domain.rank_context import names_kind as _names_kind
from llama4ref.domain.scope import (
    carries,
    counts_as_parameters,
    family_held,
    family_only,
    own_figure,
    units_as_attributes,
    unserved,
)
from llama4ref.domain.situations import (
    alternatives,
    as_length,
    asks_mechanism,
    asks_ratio,
    asks_serving,
    bare_relation,
    drop_contrasted,
    drop_described,
    drop_frame_verb,
    drop_premises,
    gpu_family_in,
    hyphen_pairs,
    lifted,
    named_attribute,
    own_attributes,
    phrase_holders,
    providers_by_id,
    situation,
    split_by_model,
    writes_money,
)
from llama4ref.domain.values import value_matches
from llama4ref.paths import FactPath
from llama4ref.records.vocabulary import STOPWORDS, Lexicon, Match, Parsed, segment_runs, unit_split, word_runs, words
from llama4ref.store.fulltext import bm25, entity_matches, flat, path_count, units
from llama4ref.store.termviews import clause_penalties

if TYPE_CHECKING:
    import sqlite3

    from llama4ref.store.knowledge_base import KnowledgeBase

_STRICT_MISS = -5.0  # the text names an entity the fact is not about
_VARIANT_NEUTRAL = -0.8  # the text names a variant; the fact is about the whole family
_OFF_TIER = -1.2  # a provider or runtime fact when the text names no provider, engine or GPU
_OFF_ENGINE = -0.8  # an engine's own fact (how vLLM feeds images in) when the text names no engine, provider or GPU
_SETUP = -0.5  # more for a tested runtime setup's figure the model named has a fact of its own for
_COMPARISON = -2.0  # a comparison model's fact when the text names none
_PREVIEW = -0.4  # an unreleased (preview) model's fact when the text names no model
_SUB_MODEL = -0.5  # a vision-encoder fact when the text does not name the vision encoder
_VISION_WORDS = frozenset({"vision-encoder", "vision", "images", "patch", "tiles"})
_LITERAL_RUN = 0.3  # a path segment (or run of its parts) holding a digit is written out in the text
_LITERAL_MORE = 0.2  # each further such run
_COVERAGE = 1.0  # times the share of the text's phrases and words the fact satisfies
_FAMILY = -0.3  # a model's own fact when the text names the family and no model
_FAMILY_HELD = -1.0  # more when its figure is of an attribute a family fact gives (the family's total)
_SPECIFIC = 0.2  # an attribute named in two or three words, for each word past the first
_UNSERVED = 1.0  # a fact carrying what the text asks of a provider named, when no fact of that provider carries it
_MENTIONED = 1.0  # the fact's path names no entity of the kind named, but its text names this one
_RARE_PART = 0.5  # a left-over word naming a path part few facts' paths hold, on top of the match
_EXPLAINS = 2.0  # the text asks what something is, does or means, and the fact explains it
_WHOLE_NAME = 0.3  # an entity named anywhere in a path is one whole segment, not a part of one
_LITERAL_SEGMENT = 1.5  # a phrase of two or more words written as one of the path's segments
_LITERAL_PART = 1.0  # an attribute phrase whose path words the fact lacks, written as a run of a segment's parts
_LEAF_WORD = 0.3  # each word of the text's vocabulary phrases that is a part of the fact's last segment
_REFERENCE = -1.0  # a model's fact when the text names that model only to compare another with it
_CONFLICT = -1.0  # the path writes a number with a unit ("4bit") the text gives another number ("8bit")
_HEAD = 0.5  # a left-over word written before "of" that is the fact's last segment
_VALUE = 1.5  # times the rarity of a number the text writes that is the fact's value
_REVERSED = -0.3  # two neighbouring words of the text are a segment's neighbouring parts in the other order
_PAIR = 0.5  # two neighbouring left-over words are a segment's neighbouring parts, in the order written
_UNASKED_SIDE = -0.3  # a cap on one side (max_input, max_output) the text does not name
_TEXT_WORD = 1.0  # a left-over word the fact's label, value, quotes or notes hold (times its rarity)
_CLAUSE = -0.3  # a license term's fact (its clause), below a stored fact that answers as well (llama4ref.store.termviews)
_QUOTED = -2.0  # a model's fact whose value the text quotes while asking the same of another model
_UNASKED_IMAGE = -0.4  # an image-understanding fact when the text names nothing about images or modalities
_UNASKED_BASE = -0.3  # a base (pretrained) model's fact when the text does not name the base model
_IMAGE_SEGMENTS = frozenset({"image_understanding", "image", "images", "vision"})
_IMAGE_ASKED = _VISION_WORDS | {"modalities", "inputs", "fusion", "multiple-images", "per-request", "global-tile", "curriculum"}
_FAMILY_RULE = 0.5  # a family's fact carrying an attribute no fact about the model named carries
_JOINING = frozenset({"of", "in", "on", "to", "for", "and", "the", "a", "an", "at", "by", "with"})  # a segment's joining words
_HYPHENATED = 1.0  # a compound the text hyphenates ("pre-norm"), written in the fact's own text
_CLAUSE_OF_VALUE = -0.4  # more when the term names the stored facts that hold its values (license.notice): they answer first
_CLEAR_SCORE = 3.0  # a best fact scoring this much, and …
_CLEAR_LEAD = 1.0  # … this far ahead of the next, answers though it answers less than half the text
_RELEVANCE = 1.0  # times the fact's BM25 relevance, scaled to the best fact's
_ENTITY_EXACT = 3.0  # an entity the text names is the fact's path or its prefix
_ENTITY_INNER = 2.5  # an entity the text names is in the fact's path, not as its prefix
_ENTITY_TOPIC = 1.5  # a topic the text names is in the fact's path
_WORD_LEAF = 2.0  # a left-over word is a part of the fact's last segment
_WORD_INNER = 1.5  # a left-over word is a part of a segment before the last
_INTENT_UNIT = 0.6  # the fact's unit answers the way the text asks ("how many": a count)
_INTENT_SEGMENT = 0.5  # a segment of the fact's path is a word the way of asking names
_STAGE_INSTRUCT = 0.3  # an instruction-tuned model's benchmark result, before the base model's
_STAGE_PRETRAINED = 0.15  # a pretrained model's benchmark result, before a setting's
_DEPTH = -0.08  # for each segment of the fact's path: the shallower fact first, all else equal
SCREEN_FROM = 16
"""Distinct left-over words from which those that no fact's path or text can hold are set aside
before each fact is scored (llama4ref.domain.matching.reachable): a pasted blob brings thousands,
each otherwise tried against every fact's segments. Setting them aside changes no score (such a
word adds only to what is wanted). Finding them costs ~4 ms in a fresh process (the parts of every
segment), so a question of fewer words (nearly every question asked) is scored as before."""
_REPEATED_FROM = 32
_REPEATED_SHARE = 4
"""A text of at least ``_REPEATED_FROM`` words fewer than a ``1/_REPEATED_SHARE`` of which are
distinct ("word word word …") is understood too little to be answered: its closest facts are
shown instead."""
_DERIVED = -0.3  # a derived (computed) fact, behind a stored one that answers as well


class Scored(NamedTuple):
    """One fact's score and which parts of the text it satisfies."""

    path: str
    score: float
    satisfied: float
    wanted: int
    deepest: int  # index of the deepest path segment the text names (-1: none)
    narrowed: int  # the same, counting only attributes, intents and words (not entities)
    matched: tuple[str, ...]
    derived: bool
    unit: str


class Ranking:
    """Facts best first, with the parse they were ranked by."""

    def __init__(self, text: str, parsed: Parsed, corrections: dict[str, str]) -> None:
        self.text = text
        self.parsed = parsed
        self.corrections = corrections
        self.scored: list[Scored] = []
        self.runs: frozenset[str] = frozenset()
        self.valued: frozenset[str] = frozenset()  # facts whose value is a number the text writes
        self.paths: tuple[str, ...] = ()  # every indexed fact, scored or not
        self.pending: list[Callable[[], Scored]] = []  # facts with no evidence, not scored yet
        self.as_corrected: Callable[[str], Scored] | None = None  # a fact scored as if the corrections were written
        self.unknown = 0  # left-over words no fact's path or text holds ("banana"): nothing here is about them

    def settle(self, n: int, skip: Collection[str] = ()) -> None:
        """Make the first ``n`` scored facts not in ``skip`` final: facts without evidence score
        at most ``NO_EVIDENCE_MAX``, so they are scored only when one of those does not beat it."""
        if not self.pending:
            return
        head = [s for s in self.scored if s.path not in skip][:n]
        if len(head) == n and all(s.score > NO_EVIDENCE_MAX for s in head):
            return
        self.scored += [score() for score in self.pending]
        self.pending = []
        self.scored.sort(key=lambda s: (-s.score, s.path))

    @property
    def confident(self) -> bool:
        """Whether the best fact answers enough of the text to be given as the answer."""
        if not self.scored:
            return False
        top = self.scored[0]
        lead = top.score - (self.scored[1].score if len(self.scored) > 1 else 0.0)
        if self.as_corrected is not None:  # once the typos are put right, judge the words as corrected
            top = self.as_corrected(top.path)
        if top.satisfied < 1 or top.score <= 1.0:
            return False
        words = self.parsed.words
        if len(words) >= _REPEATED_FROM and len(set(words)) * _REPEATED_SHARE < len(words):
            return False  # a pasted blob of a few words repeated: too little of it is a question to answer
        # half the text answered; or, in a long question most of whose words no fact's path names
        # (a situation told before the question), every word known to some fact's text and a best
        # fact that stands clear of the next ("banana bread recipe": "banana" is nowhere)
        clear = not self.unknown and top.score >= _CLEAR_SCORE and lead >= _CLEAR_LEAD
        return top.satisfied * 2 >= top.wanted or clear


def rank(kb: KnowledgeBase, db: sqlite3.Connection, text: str) -> Ranking:
    """Every indexed fact scored against ``text``, best first (ties by path)."""
    lex = Lexicon(kb.vocabulary())
    parsed = lex.parse(text, question=True)
    fixes = corrections(db, lex, parsed)
    if fixes:
        parsed = lex.parse(" ".join(fixes.get(w, w) for w in parsed.words), question=True)
    drop_negated(parsed)
    drop_contrasted(parsed, text, unit_split)
    drop_described(parsed)
    drop_premises(parsed, text, unit_split)
    drop_repeated(parsed)
    drop_frame_verb(parsed)
    drop_released_under(parsed)
    drop_language_model(parsed)
    units_as_attributes(parsed, lex.terms)
    counts_as_parameters(parsed, lex.terms)
    as_length(parsed, lex)
    terms = [w for w in parsed.words if w not in STOPWORDS and w not in parsed.filler]
    for t in parsed.of_kind("attribute"):
        terms += [p for w in t["path_words"] for p in w.split("_") if p not in STOPWORDS]
    relevance = bm25(db, terms)
    top = max(relevance.values(), default=1.0) or 1.0
    ctx = _Context(
        comparison={v.id for v in kb.variants(role="comparison")},
        preview={v.id for v in kb.variants(role="preview")},
        variant_ids={v.id for v in kb.variants()},
        dotted=_dotted(kb),
        named_variants={str(t["target"]) for t in parsed.of_kind("entity") if t.get("cls") == "variant"},
        guessed=set(fixes.values()),
        in_text={w: set(bm25(db, [w])) for w in parsed.rest},
        mentioned=_with_machines(mentioned(db, parsed), machine_mentions(kb, db, parsed, lex.terms)),
        defining=defining(parsed),
        gpu_keys=tuple(FactPath.parse(t["target"]).leaf for t in lex.terms if t.get("cls") == "gpu"),
        implied=not any(_own_attribute(m) for m in parsed.matches),
        runs=word_runs(parsed.words),
        family="llama4" in word_runs(parsed.words) and not any(t.get("cls") == "variant" for t in parsed.of_kind("entity")),
        phrase_stems=frozenset(stem(w) for m in parsed.matches for w in m.text.split() if w not in STOPWORDS and len(w) > 2),
        part_paths={w: path_count(db, w) for w in parsed.rest},
        valued=value_matches(db, text, parsed),
        reference=reference_variants(parsed),
        numbered=numbered_words(parsed.words),
        heads=frozenset(a for a, b in pairwise(parsed.words) if b == "of" and a not in STOPWORDS),
        vision=bool({t["id"] for t in parsed.of_kind("attribute")} & _VISION_WORDS),
        encoder=any(t["id"] == "vision-encoder" for t in parsed.of_kind("attribute")),
        base=any(t["id"] == "pretrained" for t in parsed.of_kind("attribute")),
        imagery=bool({t["id"] for t in parsed.of_kind("attribute")} & _IMAGE_ASKED),
        reversed=reversed_pairs(parsed.words, set(parsed.rest)),
        pairs=written_pairs(parsed.words, set(parsed.rest)),
        providers={str(t["target"]).split(".")[-1] for t in parsed.of_kind("entity") if t.get("cls") == "provider"},
        engines=frozenset(str(t["target"]).split(".")[-1] for t in parsed.of_kind("entity") if t.get("cls") == "engine"),
        stemmable=stemmable(db, parsed),
        clauses=clause_penalties(kb, _CLAUSE, _CLAUSE_OF_VALUE),
    )
    facts = units(db)
    ctx = ctx._replace(
        text_stems=ctx.phrase_stems | {stem(w) for w in parsed.rest},
        initials=initialisms(db, parsed.rest, ctx.in_text),
        quoted=_quoted(db, text, parsed, ctx.named_variants) if len(ctx.named_variants) > 1 else frozenset(),
        scope=family_only(parsed, facts, ctx.named_variants),
        unserved=unserved(parsed, facts, ctx.providers),
        asked=frozenset(w for t in parsed.of_kind("attribute") for w in t.get("path_words", ())),
        by_id=providers_by_id(kb, text),
        hyphenated=phrase_holders(db, hyphen_pairs(text, set(parsed.rest))),
        named_kinds=frozenset(str(t.get("cls", "named")) for t in parsed.of_kind("entity")),
        asked_ids=own_attributes(parsed),
        ratio=asks_ratio(parsed.words),
        mechanism=asks_mechanism(parsed.words),
        serving=asks_serving(parsed.words),
        alternatives=alternatives(parsed),
        family_held=family_held(parsed, facts, ctx.variant_ids) if ctx.family else frozenset(),
        split_paths=split_by_model(db, ctx.named_variants),
        money=writes_money(text),
        amount_held=written_amounts(db, text, parsed),
    )
    distinct = tuple(dict.fromkeys(parsed.rest))
    if len(distinct) >= SCREEN_FROM:
        reach = reachable(distinct, facts, ctx.initials)
        kept = tuple(w for w in distinct if w in reach or ctx.in_text.get(w))
        held = "\n".join(f"_{x}_" for x in {x for p in facts for x in p.split(".")})  # every segment, as in_segment reads it
        ctx = ctx._replace(
            scored_words=kept,
            unreachable=len(distinct) - len(kept),
            pairs=frozenset(p for p in ctx.pairs if f"_{p}_" in held),  # pairs no segment holds add nothing
            reversed=frozenset(p for p in ctx.reversed if f"_{p}_" in held),
        )
    ranking = Ranking(text, parsed, fixes)
    ranking.unknown = sum(1 for w in dict.fromkeys(parsed.rest) if not ctx.in_text.get(w) and not ctx.part_paths.get(w))
    ranking.runs = ctx.runs
    ranking.valued = frozenset(ctx.valued)
    ranking.paths = tuple(facts)
    if fixes:  # a corrected word counts half in the order (a guess), in full for whether the best fact answers
        sure = ctx._replace(guessed=set())
        ranking.as_corrected = lambda p: _score(p, *facts[p], parsed, relevance.get(p, 0.0) / top, sure)
    more = lifted(parsed, ctx)  # what the situations (llama4ref.domain.situations) lift
    evidence = evidence_for(
        parsed, relevance, ctx.valued, ctx.in_text, ctx.mentioned, ctx.phrase_stems, ctx.initials, *more, ctx.amount_held
    )
    for path, (unit, derived) in facts.items():
        if evidence.holds(path, unit):
            ranking.scored.append(_score(path, unit, derived, parsed, relevance.get(path, 0.0) / top, ctx))
        else:  # scored only when the order below the facts with evidence is needed (Ranking.settle)
            ranking.pending.append(partial(_score, path, unit, derived, parsed, 0.0, ctx))
    ranking.scored.sort(key=lambda s: (-s.score, s.path))
    choose_lead(kb, ranking, ctx)  # a first-party fact before a serving flag, a kind before a count
    return ranking


def _score(path: str, unit: str, derived: bool, parsed: Parsed, relevance: float, ctx: _Context) -> Scored:
    segs = path.split(".")
    # "deepseek-v3.1" holds a dot: its paths' first segment is "deepseek-v3"
    root = next((v for v in ctx.dotted.get(segs[0], ()) if path.startswith(v + ".")), segs[0])
    flat_path = flat(segs)
    score, satisfied, wanted, deepest, entity_depth = _RELEVANCE * relevance, 0.0, 0, -1, -1
    matched: list[str] = []
    named_classes: set[str] = set()
    for m in parsed.matches:
        ents = [t for t in m.terms if t["kind"] == "entity"]
        if ents:
            wanted += 1
            named_classes |= {t.get("cls", "named") for t in ents}
            hit = [
                t
                for t in ents
                if entity_matches(t, path, flat_path)
                or named_in(t, flat_path)
                or routed_in(t, segs, ctx.providers)
                or gpu_family_in(t, segs)
                or setup_of(t, segs)
                or path in ctx.split_paths.get(t["target"], ())
            ]
            if hit:
                satisfied += _credit(m.text, ctx)
                exact = any(path == x or path.startswith(x + ".") for t in hit for x in (t["target"], *t.get("also", ())))
                score += _ENTITY_TOPIC if all(t.get("cls") == "topic" for t in hit) else _ENTITY_EXACT if exact else _ENTITY_INNER
                if any(FactPath.parse(t["target"]).leaf in segs for t in hit if t.get("cls") == "benchmark"):
                    score += _WHOLE_NAME  # "mmmu" names the segment mmmu more than mmmu_pro
                entity_depth = max(entity_depth, *(term_depth(t, segs) for t in hit))
                matched.append(m.text)
            elif all(t.get("cls") == "topic" for t in ents):
                wanted -= 1
            elif path in ctx.mentioned.get(m.text, ()) and not _names_kind(ents, segs, flat_path, ctx) and not data_sheet(segs):
                satisfied += _credit(m.text, ctx) / 2  # "gguf quants of scout": a family fact listing Scout's files
                score += _MENTIONED
                matched.append(m.text)
            elif any(t.get("cls") == "variant" for t in ents) and not (
                root in ctx.variant_ids or ctx.variant_ids.intersection(segs)
            ):
                # "top_p for maverick": an attribute only the family has is the family's rule for the model named
                if ctx.scope[0] and carries(ctx.scope[0], segs):
                    score += _FAMILY_RULE
                elif segs[0] == "engines" and len(segs) > 2 and segs[2] == "limits" and segs[1] in ctx.engines:
                    score += _FAMILY_RULE  # "lora for scout in vllm": a limit of the engine named holds for every model
                else:
                    score += _VARIANT_NEUTRAL
            elif root in ctx.named_variants and any(t.get("cls") == "variant" for t in ents):
                wanted -= 1  # "maverick … compared to gpt-4o": a fact about the other model named is no miss
            elif all(t.get("cls") == "provider" for t in ents) and root in ctx.named_variants and carries(ctx.unserved, segs):
                # "does bedrock support images for maverick": what no fact of the provider records, the model's fact answers
                satisfied += _credit(m.text, ctx) / 2
                score += _UNSERVED
            else:
                score += _STRICT_MISS
            if named_attribute(m, ctx.implied, ctx.asked_ids):
                # "what does 128E mean": a name that also says what it counts (routed experts); "is the 2T the
                # total or the active count": a name saying one of the attributes the text weighs
                wanted += 1
                gain, depth = attribute_score(m, segs, unit) or (0.0, -1)
                if gain > 0:
                    satisfied += _credit(m.text, ctx)
                    score += gain
                    deepest = max(deepest, depth)
            continue
        if literal(m.text.split(), segs) and ctx.clauses.get(path, 0.0) >= _CLAUSE:
            # the words as written name a path segment ("tile size"); a clause named so ("notice file")
            # still waits behind the stored fact holding its value (license.notice)
            score += _LITERAL_SEGMENT
        attr = attribute_score(m, segs, unit) if ctx.implied or _own_attribute(m) else None
        if attr is not None and attr[0] == 0 and "_".join(m.text.split()) in segs:
            attr = (2.0, segs.index("_".join(m.text.split())))  # the words as written are a segment ("4bit")
        elif attr is not None and attr[0] == 0 and segs[-1] in ctx.defining and path in ctx.mentioned.get(m.text, ()):
            attr = (2.5, len(segs) - 1)  # "what does NoPE mean": a definition whose text uses the term
        if attr is not None and attr[0] == 0 and m.text in ctx.stemmable:
            attr = stemmed_attribute(m.text, segs) or attr  # "refusals … preachy": refusal_tone, "evaluation": evaluations
        if attr is not None and attr[0] == 0 and " " in m.text and (part := literal_part(m.text.split(), segs)) >= 0:
            attr = (_LITERAL_PART, part)  # "flex attention … fixed in": flex_attention_fix_release
        if attr is not None:
            wanted += 1
            gain, depth = attr
            if gain > 0:
                satisfied += _credit(m.text, ctx)
                score += gain + _SPECIFIC * min(m.end - m.start - 1, 2)  # "early fusion" says more than "images"
                deepest = max(deepest, depth)
                matched.append(m.text)
        for t in m.terms:
            if t["kind"] == "intent":
                if unit in t.get("units", ()):
                    score += _INTENT_UNIT
                hits = [i for i, s in enumerate(segs) if s in t.get("path_words", ())]  # whole segments only
                if hits:
                    score += _INTENT_SEGMENT
                    deepest = max(deepest, *hits)
    # another model's or the vision encoder's fact, neither named: a number the text quotes is no sign
    # it is asked about ("vocab 128256 for llama 4?" quotes Llama 3's vocabulary back)
    elsewhere = (root in ctx.comparison and "variant" not in named_classes) or ("vision_encoder" in segs and not ctx.vision)
    wanted += ctx.unreachable  # words no path or text holds: asked, and answered by no fact
    for w in dict.fromkeys(parsed.rest) if ctx.scored_words is None else ctx.scored_words:  # a word written twice counts once
        wanted += 1
        forms = word_forms(w)  # "32": budget_4_32x; "april": 2025_04_05
        seg_hit = [
            i
            for i, s in enumerate(segs)
            if (
                forms & set(s.split("_"))
                or stem_in(w, s)
                or joined_in(w, s)
                or s in ctx.initials.get(w, ())
                or (i and nominal_in(w, s))  # "evaluate": evaluation_precision (not a section's name: quantization)
            )
            and not bare_relation(w, s, ctx.text_stems)
        ]
        if seg_hit:
            satisfied += _credit(w, ctx)
            score += (_WORD_LEAF if seg_hit[-1] == len(segs) - 1 else _WORD_INNER) + _RARE_PART * rarity(ctx.part_paths.get(w, 0))
            if w in ctx.heads and seg_hit[-1] == len(segs) - 1:
                score += _HEAD  # "title of the herd paper on arxiv": the title, not the arxiv id
            deepest = max(deepest, *seg_hit)
            matched.append(w)
        elif path in ctx.in_text.get(w, ()) and not (elsewhere and w.isdigit()):
            satisfied += _credit(w, ctx) / 2  # found in the fact's text, not its path
            score += _TEXT_WORD * rarity(len(ctx.in_text[w]))  # a rare word of the fact's own text says more
    if ctx.numbered and numbered_conflict(ctx.numbered, flat_path):
        score += _CONFLICT  # "8bit mlx": not the 4bit one
    leaf = {stem(x) for x in segs[-1].split("_")} if len(segs) > 1 else set()
    score += _LEAF_WORD * len(leaf & ctx.phrase_stems)  # "flex attention … fixed": flex_attention_fix_release's own words
    written = len({r for r in segment_runs(segs) if r in ctx.runs}) if satisfied > 0 and ctx.runs else 0
    if written:  # "IQ1_S" names ud_iq1_s (iq1, iq1s) better than ud_iq1_m (iq1); "llama 4" names llama4, not llama3_3
        score += min(_LITERAL_RUN + _LITERAL_MORE * (written - 1), 2 * _LITERAL_RUN)
        if any("_" in s and s.replace("_", "") in ctx.runs for s in segs):
            score += _LITERAL_MORE  # a whole segment written out ("nope layer interval")
    if ctx.pairs and in_segment(ctx.pairs, segs):
        score += _PAIR  # "generation prompt string": dialog.generation_prompt, the two words as the path writes them
    if ctx.reversed and in_segment(ctx.reversed, segs):
        score += _REVERSED  # "kgv->eng": mtob_half_kgv_eng, not mtob_half_eng_kgv
    if root not in ctx.quoted and not elsewhere:
        score += _VALUE * ctx.valued.get(path, 0.0)  # "16 vs 128 experts": the facts holding those numbers
    if relevance > 0 and wanted == 0:
        satisfied, wanted = 1.0, 1
    if segs[0] in ("providers", "runtime") and not named_classes & {"provider", "engine", "gpu"} and not ctx.by_id:
        score += _OFF_TIER
        if segs[0] == "runtime" and ctx.scope[1] and own_figure(ctx.scope[1], ctx.asked, segs):
            score += _SETUP  # "maverick max context": its own window, not a tested setup's limit
    elif segs[0] == "engines" and not named_classes & {"provider", "engine", "gpu"} and not ctx.by_id:
        score += _OFF_ENGINE  # "how do image embeddings get into the text model": the model's fusion, not vLLM's input
    if ctx.family and root in ctx.variant_ids:
        score += _FAMILY  # "… of llama 4": the family's own fact before one variant's
        if ctx.family_held and carries(ctx.family_held, segs[-1:]):
            score += _FAMILY_HELD  # "CO2 for training llama 4": the family's total before each model's figure
    if root in ctx.comparison and not named_classes & {"variant"}:
        score += _COMPARISON
    elif root in ctx.preview and not named_classes & {"variant"}:
        score += _PREVIEW
    if ("vision_encoder" in segs and not ctx.vision) or (ctx.encoder and segs[0] != "multimodal"):
        score += _SUB_MODEL  # the encoder's layers, heads, activation and norms are not the language model's
    if segs[-1] in ("base", "pretrained") and not ctx.base and segs[0] != "research":
        score += _UNASKED_BASE  # "scout context length": the released (instruct) model's window first
    if not ctx.imagery and _IMAGE_SEGMENTS.intersection(segs[:-1]):
        score += _UNASKED_IMAGE  # "supported languages": the model's, not image understanding's
    if root in ctx.quoted:
        score += _QUOTED  # "llama 3.3 70b has 80 layers, how many does scout have": scout's layers
    if root in ctx.reference:
        score += _REFERENCE  # "does maverick use qk norm like scout does": scout is what it is compared with
    side = segs[-1][4:] if segs[-1].startswith("max_") and segs[-1].count("_") == 1 else ""
    if side and stem(side) not in ctx.text_stems and segs[-1] not in ctx.asked:
        # "deepinfra maverick context length": the window, not a side's cap; of the sides, the input's is what a window holds
        score += _UNASKED_SIDE * (0.5 if side == "input" else 1.0)
    if segs[-1] == "output" and "inputs" in ctx.asked and "output" not in ctx.asked:
        score += _UNASKED_SIDE  # "does bedrock support images for maverick": what it takes in, not what it writes
    mode = segs[-1].split("_")
    if len(mode) == 2 and mode[0] != "max" and mode[1] in ("input", "output") and stem(mode[0]) not in ctx.text_stems:
        score += _UNASKED_SIDE  # "cuánto cuesta … por millón": the price, not the batch price
    if path in ctx.amount_held:
        score += AMOUNT_HELD  # "4-bit scout on my 64GB macbook": the limit that writes 64gb
    change, own, other = situation(segs, unit, ctx)
    score += change + _HYPHENATED * min(ctx.hyphenated.get(path, 0), 2)  # "pre-norm or post-norm": norm.placement's text
    if own:
        satisfied, wanted = satisfied + 1, wanted + 1  # the provider the text names by its model id
    if other:
        satisfied = 0.0  # a fact of another attribute than the one asked answers none of it
    # "is <|end_of_text|> emitted": the parent end_of_text is named (its "of" is no word to write)
    named_parent = len(segs) > 1 and {stem(x) for x in segs[-2].split("_") if x not in _JOINING} <= ctx.text_stems
    if ctx.defining and segs[-1] in ctx.defining and (max(deepest, entity_depth) == len(segs) - 2 or named_parent):
        score += _EXPLAINS  # "what does <|eom|> do": the facet that explains the thing named, not its id or string
    if "benchmarks" in segs:
        score += {"instruct": _STAGE_INSTRUCT, "pretrained": _STAGE_PRETRAINED}.get(segs[2] if len(segs) > 2 else "", 0.0)
    if wanted:
        wanted = max(wanted - ctx.alternatives, 1)  # "github models or nvidia nim": one of the two is asked
        score += _COVERAGE * min(satisfied / wanted, 1.0)
    score += _DEPTH * len(segs) + (_DERIVED if derived else 0.0) + ctx.clauses.get(path, 0.0)
    depth = max(deepest, entity_depth)
    return Scored(path, round(score, 4), satisfied, wanted, depth, deepest, tuple(dict.fromkeys(matched)), derived, unit)


_UNDER = frozenset({"under"})
"""What a thing is released under is its licence or terms, not a date."""


def drop_released_under(parsed: Parsed) -> None:
    """Forget "under" after the licence is named ("what licence is llama 4 under": the frame of
    asking a licence, not a word to look up), and "released … under" when the text says what
    something is released under and names another attribute (the licence): "what license is
    llama 4 released under" asks the licence, not when it came out."""
    if not _UNDER & set(parsed.words):
        return
    licence = [m.end for m in parsed.matches if any(t["id"] == "license" for t in m.terms)]
    if licence and any(w in _UNDER for w in parsed.words[min(licence) :]):  # "what licence is llama 4 under"
        parsed.rest = [w for w in parsed.rest if w not in _UNDER]
        parsed.filler.update(_UNDER)
    release = [m for m in parsed.matches if {t["id"] for t in m.terms if t["kind"] == "attribute"} == {"release"}]
    others = [m for m in parsed.matches if m not in release and any(t["kind"] == "attribute" for t in m.terms)]
    if release and others:
        parsed.matches = [m for m in parsed.matches if m not in release]
        parsed.rest = [w for w in parsed.rest if w not in _UNDER]
        parsed.filler.update(_UNDER, *(m.text.split() for m in release))  # the frame: nothing to look up


def _with_machines(found: dict[str, set[str]], machines: dict[str, frozenset[str]]) -> dict[str, set[str]]:
    """The facts each entity's words are met in, with those writing a named machine's memory
    (llama4ref.domain.machines.machine_mentions: "scout on an RTX 4090" meets "fits a 24 GB GPU")."""
    return {k: found.get(k, set()) | machines.get(k, frozenset()) for k in found.keys() | machines.keys()}


def _quoted(db: sqlite3.Connection, text: str, parsed: Parsed, named: set[str]) -> frozenset[str]:
    """The named models whose figure the text quotes back (llama4ref.domain.matching.quoted_variants)."""
    asked = {w for t in parsed.of_kind("attribute") for w in t.get("path_words", ())}
    return quoted_variants(named, value_matches(db, text, parsed, quoted=True), asked, units(db))


def _own_attribute(m: Match) -> bool:
    """Whether a phrase names an attribute and nothing else ("experts"; not "128E", a name, nor
    "how big", a way of asking that means parameters only when nothing else is asked about)."""
    kinds = {t["kind"] for t in m.terms}
    return "attribute" in kinds and not kinds & {"entity", "intent"}


def query_words(text: str) -> list[str]:
    """The content words of ``text`` (for highlighting)."""
    return [w for w in words(text) if w not in STOPWORDS]
