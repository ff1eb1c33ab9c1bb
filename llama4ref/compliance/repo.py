"""The derivative-repository check: one finding per unmet obligation, with file, line and section.

``check_repo(path, terms)`` takes a model repository directory (only its top level is read)
or a single model card. Files it looks at, by name and in any letter case:

* model card: ``README.md`` (a Hugging Face card), ``MODEL_CARD.md``, ``model_card.md``,
  ``README``/``README.txt``;
* notice: ``NOTICE``, ``NOTICE.txt``, ``NOTICE.md`` (the license's “Notice” text file);
* agreement copy: every file whose name starts with ``LICENSE`` or ``LICENCE``;
* policy copy: every file whose name contains ``USE_POLICY``/``use-policy``.

Policies (stated so results are predictable):

* Notice line: compared after ``l4r-text-1`` normalisation (whitespace runs and line breaks
  are one space, typographic quotes fold to ASCII, NFC); other text may surround it. Writing
  ``(c)``, ``(C)`` or ``&copy;`` for © is a warning; any other difference is an error that
  says where the text departs from the required line.
* Agreement: a LICENSE file whose ``l4r-text-1`` fingerprint equals the official one passes;
  a LICENSE file that is recognisably the agreement but differs is an error listing the anchor
  sentences it lacks (the official text itself is not shipped). With no unmodified copy, a
  link to the official agreement in the README/card (or the card's ``license_link``) passes.
* Acceptable Use Policy: a link to its URL in the README/card, or an unmodified copy.
* Card license: a ``base_model`` naming Llama 4 (``Llama-4…``/``llama4…`` after the last
  '/') requires ``license: llama4`` or ``license: other`` with a Llama 4 ``license_name``.
* Model name: ``--name`` if given; else the card's front-matter ``model_name``, ``name`` and
  ``model-index`` names; else the name its first H1 heading states (:mod:`heading`: badges and
  markup dropped, generic titles such as "Model Card" ignored); else the directory's name, but
  only when the directory has a card: without one (a checkout's root, as ``pre-commit try-repo``
  checks it) the folder's name is no published name, and the name rules are not checked. Every
  name finding says which name was judged and where it came from; when the judged name and the
  card's name differ (ignoring case and the separators ``-_.`` and space), an L4-NAME-SOURCE note
  names both, and so it does for the directory's name when the judged name fails a name rule.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from llama4ref.compliance.card import BaseModel, CardMeta, parse_card, repo_id
from llama4ref.compliance.card_duties import CardView, check_attribution, check_card_license, followable_links
from llama4ref.compliance.duties import AUP_NEEDS_AGREEMENT, NOTICE_NAMES, check_agreement, check_aup, check_notice
from llama4ref.compliance.files import FileText, list_entries, read_file, read_in_tree
from llama4ref.compliance.findings import Collector, Finding, finding_key
from llama4ref.compliance.heading import card_title
from llama4ref.compliance.links import is_agreement_url
from llama4ref.compliance.names import NameResult, check_name, judge_name
from llama4ref.compliance.rules import RULES
from llama4ref.compliance.terms import LicenseTerms
from llama4ref.errors import Llama4RefError

if TYPE_CHECKING:
    from llama4ref.store.shapes.tools import RepoReportJSON

_CARD_NAMES = ("readme.md", "model_card.md", "modelcard.md", "readme", "readme.txt")


class CheckPathError(Llama4RefError, ValueError):
    """The path given to check is neither a directory nor a readable file."""

    code = "L4R-U010"


@dataclass(frozen=True)
class RepoReport:
    """All findings for one checked path."""

    path: str
    kind: Literal["directory", "card"]
    findings: tuple[Finding, ...]
    names: tuple[NameResult, ...]
    checked_rules: tuple[str, ...]
    not_checked: tuple[tuple[str, str], ...]

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def status(self, rule_id: str) -> str:
        """``error`` / ``warning`` / ``note`` (the worst finding of the rule), ``not_checked``, or ``pass``."""
        severities = [f.severity for f in self.findings if f.rule == rule_id]
        if severities:
            return max(severities, key=("note", "warning", "error").index)
        return "not_checked" if rule_id in dict(self.not_checked) else "pass"

    def passed_rules(self) -> tuple[str, ...]:
        """The checked rules with no finding at all (a rule that gave only notes is in :meth:`noted_rules`)."""
        found = {f.rule for f in self.findings}
        return tuple(r for r in self.checked_rules if r not in found)

    def noted_rules(self) -> tuple[str, ...]:
        """The checked rules whose findings are all notes: they do not fail, and are not "passed" either."""
        return tuple(r for r in self.checked_rules if self.status(r) == "note")

    def exit_code(self, *, strict: bool = False) -> int:
        """0 when nothing fails; 1 on an error (or, when ``strict``, a warning)."""
        failing = {"error", "warning"} if strict else {"error"}
        return 1 if any(f.severity in failing for f in self.findings) else 0

    def to_dict(self) -> RepoReportJSON:
        return {
            "path": self.path,
            "kind": self.kind,
            "ok": self.ok,
            "findings": [f.to_dict() for f in self.findings],
            "names": [n.to_dict() for n in self.names],
            "checked_rules": list(self.checked_rules),
            "passed_rules": list(self.passed_rules()),
            "noted_rules": list(self.noted_rules()),
            "not_checked": [{"rule": r, "reason": why} for r, why in self.not_checked],
        }


_NAME_RULES = ("L4-NAME-PREFIX", "L4-NAME-CASE", "L4-NAME-SPOOF", "L4-NAME-HIDDEN", "L4-NAME-META", "L4-NAME-SOURCE")
_CARD_RULES = ("L4-ATTRIBUTION", "L4-CARD-LICENSE", "L4-AUP")
_FILE_RULES = ("L4-NOTICE", "L4-LICENSE-COPY")


def _cards_below(root: Path, depth: int = 2, most: int = 3) -> list[str]:
    """Up to ``most`` folders (relative, sorted) within ``depth`` levels below ``root`` that hold a
    model card: where to point the check when a repository keeps its model in a subfolder."""
    found: list[str] = []
    level = [root]
    for _ in range(depth):
        level = [sub for folder in level for sub in _entries(folder) if sub.is_dir() and not sub.name.startswith(".")][:200]
        found += [f.relative_to(root).as_posix() for f in level if any(_is_card_file(e) for e in _entries(f))]
    return sorted(found)[:most]


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def _is_card_file(path: Path) -> bool:
    return path.name.lower() in _CARD_NAMES and path.is_file()


def check_repo(path: Path, terms: LicenseTerms, *, name: str | None = None) -> RepoReport:
    """Check a model repository directory or a single model card against the license duties."""
    out = Collector()
    if path.is_dir():
        root = Path(os.path.realpath(path))
        read = _read_top_level(root, out)
        files = [f for f in read if f.text is not None]
        unread = [f for f in read if f.text is None and f.rel.lower() in _CARD_NAMES]
        cards = [f for f in files if f.rel.lower() in _CARD_NAMES]
        kind: Literal["directory", "card"] = "directory"
        fallback_name = root.name
    elif path.is_file():
        if not _is_card_name(path.name):
            raise CheckPathError(
                f"{path}: not a model card (README.md, MODEL_CARD.md or another Markdown file) nor a repository directory"
            )
        card = read_file(path, path.name)
        _report_unreadable([card], out)
        files = [card] if card.text is not None else []
        unread = [] if files else [card]
        cards = files
        kind, fallback_name = "card", None
    else:
        raise CheckPathError(f"{path}: not a directory or a file")
    cards.sort(key=lambda f: _CARD_NAMES.index(f.rel.lower()) if f.rel.lower() in _CARD_NAMES else 0)
    meta, meta_file = _first_meta(cards, out)
    views = [CardView.of(c) for c in cards]
    checked = [*_NAME_RULES, *_CARD_RULES, *((*_FILE_RULES, "L4-CARD-MISSING") if kind == "directory" else ())]
    checked.append("L4-CARD-UNREADABLE")
    not_checked: list[tuple[str, str]] = []
    if kind == "card":
        reason = "needs the files beside the card: check the repository directory"
        not_checked += [(r, reason) for r in _FILE_RULES]
    if not cards and unread:  # there, but skipped (L4-FILE-SKIPPED says why): not missing
        for f in unread:
            out.add(
                f.rel,
                None,
                "L4-CARD-UNREADABLE",
                f"the model card is there but could not be read: {f.skipped}; the card rules were not checked",
            )
        not_checked += [(r, "the model card could not be read") for r in _CARD_RULES]
    elif not cards:
        below = _cards_below(root) if kind == "directory" else []
        hint = (
            f"; a model card is below it, in {' and '.join(below)}: check that directory (pre-commit: args: [{below[0]}])"
            if below
            else ""
        )
        out.add(
            ".", None, "L4-CARD-MISSING", f"no model card: the directory has no README.md or MODEL_CARD.md{hint}", missing=True
        )
        not_checked += [(r, "no model card") for r in _CARD_RULES]
    bases = check_card_license(meta, meta_file, terms, out, views) if cards else []
    if cards:
        check_attribution(views, terms, out)
        if meta is None:
            not_checked.append(("L4-CARD-LICENSE", "the card has no YAML front matter: no base_model or license to compare"))
        elif meta.problem:
            not_checked.append(("L4-CARD-LICENSE", f"the card's front matter cannot be read ({meta.problem})"))
    links = followable_links(views, meta, meta_file)
    agreement: bool | None
    if kind == "directory":
        check_notice(files, terms, out)
        agreement = check_agreement(files, links, terms, out)
    else:  # a single card: a link to the agreement is seen, its absence beside the card is not
        agreement = True if any(is_agreement_url(url, terms) for url, _, _ in links) else None
    if cards and not check_aup(files, [c.rel for c in cards], links, agreement, terms, out):
        not_checked.append(("L4-AUP", AUP_NEEDS_AGREEMENT))
    if bases and not any(b.llama4 for b in bases) and name is None:
        return _not_llama4(path, kind, bases, meta, meta_file, out)
    directory = fallback_name if cards or unread else None  # no card: the folder names a checkout, not a model
    names = _check_names(_name_sources(meta, meta_file, cards, name, directory), terms, out)
    if not names:
        why = (
            "no model name: the card has no model_name, name or model-index name and no H1 title; pass --name"
            if cards or unread
            else "no model card, so no model name (a directory's own name is judged only beside a card); pass --name"
        )
        not_checked += [(r, why) for r in _NAME_RULES]
    if meta is not None:
        for key, line, first in meta.duplicates:
            out.add(
                meta_file or "",
                line,
                "L4-CARD-YAML",
                f"key {key!r} is given twice (first on line {first}); YAML readers disagree on which value counts",
                "error",
            )
    skipped = {r for r, _ in not_checked}
    checked = [r for r in checked if r not in skipped] + [r.id for r in RULES.values() if r.section == "-"]
    findings = tuple(sorted(set(out.findings), key=finding_key))
    return RepoReport(str(path), kind, findings, tuple(names), tuple(dict.fromkeys(checked)), tuple(not_checked))


def _not_llama4(
    path: Path,
    kind: Literal["directory", "card"],
    bases: list[BaseModel],
    meta: CardMeta | None,
    meta_file: str | None,
    out: Collector,
) -> RepoReport:
    """The report for a card whose every base model is outside the Llama 4 family."""
    keep = [f for f in out.findings if RULES[f.rule].section == "-"]
    shown = "; ".join(f"{b.id!r}: {b.why}" for b in bases)
    line = meta.key_lines.get("base_model") if meta else None
    keep.append(
        Collector.make(
            meta_file or ".",
            line,
            "L4-NOT-LLAMA4",
            f"base_model is not a Llama 4 model ({shown}): the Llama 4 license rules don't apply",
        )
    )
    reason = "the card's base model is not Llama 4"
    rules = [*_NAME_RULES, *_CARD_RULES, *(_FILE_RULES if kind == "directory" else ())]
    checked = [r.id for r in RULES.values() if r.section == "-"]
    return RepoReport(
        str(path), kind, tuple(sorted(set(keep), key=finding_key)), (), tuple(checked), tuple((r, reason) for r in rules)
    )


def _read_top_level(root: Path, out: Collector) -> list[FileText]:
    """Every relevant top-level file, read or skipped (each skipped one is reported)."""
    entries, truncated = list_entries(root)
    if truncated:
        out.add(".", None, "L4-FILE-SKIPPED", "directory has too many entries: only the first ones were looked at")
    wanted = [e for e in entries if _is_relevant(e.lower())]
    files = [read_in_tree(root, e) for e in wanted]
    files = [f for f in files if not (f.skipped == "not a regular file" and (root / f.rel).is_dir())]
    _report_unreadable(files, out)
    return files


def _is_card_name(name: str) -> bool:
    """Whether a file given on its own may be a model card: a card's name, or any Markdown file
    (``/etc/hostname`` is not judged as one)."""
    lower = name.lower()
    return lower in _CARD_NAMES or lower.endswith((".md", ".markdown", ".mdown"))


def _is_relevant(lower: str) -> bool:
    return (
        lower in _CARD_NAMES
        or lower in NOTICE_NAMES
        or lower.startswith(("license", "licence"))
        or "use_policy" in lower
        or "use-policy" in lower
    )


def _report_unreadable(files: list[FileText], out: Collector) -> None:
    for f in files:
        if f.skipped:
            out.add(f.rel, None, "L4-FILE-SKIPPED", f"skipped: {f.skipped}")
        elif f.encoding_problem:
            out.add(f.rel, None, "L4-FILE-ENCODING", f.encoding_problem)


def _first_meta(cards: list[FileText], out: Collector) -> tuple[CardMeta | None, str | None]:
    for card in cards:
        meta = parse_card(card.text or "")
        if meta is None:
            continue
        if meta.problem:
            out.add(card.rel, meta.problem_line, "L4-CARD-YAML", meta.problem)
        return meta, card.rel
    return None, None


@dataclass(frozen=True)
class _Source:
    """A candidate model name and where it was read."""

    value: str
    file: str
    line: int | None
    where: str
    """How the finding says where the name came from: ``--name``, ``front matter model_name``, …"""
    kind: Literal["--name", "front matter", "heading", "directory"]


def _name_sources(
    meta: CardMeta | None, meta_file: str | None, cards: list[FileText], name: str | None, directory: str | None
) -> list[_Source]:
    """Every candidate name in precedence order: --name, front matter, the first card's H1 title, the directory."""
    found: list[_Source] = []
    if name is not None:
        found.append(_Source(name, "(--name)", None, "--name", "--name"))
    if meta is not None:
        found += [_Source(n, meta_file or "", line, f"front matter {key}", "front matter") for n, line, key in meta.names]
    for card in cards:
        title = card_title(card.text or "")
        if title is not None:
            found.append(_Source(title.name, card.rel, title.line, "the card's H1 heading", "heading"))
            break
    if directory is not None:
        found.append(_Source(directory, ".", None, "directory name", "directory"))
    return found


def _check_names(sources: list[_Source], terms: LicenseTerms, out: Collector) -> list[NameResult]:
    """Judge the names of the first source kind present; note where the others differ from them."""
    if not sources:
        return []
    judged = [s for s in sources if s.kind == sources[0].kind]
    results = []
    for src in judged:
        result = _judge(src, terms)
        results.append(result)
        for f in result.findings:
            suggested = f"; suggested: {result.suggestion!r}" if result.suggestion != result.name else ""
            out.add(src.file, src.line, f.rule, f"model name {src.value!r} (from {src.where}): {f.message}{suggested}")
    first = judged[0]
    keys = {_compare_key(r.name) for r in results}
    failed = not all(r.ok for r in results)
    for other in (s for s in sources if s.kind != first.kind and s.kind != "--name"):
        if other.kind == "directory" and not failed:
            continue  # a checkout's folder name (a clone, a CI or pre-commit run) matters only when the judged name fails
        if _compare_key(_judged_part(other)) not in keys:
            out.add(
                first.file,
                first.line,
                "L4-NAME-SOURCE",
                f"model name {first.value!r} (from {first.where}) was judged; "
                + ("" if other.where.startswith("the ") else "the ")
                + f"{other.where} is {other.value!r}"
                + (f" ({other.file}:{other.line})" if other.line else "")
                + ", which was not",
            )
            break  # the closest disagreeing source is enough; the card outranks the directory
    return results


def _judged_part(src: _Source) -> str:
    """The part of a candidate the rules judge: after the last '/' of an id, or of a heading's first word."""
    if src.kind == "heading":
        head, _, rest = src.value.partition(" ")
        return head[head.rfind("/") + 1 :] + (f" {rest}" if rest else "")
    value = repo_id(src.value) if "/" in src.value else src.value
    return value[value.rfind("/") + 1 :]


def _judge(src: _Source, terms: LicenseTerms) -> NameResult:
    """A heading is a phrase: only an ``org/name`` first word loses its org, and a later '/' is part of the name."""
    if src.kind == "heading":
        head = src.value.split(" ", 1)[0]
        org = head[: head.rfind("/")] if "/" in head else ""
        return judge_name(src.value, _judged_part(src), org, terms)
    value = repo_id(src.value) if "/" in src.value else src.value
    return check_name(value, terms)


def _compare_key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch not in "-_. ")
