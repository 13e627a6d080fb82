"""Split template source into text and placeholder tokens."""
import re
from collections import namedtuple

from templating.errors import TemplateSyntaxError

# filters: tuple of (name, arg, has_arg) for 'var' tokens, in the order they apply.
Token = namedtuple("Token", "kind value line column filters", defaults=((),))
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
_FILTER = re.compile(r'^([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*("(?:[^"\\]|\\.)*"|-?\d+))?$')


def _position(source, offset):
    line = source.count("\n", 0, offset) + 1
    column = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _split_pipes(body):
    """Split on '|' outside double-quoted strings."""
    parts, current, quoted, escaped = [], [], False, False
    for char in body:
        if char == "|" and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
        if escaped:
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
    parts.append("".join(current))
    return [part.strip() for part in parts]


def _parse_filter(text, position):
    match = _FILTER.match(text)
    if not match:
        raise TemplateSyntaxError(f"invalid filter {text!r}", *position)
    name, raw = match.group(1), match.group(2)
    if raw is None:
        return (name, None, False)
    if raw.startswith('"'):
        return (name, re.sub(r"\\(.)", r"\1", raw[1:-1]), True)
    return (name, int(raw), True)


def _parse_var(body, position):
    name, *filters = _split_pipes(body)
    if not _NAME.match(name):
        raise TemplateSyntaxError(f"invalid placeholder {name!r}", *position)
    return Token("var", name, *position, tuple(_parse_filter(f, position) for f in filters))


def tokenize(source):
    """Return Tokens: kind 'text' (value = the text) or 'var' (value = the dotted name, with filters)."""
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
        tokens.append(_parse_var(source[start + 2 : end], _position(source, start)))
        offset = end + 2
    return tokens
