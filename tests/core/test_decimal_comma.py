"""Figures in articles that write the decimal comma ("4.500 personas", "3,5 por ciento"):
the article's number convention, decided once from the whole article, and its figures
read by it, alike in the app's suggestions, `reader suggest` and a tag made by hand.
Text written for these tests."""

from __future__ import annotations

import json

import pytest

from annotations.editing.session import EditingSession
from annotations.model import DEFAULT_LABELS, Article
from annotations.suggest.batch import Job, lines_of
from annotations.suggest.figures import Figure, find_figures, parse_figure
from annotations.suggest.fill_in import filled_in
from annotations.suggest.numerals import POINT_NUMBERS, Numbers, language_of, numbers_of
from annotations.suggest.suggestions import Knowledge, suggest

COMMA = Numbers(True, "es")

SPANISH = (
    "Unas 4.500 personas marcharon el sábado por las calles de la capital. El paro subió al 3,5 por "
    "ciento, según los datos del Gobierno, que prevé una inversión de 2,3 millones de euros en la región."
)
# Numbers that say nothing of the convention ("4.500" may be 4.5 in English): the language decides.
UNSIGNED = {
    "es": "Los vecinos del barrio dijeron que la policía no estaba en las calles y que 4.500 personas marcharon.",
    "de": "Die Polizei war nicht da, und der Bürgermeister sagte, dass 4.500 Menschen von der Stadt kamen.",
    "fr": "Le maire a dit que la police n'est pas venue et que les 4.500 manifestants des quartiers sont partis.",
    "it": "Il sindaco ha detto che la polizia non è venuta per gli 4.500 manifestanti di che si parla.",
    "pt": "O prefeito disse que não há uma casa para os 4.500 eleitores que vivem com os filhos.",
    "nl": "De burgemeester zei dat het niet een probleem is en dat 4.500 inwoners van de stad kwamen.",
}
ENGLISH_STORY = (
    "About 4,500 people marched through the capital on Saturday. Unemployment rose 4.5 percent, the "
    "government said, and it plans to spend $2.3 million in the region; the harvest was 4.500 tonnes."
)


def found(text: str, numbers: Numbers | None = None) -> list[tuple[str, int | float, str]]:
    return [(f.text, f.figure.value, f.figure.unit) for f in find_figures(text, numbers)]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Die Stadt hat 1.234.567 Einwohner.", Numbers(True, "en")),  # the numbers say it, in five words
        ("It rose 12,75 points.", Numbers(True, "en")),
        ("It cost 1.234,5 euros.", Numbers(True, "en")),
        ("Unas 4 500 personas", Numbers(True, "en")),
        ("Unas 4\u202f500 personas", Numbers(True, "en")),  # a narrow no-break space groups the thousands
        ("About 4,500 people marched.", POINT_NUMBERS),
        ("It rose 4.5 percent.", POINT_NUMBERS),
        ("Unas 4.500 personas marcharon.", POINT_NUMBERS),  # one dot group says nothing, nor do these words
        ("In 2016 500 people came.", POINT_NUMBERS),
        ("", POINT_NUMBERS),
    ],
)
def test_the_numbers_decide_when_they_can(text, numbers):
    assert numbers_of(text) == numbers


@pytest.mark.parametrize("language", sorted(UNSIGNED))
def test_where_the_numbers_do_not_say_the_language_does(language):
    assert numbers_of(UNSIGNED[language]) == Numbers(True, language)
    assert found(UNSIGNED[language])[0][1] == 4500


def test_english_is_the_default_and_needs_no_more_than_its_own_words():
    assert language_of(ENGLISH_STORY) == "en" and language_of("Unas 4.500 personas") == "en"
    assert language_of("De stad is niet groot.") == "en"  # four Dutch function words: too few to judge


# Each language's story, and the figures in it: (text, value, unit).
@pytest.mark.parametrize(
    ("text", "figures"),
    [
        pytest.param(
            SPANISH,
            [
                ("4.500 personas", 4500, "personas"),
                ("3,5 por ciento", 3.5, "%"),
                ("2,3 millones de euros", 2_300_000, "EUR"),
            ],
            id="es",
        ),
        pytest.param(
            "Die Stadt hat 1.234.567 Einwohner und ist nicht die größte des Landes. Der Bund gibt ihr 2,3 "
            "Millionen Euro, das sind 12,5 Prozent mehr als im Vorjahr.",
            [
                ("1.234.567 Einwohner", 1_234_567, "Einwohner"),
                ("2,3 Millionen Euro", 2_300_000, "EUR"),
                ("12,5 Prozent", 12.5, "%"),
            ],
            id="de",
        ),
        pytest.param(
            "La ville a reçu 2,3 millions d'euros de l'État et le chômage est à 12,5 pour cent. Les 4 500 "
            "personnes de la manifestation ne sont pas rentrées chez elles.",
            [
                ("2,3 millions d'euros", 2_300_000, "EUR"),
                ("12,5 pour cent", 12.5, "%"),
                ("4 500 personnes", 4500, "personnes"),
            ],
            id="fr",
        ),
        pytest.param(
            "Il comune ha ricevuto 2,3 milioni di euro per la scuola e la disoccupazione è al 12,5 per cento. "
            "Non ci sono più di 4.500 abitanti che vivono nel centro, per gli esperti.",
            [
                ("2,3 milioni di euro", 2_300_000, "EUR"),
                ("12,5 per cento", 12.5, "%"),
                ("4.500 abitanti", 4500, "abitanti"),
            ],
            id="it",
        ),
        pytest.param(
            "A cidade recebeu 2,3 milhões de euros para a escola e o desemprego é de 12,5%. Não há mais de "
            "4.500 eleitores com uma casa para os filhos.",
            [
                ("2,3 milhões de euros", 2_300_000, "EUR"),
                ("12,5%", 12.5, "%"),
                ("4.500 eleitores", 4500, "eleitores"),
            ],
            id="pt",
        ),
        pytest.param(
            "De stad kreeg 2,3 miljoen euro van het Rijk en de werkloosheid is 12,5 procent. Er zijn niet meer "
            "dan 4.500 inwoners in het centrum van de stad.",
            [
                ("2,3 miljoen euro", 2_300_000, "EUR"),
                ("12,5 procent", 12.5, "%"),
                ("4.500 inwoners", 4500, "inwoners"),
            ],
            id="nl",
        ),
    ],
)
def test_each_languages_figures_are_read_by_the_decimal_comma(text, figures):
    assert numbers_of(text).decimal_comma
    assert found(text) == figures


def test_an_english_article_reads_as_before_even_its_4_500():
    assert numbers_of(ENGLISH_STORY) == POINT_NUMBERS
    assert found(ENGLISH_STORY) == [
        ("4,500 people", 4500, "people"),
        ("4.5 percent", 4.5, "%"),
        ("$2.3 million", 2_300_000, "USD"),
        ("4.500 tonnes", 4.5, "tonnes"),  # the English reading of 4.500, rare as it is
    ]


def test_an_article_mixing_both_is_read_by_its_own_convention():
    """A Spanish article quoting "$4,500 million" shows both kinds of sign, so its language
    decides: the decimal comma, in which a dot groups thousands only before three digits
    ("$4.5 billion" reads as written) and a comma is always decimal (the quoted "$4,500
    million" is 4.5 million: left to the article's convention)."""
    spanish = (
        "El paro subió al 3,5 por ciento, según los datos del Gobierno. El banco prestó $4.5 billion y "
        "$4,500 million a 4.500 empresas de la región."
    )
    assert numbers_of(spanish) == Numbers(True, "es")
    assert found(spanish) == [
        ("3,5 por ciento", 3.5, "%"),
        ("$4.5 billion", 4_500_000_000, "USD"),
        ("$4,500 million", 4_500_000, "USD"),
        ("4.500 empresas", 4500, "empresas"),
    ]
    # An English article quoting "3,5" shows both kinds of sign: its language decides.
    english = "About 4,500 people marched in Madrid, where unemployment is 3,5 per cent, the paper said."
    assert numbers_of(english) == POINT_NUMBERS
    assert found(english) == [("4,500 people", 4500, "people")]  # "3,5" is not one number in English


def test_dates_and_the_words_between_are_no_units():
    text = "El 15 de junio de 2020 llegaron 4.500 € y 12,50 € por persona a la ciudad de los 30 años."
    assert found(text) == [("4.500 €", 4500, "EUR"), ("12,50 €", 12.5, "EUR")]
    german = "Am 3. Mai kamen um 12.30 Uhr 4\u202f500 Menschen, die nicht von der Stadt sind."
    assert found(german) == [("4\u202f500 Menschen", 4500, "Menschen")]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("4.500 personas", Figure(4500, "personas", False)),
        ("3,5 por ciento", Figure(3.5, "%", False)),
        ("1.234.567 Einwohner", Figure(1_234_567, "Einwohner", False)),
        ("2,3 millones de euros", Figure(2_300_000, "EUR", False)),
        ("2,3 Millionen Euro", Figure(2_300_000, "EUR", False)),
        ("2,3 millions d'euros", Figure(2_300_000, "EUR", False)),
        ("2,3 mil millones de euros", Figure(2_300_000_000, "EUR", False)),
        ("12,5 Prozent", Figure(12.5, "%", False)),
        ("12,5 pour cent", Figure(12.5, "%", False)),
        ("12,5 per cento", Figure(12.5, "%", False)),
        ("12,5%", Figure(12.5, "%", False)),
        ("3,0 puntos", Figure(3.0, "puntos", False)),  # as written
        ("€1.234,5", Figure(1234.5, "EUR", False)),
        ("100 m", Figure(100, "m", False)),  # metres, not a million
    ],
)
def test_a_tags_text_read_in_the_decimal_comma(text, figure):
    assert parse_figure(text, COMMA) == figure


def test_a_tags_text_alone_is_read_as_english():
    assert parse_figure("4.500 personas") == Figure(4.5, "personas", False)
    assert parse_figure("4,500 people", POINT_NUMBERS) == Figure(4500, "people", False)


def test_the_app_reader_suggest_and_a_tag_by_hand_read_an_article_alike(store):
    """The app and its child process call suggest(), `reader suggest` lines_of(); a tag
    made by hand (or relabelled) is filled in by the session: all of them read the
    article's convention from the whole article, not from the figure's text."""
    text = SPANISH
    article = Article("es.txt", text)
    expected = {"value": 4500, "unit": "personas"}
    suggested = suggest(article.id, text, [], Knowledge(), ["figure"], lambda: None)
    assert suggested[0].attrs == expected
    (done,) = lines_of(Job(Knowledge(), ["figure"], "unused"), [article])
    assert json.loads(done.lines.splitlines()[0])["attrs"] == expected
    start, end = text.index("4.500"), text.index(" marcharon")
    assert filled_in("figure", text, start, end) == expected
    assert filled_in("figure", "4.500 personas", 0, 14, article=text) == expected  # an orphan's text
    session = EditingSession(store, DEFAULT_LABELS)
    session.open(article)
    assert session.tag("figure", (start, end), 0).change.after.attrs == expected
    three = text.index("3,5")
    session.tag("place", (three, three + len("3,5 por ciento")), 0)
    relabelled = session.tag("figure", None, three)
    assert relabelled.change.after.attrs == {"value": 3.5, "unit": "%"}


def test_a_list_or_a_score_in_an_english_article_is_no_decimal_comma():
    """'sections 3,4' or 'won 6,4' in English: the language decides, not the comma."""
    text = (
        "Under sections 3,4 of the act, five soldiers were sent and twenty people left. "
        "The team won 6,4 in the end and the fans were happy with the result of the game."
    )
    assert not numbers_of(text).decimal_comma
    assert found(text) == [("five soldiers", 5, "soldiers"), ("twenty people", 20, "people")]
    assert numbers_of("El paro subió al 3,5 por ciento.").decimal_comma  # too short to judge: "3,5" decides


def test_a_datelines_dash_starts_the_sentence():
    text = "VALENCIA — Unas 4.500 personas fueron evacuadas el domingo, según el gobierno de la ciudad y de la costa."
    assert found(text) == [("4.500 personas", 4500, "personas")]
