"""The per-duty checks of a model repository (policies in :mod:`llama4ref.compliance.repo`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from llama4ref.compliance.card import CardMeta, base_models, declares_license, is_llama4_model
from llama4ref.compliance.files import FileText
from llama4ref.compliance.findings import Collector
from llama4ref.compliance.terms import Anchor, LicenseTerms
from llama4ref.compliance.text import find_line, fingerprint, normalise

NOTICE_NAMES = ("notice", "notice.txt", "notice.md")
_COPYRIGHT_SPELLINGS = ("(c)", "(C)", "&copy;")


def check_attribution(cards: list[FileText], terms: LicenseTerms, out: Collector) -> None:
    phrase = terms.attribution
    for card in cards:
        if find_line(card.text or "", phrase) is not None:
            return
    for card in cards:
        text = card.text or ""
        idx = normalise(text).lower().find(normalise(phrase).lower())
        if idx >= 0:
            line = find_line(text.lower(), phrase.lower())
            out.add(
                card.rel,
                line,
                "L4-ATTRIBUTION",
                f"displays the phrase in another letter case; the license requires {phrase!r}",
                "warning",
            )
            return
    where = cards[0].rel if cards else "README.md"
    out.add(where, None, "L4-ATTRIBUTION", f"{phrase!r} is not displayed in the README or model card")


def check_card_license(meta: CardMeta | None, meta_file: str | None, terms: LicenseTerms, out: Collector) -> None:
    if meta is None or meta_file is None:
        return
    llama4 = [b for b in base_models(meta) if is_llama4_model(b)]
    if not llama4:
        return
    declared = declares_license(meta, terms.license_ids)
    base = ", ".join(repr(b) for b in llama4)
    if declared is None:
        out.add(
            meta_file,
            meta.key_lines.get("base_model"),
            "L4-CARD-LICENSE",
            f"base_model {base} is Llama 4 but the card declares no license; use license: {terms.license_ids[0]}",
            "warning",
        )
    elif declared is False:
        license_value = meta.data.get("license")
        out.add(
            meta_file,
            meta.key_lines.get("license"),
            "L4-CARD-LICENSE",
            f"license: {license_value!r} contradicts base_model {base}, which is under the Llama 4 Community License; "
            f"use license: {terms.license_ids[0]}",
        )


def check_notice(files: list[FileText], terms: LicenseTerms, out: Collector) -> None:
    notices = [f for f in files if f.rel.lower() in NOTICE_NAMES]
    notice = terms.notice
    if not notices:
        out.add("NOTICE", None, "L4-NOTICE", f"no NOTICE file; add one containing the line: {notice}")
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


def check_agreement(
    files: list[FileText], cards: list[FileText], meta: CardMeta | None, terms: LicenseTerms, out: Collector
) -> None:
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
    if unmodified:
        return
    link_texts = [c.text or "" for c in cards]
    license_link = meta.data.get("license_link") if meta else None
    if isinstance(license_link, str):
        link_texts.append(license_link)
    if any(_links(t, u) for t in link_texts for u in terms.agreement_urls):
        return
    if not any(f.rule == "L4-LICENSE-COPY" for f in out.findings):
        out.add(
            copies[0].rel if copies else "LICENSE",
            None,
            "L4-LICENSE-COPY",
            "no unmodified copy of the Llama 4 Community License Agreement (LICENSE) and no link to it in the README or "
            f"model card; ship the agreement or link {terms.agreement_urls[0]}",
        )


def check_aup(files: list[FileText], cards: list[FileText], terms: LicenseTerms, out: Collector) -> None:
    copies = [f for f in files if "use_policy" in f.rel.lower() or "use-policy" in f.rel.lower()]
    ok = any(_links(c.text or "", terms.aup_url) for c in cards)
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
    if not ok and not any(f.rule == "L4-AUP" for f in out.findings):
        where = cards[0].rel if cards else "README.md"
        out.add(where, None, "L4-AUP", f"no link to the Acceptable Use Policy ({terms.aup_url}) and no unmodified copy of it")


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


def _links(text: str, url: str) -> bool:
    return _url_pattern(url).search(text) is not None


def _url_pattern(url: str) -> re.Pattern[str]:
    """``url`` without scheme or ``www.``; a git ref after /blob/ or /resolve/ may be any ref;
    a Hugging Face repo name may continue after its first two hyphen-separated parts."""
    bare = re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
    m = re.match(r"([^/]+/[^/]+)/([^/]+)/(?:blob|resolve)/[^/]+/(.+)$", bare)
    if not m:
        body = re.escape(bare) + "/?"
    else:
        host_org, repo, rest = m.groups()
        repo_part = re.escape(repo)
        if host_org.startswith("huggingface.co/"):
            repo_part = re.escape("-".join(repo.split("-")[:2])) + r"[^/\s]*"
        body = re.escape(host_org) + "/" + repo_part + r"/(?:blob|resolve|raw)/[^/\s]+/" + re.escape(rest)
    return re.compile(r"(?:https?://)?(?:www\.)?" + body + r"(?![\w/-])", re.IGNORECASE)
