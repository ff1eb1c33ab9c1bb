"""The naming rule (section 1.b.i): does a derivative model's name begin with "Llama"?

Judgement, for a name after stripping everything up to the last ``/`` (``org/name`` ids):

* **pass** (rule L4-NAME-PREFIX) when the name begins with exactly the prefix, no mark follows
  it and it contains no hidden character;
* **warning** L4-NAME-CASE when it begins with the prefix's letters in another case
  (``llama-4-…``, ``LLAMA…``);
* **violation** L4-NAME-PREFIX when a combining mark of any script (Unicode categories Mn, Me,
  Mc) follows the prefix, or its last letter is precomposed with one: ``Llama`` + U+0301
  displays as ``Llamá``, exactly as the precomposed ``Llamá`` does, and canonically equivalent
  names get the same verdict; each mark (or precomposed letter) is named;
* **violation** L4-NAME-PREFIX "begins with whitespace" when spaces (U+0020) come before an
  exact prefix (an indented line of a names file): said plainly, not as a look-alike;
* **violation** L4-NAME-SPOOF when, after skipping leading whitespace and hidden characters and
  folding every character with NFKC and the UTS #39 confusable skeleton, it begins with the
  prefix in any case (Cyrillic ``а``, Greek ``α``, capital ``I`` or digit ``1`` for ``l``,
  ``rn`` for ``m``, fullwidth letters); each offending character is named;
* **violation** L4-NAME-HIDDEN for any invisible, control, bidirectional-control or non-ASCII
  space character anywhere in the name (U+00A0 NO-BREAK SPACE, U+3000 IDEOGRAPHIC SPACE, …);
* **violation** L4-NAME-PREFIX otherwise.

Suggested compliant name: hidden characters and leading whitespace are removed, and so are
marks right after the prefix; a prefix in another case or spelled with look-alikes is rewritten
as the prefix; a flattened Meta org (``meta-llama-``, ``meta-llama_``, ``meta-llama.``) in front
of the name is dropped (``meta-llama-Llama-4-FT`` → ``Llama-4-FT``); a name that holds the
prefix as a later word (in any case) is rotated to begin there, the words before it moved to
the end (``FT-Llama-Prompt-Guard-2`` → ``Llama-Prompt-Guard-2-FT``), so "Llama" is never
doubled; otherwise the prefix is put in front with the name's own separator, the first space,
hyphen or underscore it uses (``Scout-FT`` → ``Llama-Scout-FT``, ``Acme Scout`` → ``Llama Acme
Scout``; a hyphen when it has none). An
``org/name`` id keeps its namespace (``acme/Scout-FT`` → ``acme/Llama-Scout-FT``).
The suggestion always passes the section 1.b.i rules.

**Meta's own names** (rule L4-NAME-META, section 5.a, a warning): a name that is exactly one of
Meta's own model names (any namespace, any case), or any name under Meta's Hub namespace, uses a
name associated with Meta, which 5.a does not license (only the mark "Llama" is, for the naming
rule); an unmodified copy under Meta's name is customary use, hence a warning. The names come
from the identifier records (:attr:`LicenseTerms.meta_names`); the suggestion for one of them is
the name itself (a name of the user's own cannot be guessed).

Speed: ASCII names take a short path (``startswith``, ``isprintable``, one table lookup per
leading character); the confusables data is loaded only when a non-ASCII character has to be
folded.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Literal

from llama4ref.compliance.rules import rule
from llama4ref.compliance.terms import LicenseTerms
from llama4ref.records.chars import describe, hidden_pattern, hidden_reason, is_mark, marks_after, skeleton_piece, strip_hidden

if TYPE_CHECKING:
    from llama4ref.store.shapes.tools import CharIssueJSON, NameFindingJSON, NameResultJSON

Status = Literal["pass", "warning", "violation"]
_FLATTENED_META_ORG = re.compile(r"meta[-_.]?llama[-_.]+", re.IGNORECASE)
_SEPARATORS = "-_. "
MAX_REPORTED = 50
"""At most this many offending characters are listed per finding (the message gives the total)."""


@dataclass(frozen=True)
class CharIssue:
    """One character that makes a name non-compliant."""

    index: int
    char: str
    codepoint: str
    description: str
    reason: str
    looks_like: str | None = None

    def to_dict(self) -> CharIssueJSON:
        return {
            "index": self.index,
            "char": self.char,
            "codepoint": self.codepoint,
            "description": self.description,
            "reason": self.reason,
            "looks_like": self.looks_like,
        }


@dataclass(frozen=True)
class NameFinding:
    """One problem with a name, under one rule."""

    rule: str
    severity: Literal["error", "warning"]
    section: str
    message: str
    characters: tuple[CharIssue, ...] = ()

    def to_dict(self) -> NameFindingJSON:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "section": self.section,
            "message": self.message,
            "characters": [c.to_dict() for c in self.characters],
        }


@dataclass(frozen=True)
class NameResult:
    """The judgement of one name: status, the deciding rule and section, and a compliant suggestion."""

    input: str
    name: str
    status: Status
    rule: str
    section: str
    message: str
    suggestion: str
    findings: tuple[NameFinding, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status == "pass"

    def to_dict(self) -> NameResultJSON:
        return {
            "input": self.input,
            "name": self.name,
            "status": self.status,
            "rule": self.rule,
            "section": self.section,
            "message": self.message,
            "suggestion": self.suggestion,
            "findings": [f.to_dict() for f in self.findings],
        }


def check_name(raw: str, terms: LicenseTerms) -> NameResult:
    """Judge one model name (or ``org/name`` id) against the naming rule."""
    slash = raw.rfind("/")
    name = raw[slash + 1 :]
    org = raw[:slash] if slash > 0 else ""
    result = _judge(raw, name, terms)
    spoof = _imitated_org(org, terms) if org else None
    if name.casefold() in terms.meta_names or (org and _meta_org(org, terms)):
        return _with_spoof(_with_meta(result, name, org, terms), spoof)
    if spoof is not None:  # a namespace of the user's own cannot be guessed: the suggestion is the name alone
        return _with_spoof(result, spoof)
    if slash > 0 and result.suggestion:  # the user's own namespace stays: acme/Llama-Scout-FT
        return replace(result, suggestion=raw[: slash + 1] + result.suggestion)
    return result


def judge_name(raw: str, name: str, org: str, terms: LicenseTerms) -> NameResult:
    """Judge ``name`` (shown as ``raw``, published under the namespace ``org`` or none): the
    naming rule, then whether it reuses Meta's own name or namespace, or imitates that namespace
    (L4-NAME-META)."""
    result = _judge(raw, name, terms)
    spoof = _imitated_org(org, terms) if org else None
    if name.casefold() in terms.meta_names or (org and _meta_org(org, terms)):
        return _with_spoof(_with_meta(result, name, org, terms), spoof)
    return _with_spoof(result, spoof)


def _meta_org(org: str, terms: LicenseTerms) -> bool:
    """Whether the namespace (the last segment of ``org``: a URL's host is not one) is Meta's."""
    return org[org.rfind("/") + 1 :].strip().casefold() in terms.meta_orgs


def _imitated_org(org: str, terms: LicenseTerms) -> NameFinding | None:
    """L4-NAME-META as an error: the namespace (the last segment of ``org``) imitates Meta's with
    look-alike characters (``ｍｅｔａ-llama``), found and explained exactly as ``resolve`` refuses
    it (llama4ref.domain.resolve.imitated_namespace); None for any other namespace. An ASCII
    namespace is another namespace, decided without loading the confusables data."""
    last = org[org.rfind("/") + 1 :].strip()
    if last.isascii():
        return None
    from llama4ref.domain.resolve import imitated_namespace, namespace_lookalike

    target = imitated_namespace(last, sorted(terms.meta_orgs))
    if target is None:
        return None
    refusal = namespace_lookalike(org, last, target, "Meta's official namespace")
    r = rule("L4-NAME-META")
    chars = tuple(CharIssue(c.position, c.char, c.codepoint, c.description, c.reason, c.looks_like) for c in refusal.characters)
    return NameFinding(
        r.id,
        "error",
        r.section,
        f"{refusal.reason}; it passes the model off as Meta's (section 5.a licenses no name associated with Meta): "
        "publish under a namespace of your own",
        chars,
    )


def _with_spoof(result: NameResult, spoof: NameFinding | None) -> NameResult:
    """``result`` with the look-alike namespace's error (:func:`_imitated_org`) added, deciding
    the verdict: a violation whatever the name itself gets."""
    if spoof is None:
        return result
    if result.status == "violation":
        return replace(result, findings=(*result.findings, spoof), message=f"{result.message}; {spoof.message}")
    shown = spoof.message if result.ok else f"{spoof.message}; {result.message}"
    return NameResult(
        result.input, result.name, "violation", spoof.rule, spoof.section, shown, result.suggestion, (spoof, *result.findings)
    )


def _with_meta(result: NameResult, name: str, org: str, terms: LicenseTerms) -> NameResult:
    """``result`` with the L4-NAME-META warning added."""
    meta = _meta_finding(name, org, terms)
    if result.ok:
        return NameResult(result.input, name, "warning", meta.rule, meta.section, meta.message, name, (meta,))
    return replace(result, findings=(*result.findings, meta), message=f"{result.message}; {meta.message}")


def _meta_finding(name: str, org: str, terms: LicenseTerms) -> NameFinding:
    """L4-NAME-META: ``name`` is one of Meta's own model names, or ``org`` is Meta's namespace."""
    own_org = bool(org) and _meta_org(org, terms)
    own_name = name.casefold() in terms.meta_names
    what = " and ".join(
        w
        for w, on in (
            (f"the namespace {org.rsplit('/', 1)[-1].strip()!r} is Meta's", own_org),
            (f"{name!r} is Meta's own model name", own_name),
        )
        if on
    )
    r = rule("L4-NAME-META")
    return NameFinding(
        r.id,
        "warning",
        r.section,
        f'{what}: section 5.a licenses no name associated with Meta beyond the "Llama" prefix; publish a derivative '
        "under a namespace and name of your own (an unmodified copy may keep Meta's)",
    )


def _judge(raw: str, name: str, terms: LicenseTerms) -> NameResult:
    prefix = terms.name_prefix
    if name.isascii():
        if name.startswith(prefix) and name.isprintable():
            return _passed(raw, name, prefix)
    else:
        marked = _marked_prefix(name, prefix)
        if marked is not None:
            return _mark_result(raw, name, prefix, marked)
    if name.startswith(prefix):
        hidden = _hidden_issues(name, 0)
        if not hidden[1]:
            return _passed(raw, name, prefix)
        return _result(raw, name, (_hidden_finding(hidden),), _comply(prefix, name[len(prefix) :]))
    head = name[: len(prefix)]
    if len(head) == len(prefix) and head.isascii() and head.lower() == prefix.lower():
        r = rule("L4-NAME-CASE")
        case = NameFinding(
            r.id, "warning", r.section, f"begins with {head!r}, not {prefix!r}: the license writes the prefix as {prefix!r}"
        )
        return _with_hidden(raw, name, case, len(prefix), _comply(prefix, name[len(prefix) :]))
    indent = _indent(name)
    if indent and name.startswith(prefix, indent) and _marked_prefix(name[indent:], prefix) is None:
        r = rule("L4-NAME-PREFIX")
        spaces = "; ".join(f"{_issue(i, name[i], '').description} at index {i}" for i in range(min(indent, 5)))
        more = f" and {indent - 5} more" if indent > 5 else ""
        finding = NameFinding(
            r.id, "error", r.section, f"the name begins with whitespace before {prefix!r} ({spaces}{more}); remove it"
        )
        return _with_hidden(raw, name, finding, indent + len(prefix), _comply(prefix, name[indent + len(prefix) :]))
    spoof = _match_spoof(name, prefix)
    if spoof is not None:
        consumed, issues, variant, count = spoof
        r = rule("L4-NAME-SPOOF")
        shown = "; ".join(f"{i.description} at index {i.index}: {i.reason}" for i in issues[:5])
        more = f" and {count - 5} more" if count > 5 else ""
        finding = NameFinding(
            r.id, "error", r.section, f"looks like it begins with {variant!r} but does not: {shown}{more}", tuple(issues)
        )
        return _with_hidden(raw, name, finding, consumed, _comply(prefix, name[consumed:]))
    r = rule("L4-NAME-PREFIX")
    what = "is empty" if not name else f"does not begin with {prefix!r}"
    if name[:1].isspace():
        what += " (it begins with whitespace)"
    finding = NameFinding(r.id, "error", r.section, f"the name {what}")
    return _with_hidden(raw, name, finding, 0, suggest_name(name, prefix))


def _indent(name: str) -> int:
    """How many ordinary whitespace characters (not hidden ones, such as U+00A0) ``name`` begins with."""
    count = 0
    while count < len(name) and name[count].isspace() and hidden_reason(name[count]) is None:
        count += 1
    return count


def check_names(names: Iterable[str], terms: LicenseTerms) -> Iterator[NameResult]:
    """Judge many names lazily, in order."""
    for raw in names:
        yield check_name(raw, terms)


def read_names(text: str) -> list[str]:
    """Names from a file or stdin: one per line, line endings removed, blank lines and comments
    (lines whose first character is ``#``, which no model name or ``org/name`` id holds) skipped.

    Leading and trailing spaces are kept: a name that begins with whitespace is judged so (an
    indented ``#`` is such a name, as in a ``.gitignore``).
    """
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def exit_code(results: Iterable[NameResult], *, strict: bool = False) -> int:
    """0 when every name passes; 1 on any violation, or on any warning when ``strict``."""
    failing = {"violation", "warning"} if strict else {"violation"}
    return 1 if any(r.status in failing for r in results) else 0


def suggest_name(name: str, prefix: str) -> str:
    """A compliant name close to ``name`` (see the module docstring for the rule)."""
    clean = strip_hidden(name).lstrip()
    org = _FLATTENED_META_ORG.match(clean)
    if org and clean[org.end() :]:
        clean = clean[org.end() :]
    marked = _marked_prefix(clean, prefix) if not clean.isascii() else None
    if marked is not None:
        return _comply(prefix, clean[marked[0] :])
    if clean[: len(prefix)].lower() == prefix.lower() and clean[: len(prefix)].isascii():
        return _comply(prefix, clean[len(prefix) :])
    spoof = _match_spoof(clean, prefix)
    if spoof is not None:
        return _comply(prefix, clean[spoof[0] :])
    if not clean:
        return prefix
    inner = _later_prefix(clean, prefix)
    if inner is not None:
        before = clean[:inner].strip(_SEPARATORS)
        rest = _comply(prefix, clean[inner + len(prefix) :])
        return f"{rest}{clean[inner - 1]}{before}" if before else rest
    if clean[0] in _SEPARATORS:
        return prefix + clean
    return f"{prefix}{_separator_of(clean)}{clean}"


def _separator_of(name: str) -> str:
    """The separator to put after the prefix: the first of space, hyphen and underscore the name uses
    between its words (``Acme Scout`` -> space, ``Scout_FT`` -> underscore), else a hyphen."""
    return next((c for c in name if c in " -_"), "-")


def _later_prefix(name: str, prefix: str) -> int | None:
    """Where a later word of ``name`` (after a separator) begins with the prefix in any case."""
    low, want = name.lower(), prefix.lower()
    start = low.find(want, 1)
    while start != -1:
        if name[start - 1] in _SEPARATORS and name[start : start + len(prefix)].isascii():
            return start
        start = low.find(want, start + 1)
    return None


def _comply(prefix: str, rest: str) -> str:
    """``prefix`` + ``rest`` made compliant: hidden characters removed, no mark right after the prefix."""
    rest = strip_hidden(rest)
    skip = 0
    while skip < len(rest) and is_mark(rest[skip]):
        skip += 1
    return prefix + rest[skip:]


def _marked_prefix(name: str, prefix: str) -> tuple[int, list[CharIssue], int] | None:
    """:func:`~llama4ref.records.chars.marks_after` with each character as a :class:`CharIssue`."""
    found = marks_after(name, prefix, MAX_REPORTED)
    if found is None:
        return None
    consumed, marks, count = found
    return consumed, [_issue(i, ch, reason) for i, ch, reason in marks], count


def _mark_result(raw: str, name: str, prefix: str, marked: tuple[int, list[CharIssue], int]) -> NameResult:
    consumed, issues, count = marked
    r = rule("L4-NAME-PREFIX")
    shown = "; ".join(
        f"{i.description} at index {i.index}" + (f", which {i.reason}" if i.reason.startswith("decomposes") else "")
        for i in issues[:5]
    )
    more = f" and {count - 5} more" if count > 5 else ""
    message = f"the name does not begin with {prefix!r}: a combining mark changes how its last letter displays ({shown}{more})"
    finding = NameFinding(r.id, "error", r.section, message, tuple(issues))
    return _with_hidden(raw, name, finding, consumed, _comply(prefix, name[consumed:]))


def _passed(raw: str, name: str, prefix: str) -> NameResult:
    r = rule("L4-NAME-PREFIX")
    return NameResult(raw, name, "pass", r.id, r.section, f"begins with {prefix!r}", name)


def _result(raw: str, name: str, findings: tuple[NameFinding, ...], suggestion: str) -> NameResult:
    first = findings[0]
    status: Status = "violation" if any(f.severity == "error" for f in findings) else "warning"
    message = "; ".join(f.message for f in findings)
    return NameResult(raw, name, status, first.rule, first.section, message, suggestion, findings)


def _with_hidden(raw: str, name: str, finding: NameFinding, start: int, suggestion: str) -> NameResult:
    hidden = ((), 0) if name.isascii() and name.isprintable() else _hidden_issues(name, start)
    findings = (finding, _hidden_finding(hidden)) if hidden[1] else (finding,)
    return _result(raw, name, findings, suggestion)


def _hidden_issues(name: str, start: int) -> tuple[tuple[CharIssue, ...], int]:
    """The first :data:`MAX_REPORTED` hidden characters from ``start`` on, and how many there are."""
    issues: list[CharIssue] = []
    count = 0
    for match in hidden_pattern().finditer(name, start):
        count += 1
        if count <= MAX_REPORTED:
            ch = match.group()
            issues.append(_issue(match.start(), ch, hidden_reason(ch) or "hidden character"))
    return tuple(issues), count


def _hidden_finding(hidden: tuple[tuple[CharIssue, ...], int]) -> NameFinding:
    issues, count = hidden
    r = rule("L4-NAME-HIDDEN")
    shown = "; ".join(f"{i.description} at index {i.index}: {i.reason}" for i in issues[:5])
    more = f" and {count - 5} more" if count > 5 else ""
    return NameFinding(r.id, "error", r.section, f"contains hidden characters: {shown}{more}", issues)


def _issue(index: int, ch: str, reason: str, looks_like: str | None = None) -> CharIssue:
    text = describe(ch)
    return CharIssue(index, ch, text.split(" ", 1)[0], text, reason, looks_like)


@cache
def _targets(prefix: str) -> tuple[dict[str, str], frozenset[str]]:
    """Skeletons of every letter-case variant of ``prefix`` (→ the variant), and all their prefixes."""
    variants = ("".join(chars) for chars in itertools.product(*((c.upper(), c.lower()) for c in prefix)))
    targets: dict[str, str] = {}
    for variant in sorted(set(variants), key=lambda v: (v != prefix, v)):
        targets.setdefault("".join(skeleton_piece(c) for c in variant), variant)
    starts = frozenset(t[:i] for t in targets for i in range(1, len(t) + 1))
    return targets, starts


def _match_spoof(name: str, prefix: str) -> tuple[int, list[CharIssue], str, int] | None:
    """If ``name`` folds to a case variant of ``prefix``: (characters consumed, issues, variant,
    how many characters are at fault; only the first :data:`MAX_REPORTED` skipped ones are listed)."""
    targets, starts = _targets(prefix)
    skel = ""
    pieces: list[tuple[int, str]] = []
    skipped: list[CharIssue] = []
    skipped_count = 0
    for index, ch in enumerate(name):
        reason = hidden_reason(ch)
        if reason is None and not skel and ch.isspace():
            reason = "leading whitespace"
        if reason is not None:
            skipped_count += 1
            if len(skipped) < MAX_REPORTED:
                skipped.append(_issue(index, ch, reason))
            continue
        piece = skeleton_piece(ch)
        skel += piece
        pieces.append((index, piece))
        if skel in targets:
            variant = targets[skel]
            issues = _explain(name, pieces, variant, skipped)
            return index + 1, issues, variant, len(issues) - len(skipped) + skipped_count
        if skel not in starts:
            return None
    return None


def _explain(name: str, pieces: list[tuple[int, str]], variant: str, skipped: list[CharIssue]) -> list[CharIssue]:
    """Name each character of the folded prefix that is not the letter it stands for."""
    bounds: list[tuple[int, int, str]] = []
    pos = 0
    for ch in variant:
        width = len(skeleton_piece(ch))
        bounds.append((pos, pos + width, ch))
        pos += width
    issues = list(skipped)
    pos = 0
    for index, piece in pieces:
        lo, hi = pos, pos + len(piece)
        pos = hi
        imitated = "".join(ch for a, b, ch in bounds if a < hi and lo < b)
        ch = name[index]
        if ch == imitated:
            continue
        if len(piece) < sum(b - a for a, b, c in bounds if a < hi and lo < b):
            reason = f"with its neighbour reads as {imitated!r}"
        elif not ch.isascii() and ch != skeleton_piece(ch) and _nfkc(ch) == imitated:
            reason = f"compatibility form of {imitated!r} (NFKC)"
        else:
            reason = f"look-alike of {imitated!r} in Unicode's confusables (UTS #39)"
        issues.append(_issue(index, ch, reason, imitated))
    return sorted(issues, key=lambda i: i.index)


def _nfkc(ch: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", ch)
