"""The strict YAML policy: what is read, what is refused, and where errors point."""

from __future__ import annotations

from pathlib import Path

import pytest

from llama4ref.records.yamlload import MAX_DEPTH, MAX_FILE_BYTES, YamlError, load_yaml


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


def test_alias_bomb_refused_without_expanding(monkeypatch: pytest.MonkeyPatch) -> None:
    """A billion-laughs document is refused after building only the nodes written, not the 9^10 its aliases denote."""
    from llama4ref.records import yamlload

    built: list[int] = []
    real_build = yamlload._Builder.build

    def counting(self: yamlload._Builder, node: object, loc: str, depth: int) -> object:
        built.append(depth)
        return real_build(self, node, loc, depth)

    monkeypatch.setattr(yamlload._Builder, "build", counting)
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    assert set(codes("\n".join(lines) + "\n")) == {"L4R-Y008"}
    assert len(built) == 1 + 10 + 9 * 10  # the root, ten lists, nine items each: aliases are not followed


def _deep(levels: int) -> str:
    return "a:\n  b: " + "[" * levels + "]" * levels + "\n"


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 999, 1001, 5000, 50_000])
def test_deep_nesting_points_at_the_first_value_past_the_cap(levels: int) -> None:
    """However deep (below libyaml's own limit of 1000, past it, past Python's recursion limit), the
    error is L4R-Y009 at the first value past the cap, whichever PyYAML is installed."""
    with pytest.raises(YamlError) as info:
        load_yaml(Path("t.yaml"), _deep(levels))
    (d,) = info.value.diagnostics
    # root 0, a 1, b's list 2: the list opened at depth MAX_DEPTH + 1 starts at column 6 + MAX_DEPTH - 1
    assert (d.code, d.position.line, d.position.col) == ("L4R-Y009", 2, 6 + MAX_DEPTH - 1)


def test_deep_nesting_without_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pure-Python composer hits the recursion limit first; the error still names the same place."""
    import yaml

    from llama4ref.records import yamlload

    monkeypatch.setattr(yamlload, "_loader_class", lambda: yaml.SafeLoader)
    with pytest.raises(YamlError) as info:
        load_yaml(Path("t.yaml"), _deep(1500))
    (d,) = info.value.diagnostics
    assert (d.code, d.position.line, d.position.col) == ("L4R-Y009", 2, 6 + MAX_DEPTH - 1)


def test_deep_nesting_after_a_syntax_error_reports_the_syntax_error() -> None:
    """A document broken before it gets deep is reported as broken (the first problem in the file wins)."""
    assert codes("a: [}\nb: " + "[" * 5000 + "]" * 5000 + "\n") == ["L4R-Y003"]


@pytest.mark.parametrize(
    "scalar",
    ["1" * 5000, "9" * 401, "9_223_372_036_854_775_808", "-9_223_372_036_854_775_809", "1.0e+400", "-1.5e+309", "1.0e-400"],
    ids=["5000 digits", "401 digits", "2^63", "-2^63-1", "overflow", "negative overflow", "underflow"],
)
def test_numbers_out_of_range_refused(scalar: str) -> None:
    """Integers beyond 64 bits (even past Python's 4300-digit limit) and floats that overflow or underflow are refused."""
    assert codes(f"v: {scalar}\n") == ["L4R-Y015"]


def test_numbers_at_the_limits_load() -> None:
    """The largest 64-bit integers and the float extremes load exactly."""
    assert load("a: 9_223_372_036_854_775_807\nb: -9223372036854775808\nc: 1.0e+308\nd: 0.0\ne: 1.0e-300\n") == {
        "a": 2**63 - 1,
        "b": -(2**63),
        "c": 1e308,
        "d": 0.0,
        "e": 1e-300,
    }


@pytest.mark.parametrize(
    ("text", "char"),
    [
        ('v: "\\e[2J"\n', "U+001B"),
        ('v: "a\\0b"\n', "U+0000"),
        ('v: "\\a"\n', "U+0007"),
        ('v: "\\r"\n', "U+000D"),
        ("v: a\tb\n", "U+0009"),
        ('v: "\\x85"\n', "U+0085"),
        ("v: \u202eevil\n", "U+202E"),
        ('v: "\\u2066x\\u2069"\n', "U+2066"),
        ('"k\\e": 1\n', "U+001B"),
        ("v: [ok, \u200fx]\n", "U+200F"),
    ],
)
def test_control_and_bidi_characters_refused(text: str, char: str) -> None:
    """C0 and C1 controls, bidi marks, overrides and isolates are refused in values and keys, naming the character."""
    with pytest.raises(YamlError) as info:
        load_yaml(Path("t.yaml"), text)
    (d,) = info.value.diagnostics
    assert d.code == "L4R-Y016" and f"holds {char}, " in d.message


def test_line_feeds_load_where_yaml_writes_them() -> None:
    """A line feed, from a | block or a \\n escape, is the one control character that loads (the models say where)."""
    assert load('a: |\n  x\n  y\nb: "x\\ny"\n') == {"a": "x\ny\n", "b": "x\ny"}


def test_unreadable_file_is_a_diagnostic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that exists but cannot be read (permissions, I/O) is L4R-Y001, not an OSError."""
    path = tmp_path / "t.yaml"
    path.write_text("a: 1\n")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(YamlError) as info:
        load_yaml(path)
    (d,) = info.value.diagnostics
    assert d.format() == f"{path}:1:1: L4R-Y001 cannot read file: Permission denied"


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
