"""One log record, one line: text from users is logged with its line breaks escaped.

A user's text reaches the log in places (a refused REST field's name, an error naming what
was sent): a newline in it would start a line that looks like the server's own, such as a
forged "ERROR ... action server down". Every record's message is escaped as it is
formatted, whoever logs it (Rasa, Sanic, our code); tracebacks keep their lines, since they
are added by the formatter, not the message.
"""

import logging
import re

# C0 and C1 control characters (newline, carriage return, escape, ...) and Unicode's line
# and paragraph separators, which some log viewers also break lines at.
_LINE_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escaped(text: str) -> str:
    """The text with its control characters written as Python escapes (\\n, \\x1b, ...)."""
    return _LINE_BREAKING.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


class OneLineLogRecord(logging.LogRecord):
    def getMessage(self) -> str:
        return escaped(super().getMessage())


def install() -> None:
    """Every log record created from now on in this process is a OneLineLogRecord."""
    logging.setLogRecordFactory(OneLineLogRecord)
