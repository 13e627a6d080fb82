"""Split template source into text and placeholder tokens."""
import re
from collections import namedtuple

from templating.errors import TemplateSyntaxError

Token = namedtuple("Token", "kind value line column")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


def _position(source, offset):
    line = source.count("\n", 0, offset) + 1
    column = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return line, column


def tokenize(source):
    """Return Tokens: kind 'text' (value = the text) or 'var' (value = the dotted name)."""
    tokens = []
    offset = 0
    while offset < len(source):
        start = source.find("{{", offset)
        if start < 0:
            tokens.append(Token("text", source[offset:], *_position(source, offset)))
            break
        if start > offset:
            tokens.append(Token("text", source[offset:start], *_position(source, offset)))
        end = source.find("}}", start + 2)
        if end < 0:
            raise TemplateSyntaxError("unclosed '{{'", *_position(source, start))
        name = source[start + 2 : end].strip()
        if not _NAME.match(name):
            raise TemplateSyntaxError(f"invalid placeholder {name!r}", *_position(source, start))
        tokens.append(Token("var", name, *_position(source, start)))
        offset = end + 2
    return tokens
