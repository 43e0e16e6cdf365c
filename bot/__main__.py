"""`python -m bot` starts the Discord bot; `python -m bot ask ...` etc. work like `showbot`."""
import sys

from .cli.main import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["run"]))
