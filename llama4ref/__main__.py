"""The ``llama4ref`` console script and ``python -m llama4ref``: the command-line interface
(:func:`llama4ref.cli.main`) run with the cyclic garbage collector set for a short-lived process.

Loading typer, click, rich and our own modules creates over a hundred thousand objects that live
until the process ends. The collector would walk them several times while the modules load, and
once more at exit, finding nothing to free: about 15% of ``llama4ref show`` (benchmarks/). So it
is off while the modules load; what they made is then frozen (:func:`gc.freeze`: out of the
collector's reach, never freed early) and the command runs with the collector on, as any Python
program does; before exit, what the command made is frozen too, so the collections at shutdown
skip it. Output, exit codes, ``finally`` blocks and ``atexit`` handlers are as without this.

:func:`llama4ref.cli.main` and :func:`llama4ref.cli.run` leave the collector alone, so a program
or test suite that calls them in-process keeps its own collection.
"""

import gc


def main() -> None:
    """Run the command ``sys.argv`` names and exit with its code (see :func:`llama4ref.cli.main`)."""
    gc.disable()
    try:
        from llama4ref.cli import main as cli_main
    finally:
        gc.freeze()
        gc.enable()
    try:
        cli_main()
    finally:
        gc.freeze()


if __name__ == "__main__":
    main()
