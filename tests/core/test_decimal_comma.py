"""Figures in articles that write the decimal comma ("4.500 personas", "3,5 por ciento"):
the article's convention, decided once, and the figures read by it. Text written for
these tests."""

from __future__ import annotations

import pytest

from annotations.suggest.numerals import ENGLISH, Numbers, numbers_of

SPANISH = (
    "Unas 4.500 personas marcharon el sábado por las calles de la capital. "
    "El paro subió al 3,5 por ciento, según los datos del Gobierno, que prevé "
    "una inversión de 2,3 millones de euros en la región."
)
ENGLISH_STORY = (
    "About 4,500 people marched through the capital on Saturday. Unemployment rose 4.5 "
    "percent, the government said, and it plans to spend $2.3 million in the region."
)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Die Stadt hat 1.234.567 Einwohner.", Numbers(True, "en")),  # the numbers say, in 5 words
        ("It rose 12,75 points.", Numbers(True, "en")),
        ("Unas 4 500 personas", Numbers(True, "en")),
        (SPANISH, Numbers(True, "es")),
        (ENGLISH_STORY, ENGLISH),
        ("About 4,500 people marched.", ENGLISH),
        ("It rose 4.5 percent.", ENGLISH),
        ("", ENGLISH),
    ],
)
def test_the_numbers_decide_when_they_can(text, numbers):
    assert numbers_of(text) == numbers
