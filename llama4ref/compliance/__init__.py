"""Llama 4 Community License compliance checks for derivatives: names, repositories, SARIF.

Pure library functions returning frozen results; nothing here prints. The license constants
come from the records (``facts/license/`` and ``facts/license_terms/``) through
:func:`load_license_terms`::

    from llama4ref.compliance import check_name, check_repo, load_license_terms
    terms = load_license_terms(facts_dir)
    check_name("meta-llama-Llama-4-FT", terms).suggestion        # 'Llama-4-FT'
    check_repo(Path("my-model"), terms).findings

Importing this package reads no file; the confusables data and PyYAML load on first use.
"""

from typing import TYPE_CHECKING, Any

# Imported here, not on first use: the function shares its submodule's name, and a lazy
# attribute would be shadowed by the submodule once anything imported that.
from llama4ref.compliance.checklist import ChecklistItem, checklist

if TYPE_CHECKING:
    from llama4ref.compliance.findings import Finding
    from llama4ref.compliance.names import (
        CharIssue,
        NameFinding,
        NameResult,
        check_name,
        check_names,
        exit_code,
        read_names,
        suggest_name,
    )
    from llama4ref.compliance.repo import CheckPathError, RepoReport, check_repo
    from llama4ref.compliance.rules import RULES, Rule
    from llama4ref.compliance.sarif import to_sarif
    from llama4ref.compliance.terms import Anchor, LicenseTerms, load_license_terms
    from llama4ref.compliance.text import NORMALISATION, fingerprint, normalise

__all__ = [
    "NORMALISATION",
    "RULES",
    "Anchor",
    "CharIssue",
    "CheckPathError",
    "ChecklistItem",
    "Finding",
    "LicenseTerms",
    "NameFinding",
    "NameResult",
    "RepoReport",
    "Rule",
    "check_name",
    "check_names",
    "check_repo",
    "checklist",
    "exit_code",
    "fingerprint",
    "load_license_terms",
    "normalise",
    "read_names",
    "suggest_name",
    "to_sarif",
]

_HOME = {
    "Finding": "findings",
    "CharIssue": "names",
    "NameFinding": "names",
    "NameResult": "names",
    "check_name": "names",
    "check_names": "names",
    "exit_code": "names",
    "read_names": "names",
    "suggest_name": "names",
    "CheckPathError": "repo",
    "RepoReport": "repo",
    "check_repo": "repo",
    "RULES": "rules",
    "Rule": "rules",
    "to_sarif": "sarif",
    "Anchor": "terms",
    "LicenseTerms": "terms",
    "load_license_terms": "terms",
    "NORMALISATION": "text",
    "fingerprint": "text",
    "normalise": "text",
}
"""Where each public name lives: imported on first use, so that the name check does not pay
for the repository checker (HTML parsing, hashing, SARIF) it never runs (benchmarks/)."""


if not TYPE_CHECKING:  # the type checker reads the imports above, so a misspelt name stays an error

    def __getattr__(name: str) -> Any:
        home = _HOME.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from importlib import import_module

        value = getattr(import_module(f"{__name__}.{home}"), name)
        globals()[name] = value
        return value
