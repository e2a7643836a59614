"""`reader serve`: reader in a browser tab, one process a tab, behind a token (see docs/serve.md)."""
