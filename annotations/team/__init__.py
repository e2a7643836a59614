"""A team on one corpus: who reads what (plan.py) and how well the coders agree
(agreement measures on plain data)."""

__all__: list[str] = []
