"""Start the app: `python main.py`, or `python main.py --headless --preset NAME`."""
import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
