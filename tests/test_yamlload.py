"""The strict YAML policy: what is read, what is refused, and where errors point."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from llama4ref.yamlload import MAX_DEPTH, MAX_FILE_BYTES, YamlError, load_yaml


def load(text: str) -> object:
    return load_yaml(Path("t.yaml"), text).data


def codes(text: str) -> list[str]:
    with pytest.raises(YamlError) as info:
        load_yaml(Path("t.yaml"), text)
    return [d.code for d in info.value.diagnostics]


def test_plain_scalars_type_under_policy() -> None:
    """Plain ints (with grouping underscores), floats, booleans and null are typed; all else stays text."""
    assert load("a: 10_485_760\nb: 1.0e-05\nc: true\nd: null\ne: 3.5\nf: hello\n") == {
        "a": 10485760,
        "b": 1e-05,
        "c": True,
        "d": None,
        "e": 3.5,
        "f": "hello",
    }


def test_dates_are_never_converted() -> None:
    """An unquoted date stays the string written; the models parse it."""
    assert load("d: 2025-04-05\n") == {"d": "2025-04-05"}


@pytest.mark.parametrize("scalar", ["3.10", "yes", "No", "on", "OFF", "0755", "0x1F", "1:20", "True", ".inf", "1_0"])
def test_retyping_scalars_are_refused(scalar: str) -> None:
    """Plain scalars YAML 1.1 would silently retype, or that would lose characters, must be quoted."""
    assert codes(f"v: {scalar}\n") == ["L4R-Y013"]


def test_quoted_ambiguous_scalars_are_text() -> None:
    """Quoting is the way to write such values as text."""
    assert load("v: \"3.10\"\nw: 'yes'\n") == {"v": "3.10", "w": "yes"}


def test_duplicate_key_is_an_error_with_position() -> None:
    """A repeated key is refused (PyYAML would silently keep the last) and points at the repeat."""
    with pytest.raises(YamlError) as info:
        load_yaml(Path("t.yaml"), "a: 1\nb: 2\na: 3\n")
    (d,) = info.value.diagnostics
    assert (d.code, d.position.line, d.position.col) == ("L4R-Y012", 3, 1)
    assert d.format().startswith("t.yaml:3:1: L4R-Y012 duplicate key 'a'")


def test_tab_indentation_refused() -> None:
    """Tabs in indentation are refused with their column."""
    assert codes("a:\n\tb: 1\n") == ["L4R-Y007"]


def test_alias_bomb_rejected_fast() -> None:
    """A billion-laughs document is refused within a second without expanding it."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    start = time.perf_counter()
    found = codes("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1.0
    assert set(found) == {"L4R-Y008"}


def test_deep_nesting_refused() -> None:
    """Documents nested deeper than the cap are refused, not recursed into."""
    text = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    assert "L4R-Y009" in codes(text)


def test_very_deep_nesting_does_not_crash() -> None:
    """Even nesting far past Python's recursion limit gives a diagnostic, not a traceback."""
    text = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    assert "L4R-Y009" in codes(text)


def test_explicit_tags_refused() -> None:
    """Explicit tags (including Python object tags) are refused."""
    assert codes("a: !!python/object:os.system x\n") == ["L4R-Y010"]
    assert codes("a: !!set {x: null}\n") == ["L4R-Y010"]


def test_non_string_keys_refused() -> None:
    """Keys must be strings: `1: x` or `true: x` would silently become int/bool keys."""
    assert codes("1: x\n") == ["L4R-Y011"]


def test_empty_document_refused() -> None:
    """An empty file is an error, not an empty record."""
    assert codes("") == ["L4R-Y004"]


def test_second_document_refused() -> None:
    """A file holds exactly one document."""
    assert codes("a: 1\n---\nb: 2\n") == ["L4R-Y003"]


def test_size_cap(tmp_path: Path) -> None:
    """Files over the cap are refused before parsing."""
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * MAX_FILE_BYTES + "\n")
    with pytest.raises(YamlError) as info:
        load_yaml(big)
    assert [d.code for d in info.value.diagnostics] == ["L4R-Y002"]


def test_bom_and_invalid_utf8(tmp_path: Path) -> None:
    """A byte-order mark and invalid UTF-8 are refused with their positions."""
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbfa: 1\n")
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"a: 1\nb: \xff\n")
    for path, code, line in ((bom, "L4R-Y005", 1), (bad, "L4R-Y006", 2)):
        with pytest.raises(YamlError) as info:
            load_yaml(path)
        (d,) = info.value.diagnostics
        assert (d.code, d.position.line) == (code, line)


def test_positions_recorded_for_nested_values() -> None:
    """Every node's line and column is kept so schema errors can point into the file."""
    doc = load_yaml(Path("t.yaml"), "a:\n  b:\n    - x\n    - y\n")
    assert doc.position(("a", "b", 1)).line == 4
    assert doc.position(("a", "missing")).line == 2  # falls back to the enclosing mapping


@pytest.mark.parametrize("text", ['v: "a\n\n  b"\n', "v: a\n  b\n", "v: 'a\n  b'\n"])
def test_multiline_flow_scalars_refused(text: str) -> None:
    """Plain and quoted scalars spanning lines are refused: YAML would fold their line breaks silently."""
    assert codes(text) == ["L4R-Y014"]


def test_block_scalars_keep_newlines() -> None:
    """A | block keeps its line breaks exactly."""
    assert load("v: |\n  a\n\n  b\n") == {"v": "a\n\nb\n"}
