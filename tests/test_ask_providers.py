"""Questions about providers as a whole (issue 14): "which providers serve maverick", "cheapest
provider for scout", "which provider has the longest context" are answered with every current
offer, one row per provider, in the order asked for; a question naming one provider, a GPU or
someone who is not a provider keeps its own answer; `providers --sort` orders the same offers."""

from __future__ import annotations

import json
import sqlite3

import pytest

from llama4ref.domain.answer import ask
from llama4ref.domain.deploy import SORTS, offers, sort_offers
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli


def _values(ans_facts: tuple[object, ...]) -> list[float]:
    return [float(f.value) for f in ans_facts]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "cheapest provider for scout",
        "which llama 4 scout api is cheapest",
        "welcher anbieter ist am günstigsten für scout",
        "scout api price",
        "Llama 4 Scout 最便宜的提供商是哪个",
    ],
)
def test_a_price_across_providers_lists_every_current_offer_lowest_first(
    kb: KnowledgeBase, db: sqlite3.Connection, text: str
) -> None:
    ans = ask(kb, text, db)
    assert ans.listing is not None and ans.path == "providers.*.scout.price.input"
    inputs = [f for f in ans.facts if f.path.endswith(".price.input")]
    assert _values(tuple(inputs)) == sorted(_values(tuple(inputs)))
    priced = [o for o in offers(kb, "scout", current=True) if o.price_input is not None]
    assert {f.path.split(".")[1] for f in inputs} == {o.provider for o in priced}
    assert all(f.citations for f in ans.facts)
    assert ans.suggestion == "llama4ref providers scout --current --sort price"
    assert ans.to_json()["answer"]["kind"] == "providers"  # type: ignore[index]


@pytest.mark.parametrize("text", ["which providers serve maverick", "who serves maverick", "where can i use maverick via api"])
def test_who_serves_a_variant_lists_each_provider_once(kb: KnowledgeBase, db: sqlite3.Connection, text: str) -> None:
    ans = ask(kb, text, db)
    assert ans.listing is not None and ans.path == "providers.*.maverick.model_id"
    current = {(o.provider_name, o.variant) for o in offers(kb, "maverick", current=True)}
    assert {(r.provider, r.variant) for r in ans.listing.rows} == current
    assert len(ans.listing.rows) == len(current)
    assert ans.suggestion == "llama4ref providers maverick --current"


def test_deprecated_offers_are_left_out(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """Cerebras ended its Scout endpoint (its record says so): it is no answer to who serves Scout today."""
    ended = {o.provider_name for o in offers(kb, "scout") if o.deprecated}
    assert ended, "the records hold an ended offer"
    rows = ask(kb, "which providers serve scout", db).listing
    assert rows is not None and not ended & {r.provider for r in rows.rows}


def test_the_longest_context_comes_first(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    ans = ask(kb, "which provider has the longest context for scout", db)
    assert ans.listing is not None and ans.path == "providers.*.scout.context"
    served = [r.facts[0].as_int() for r in ans.listing.rows if r.caveat is None]
    assert served == sorted(served, reverse=True) and len(set(served)) > 3


def test_a_catalogs_nominal_copy_follows_the_served_limits_with_its_caveat(
    kb: KnowledgeBase, db: sqlite3.Connection
) -> None:
    """Vertex Scout's 10M, only a catalog's copy of Meta's nominal limit, led "longest context"
    without the flag `providers` prints: now it follows every served limit, its row carries the
    caveat, the answer says so, and `ask` prints the same "[nominal, catalog only]" flag."""
    from io import StringIO

    from rich.console import Console

    from llama4ref.cli.render.ask import offers as render_offers

    ans = ask(kb, "which provider has the longest context for scout", db)
    assert ans.listing is not None
    rows = ans.listing.rows
    flagged = [i for i, r in enumerate(rows) if r.caveat]
    assert [rows[i].provider for i in flagged] == ["Vertex"] and rows[flagged[0]].facts[0].as_int() == 10_000_000
    assert rows[0].caveat is None and all(r.caveat is None for r in rows[: flagged[0]]) and flagged[0] > 0
    assert any("Vertex's 10,000,000" in c and "nominal limit" in c for c in ans.caveats)
    buf = StringIO()
    shown = ans.listing._replace(rows=(rows[flagged[0]], *rows[: flagged[0]]))
    render_offers(Console(file=buf, width=80, no_color=True), kb, shown)
    assert "Vertex: 10,000,000 (10M) tokens [nominal, catalog only]" in buf.getvalue()


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("groq scout price", "providers.groq.scout.price"),  # one provider named: its own facts
        ("who developed llama 4 scout", "scout.developer"),  # "who" without serving
    ],
)
def test_a_named_provider_or_another_who_keeps_its_own_answer(
    kb: KnowledgeBase, db: sqlite3.Connection, text: str, path: str
) -> None:
    ans = ask(kb, text, db)
    assert ans.listing is None and (ans.path or "").startswith(path)


@pytest.mark.parametrize("by", SORTS)
def test_sort_offers_orders_by_the_key_with_missing_values_last(kb: KnowledgeBase, by: str) -> None:
    found = offers(kb)
    ordered = sort_offers(found, by)
    assert sorted(map(id, ordered)) == sorted(map(id, found))
    if by == "price":
        keys = [o.price_input for o in ordered]
        known = [k for k in keys if k is not None]
        assert known == sorted(known) and keys[: len(known)] == known
    elif by == "context":  # served limits, longest first; then catalogs' copies of the nominal limit
        nominal = [o.context_caveat is not None for o in ordered]
        assert nominal == sorted(nominal) and any(nominal)
        for group in (False, True):
            claims = [o.context for o in ordered if (o.context_caveat is not None) is group]
            known = [int(c.value) for c in claims if c is not None]
            assert known == sorted(known, reverse=True) and all(c is not None for c in claims[: len(known)])
    elif by == "output":
        claims = [o.max_output for o in ordered]
        known = [int(c.value) for c in claims if c is not None]
        assert known == sorted(known, reverse=True) and all(c is not None for c in claims[: len(known)])
    else:
        assert ordered == found


def test_providers_sort_on_the_command_line() -> None:
    out = run_cli("providers", "maverick", "--sort", "PRICE", "--json")
    assert out.code == 0, out.stderr
    prices = [o["price_per_million"]["input"] for o in json.loads(out.stdout)["data"]]
    known = [p for p in prices if p is not None]
    assert known == sorted(known) and prices[: len(known)] == known
    bad = run_cli("providers", "--sort", "speed")
    assert bad.code == 2 and "--sort must be name, price, context or output" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_an_output_price_orders_by_the_output_price(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    ans = ask(kb, "output price of scout across providers", db)
    assert ans.listing is not None and ans.path == "providers.*.scout.price.output"
    outputs = [row.facts[0].as_float() for row in ans.listing.rows if row.facts[0].path.endswith(".price.output")]
    assert outputs == sorted(outputs) and len(outputs) > 3


def test_a_deprecation_date_is_listed_for_ended_offers_too(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """Another attribute a provider's record holds is listed by provider; a deprecation date answers for
    offers that have already ended, so the listing is not limited to current offers."""
    ans = ask(kb, "scout deprecation dates by provider", db)
    assert ans.listing is not None and ans.path == "providers.*.scout.deprecation_date" and not ans.listing.current
    dated = {o.provider_name for o in offers(kb, "scout") if o.deprecation_date is not None}
    assert {r.provider for r in ans.listing.rows} == dated
    assert ans.suggestion == "llama4ref providers scout"


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("which providers list a deprecation date for maverick", "providers.*.maverick.deprecation_date"),
        ("which hosts serve maverick at fp8", "providers.*.maverick.precision"),
    ],
)
def test_an_attribute_naming_several_of_an_offer_s_facts_lists_its_first(
    kb: KnowledgeBase, db: sqlite3.Connection, text: str, path: str
) -> None:
    """Maverick's offers hold a deprecation date and an end-of-life floor, both words of the
    deprecation attribute: the listing is by the attribute's first (the date), not given up; "hosts"
    asks about the providers as "providers" does (round 14)."""
    assert {"deprecation_date", "eol_not_before"} <= {p.rsplit(".", 1)[-1] for o in offers(kb, "maverick") for p in o.paths}
    ans = ask(kb, text, db)
    assert ans.listing is not None and ans.path == path and ans.listing.rows


def test_an_ended_offer_s_value_carries_a_caveat(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """A provider fact from an offer the records show as ended is no longer served: `ask` and `get` say so."""
    ended = next(o for o in offers(kb, "scout") if o.deprecated and o.deprecation_date is not None)
    path = next(p for p in ended.paths if p.endswith(".price.input") or p.endswith(".model_id"))
    ans = ask(kb, path, db)
    assert ans.caveats and str(ended.deprecation_date) in ans.caveats[0] and "ended" in ans.caveats[0]
    assert ans.to_json()["caveats"] == list(ans.caveats)
    out = run_cli("get", path)
    assert out.code == 0 and "caveat: " in out.stdout and str(ended.deprecation_date) in out.stdout


def test_a_current_offer_without_a_deprecation_date_has_no_caveat(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    current = next(o for o in offers(kb, "maverick", current=True) if o.deprecation_date is None and o.model_id)
    ans = ask(kb, f"providers.{current.provider}.maverick.model_id", db)
    assert ans.found and ans.caveats == ()
    assert ask(kb, "how many experts does maverick have", db).caveats == ()


def test_a_benchmark_pattern_covers_each_provider_s_fact() -> None:
    from benchmarks.questions import covers

    assert covers("providers.*.scout.price.input", "providers.groq.scout.price.input")
    assert covers("providers.*.scout.context", "providers.bedrock.scout.context.max_input")
    assert not covers("providers.*.scout.price.input", "providers.groq.maverick.price.input")
    assert not covers("providers.*.scout.price.input", "providers.groq.scout.price.output")
    assert covers("maverick.experts", "maverick.experts.routed") and not covers("maverick.experts", "maverick.experts")
