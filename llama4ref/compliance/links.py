"""Which URLs are links to the agreement or to the Acceptable Use Policy, in every common form.

A URL is compared without its scheme (``http``/``https``), ``www.``, query, fragment and
trailing slash, case-insensitively in the host. Accepted as the **agreement**:

* the recorded GitHub copy (``github.com/meta-llama/llama-models/blob/<any ref>/models/llama4/LICENSE``),
  also as ``raw`` / ``raw.githubusercontent.com`` and under ``/tree/``;
* the recorded Hugging Face copy's form on any Meta Llama 4 repository:
  ``huggingface.co/meta-llama/Llama-4-…/(blob|resolve|raw)/<any ref>/LICENSE`` (and ``hf.co``);
* Meta's license page beside the recorded policy page: the policy URL
  (``llama.com/llama4/use-policy``) with ``license`` for ``use-policy``.

Accepted as the **policy**: the recorded policy URL in the same forms, the GitHub copy
``…/models/llama4/USE_POLICY.md`` at any ref.

Recognised as **another generation's policy** (:func:`other_generation_aup`): the recorded
policy page or GitHub copy with another generation's folder in place of ``llama4``
(``llama.com/llama3/use-policy``, ``llama.meta.com/llama3_1/use-policy`` (the site's former
host), ``…/models/llama3_2/USE_POLICY.md``).
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from llama4ref.compliance.terms import LicenseTerms


def canonical(url: str) -> str:
    """``host/path`` lower-cased in the host, without scheme, ``www.``, query, fragment, trailing '/'."""
    text = url.strip().strip("<>")
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    host = (parts.hostname or "").lower().removeprefix("www.")
    return f"{host}{unquote(parts.path).rstrip('/')}"


def _github_forms(url: str) -> re.Pattern[str] | None:
    bare = canonical(url)
    m = re.match(r"github\.com/([^/]+)/([^/]+)/(?:blob|tree|raw)/[^/]+/(.+)$", bare)
    if not m:
        return None
    org, repo, rest = (re.escape(g) for g in m.groups())
    return re.compile(
        rf"(?:github\.com/{org}/{repo}/(?:blob|tree|raw)/[^/]+/{rest}|raw\.githubusercontent\.com/{org}/{repo}/[^/]+/{rest})$",
        re.IGNORECASE,
    )


def _hf_forms(url: str) -> re.Pattern[str] | None:
    bare = canonical(url)
    m = re.match(r"huggingface\.co/([^/]+)/([^/]+)/(?:blob|resolve|raw)/[^/]+/(.+)$", bare)
    if not m:
        return None
    org, repo, rest = m.groups()
    family = re.escape("-".join(repo.split("-")[:2]))  # Llama-4-…: any Meta Llama 4 repository
    return re.compile(
        rf"(?:huggingface\.co|hf\.co)/{re.escape(org)}/{family}[^/]*/(?:blob|resolve|raw)/[^/]+/{re.escape(rest)}$",
        re.IGNORECASE,
    )


def is_agreement_url(url: str, terms: LicenseTerms) -> bool:
    """True for any accepted form of a link to the Llama 4 Community License Agreement."""
    bare = canonical(url)
    if not bare:
        return False
    for recorded in terms.agreement_urls:
        pattern = _github_forms(recorded) or _hf_forms(recorded)
        if pattern is not None and pattern.match(bare):
            return True
        if bare.lower() == canonical(recorded).lower():
            return True
    page = canonical(terms.aup_url)
    return page.endswith("/use-policy") and bare.lower() == (page[: -len("use-policy")] + "license").lower()


def is_aup_url(url: str, terms: LicenseTerms) -> bool:
    """True for any accepted form of a link to the Acceptable Use Policy."""
    bare = canonical(url)
    if not bare:
        return False
    if bare.lower() == canonical(terms.aup_url).lower():
        return True
    for recorded in terms.agreement_urls:
        pattern = _github_forms(recorded.rsplit("/", 1)[0] + "/USE_POLICY.md")
        if pattern is not None and pattern.match(bare):
            return True
    return False


_GENERATION = r"(llama[0-9][0-9._-]*)"
"""A generation's folder in Meta's URLs: ``llama3``, ``llama3_1``, ``llama4``."""
_FORMER_HOSTS = ("llama.meta.com",)
"""Former hosts of the recorded policy page (llama.com's earlier name)."""


def other_generation_aup(url: str, terms: LicenseTerms) -> str | None:
    """The generation ("Llama 3.1") whose Acceptable Use Policy ``url`` is, when it is the recorded
    Llama 4 policy's page or GitHub copy with another generation's folder; None otherwise."""
    bare = canonical(url)
    page = canonical(terms.aup_url)
    found = re.fullmatch(r"([^/]+)/(llama[0-9][0-9._-]*)/(.+)", page)
    patterns: list[tuple[re.Pattern[str], str]] = []
    if found is not None:
        host, own, tail = found.groups()
        hosts = "|".join(re.escape(h) for h in (host, *_FORMER_HOSTS))
        patterns.append((re.compile(rf"(?:{hosts})/{_GENERATION}/{re.escape(tail)}", re.IGNORECASE), own))
    for recorded in terms.agreement_urls:
        repo = re.match(
            r"github\.com/([^/]+/[^/]+)/(?:blob|tree|raw)/[^/]+/(.+)/(llama[0-9][0-9._-]*)/[^/]+$", canonical(recorded)
        )
        if repo is not None:
            where, folder, own = re.escape(repo.group(1)), re.escape(repo.group(2)), repo.group(3)
            forms = rf"(?:github\.com/{where}/(?:blob|tree|raw)/[^/]+|raw\.githubusercontent\.com/{where}/[^/]+)"
            patterns.append((re.compile(rf"{forms}/{folder}/{_GENERATION}/USE_POLICY\.md", re.IGNORECASE), own))
    for pattern, own in patterns:
        hit = pattern.fullmatch(bare)
        if hit is not None and hit.group(1).lower() != own.lower():
            return generation_name(hit.group(1))
    return None


def generation_name(folder: str) -> str:
    """A generation folder as people write it: ``llama3_1`` -> "Llama 3.1"."""
    number = re.sub(r"[._-]+", ".", folder[len("llama") :]).strip(".")
    return f"Llama {number}"
