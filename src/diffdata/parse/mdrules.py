"""Faster equivalents of two of markdown-it-py's helpers, for one parser instance: the same tokens, less work.

markdown-it-py reads a link's destination one character at a time, and tries the reference-definition rule on
every paragraph opening with ``[`` (``[[Paper](url)] [[Code](url)]`` lines of a list), scanning it to its
end. Here the destination's plain runs are skipped with one regular expression, and the reference rule is
not tried where no ``]:`` follows in the document (it needs one: a definition is ``[label]: url``). Its
inline ``text`` rule stops at every character some rule might start at, linkify's and strikethrough's
included (``:``, ``-``, ``~`` ...); here it stops only where an enabled rule can start (see
:func:`text_stops`).
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.helpers import parseLinkDestination, parseLinkLabel, parseLinkTitle
from markdown_it.rules_block import reference
from markdown_it.rules_block.state_block import StateBlock

# what ends or changes a destination written without <...>: a space, a control character, a backslash, a
# parenthesis (markdown-it's loop stops at, or looks at, exactly these)
_DEST_STOP_RE = re.compile(r"[\x00-\x20\x7f\\()]")


class _Destination:
    """What markdown-it-py's link rules read of a destination: found or not, where it ends, its text."""

    __slots__ = ("ok", "pos", "str")

    def __init__(self) -> None:
        self.ok = False
        self.pos = 0
        self.str = ""


def link_destination(string: str, pos: int, maximum: int) -> _Destination:
    """markdown-it-py's ``parseLinkDestination``, the same result: a ``<...>`` destination is left to it, a
    bare one is scanned from one character it looks at to the next."""
    if string.startswith("<", pos):
        return parseLinkDestination(string, pos, maximum)  # type: ignore[return-value]
    result = _Destination()
    start, level, end = pos, 0, min(maximum, len(string))
    while pos < end:
        m = _DEST_STOP_RE.search(string, pos, end)
        if m is None:
            pos = end
            break
        pos = m.start()
        ch = string[pos]
        if ch == "\\" and pos + 1 < maximum:
            if string[pos + 1: pos + 2] == " ":
                break
            pos += 2
            continue
        if ch == "(":
            level += 1
            if level > 32:
                return result
        elif ch == ")":
            if level == 0:
                break
            level -= 1
        elif ch != "\\":  # a space or a control character ends it
            break
        pos += 1
    if start == pos or level != 0:
        return result
    result.str = unescapeAll(string[start:pos])
    result.pos = pos
    result.ok = True
    return result


def _reference(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it-py's ``reference`` rule, not tried when no ``]:`` follows the line's start anywhere in the
    document: a definition (``[label]: url``, its label over one line or several) holds one, so without it the
    rule finds none. Where the next ``]:`` stands is kept
    in ``state.env`` with the text it was found in, so that the document is searched once, not once a block."""
    start = state.bMarks[start_line]
    seen = state.env.get(_MARK_KEY)
    if seen is None or seen[0] is not state.src or start < seen[1] or 0 <= seen[2] < start:
        seen = (state.src, start, state.src.find("]:", start))  # (text, searched from, found at or -1)
        state.env[_MARK_KEY] = seen
    if seen[2] < 0:
        return False
    return reference(state, start_line, end_line, silent)


_MARK_KEY = "diffdata.next_reference_mark"


# the characters each inline rule of markdown-it-py can start at (its rules test ``state.src[state.pos]`` first)
_RULE_STARTS = {"text": "", "newline": "\n", "escape": "\\", "backticks": "`", "emphasis": "*_", "link": "[",
                "image": "!", "autolink": "<", "html_inline": "<", "entity": "&", "strikethrough": "~",
                "linkify": ":"}


def text_stops(md: MarkdownIt) -> re.Pattern[str] | None:
    """Where the inline ``text`` rule must stop for ``md``'s enabled rules: where one of them can start, and at
    ``]``, which ``parseLinkLabel`` finds by skipping one token at a time (the text rule's run is one). None
    when a rule is enabled whose starting characters are not known here (markdown-it's own set is kept)."""
    rules = md.inline.ruler.get_active_rules()
    if any(name not in _RULE_STARTS for name in rules):
        return None
    if "linkify" in rules:  # it starts after a scheme's letters, not at ":" only: leave the default
        return None
    chars = "]" + "".join(_RULE_STARTS[name] for name in rules)
    return re.compile("[" + re.escape("".join(sorted(set(chars)))) + "]")


def speed_up(md: MarkdownIt) -> MarkdownIt:
    """Give ``md`` the faster destination reader, reference rule and text rule stops (its tokens do not change).
    Call it once the parser's rules are chosen."""
    md.helpers = SimpleNamespace(  # type: ignore[assignment]
        parseLinkLabel=parseLinkLabel, parseLinkDestination=link_destination, parseLinkTitle=parseLinkTitle)
    md.block.ruler.at("reference", _reference)
    stops = text_stops(md)
    if stops is not None:
        md.inline.terminator_re = stops
    return md
