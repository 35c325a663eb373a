"""The faster markdown-it-py helpers (parse/mdrules.py) give the tokens markdown-it-py gives."""

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination

from diffdata.parse.markdown import MAX_NESTING, new_parser
from diffdata.parse.mdrules import link_destination, text_stops


def _plain() -> MarkdownIt:
    md = new_parser()
    ref = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table")
    ref.normalizeLink = md.normalizeLink  # type: ignore[method-assign]
    ref.normalizeLinkText = md.normalizeLinkText  # type: ignore[method-assign]
    return ref


def _tokens(md: MarkdownIt, text: str) -> list[dict]:
    return [t.as_dict() for t in md.parse(text)]


CASES = [
    "- [Title](https://arxiv.org/abs/2006.11239) [[Paper](https://a.b/c(d)e)] [[Code](<https://x y>)]\n",
    "[foo]: https://example.com/a(b) 'title'\n\nSee [foo] and [bar][foo].\n",
    "[x](a\\ b) [y](a\\(b) [z](a\\)b) [w](a((b))c) [v](a(b) [u](\x01) [t](a\tb)\n",
    "> [q]: /url\n> [q]\n\n- [r]\n  [r]: /r\n",
    "[a](" + "(" * 40 + ")" * 40 + ")\n",
    "text [x]:y\n[not a def] : /u\n[[Paper](u)]: z\n",
    # the text rule's stops: every character a rule starts at, and "]" (a link's label is found token by token)
    "**GLIGEN: Open-Set** :zap: \\\n*Ann Lee, Bo Chan* \\\nICCV 2023. [[Paper](u)] [[Code](v)] \\\n9 Oct 2023\n",
    "a &amp; b &#35; c &nosuch; <https://a.b/c> <b>x</b> ~~gone~~ \\* _x_ `c:d` ![i](j) a  \nb a\\\nb\n",
    "[a [b] c](u) [a]b] [x\\]](u) [[[y]]](u) [^1]: z {#id} $x$ %20 a+b=c @me\n",
]


def test_same_tokens_on_written_cases() -> None:
    for text in CASES:
        assert _tokens(new_parser(), text) == _tokens(_plain(), text), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"ab []()<>\\:\n\t\x01\x7f'\"*_`!|-#&~=@^{}$%+;", "](", "]:", "\n\n", "    ", "&amp;",
                                  "&#35;", "  \n", "http://"]), max_size=60))
def test_same_tokens_on_any_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _tokens(new_parser(), text) == _tokens(_plain(), text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab <>()\\\x01\x7f\n")), max_size=30), st.integers(0, 31),
       st.integers(-3, 3))
def test_same_destination(text: str, pos: int, extra: int) -> None:
    pos = min(pos, len(text))
    maximum = max(pos, len(text) + extra)
    a, b = parseLinkDestination(text, pos, maximum), link_destination(text, pos, maximum)
    assert (a.ok, a.pos, a.str) == (b.ok, b.pos, b.str)


def test_text_stops_where_a_rule_starts() -> None:
    stops = text_stops(new_parser())
    assert stops is not None
    assert set(stops.findall("ab:-~#$%+=>@^{}|")) == set()  # no rule of the parser starts at these
    assert stops.findall("\n!&*<[]\\_`") == list("\n!&*<[]\\_`")


def test_text_stops_leave_linkify_and_unknown_rules_to_markdown_it() -> None:
    linkify = MarkdownIt("commonmark").enable("linkify")
    assert text_stops(linkify) is None  # its rule reads the text before ":" (a scheme)

    def mine(state, silent):  # a rule this module does not know the starting characters of
        return False

    other = MarkdownIt("commonmark")
    other.inline.ruler.push("mine", mine)
    assert text_stops(other) is None
    strike = MarkdownIt("commonmark").enable("strikethrough")
    assert "~" in text_stops(strike).pattern
