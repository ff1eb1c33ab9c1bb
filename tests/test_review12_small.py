"""review12 #14, the small ones: a name list read as UTF-16 says so (L4-FILE-ENCODING, as invalid
UTF-8 does); a quote that opens with its own quotation mark is not given a second one."""

from __future__ import annotations

from pathlib import Path

from llama4ref.formatting import quoted
from tests.conftest import run_cli


def test_check_name_warns_when_it_reads_utf16(tmp_path: Path) -> None:
    """`FF FE 00 62 61 64` read as UTF-16 gives the name 戀摡: the reading is said, with the code."""
    names = tmp_path / "names.txt"
    names.write_bytes(b"\xff\xfe\x00bad")
    res = run_cli("check-name", "--from-file", str(names))
    assert res.stderr.startswith(
        f"{names}: L4-FILE-ENCODING warning: not UTF-8: read as UTF-16 (it starts with the byte-order mark FF FE)"
    )
    assert "戀摡" in res.stdout
    real = tmp_path / "real.txt"
    real.write_bytes("Llama-4-Scout-Finetune\n".encode("utf-16"))
    ok = run_cli("check-name", "--from-file", str(real))
    assert "read as UTF-16" in ok.stderr and "Llama-4-Scout-Finetune" in ok.stdout


def test_a_quote_opening_with_its_own_mark_gets_no_second_one() -> None:
    """``““‘Llama-4-…`` read as a typo: a quote that opens with a mark is shown as it is."""
    inner = "“‘Llama-4-Maverick-03-26-Experimental’ is a chat optimized version,” the spokesperson said."
    assert quoted(inner) == inner and quoted("109B (Total)") == "“109B (Total)”"
    out = run_cli("get", "history.lmarena_experimental_maverick.meta_response").stdout
    assert "    “‘Llama-4-Maverick-03-26-Experimental’ is a chat" in out and "““" not in out
    assert "““" not in run_cli("cite", "history.lmarena_experimental_maverick.meta_response").stdout


def test_check_name_from_file_skips_comment_lines(tmp_path: Path) -> None:
    """review19 #11: a `# comment` line of a names file is skipped, not judged as a name (it was
    "suggest: Llama-# comment"); the names around it are still checked, a UTF-8 byte-order mark included."""
    names = tmp_path / "names.txt"
    names.write_text("\ufeff# models we publish\nacme/Scout-FT\n\n# below: fine\nLlama-4-Scout-Acme\n", encoding="utf-8")
    res = run_cli("check-name", "--from-file", str(names), "--json")
    import json

    judged = [r["input"] for r in json.loads(res.stdout)["data"]["results"]]
    assert judged == ["acme/Scout-FT", "Llama-4-Scout-Acme"] and res.code == 1
    assert "#" not in run_cli("check-name", "--from-file", str(names)).stdout
