"""The JSON shape of every ``--json`` answer, declared once, as typed dicts.

Each answer type's ``to_json()`` / ``to_dict()`` is annotated to return one of these, so
``mypy --strict`` checks every dict the code builds against the declared shape. The JSON Schemas
in ``schemas/json/`` and ``docs/json.md`` are generated from them (`tools/schemagen.py`, :mod:`tools.jsondoc`),
and a test validates every command's real output against its schema. :mod:`.kinds` names the
shape of each envelope ``kind``: a new kind is one entry there.

Nothing on the start-up path imports this package: the answer types name these only under
``TYPE_CHECKING``. The attribute docstrings become the field descriptions. TypedDict comes from
``typing_extensions`` (pydantic reads only that one on Python 3.11; it is ``typing``'s on 3.12+).
"""
