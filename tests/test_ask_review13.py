"""review13's answers a new user found misleading that are not about which fact comes first
(those are rows of tests/questions/classes.yaml, round "review13"): a pasted blob of a few words
repeated is too little understood to be answered, and a question about selling a thing of one's
own built on the family is about selling, not about what the thing is built on."""

from __future__ import annotations

import sqlite3

from llama4ref.domain.answer import ask
from llama4ref.store.knowledge_base import KnowledgeBase


def test_a_blob_of_a_few_words_repeated_is_not_answered(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """A confidence rule on how much of the text is a question: fewer than a quarter of 32 words or
    more distinct, and the closest facts are shown instead of an answer (exit 1)."""
    assert not ask(kb, "token " * 200, db).found
    assert not ask(kb, "scout context window " * 40, db).found
    assert ask(kb, "what is the context window of scout", db).found


def test_selling_a_thing_built_on_the_family_asks_about_commercial_use(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """ "built on llama 4" describes the asker's service, so it is not asked about (no fact is
    about "service"): the commercial-use facts answer, found."""
    got = ask(kb, "can i sell a service built on llama 4", db)
    assert got.found and got.ranked_paths()[0] == "intended_use.uses.commercial_and_research"
    assert "license_terms.grant_of_rights" in got.ranked_paths()[1:3]
    assert ask(kb, "what is llama guard 4 built on", db).ranked_paths()[0] == "safety.system_level.llama_guard_4.derived_from"
