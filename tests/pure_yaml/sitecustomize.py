"""Put on PYTHONPATH to run Python without PyYAML's libyaml binding (tests/test_pure_yaml.py): the
strict loader then composes with PyYAML's pure-Python parser, as it does where libyaml is missing."""

import sys

sys.modules["yaml._yaml"] = None  # type: ignore[assignment]  # `import yaml` then finds no C binding
