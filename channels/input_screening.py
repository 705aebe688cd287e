"""What every channel does with a message before the assistant reads it.

Empty and overlong messages get a reply that says so, and are not processed: an empty
message means nothing, and a message of thousands of characters is not a question (it
would also hold the server for seconds). Control characters (terminal escapes, NUL) and
lone surrogates are replaced by spaces, so that they reach neither the model nor the
stored conversation.
"""

import re
from typing import Optional, Text

MAX_MESSAGE_CHARACTERS = 2000

EMPTY_TEXT = 'Your message was empty. Ask me about an HR career, for example "how much does an HR generalist make?"'
TOO_LONG_TEXT = (
    "That message is too long for me ({length:,} characters). Please ask one question in "
    f"fewer than {MAX_MESSAGE_CHARACTERS:,} characters."
)

# C0 and C1 control characters except tab and newline, and lone UTF-16 surrogates (JSON's
# "\ud800" decodes to one: no text, and it cannot be encoded as UTF-8 for the CRF or the store).
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def reply_instead(text: Optional[Text]) -> Optional[Text]:
    """The reply for a message that should not be processed, or None."""
    if text is None or not text.strip():
        return EMPTY_TEXT
    if len(text) > MAX_MESSAGE_CHARACTERS:
        return TOO_LONG_TEXT.format(length=len(text))
    return None


def without_control_characters(text: Text) -> Text:
    return _CONTROL_CHARACTERS.sub(" ", text)
