"""Write the LiteLLM release the provider records cite, as a wheel, for timing `refresh providers`.

    python benchmarks/catalog.py FACTS_DIR WHEEL_DIR    # prints the release's version

Run with the interpreter of the environment under test (it imports llama4ref, nothing from the
checkout). The wheel holds only the model map: the entries the records cite, rebuilt from their
own quotes of that release (as tests/test_refresh.py builds its baseline), so a refresh against
it finds the records and the release in agreement, and :data:`OTHER_MODELS` entries no record
cites, so that the map is about as large as a real release's (1.2 MB, ~2,500 entries).
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path
from typing import Any

from llama4ref.domain import catalog, refresh

OTHER_MODELS = 2500


def entries(facts: Path) -> tuple[str | None, dict[str, dict[str, Any]]]:
    tree, _ = refresh.load_store(facts)
    base = refresh.baseline_version(tree)
    out: dict[str, dict[str, Any]] = {}
    for link in refresh.links(tree):
        if link.version != base:
            continue
        entry = out.setdefault(link.key, {})
        if link.field is not None:
            spec = link.record.record.facts[link.fact]
            cits = spec.citations if link.claim == 0 else spec.alternatives[link.claim - 1].citations
            entry.update(json.loads("{" + cits[link.citation].quote.rstrip(",") + "}"))
    for key, entry in out.items():
        if "/" in key:
            entry.setdefault("litellm_provider", key.split("/")[0])
    for i in range(OTHER_MODELS):
        out[f"acme/other-model-{i}"] = {
            "input_cost_per_token": 1e-06,
            "litellm_provider": "acme",
            "max_input_tokens": 8192 * (1 + i % 16),
            "max_output_tokens": 4096,
            "max_tokens": 4096,
            "mode": "chat",
            "output_cost_per_token": 2e-06,
            "source": f"https://example.com/models/{i}",
            "supports_function_calling": i % 2 == 0,
            "supports_system_messages": True,
            "supports_tool_choice": i % 3 == 0,
            "supports_vision": i % 5 == 0,
        }
    return base, out


def main(argv: list[str]) -> int:
    base, found = entries(Path(argv[0]))
    if base is None:
        return 0  # nothing printed: the records cite no release
    wheel = Path(argv[1]) / f"litellm-{base}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr(catalog.MAP_PATH, json.dumps(found, indent=4, sort_keys=True) + "\n")
        zf.writestr(f"litellm-{base}.dist-info/METADATA", f"Metadata-Version: 2.1\nName: litellm\nVersion: {base}\n")
        zf.writestr(f"litellm-{base}.dist-info/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        zf.writestr(f"litellm-{base}.dist-info/RECORD", "")
    print(base)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
