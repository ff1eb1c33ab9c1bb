"""Property tests: the strict YAML loader, on any input, returns data or raises YamlError, nothing else."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from llama4ref.formatting import UNSAFE_TEXT, format_value, humanize
from llama4ref.printable import printable
from llama4ref.records.yamlevents import depth_bound
from llama4ref.records.yamlload import LoadedYaml, YamlError, load_yaml

# Pieces of YAML syntax, so that generated text reaches the parser's corners (flow and block
# collections, anchors, tags, quoting, documents, indentation) rather than only plain scalars.
TOKENS = st.sampled_from(
    [
        "a",
        "key",
        "0",
        "-1",
        "1_000",
        "3.10",
        "1e5",
        "yes",
        "null",
        "~",
        "2025-04-05",
        ":",
        ": ",
        "- ",
        "-",
        "?",
        ",",
        "[",
        "]",
        "{",
        "}",
        "&x ",
        "*x",
        "!!str ",
        "!!python/object:os.system ",
        "!t ",
        "'",
        '"',
        "\\",
        "#",
        "|",
        ">-",
        "---",
        "...",
        "%YAML 1.1",
        "\n",
        "\n  ",
        "\n    ",
        "\t",
        " ",
        "\r\n",
        "\ufeff",
        "\x00",
        '"\\e"',
        '"\\u202e"',
        "\u202e",
        "99999999999999999999",
        "1.0e+400",
        "\x85",
        "\u2028",
        "é",
        "\U0001f999",
    ]
)
YAMLISH = st.lists(TOKENS | st.text(max_size=3), max_size=40).map("".join)
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load(text: str) -> LoadedYaml | None:
    try:
        doc = load_yaml(Path("t.yaml"), text)
    except YamlError as exc:
        assert exc.diagnostics and all(d.code.startswith("L4R-Y") for d in exc.diagnostics)
        assert all(d.position.line >= 1 and d.position.col >= 1 for d in exc.diagnostics)
        assert all("\n" not in d.format() and "\x1b" not in d.format() for d in exc.diagnostics)
        return None
    _assert_safe(doc.data)
    return doc


def _assert_safe(value: object) -> None:
    """What loads holds no control or bidi character but a line feed, and only numbers every reader can hold."""
    if isinstance(value, str):
        assert all(m.group() == "\n" for m in UNSAFE_TEXT.finditer(value)), repr(value)
    elif isinstance(value, bool):
        pass
    elif isinstance(value, int):
        assert -(2**63) <= value < 2**63
    elif isinstance(value, float):
        assert math.isfinite(value)
    elif isinstance(value, list):
        for item in value:
            _assert_safe(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _assert_safe(key)
            _assert_safe(item)


@SETTINGS
@given(st.text())
def test_any_text_is_data_or_yaml_error(text: str) -> None:
    """Arbitrary Unicode text never raises anything but YamlError (with positioned Y-codes)."""
    _load(text)


@SETTINGS
@given(YAMLISH)
def test_yaml_like_text_is_data_or_yaml_error(text: str) -> None:
    """Text assembled from YAML syntax never raises anything but YamlError, and loading is deterministic."""
    first = _load(text)
    second = _load(text)
    assert (first is None) == (second is None)
    if first is not None and second is not None:
        assert first.data == second.data and first.positions == second.positions
        assert first.position(()).line >= 1


@SETTINGS
@given(st.binary(max_size=200) | YAMLISH.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_file_bytes_are_data_or_yaml_error(raw: bytes) -> None:
    """Arbitrary file contents (invalid UTF-8, BOMs, NULs) never raise anything but YamlError."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.yaml"
        path.write_bytes(raw)
        try:
            load_yaml(path)
        except YamlError as exc:
            assert exc.diagnostics


@SETTINGS
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=4),
        max_leaves=20,
    )
)
def test_safe_dump_round_trips_or_is_refused(value: object) -> None:
    """What PyYAML writes is read back unchanged, or refused with YamlError (never silently retyped)."""
    import yaml

    text = yaml.safe_dump({"v": value}, allow_unicode=True, width=10_000)
    loaded = _load(text)
    if loaded is not None:
        assert loaded.data == {"v": value}


# Huge ints are built from a drawn exponent: drawing a 5,000-digit bounded integer directly needs
# kilobytes of entropy, which older hypothesis releases overrun (an internal StopTest).
HUGE_INTS = st.builds(
    lambda sign, exp, k: sign * (10**exp + k), st.sampled_from([1, -1]), st.integers(0, 5000), st.integers(0, 10**6)
)


@SETTINGS
@given(st.integers() | HUGE_INTS | st.floats())
def test_humanize_takes_any_number(number: float) -> None:
    """Any int (past float range, past Python's 4300-digit str limit) or float, inf and nan included, is humanized and formatted."""
    text = humanize(number)
    assert text and len(text) < 16
    for unit in ("parameters", "count", "fraction", "score"):
        assert format_value(number, unit)


@SETTINGS
@given(st.text())
def test_escaped_text_is_one_inert_line(text: str) -> None:
    """Printable text (what diagnostics and every text output show) holds no line break, control or
    bidi character, and plain ASCII text is shown as it is."""
    escaped = printable(text)
    assert UNSAFE_TEXT.search(escaped) is None
    assert escaped == text or not (text.isascii() and text.isprintable())


def _deepest(text: str) -> int:
    """The deepest node the parser reaches in ``text`` (the root is 0), up to any error."""
    import yaml

    open_, deepest = 0, 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                open_ -= 1
            elif isinstance(event, (yaml.NodeEvent)):
                deepest = max(deepest, open_)
                if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                    open_ += 1
    except yaml.YAMLError:
        pass
    return deepest


@SETTINGS
@given(
    YAMLISH
    | st.lists(st.sampled_from(["- ", "-", "? ", ": ", ":", "[", "{", "a", "\n", "\n ", "\n  "]), max_size=60).map("".join)
)
def test_depth_bound_is_never_below_the_real_depth(text: str) -> None:
    """The character count that decides whether to check depth before composing never underestimates it."""
    assert _deepest(text) <= depth_bound(text)


@SETTINGS
@given(
    YAMLISH
    | st.text(alphabet=" -?:[{a\n\r\x0b\x0c\x1c\x85\u2028\t", max_size=80)
    | st.lists(
        st.sampled_from(["- ", "-", "? ", ": ", ":", "[", "{", "a", "\n", "\n ", "\n  ", "\r   ", "\u2028    "]), max_size=60
    ).map("".join)
)
def test_the_quick_depth_bound_is_never_below_the_exact_one(text: str) -> None:
    """The whole-text bound that lets most files skip the per-line count is never lower than that count."""
    from llama4ref.records.yamlload import _quick_depth_bound

    assert depth_bound(text) <= _quick_depth_bound(text)


@SETTINGS
@given(YAMLISH | YAMLISH.map(lambda t: t.replace("&x ", "&x")))
def test_anchor_prefilter_never_misses_an_anchor(text: str) -> None:
    """The loader reads a composed document again as events (to report anchors no alias uses) only
    when ``_MAYBE_ANCHOR`` finds one: in any document libyaml or the pure-Python parser composes,
    every anchor their scanner reads is found."""
    import yaml

    from llama4ref.records.yamlload import _MAYBE_ANCHOR

    for loader in {getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader}:
        try:
            yaml.compose(text, Loader=loader)
            anchors = [t for t in yaml.scan(text, Loader=loader) if isinstance(t, yaml.AnchorToken)]
        except (yaml.YAMLError, RecursionError):
            continue  # refused before anchors are looked for
        if anchors:
            assert _MAYBE_ANCHOR.search(text), (loader.__name__, text)


def test_anchor_prefilter_finds_anchors_wherever_yaml_allows_them() -> None:
    """Anchors no alias uses, in block and flow positions, are reported; "Q&A" and "A & B" read once."""
    for text in ("a: &x 1\n", "a: [&x 1]\n", "a: {b: &x 1}\n", '{"a":&x 1}\n', "- &x 1\n", "--- &x\na: 1\n", "? &x a\n: 1\n",
                 "a:\n  &x b: 1\n", "a: [1,&x 2]\n", "a:\n- &x 1\n"):  # fmt: skip
        try:
            load_yaml(Path("t.yaml"), text)
        except YamlError as exc:
            assert "L4R-Y008" in {d.code for d in exc.diagnostics}, text
        else:
            raise AssertionError(f"no error for {text!r}")
    from llama4ref.records.yamlload import _MAYBE_ANCHOR

    assert not _MAYBE_ANCHOR.search("a: Q&A and A & B, x&y\nb: 'R&D'\n")


def test_printable_text_holds_no_unsafe_character() -> None:
    """The loader skips the search for unsafe characters in text ``str.isprintable`` accepts: exact,
    since every character UNSAFE_TEXT matches is unprintable."""
    assert not [cp for cp in range(0x110000) if UNSAFE_TEXT.match(chr(cp)) and chr(cp).isprintable()]


@SETTINGS
@given(st.text(alphabet=" a\n\t\u3000", max_size=300))
def test_longest_run_of_spaces_is_exact(text: str) -> None:
    """The depth pre-check's longest run of spaces, found by substring searches, is the longest run there is."""
    import re

    from llama4ref.records.yamlload import _longest_run

    assert _longest_run(text, " ") == max(map(len, re.findall(" +", text)), default=0)


def _tags(node: object) -> object:
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value, node.style)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, [_tags(n) for n in node.value])
    if isinstance(node, yaml.MappingNode):
        return (node.tag, [(_tags(k), _tags(v)) for k, v in node.value])
    return node


@SETTINGS
@given(
    YAMLISH
    | st.sampled_from(["a: yes\nb: 0755\nc: 1:20\nd: .inf\ne: ~\nf: 2025-04-05\ng: 3.10\nh: <<\n", "[!!str 1, '', \"\", -]\n"])
)
def test_fast_tag_resolution_agrees_with_pyyaml(text: str) -> None:
    """The loader's quicker resolver gives every node the tag PyYAML's own resolver gives it (libyaml and pure Python)."""
    import yaml

    from llama4ref.records.yamlparser import fast_resolving

    for base in {getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader}:
        fast = fast_resolving(base, yaml.ScalarNode, yaml.SequenceNode)
        results = []
        for loader in (base, fast):
            try:
                results.append(_tags(yaml.compose(text, Loader=loader)))
            except (yaml.YAMLError, RecursionError) as exc:
                results.append(type(exc).__name__)
        assert results[0] == results[1], text
