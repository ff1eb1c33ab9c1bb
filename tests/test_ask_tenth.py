"""The classes of question the tenth held-out set showed the ranking missing (issue 14): each
test names a class in phrasings of its own (other words, another variant or language than the
benchmark's questions), and fails when the vocabulary behind the class is taken out."""

from __future__ import annotations

import sqlite3

import pytest

from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import first_answer as _first


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # license clauses in other languages: the MAU threshold as 月活跃用户, a copy of the agreement,
        # using outputs to train another model (and in English, as an act)
        ("月活跃用户超过七亿的公司能用 llama 4 吗", "license.mau_threshold"),
        ("¿hay que distribuir una copia de la licencia con mi modelo?", "license_terms.agreement_copy"),
        ("puis-je entraîner un autre modèle avec ce que génère llama 4", "intended_use.uses.outputs_to_improve_other_models"),
        ("can i use llama 4 generations to train another model", "intended_use.uses.outputs_to_improve_other_models"),
        # the safety evaluations of critical risks named by their everyday words
        ("does maverick give cyber uplift to attackers", "safety.evaluations.critical_risks.cyber.finding"),
        ("did meta test llama 4 for bioweapons help", "safety.evaluations.critical_risks.cbrne.what_assessed"),
        # the family's architecture asked as a choice, not one variant's figure
        ("is llama 4 scout a dense or moe model", "architecture.mixture_of_experts"),
        # Meta's sampling default, not iRoPE's attention temperature
        ("is 0.6 the meta default for scout's temperature", "prompt_format.sampling.reference_temperature"),
        # hardware in Turkish
        ("Llama 4 modelleri hangi donanımda eğitildi", "training.compute.hardware"),
        # half B's classes: governing law in German, the recommended temperature in Japanese,
        # attribute words in Vietnamese (active), Turkish (layers) and Polish (price), the
        # outputs as training data for another model
        ("welches recht gilt bei einem streit über die lizenz", "license.governing_law"),
        ("maverick の推奨温度は？", "prompt_format.sampling.reference_temperature"),
        ("scout có bao nhiêu tham số hoạt động", "scout.params.active"),
        ("scout kaç katmandan oluşuyor", "scout.architecture.layers"),
        ("ile kosztuje scout na together", "providers.together.scout.price"),
        ("can the outputs serve as training data for another model", "intended_use.uses.outputs_to_improve_other_models"),
    ],
)
def test_classes_the_tenth_set_missed(kb: KnowledgeBase, db: sqlite3.Connection, text: str, want: str) -> None:
    assert _first(kb, db, text) == want
