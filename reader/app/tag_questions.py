"""E and n: the questions asked about a tag (which place, who said it, its attributes as
text, its note); each answer goes to the editing session."""

from __future__ import annotations

from collections.abc import Callable

from annotations import attributes
from annotations.editing.session import Outcome, describe
from annotations.model import Annotation

from ..screens.picker import AS_TEXT, Picked, PickerScreen
from ..screens.prompt import PromptScreen
from .open_article import OpenArticle


class TagQuestions(OpenArticle):
    def action_note(self) -> None:
        self._ask_about_tag("a note", lambda target: ("Note for", target.note), self.session.note)

    def action_attributes(self) -> None:
        """E: a place's candidates in the gazetteer, a quote's possible speakers, or
        (for the rest, and t in the picker) the attributes as text to edit."""
        from annotations.suggest import attribute_choices  # not at start: the finders compile large patterns

        target = self._target()
        article = self.session.article
        if target is None or target.label not in attribute_choices.CHOSEN or self.session.refusal() or article is None:
            self._attributes_as_text()
            return
        about = describe(target, self.session.country_name)
        if target.label == "place":
            gazetteer = self.suggestions.places()
            if gazetteer is None:
                self._attributes_as_text()
                return
            picker = PickerScreen(
                f"Which place is {about}?",
                attribute_choices.places_named(target.text, gazetteer),
                "not in the gazetteer",
                lambda typed: attribute_choices.places_starting(typed, gazetteer),
            )
        else:
            text = article.text
            picker = PickerScreen(
                f"Who said {about}?",
                attribute_choices.speakers(text, target.start, target.end),
                "no speaker",
                lambda typed: attribute_choices.speakers(text, target.start, target.end, typed),
            )

        def picked(answer: Picked | str | None) -> None:
            if answer == AS_TEXT:
                self._attributes_as_text()
            elif isinstance(answer, Picked):
                chosen = attribute_choices.with_choice(target.attrs, target.label, answer.attrs)
                self.show(self.session.give_attributes(target, chosen))

        self.push_screen(picker, picked)

    def _attributes_as_text(self) -> None:
        """The tag's attributes as text to edit: value=5200; unit=troops; approx."""
        self._ask_about_tag(
            "attributes",
            lambda target: ("Attributes (name=value; …) of", attributes.as_text(target.attrs)),
            self.session.set_attributes,
        )

    def _ask_about_tag(
        self,
        what: str,
        question: Callable[[Annotation], tuple[str, str]],
        answer: Callable[[Annotation, str], Outcome],
    ) -> None:
        """A prompt about the tag under the cursor (or the panel's), its answer to the session."""
        target = self._target()
        if target is None:
            self.say(f"no tag here: put the cursor on a tag to give it {what}")
            return
        refused = self.session.refusal()
        if refused:
            self.show(refused)
            return

        def answered(text: str | None) -> None:
            if text is not None:
                self.show(answer(target, text))

        asking, value = question(target)
        self.push_screen(PromptScreen(f"{asking} {describe(target, self.session.country_name)}", value), answered)
