"""Understanding a question: which show, which season, which people, what kind of answer
it expects, and which question type it is (fuzzy intent matching)."""
from .intents import IntentMatcher, Intent, Match
from .reader import Question, Reader
from .shows import ShowFinder, ShowMention

__all__ = ["IntentMatcher", "Intent", "Match", "Question", "Reader", "ShowFinder", "ShowMention"]
