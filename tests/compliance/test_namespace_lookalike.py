"""review20 B: `check-name` (and `license check`'s name rule) reports a namespace imitating Meta's
(full-width or Cyrillic letters) as `resolve` does, with resolve's own look-alike logic: an
L4-NAME-META error naming the same characters, the namespace dropped from the suggestion."""

from __future__ import annotations

import pytest

import llama4ref
from llama4ref.compliance import check_name
from llama4ref.compliance.names import judge_name
from llama4ref.compliance.terms import LicenseTerms
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli

FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(ord("a"), ord("z") + 1)}
CYRILLIC = {"a": "\u0430", "e": "\u0435", "o": "\u043e"}


def meta_namespaces(kb: KnowledgeBase) -> list[str]:
    """Meta's official Hugging Face namespaces, from the identifier records."""
    return sorted(
        {i.name.split("/", 1)[0] for i in kb.identifiers() if i.official and i.namespace == "huggingface" and "/" in i.name}
    )


def imitations(org: str) -> list[str]:
    """The namespace in full-width letters, and with each Cyrillic look-alike it can take in turn."""
    out = ["".join(FULL_WIDTH.get(c, c) for c in org)]
    out += [org.replace(latin, cyr, 1) for latin, cyr in CYRILLIC.items() if latin in org]
    return out


def test_a_lookalike_of_metas_namespace_is_an_error_named_as_resolve_names_it(kb: KnowledgeBase, terms: LicenseTerms) -> None:
    """For every official namespace and every imitation of it: a violation under L4-NAME-META whose characters are
    resolve's, whose message carries resolve's reason, and whose suggestion keeps no namespace."""
    orgs = meta_namespaces(kb)
    assert orgs
    for org in orgs:
        for fake in imitations(org):
            ident = f"{fake}/Llama-4-Foo"
            res = llama4ref.resolve(ident)
            assert (res.method, res.lookalike_of) == ("lookalike", org), ident
            result = check_name(ident, terms)
            assert (result.status, result.rule, result.section) == ("violation", "L4-NAME-META", "5.a"), ident
            (finding,) = result.findings
            assert finding.severity == "error" and str(res.reason) in finding.message
            assert [(c.index, c.char, c.looks_like) for c in finding.characters] == [
                (n.position, n.char, n.looks_like) for n in res.characters
            ]
            assert result.suggestion == "Llama-4-Foo"
            judged = judge_name(ident, "Llama-4-Foo", fake, terms)  # license check's path to the same rule
            assert (judged.status, judged.rule) == ("violation", "L4-NAME-META")


def test_a_failing_name_under_a_lookalike_namespace_keeps_both_findings(terms: LicenseTerms) -> None:
    """The name's own violation stays first; the namespace's error is added, and the suggestion drops the namespace."""
    result = check_name("\uff4d\uff45\uff54\uff41-llama/Scout-FT", terms)
    assert result.status == "violation" and [f.rule for f in result.findings] == ["L4-NAME-PREFIX", "L4-NAME-META"]
    assert result.suggestion == "Llama-Scout-FT"


@pytest.mark.parametrize("ident", ["meta-llama/Llama-4-Foo", "acme/Llama-4-Foo", "Meta-Llama/Llama-4-Foo", "métà/Llama-4-Foo"])
def test_metas_own_and_other_namespaces_are_judged_as_before(terms: LicenseTerms, ident: str) -> None:
    """Meta's namespace in any case is the L4-NAME-META warning; another namespace, ASCII or not, passes."""
    result = check_name(ident, terms)
    if ident.casefold().startswith("meta-llama/"):
        assert (result.status, result.rule) == ("warning", "L4-NAME-META")
    else:
        assert (result.status, result.findings) == ("pass", ())


def test_check_name_prints_the_lookalike_namespace() -> None:
    """The CLI line says VIOLATION with the rule and resolve's words, and exits 1."""
    res = run_cli("check-name", "\uff4d\uff45\uff54\uff41-llama/Llama-4-Foo", env={"COLUMNS": "80"})
    assert res.code == 1
    text = " ".join(res.stdout.split())
    assert text.startswith("VIOLATION \uff4d\uff45\uff54\uff41-llama/Llama-4-Foo [L4-NAME-META §5.a] the namespace")
    assert "is a look-alike of 'meta-llama' (Meta's official namespace)" in text
