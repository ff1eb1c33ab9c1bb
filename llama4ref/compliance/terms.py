"""The license constants the checker needs, read from the records (never hard-coded).

:func:`load_license_terms` is deliberately small and isolated: it reads the FactSheet
``license/llama4-community-license.yaml`` and the LicenseTerm records in ``license_terms/``
with ``yaml.safe_load``. It can later be switched to the core loader or the shipped index
without touching the checks, which only see the frozen :class:`LicenseTerms`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from llama4ref.errors import DataError
from llama4ref.paths import FactPath

SHEET = Path("license") / "llama4-community-license.yaml"
TERMS_DIR = Path("license_terms")
AGREEMENT_SOURCE = "llama-models-license"
AUP_SOURCE = "llama-models-use-policy"


@dataclass(frozen=True)
class Anchor:
    """A short verbatim sentence of a license document, quoted by a LicenseTerm record."""

    term: str
    section: str
    quote: str


@dataclass(frozen=True)
class LicenseTerms:
    """Everything the checks compare against, taken from the facts tree."""

    name_prefix: str
    attribution: str
    notice: str
    agreement_fingerprint: str
    aup_fingerprint: str
    aup_url: str
    agreement_urls: tuple[str, ...]
    license_ids: tuple[str, ...]
    agreement_title: str
    agreement_anchors: tuple[Anchor, ...]
    aup_anchors: tuple[Anchor, ...]


def load_license_terms(tree_dir: Path) -> LicenseTerms:
    """Read the license constants from the facts tree at ``tree_dir``; raise DataError if absent."""
    import yaml  # lazily: importing the checker reads nothing

    sheet_path = tree_dir / SHEET
    try:
        sheet = yaml.safe_load(sheet_path.read_text(encoding="utf-8"))
        term_docs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((tree_dir / TERMS_DIR).glob("*.yaml"))]
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataError(f"cannot read the license records under {tree_dir}: {exc}") from exc
    facts = sheet.get("facts", {}) if isinstance(sheet, dict) else {}
    return _from_records(facts, term_docs, str(sheet_path))


def shipped_license_terms() -> LicenseTerms:
    """The license constants of the shipped data, read from the compiled index: the same records
    as ``load_license_terms(shipped_facts_dir())``, at the cost of two small JSON files."""
    from llama4ref.store.index import read_index

    index = read_index()
    facts = index["facts"]
    sheet = FactPath("license")
    sheet_facts = {fp.rest: facts[str(fp)] for fp in map(FactPath.parse, facts) if fp.startswith(sheet)}
    term_docs = sorted(index["license_terms"].values(), key=lambda doc: str(doc.get("file", "")))
    return _from_records(sheet_facts, term_docs, f"facts/{SHEET.as_posix()}")


def _from_records(facts: dict[str, Any], term_docs: list[Any], sheet_path: str) -> LicenseTerms:
    """The constants from the license sheet's facts (key → fact) and the LicenseTerm records."""

    def value(key: str) -> str:
        spec = facts.get(key)
        if not isinstance(spec, dict) or not isinstance(spec.get("value"), str) or not spec["value"]:
            raise DataError(f"{sheet_path}: fact license.{key} is missing or not text")
        return str(spec["value"])

    def title(key: str) -> str:
        cits = facts.get(key, {}).get("citations") or [{}]
        return str(cits[0].get("quote", ""))

    agreement: list[Anchor] = []
    aup: list[Anchor] = []
    for doc in term_docs:
        if not isinstance(doc, dict):
            continue
        for cit in doc.get("citations", []) or []:
            anchor = _anchor(doc, cit)
            if anchor is None:
                continue
            if cit.get("source") == AGREEMENT_SOURCE:
                agreement.append(anchor)
            elif cit.get("source") == AUP_SOURCE:
                aup.append(anchor)
    return LicenseTerms(
        name_prefix=value("name_prefix"),
        attribution=value("attribution"),
        notice=value("notice"),
        agreement_fingerprint=value("fingerprint.agreement"),
        aup_fingerprint=value("fingerprint.aup"),
        aup_url=value("aup_url"),
        agreement_urls=(value("agreement_url"), value("agreement_url_hf")),
        license_ids=(value("hf_license_id"),),
        agreement_title=title("fingerprint.agreement"),
        agreement_anchors=_unique(agreement),
        aup_anchors=_unique(aup),
    )


def _anchor(doc: dict[str, Any], cit: Any) -> Anchor | None:
    if not isinstance(cit, dict) or not isinstance(cit.get("quote"), str):
        return None
    return Anchor(term=str(doc.get("id", "")), section=str(doc.get("section", "")), quote=cit["quote"])


def _unique(anchors: list[Anchor]) -> tuple[Anchor, ...]:
    """One anchor per distinct quote, first record (by file name) wins."""
    return tuple({a.quote: a for a in reversed(anchors)}[q] for q in dict.fromkeys(a.quote for a in anchors))
