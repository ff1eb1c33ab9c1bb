"""Identifier resolution: any published name of a Llama 4 model → variant, stage, precision.

Known identifiers (Hugging Face repos, provider model ids, catalog keys) come from the
``identifiers`` records and match exactly (after NFC). A name that only looks like one (full-
width or mathematical letters, Unicode confusables, invisible characters) is a look-alike:
invalid, never official, with each differing character named. A name in another ASCII letter
case matches, but is not official. Anything else is read by its parts (:mod:`llama4ref.store.idparse`).
Control, invisible and non-ASCII space characters make any name invalid; a namespace that only
looks like a catalog one (``ｍｅｔａ-llama/…``) is a look-alike whatever follows it. A Hugging
Face page's address (``https://huggingface.co/<owner>/<name>/tree/main``, ``hf.co/…``) is read
as the repository id in it.

:func:`llama_family` / :func:`is_llama4` are the one place that decides whether a model id
denotes a Llama 4 model (the license checks ask it about a card's ``base_model``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from llama4ref.records.aliases import CharNote, differing_characters, hidden_characters, look_key, nfc, normalise_alias, trim
from llama4ref.store.answers import Citation, Identifier
from llama4ref.store.idparse import EXPERTS_TO_VARIANT, SIZES_B, Resolution, generation, parse

if TYPE_CHECKING:
    from llama4ref.store.knowledge_base import KnowledgeBase

__all__ = [
    "EXPERTS_TO_VARIANT",
    "SIZES_B",
    "Resolution",
    "generation",
    "is_llama4",
    "llama_family",
    "parse",
    "resolve",
]


def llama_family(name: str, kb: KnowledgeBase | None = None) -> str | None:
    """The Llama family a model id denotes: the one answer to "is this a Llama 4 model?"
    (:func:`is_llama4`) for resolve, the knowledge base and the license checks.

    ``llama-4`` when the id is in the identifier catalog (with ``kb``; also when it only imitates
    a catalog id), when it states Llama 4 (:func:`generation`), or when its parts name a Llama 4
    variant (``Maverick-17B-128E``, ``…-llama-109B-MoE``); another family when it states one;
    None when it names no Llama model.
    """
    _need_str(name)
    if kb is not None:
        text = trim(name)
        if kb.identifier_matches(text) or _imitated(kb, text) is not None:
            return "llama-4"
    stated = generation(name)
    if stated is not None:
        return stated
    parsed = parse(normalise_alias(name))
    return parsed.family if parsed is not None else None


def is_llama4(name: str, kb: KnowledgeBase | None = None) -> bool:
    """True when ``name`` denotes a Llama 4 model (see :func:`llama_family`)."""
    return llama_family(name, kb) == "llama-4"


def _alias(name: str, variant: str) -> Resolution:
    parsed = parse(name)
    base = parsed if parsed is not None and parsed.valid else None
    return Resolution(
        input=name,
        variant=variant,
        method="alias",
        stage=base.stage if base else None,
        precision=base.precision if base else None,
        packaging=base.packaging if base else None,
    )


def _publisher_first(kb: KnowledgeBase, ident: Identifier) -> tuple[Citation, ...]:
    """The entry's citations, the documents of the name's own publisher first (its model card,
    docs or code say best what its name denotes); the records' order otherwise."""
    return tuple(sorted(ident.citations, key=lambda c: kb.source(c.source).publisher != ident.publisher))


def _from_catalog(kb: KnowledgeBase, name: str, ident: Identifier) -> Resolution:
    return Resolution(
        input=name,
        variant=ident.variant,
        stage=ident.stage,
        precision=ident.precision,
        packaging=ident.packaging,
        official=ident.official,
        valid=ident.valid,
        method="catalog",
        publisher=ident.publisher,
        namespace=ident.namespace,
        reason=ident.reason,
        citations=_publisher_first(kb, ident),
    )


def _from_providers(kb: KnowledgeBase, name: str) -> list[tuple[str, Resolution]]:
    """The provider records (segment, answer) whose model id is exactly ``name``; several
    providers may share one. Deprecation is read the way ``providers`` reads it."""
    from llama4ref.domain.deploy import offers

    found = []
    for offer in offers(kb):
        if offer.model_id != name:
            continue
        publisher = offer.provider_name
        if offer.deprecated:
            publisher += f" (deprecated {offer.deprecation_date})" if offer.deprecation_date else " (deprecated)"
        model_id = kb.get(f"providers.{offer.provider}.{offer.variant}.model_id")
        answer = Resolution(
            input=name,
            variant=offer.variant,
            stage="instruct",
            precision=offer.precision or "unknown",
            packaging="provider-endpoint",
            method="provider",
            publisher=publisher,
            namespace="provider",
            citations=tuple(kb.citations_of(model_id)),
        )
        found.append((offer.provider, answer))
    return found


def _listing_set(kb: KnowledgeBase, segment: str) -> str | None:
    """The catalog set (as a provider segment, ``meta_llama_api``) that a provider record belongs
    to: the longest set id the segment equals or extends (``meta_llama_api_cerebras``)."""
    ids = {i.set.replace("-", "_") for i in kb.identifiers()}
    fits = [x for x in ids if segment == x or segment.startswith(x + "_")]
    return max(fits, key=len) if fits else None


def _merge(name: str, hits: list[Resolution]) -> Resolution:
    """One answer for an id that several publishers use: shared fields kept, differing ones dropped."""

    def common(field: str) -> Any:
        values = {getattr(h, field) for h in hits}
        return values.pop() if len(values) == 1 else None

    publishers = list(dict.fromkeys(h.publisher for h in hits if h.publisher))
    variant = common("variant")
    reasons = [h.reason for h in hits if h.reason]
    why = f"the same id is used by {len(publishers)} publishers: {', '.join(publishers)}"
    if variant is None:
        why = f"{why}; they serve different variants ({', '.join(sorted({str(h.variant) for h in hits}))})"
    return Resolution(
        input=name,
        variant=variant,
        stage=common("stage"),
        precision=common("precision") or "varies by publisher",
        packaging=common("packaging"),
        official=all(h.official for h in hits),
        valid=variant is not None and all(h.valid for h in hits),
        method="catalog" if any(h.method == "catalog" for h in hits) else "provider",
        publisher="; ".join(publishers) or None,
        namespace=common("namespace"),
        reason="; ".join([why, *dict.fromkeys(reasons)]),
        citations=tuple(c for h in hits for c in h.citations),
    )


def resolve(kb: KnowledgeBase, name: str) -> Resolution:
    """Resolve ``name``: exact catalog and provider-record ids first; then a name that only looks
    like a catalog id (a look-alike, never official); the catalog without regard to ASCII case;
    the aliases; and finally by parsing its parts. Hidden characters make any name invalid.

    What the records add to a name not recorded as it is: the official id it is close to (the
    same without its org, or in another letter case); for a name in the org of Meta's official
    repositories, that no such repository is recorded there, or that it is Meta's but not Llama 4.
    """
    _need_str(name)
    repo = hub_repo(name)
    if repo is not None:  # a Hub address: the repository id in it, resolved as that id
        hub = [m for m in kb.identifier_matches(repo) if m.namespace == "huggingface"]
        spelled = any(m.name == nfc(repo) for m in hub) or not hub or hidden_characters(repo)
        # in another letter case, the Hub's repository (never a provider's endpoint id of that spelling)
        found = _annotated(kb, _resolve(kb, repo) if spelled else _case_match(kb, repo, hub[0]))
        note = f"read as the Hugging Face repository id {repo!r} in the address"
        return found._replace(input=name, reason=f"{note}; {found.reason}" if found.reason else note)
    return _annotated(kb, _resolve(kb, name))


HUB_HOSTS = ("huggingface.co", "www.huggingface.co", "hf.co")
"""The hosts of a Hugging Face model page's address (``hf.co`` is the Hub's short domain)."""
HUB_SECTIONS = frozenset({"api", "blog", "collections", "datasets", "docs", "join", "login", "models", "organizations"})
HUB_SECTIONS |= {"papers", "pricing", "settings", "spaces", "tasks"}
"""First path segments of Hub addresses that are no model repository's owner."""


def hub_repo(text: str) -> str | None:
    """The repository id (``owner/name``) in the address of a Hugging Face model page, with or
    without the scheme (``https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E/tree/main``,
    ``hf.co/…``); None for anything else (a bare id, a dataset's or a Space's address)."""
    rest = trim(text)
    for scheme in ("https://", "http://"):
        if rest[: len(scheme)].lower() == scheme:
            rest = rest[len(scheme) :]
            break
    host, _, path = rest.partition("/")
    if host.lower() not in HUB_HOSTS:
        return None
    parts = path.split("?", 1)[0].split("#", 1)[0].split("/")
    if len(parts) < 2 or not parts[0] or not parts[1] or parts[0].lower() in HUB_SECTIONS:
        return None
    return f"{parts[0]}/{parts[1]}"


def _official_orgs(kb: KnowledgeBase) -> dict[str, str]:
    """The Hugging Face orgs of the official catalog ids (``meta-llama``), each with its publisher."""
    return {
        e.name.split("/", 1)[0]: str(e.publisher)
        for e in kb.identifiers()
        if e.official and e.namespace == "huggingface" and "/" in e.name
    }


def _annotated(kb: KnowledgeBase, res: Resolution) -> Resolution:
    if res.official or res.method == "lookalike" or res.characters:
        return res
    text = nfc(trim(res.input))
    org = text.rpartition("/")[0]
    notes = [res.reason] if res.reason else []
    if not org and res.official_id is None:
        near = sorted(e.name for e in kb.identifiers() if e.official and e.name.rpartition("/")[2] == text and "/" in e.name)
        if near:
            res = res._replace(official_id=near[0])
            notes.append(f"this is the name of the official repository {near[0]} without its org; only the full id is official")
    if res.official_id is None and res.method in ("catalog", "provider"):
        same = [e for e in kb.identifier_matches(text) if e.official and e.name != text and e.name.casefold() == text.casefold()]
        if same:  # a provider's endpoint id that is Meta's official id in lower case, say
            whose = f"{same[0].name}, {same[0].publisher}'s official id"
            res = res._replace(official_id=same[0].name)
            notes.append(f"in another letter case this is {whose}; only that exact spelling is the official id")
    orgs = _official_orgs(kb)
    if org in orgs and res.method == "parsed":
        if res.family not in (None, "llama-4"):
            res = res._replace(publisher=f"{orgs[org]} (the {org} org)", namespace="huggingface")
            notes.insert(0, f"a repository name in {orgs[org]}'s {org} org, but not a Llama 4 model")
        else:
            recorded = sum(1 for e in kb.identifiers() if e.official and e.name.startswith(f"{org}/"))
            notes.append(f"no repository of that name is among the {recorded} recorded official {org} repositories")
    if res.method == "parsed" and res.valid and res.variant is not None:
        info = kb.variant(res.variant)
        if info.role == "preview":
            notes.append(f"{info.name} was previewed, not released: no checkpoint of it is recorded")
    return res._replace(reason="; ".join(notes) or None)


def _resolve(kb: KnowledgeBase, name: str) -> Resolution:
    from llama4ref.errors import UnknownIdError

    _need_str(name)
    text = trim(name)
    hidden = hidden_characters(text)
    key = normalise_alias(text)
    matches = kb.identifier_matches(text)
    canonical = nfc(text)
    aliases = kb._aliases  # same package: the alias table is the index's
    if hidden:
        pass
    elif key in aliases and not any(m.official for m in matches) and kb.variant(aliases[key]).role != "comparison":
        # A model's own name (``Llama-4-Maverick``) means the model, even where a provider
        # happens to use the same string as its endpoint id.
        users = list(dict.fromkeys(m.publisher for m in matches))
        users += [str(h.publisher) for _, h in _from_providers(kb, canonical) if str(h.publisher) not in users]
        found = _alias(name, aliases[key])
        return found._replace(reason=f"the same string is also the model id at {', '.join(users)}") if users else found
    else:
        exact = _exact(kb, name, canonical, matches)
        if exact is not None:
            return exact
    imitated = _imitated(kb, text, matches)
    if imitated is not None:
        return _lookalike(name, text, imitated)
    spoofed = None if hidden else _imitated_namespace(kb, text)
    if spoofed is not None:
        return _namespace_lookalike(kb, name, text, spoofed)
    if hidden:
        inner = _resolve(kb, _without(text, hidden))
        shown = "; ".join(f"{c.description} at index {c.position}: {c.reason}" for c in hidden[:5])
        more = f" and {len(hidden) - 5} more" if len(hidden) > 5 else ""
        why = f"contains characters no published identifier has: {shown}{more}"
        return inner._replace(
            input=name, valid=False, official=False, characters=hidden, reason=f"{why}; {inner.reason}" if inner.reason else why
        )
    if matches:
        return _case_match(kb, name, matches[0])
    if key in aliases and kb.variant(aliases[key]).role == "comparison":
        raise UnknownIdError("Llama 4 identifier", name, [])
    if key in aliases:
        return _alias(name, aliases[key])
    parsed = parse(text)
    if parsed is None:
        shown_ids = {normalise_alias(a): a for v in kb.variants() if v.role != "comparison" for a in (v.id, *v.aliases)}
        shown_ids |= {normalise_alias(i.name): i.name for i in kb.identifiers()}
        raise UnknownIdError("identifier", name, lambda: [shown_ids[k] for k in kb._suggest(key, list(shown_ids))])
    return parsed._replace(input=name)


def _case_match(kb: KnowledgeBase, name: str, entry: Identifier) -> Resolution:
    """The answer for a name that is the catalog entry ``entry`` in another letter case: what the
    entry denotes, never official (its official id named)."""
    found = _from_catalog(kb, name, entry)
    note = f"matched {entry.name!r} without regard to case"
    if found.official:
        note += "; only that exact spelling is the official id"
    near = entry.name if found.official else None
    return found._replace(official=False, official_id=near, reason=f"{found.reason}; {note}" if found.reason else note)


def _exact(kb: KnowledgeBase, name: str, text: str, matches: list[Identifier]) -> Resolution | None:
    """The answer for a name that is exactly a catalog id or a provider record's model id."""
    listed = [m for m in matches if m.name == text]
    served = _from_providers(kb, text)
    if listed:
        # The catalog entry is the id's primary meaning (Meta's official name first, then a
        # repository or the listing provider's endpoint); other publishers that reuse the
        # same string are named, not merged in.
        found = _from_catalog(kb, name, listed[0])
        sets = {m.set.replace("-", "_") for m in listed}
        others = [m.publisher for m in listed[1:]]
        others += [str(h.publisher) for segment, h in served if _listing_set(kb, segment) not in sets]
        if not others:
            return found
        note = f"the same string is also the model id at {', '.join(dict.fromkeys(others))}"
        return found._replace(reason=f"{found.reason}; {note}" if found.reason else note)
    if len(served) == 1:
        return served[0][1]
    if served:
        return _merge(name, [h for _, h in served])
    return None


def _imitated(kb: KnowledgeBase, text: str, matches: list[Identifier] | None = None) -> Identifier | None:
    """The catalog entry ``text`` looks like without being it, beyond ASCII letter case: same
    NFKC form or same confusable skeleton (UTS #39), official entries first; None otherwise."""
    matches = kb.identifier_matches(text) if matches is None else matches
    if any(m.name == nfc(text) for m in matches):
        return None
    if matches:
        target = matches[0].name
        same = len(target) == len(text) and all(a == b or (a + b).isascii() for a, b in zip(text, target, strict=True))
        return None if same else matches[0]
    wanted = look_key(text)
    if not wanted:
        return None
    hits = [e for e in kb.identifiers() if look_key(e.name) == wanted]
    hits.sort(key=lambda e: (not e.official, e.name))
    return hits[0] if hits else None


def _lookalike(name: str, text: str, entry: Identifier) -> Resolution:
    whose = f"{entry.publisher}'s {'official ' if entry.official else ''}id"
    return _lookalike_of(name, text, entry.name, whose, "id")


def _lookalike_of(name: str, written: str, target: str, whose: str, noun: str, lead: str = "") -> Resolution:
    """The refusal of ``written`` (a whole id or its namespace) as a look-alike of ``target``, with
    the first five characters that differ named."""
    notes = differing_characters(written, target)
    shown = "; ".join(n.shown() for n in notes[:5])
    more = f" and {len(notes) - 5} more" if len(notes) > 5 else ""
    reason = f"{lead}a look-alike of {target!r} ({whose}), not that {noun}: {shown}{more}; a look-alike id is never official"
    return Resolution(
        input=name,
        variant=None,
        method="lookalike",
        valid=False,
        family=None,
        reason=reason,
        lookalike_of=target,
        characters=notes,
    )


def _imitated_namespace(kb: KnowledgeBase, text: str) -> str | None:
    """The catalog's Hugging Face namespace (``meta-llama``, official ones first) that the
    namespace of ``text`` looks like without being it (:func:`imitated_namespace`); None otherwise."""
    org, sep, _ = text.partition("/")
    if not sep or org.isascii():  # ASCII differs from a namespace by case alone, or is another namespace
        return None
    spaces = [
        (not e.official, e.name.partition("/")[0]) for e in kb.identifiers() if e.namespace == "huggingface" and "/" in e.name
    ]
    return imitated_namespace(org, [known for _, known in sorted(set(spaces))])


def imitated_namespace(org: str, namespaces: Iterable[str]) -> str | None:
    """The first of ``namespaces`` that the namespace ``org`` looks like without being it, beyond
    ASCII letter case (full-width or Cyrillic letters: the UTS #39 skeleton, as for a whole id);
    None otherwise. An ASCII ``org`` is None at once: it differs from a namespace by case alone,
    or is another namespace (no confusables data is loaded for it). Also used by ``check-name``."""
    if org.isascii():
        return None
    wanted = look_key(org)
    for known in namespaces:
        if look_key(known) == wanted and known != nfc(org):
            return known
    return None


def _namespace_lookalike(kb: KnowledgeBase, name: str, text: str, namespace: str) -> Resolution:
    whose = "Meta's official namespace" if namespace in _official_orgs(kb) else "a recorded namespace"
    return namespace_lookalike(name, text.partition("/")[0], namespace, whose)


def namespace_lookalike(name: str, org: str, namespace: str, whose: str) -> Resolution:
    """The refusal of ``name`` whose namespace ``org`` imitates ``namespace`` (``whose`` says whose
    it is): the characters that differ, named. Also used by ``check-name``."""
    return _lookalike_of(name, org, namespace, whose, "namespace", lead=f"the namespace {org!r} is ")


def _need_str(name: object) -> None:
    if not isinstance(name, str):
        raise TypeError(f"a model identifier is a str, not {type(name).__name__}")


def _without(text: str, hidden: tuple[CharNote, ...]) -> str:
    drop = {c.position for c in hidden}
    return "".join(ch for i, ch in enumerate(text) if i not in drop)
