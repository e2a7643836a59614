"""Overlap matching of found spans against gold spans, one to one."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Score:
    found: int = 0
    gold: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, text: str, found: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Match found to gold (overlap, one to one); returns the matched (found, gold) pairs' found spans."""
        self.found += len(found)
        self.gold += len(gold)
        free = list(gold)
        pairs = []
        for span in sorted(found):
            hit = next((g for g in free if g[0] < span[1] and span[0] < g[1]), None)
            if hit is None:
                self.wrong.append(text[span[0] : span[1]])
            else:
                free.remove(hit)
                pairs.append((span, hit))
        self.matched += len(pairs)
        self.misses.extend(text[g[0] : g[1]] for g in free)
        return pairs

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    def line(self, name: str) -> str:
        return f"{name}: precision {self.precision:.3f} recall {self.recall:.3f} ({self.matched} of {self.found} found, {self.gold} gold)"
