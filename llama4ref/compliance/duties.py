"""The per-duty checks of a model repository (policies in :mod:`llama4ref.compliance.repo`)."""

from __future__ import annotations

from collections.abc import Iterable

from llama4ref.compliance.files import FileText
from llama4ref.compliance.findings import Collector
from llama4ref.compliance.links import is_agreement_url, is_aup_url
from llama4ref.compliance.terms import Anchor, LicenseTerms
from llama4ref.compliance.text import find_line, fingerprint, normalise

NOTICE_NAMES = ("notice", "notice.txt", "notice.md")
_COPYRIGHT_SPELLINGS = ("(c)", "(C)", "&copy;")


def check_notice(files: list[FileText], terms: LicenseTerms, out: Collector) -> None:
    notices = [f for f in files if f.rel.lower() in NOTICE_NAMES]
    notice = terms.notice
    if not notices:
        out.add("NOTICE", None, "L4-NOTICE", f"no NOTICE file; add one containing the line: {notice}", missing=True)
        return
    for f in notices:
        if find_line(f.text or "", notice) is not None:
            return
    for f in notices:
        for spelling in _COPYRIGHT_SPELLINGS:
            line = find_line(f.text or "", notice.replace("©", spelling))
            if "©" in notice and line is not None:
                out.add(f.rel, line, "L4-NOTICE", f"the Notice line writes {spelling!r} where the license has '©'", "warning")
                return
    first = notices[0]
    out.add(first.rel, *_notice_difference(first.text or "", notice))


def _notice_difference(text: str, notice: str) -> tuple[int | None, str, str]:
    have, want = normalise(text), normalise(notice)
    if want.lower() in have.lower():
        return 1, "L4-NOTICE", "the Notice line differs from the required text in letter case"
    start = have.find(want[:20])
    if start < 0:
        return 1, "L4-NOTICE", f"does not contain the Notice line: {notice}"
    k = 0
    while k < len(want) and start + k < len(have) and have[start + k] == want[k]:
        k += 1
    found = have[start + k : start + k + 30]
    line = find_line(text, want[:k])
    return (
        line,
        "L4-NOTICE",
        f"the Notice line departs from the required text after {want[max(0, k - 40) : k]!r}: "
        f"expected {want[k : k + 30]!r}, found {found!r}",
    )


Links = list[tuple[str, str, int | None]]
"""(url, file, line) of every link a reader of the card can follow."""


def check_agreement(files: list[FileText], links: Links, terms: LicenseTerms, out: Collector) -> bool:
    """Check the agreement copy; True when an unmodified copy or a link is present (a link alone is a warning)."""
    copies = [f for f in files if f.rel.lower().startswith(("license", "licence"))]
    unmodified = False
    for f in copies:
        text = f.text or ""
        if fingerprint(text) == terms.agreement_fingerprint:
            unmodified = True
        elif _resembles(text, terms.agreement_title, terms.agreement_anchors):
            out.add(
                f.rel,
                1,
                "L4-LICENSE-COPY",
                "modified copy of the Llama 4 Community License Agreement: "
                + _missing_message(text, terms.agreement_anchors, fingerprint(text), terms.agreement_fingerprint),
            )
    linked = any(is_agreement_url(url, terms) for url, _, _ in links)
    if unmodified:
        return True
    if linked:  # still a pass for the policy, which the link carries by reference (section 1.b.iv)
        message = (
            "the agreement is linked but not shipped: section 1.b.i(A) asks you to provide a copy of it with the "
            "Llama Materials, and a link may not be a copy; add the unmodified agreement as LICENSE"
        )
    else:
        message = (
            "no unmodified copy of the Llama 4 Community License Agreement (LICENSE) and no link to it in the README or "
            f"model card; ship the agreement or link {terms.agreement_urls[0]}"
        )
    if not any(f.rule == "L4-LICENSE-COPY" for f in out.findings):  # a modified copy was reported already
        where = copies[0].rel if copies else "LICENSE"
        out.add(where, None, "L4-LICENSE-COPY", message, "warning" if linked else None, missing=not copies)
    return linked


AUP_NEEDS_AGREEMENT = (
    "the policy is part of the agreement by reference (section 1.b.iv), and whether the agreement is provided "
    "needs the files beside the card (L4-LICENSE-COPY): check the repository directory"
)
"""Why a single card with neither link leaves L4-AUP unjudged."""


def check_aup(
    files: list[FileText], cards: list[str], links: Links, agreement: bool | None, terms: LicenseTerms, out: Collector
) -> bool:
    """A policy link or unmodified copy passes; a modified copy is an error. Without either, the
    policy goes wherever the agreement goes: section 1.b.iv incorporates it by reference into the
    agreement, and section 1.b.i(A) asks for a copy of the agreement, not of the policy. So its
    absence is a note, whether the agreement is provided (``agreement`` True) or missing (False:
    L4-LICENSE-COPY reports that one cause, and the note points there instead of a second error).
    ``agreement`` None (a single card that links no agreement: the files were not read) leaves the
    rule unjudged; returns False then, True when it was judged."""
    copies = [f for f in files if "use_policy" in f.rel.lower() or "use-policy" in f.rel.lower()]
    ok = any(is_aup_url(url, terms) for url, _, _ in links)
    for f in copies:
        text = f.text or ""
        if fingerprint(text) == terms.aup_fingerprint:
            ok = True
        elif _resembles(text, None, terms.aup_anchors):
            out.add(
                f.rel,
                1,
                "L4-AUP",
                "modified copy of the Acceptable Use Policy: "
                + _missing_message(text, terms.aup_anchors, fingerprint(text), terms.aup_fingerprint),
            )
    if not ok:
        _other_generation(links, terms, out)
    if ok or any(f.rule == "L4-AUP" for f in out.findings):
        return True
    if agreement is None:
        return False
    where = cards[0] if cards else "README.md"
    if agreement:
        message = (
            f"no separate link to the Acceptable Use Policy ({terms.aup_url}); the agreement provided incorporates it "
            "by reference (section 1.b.iv), so linking it is a courtesy to readers, not a duty"
        )
    else:
        message = (
            f"no link to the Acceptable Use Policy ({terms.aup_url}); the agreement incorporates it by reference "
            "(section 1.b.iv), so providing the agreement, which L4-LICENSE-COPY reports missing, provides it too"
        )
    out.add(where, None, "L4-AUP", message, "note")
    return True


def _other_generation(links: Links, terms: LicenseTerms, out: Collector) -> None:
    """A warning on each link to another generation's policy (the card links no Llama 4 policy)."""
    from llama4ref.compliance.links import other_generation_aup

    seen: set[str] = set()
    for url, file, line in links:
        generation = other_generation_aup(url, terms)
        if generation is None or url in seen:
            continue
        seen.add(url)
        cited = f" ({terms.aup_url_cited})" if terms.aup_url_cited else ""
        out.add(
            file,
            line,
            "L4-AUP",
            f"{url} is another generation's Acceptable Use Policy ({generation}); Llama 4's, which section 1.b.iv "
            f"names, is {terms.aup_url}{cited}",
            "warning",
        )


def _resembles(text: str, title: str | None, anchors: Iterable[Anchor]) -> bool:
    have = normalise(text)
    if title and normalise(title).lower() in have.lower():
        return True
    return any(normalise(a.quote) in have for a in anchors)


def _missing_message(text: str, anchors: tuple[Anchor, ...], got: str, want: str) -> str:
    have = normalise(text)
    missing = sorted((a for a in anchors if normalise(a.quote) not in have), key=_section_key)
    unique = list({a.quote: a for a in anchors}.values())
    if not missing:
        return (
            f"every anchor sentence is present, but the text differs elsewhere (fingerprint {got[:19]}…, official {want[:19]}…)"
        )
    shown = "; ".join(f"§{a.section} “{_clip(a.quote)}”" for a in list({a.quote: a for a in missing}.values())[:6])
    count = len({a.quote for a in missing})
    more = f"; and {count - 6} more" if count > 6 else ""
    return f"lacks {count} of {len(unique)} anchor sentences: {shown}{more}"


def _section_key(anchor: Anchor) -> tuple[int, str]:
    """Document order, roughly: heading, preamble, then numbered sections."""
    return ({"Heading": 0, "Introduction": 0, "Preamble": 1}.get(anchor.section, 2), anchor.section)


def _clip(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
