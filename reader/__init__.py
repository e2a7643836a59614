"""reader: read articles in a terminal and tag quotes, figures and places."""

__version__ = "0.1.0"
