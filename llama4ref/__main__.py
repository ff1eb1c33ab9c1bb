"""`python -m llama4ref` runs the command-line interface."""

from llama4ref.cli import main

main()
