"""One inline token of markdown-it-py as source lines: plain text, bold and italic runs, links.

Each line made here knows its 1-based number, its text, where each bold and italic run and each link
starts in that text, and the URLs of inline HTML comments; inline HTML that lists use (``<a href>``,
``<img>``, ``<sup>``, ``<br>``) is read here too, and URLs written as plain text become bare links.
"""

from __future__ import annotations

import html
import re

from markdown_it.token import Token

from diffdata.parse.aside import only_venue_or_date
from diffdata.parse.model import Line, Link

# Bare URLs in text (free-text posts write `paper : https://...`). Trailing punctuation is not part of a URL.
BARE_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'`\[\]{}|\\^]+", re.I)
TRAILING_PUNCT = ".,;:!?*"
A_OPEN_RE = re.compile(r"<a\s[^>]*?href\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))[^>]*>", re.I | re.S)
IMG_RE = re.compile(r"<img\s[^>]*?src\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))[^>]*>", re.I | re.S)
ANY_URL_RE = re.compile(r"https?://[^\s<>\"'`)\]]+", re.I)
_A_CLOSE_RE = re.compile(r"</a\s*>", re.I)
_SUP_OPEN_RE = re.compile(r"<sup\b[^>]*>", re.I)
_HTML_EMPHASIS_RE = re.compile(r"<(?P<close>/?)(?P<name>b|strong|i|em)\s*>", re.I)
_SUP_CLOSE_RE = re.compile(r"</sup\s*>", re.I)
_CODE_RE = re.compile(r"<(/?)(?:code|kbd|tt)\b[^>]*>", re.I)  # "<code>ICML 2022</code>": a tag, as `ICML 2022` is
_BR_RE = re.compile(r"<br\s*/?>", re.I)
BREAK = " \u2028 "  # an HTML <br> inside a line: white space that also ends a clause for the field reader


def inline_lines(token: Token, first_line: int) -> list[Line]:
    """Split an inline token into its source lines (1-based ``first_line``)."""
    lines = [Line(first_line)]
    number = first_line  # the source line being read
    strong = em = sup = 0
    link: Link | None = None

    run_open = [False, False]  # a bold / italic run is being written on the current line
    sup_text: list[str] = []  # what a <sup> holds: a footnote mark is dropped, words (a venue) are kept
    code_at: tuple[int, int] | None = None  # where an HTML code span opened: (source line, column)

    def put(text: str) -> None:
        cur = lines[-1]
        if sup:
            sup_text.append(text)
            return
        if link is not None:
            cur.text += text
            link.text += text
            return
        if strong:
            _extend_run(cur.bold, run_open, 0, len(cur.text), text)
            cur.strong += text
        elif em:
            _extend_run(cur.italic, run_open, 1, len(cur.text), text)
            cur.em += text
        else:
            cur.other += text
        cur.text += text

    closed = {m["name"].lower() for child in token.children or [] if child.type == "html_inline"
              and (m := _HTML_EMPHASIS_RE.fullmatch(child.content)) is not None and m["close"]}
    for child in token.children or []:
        t = child.type
        if t in ("softbreak", "hardbreak"):
            number += 1
            if link is not None:  # a link's text wrapped ("[Diffusion Models Beat GANs on Image" / "Synthesis](..)
                put(" ")  # — Ann Lee."): the line it opened goes on, what follows the link is on it
                continue
            lines.append(Line(number, bold_continues=strong > 0))
            run_open[0] = run_open[1] = False
        elif t in ("text", "code_inline"):
            if t == "code_inline" and link is None and not sup:
                lines[-1].code.append((len(lines[-1].text), child.content))
            put(child.content)
        elif t == "strong_open":
            strong += 1
        elif t == "strong_close":
            strong -= 1
            run_open[0] = strong > 0 and run_open[0]
        elif t == "em_open":
            em += 1
        elif t == "em_close":
            em -= 1
            run_open[1] = em > 0 and run_open[1]
        elif t == "link_open":
            link = Link("", _href(child.attrGet("href")), lines[-1].number, col=len(lines[-1].text),
                        tooltip=str(child.attrGet("title") or ""))
        elif t == "link_close":
            if link is not None:
                link.text = link.text.strip()
                _at(lines, link)
            link = None
        elif t == "image":
            if link is not None:
                link.image = True
                link.image_src = str(child.attrGet("src") or "") or None
                link.alt = child.content
            else:
                src = str(child.attrGet("src") or "")
                # an image outside a link writes no text: an empty text where it stands (its alt text is not in
                # the line's text, so a text here would cut the words after it)
                lines[-1].links.append(Link("", src, lines[-1].number, image=True, col=len(lines[-1].text),
                                            alt=child.content))
        elif t == "html_inline":
            tag = child.content
            if tag.startswith("<!--"):
                lines[-1].hidden.extend(m.group(0).rstrip(".,;:!?*") for m in ANY_URL_RE.finditer(tag))
                for _ in range(tag.count("\n")):  # a comment over several lines: keep the line numbers right
                    number += 1
                    lines.append(Line(number))
            elif (m := _HTML_EMPHASIS_RE.fullmatch(tag)) is not None and (m["close"] or m["name"].lower() in closed):
                # "<b>Title</b><br><i>Ann Lee</i>": as markdown's (a tag never closed on the line is left alone)
                if m["name"].lower() in ("b", "strong"):
                    strong = strong + 1 if not m["close"] else max(0, strong - 1)
                    run_open[0] = run_open[0] and strong > 0
                else:
                    em = em + 1 if not m["close"] else max(0, em - 1)
                    run_open[1] = run_open[1] and em > 0
            elif (m := _CODE_RE.fullmatch(tag)) is not None:
                if not m[1]:
                    code_at = (lines[-1].number, len(lines[-1].text)) if link is None and not sup else None
                    continue
                if code_at is not None and code_at[0] == lines[-1].number and link is None:
                    code = lines[-1].text[code_at[1]:]
                    if len(code) <= 60 and only_venue_or_date(code):  # a venue's tag; not "<code>DreamBooth</code>:
                        lines[-1].code.append((code_at[1], code))  # Title"
                code_at = None  # one close tag ends it ("<code>x" then many "</code>": no slice of the rest each)
            elif _SUP_OPEN_RE.fullmatch(tag):
                sup += 1
            elif _SUP_CLOSE_RE.fullmatch(tag):
                sup = max(0, sup - 1)
                if not sup:
                    held, sup_text[:] = "".join(sup_text).strip(), []
                    if only_venue_or_date(held):  # "<sup>CVPR 2023</sup>": an aside
                        put(f" ({held})")
                    elif len(re.findall(r"[^\W\d_]", held)) >= 2:  # words (authors under a title): a part of
                        put(BREAK + held)  # their own; a footnote mark ("<sup>1,2</sup>") is dropped
            elif (m := IMG_RE.fullmatch(tag)) is not None:  # <img src> in HTML: a badge of its link, or an image
                src = html.unescape(next(g for g in m.groups() if g is not None))
                if link is not None:
                    link.image, link.image_src = True, src or None
                else:
                    lines[-1].links.append(Link("", src, lines[-1].number, image=True, col=len(lines[-1].text),
                                            alt=child.content))
            elif (m := A_OPEN_RE.fullmatch(tag)) is not None:
                href = html.unescape(next(g for g in m.groups() if g is not None))
                link = Link("", href, lines[-1].number, col=len(lines[-1].text))
            elif _A_CLOSE_RE.fullmatch(tag) and link is not None:
                link.text = link.text.strip()
                _at(lines, link)
                link = None
            elif _BR_RE.fullmatch(tag):
                put(BREAK)
    if link is not None:  # an <a> never closed
        _at(lines, link)
    for line in lines:
        bare_urls(line)
    return lines


def _extend_run(runs: list[tuple[int, str]], run_open: list[bool], which: int, col: int, text: str) -> None:
    """Add ``text`` to the bold or italic run being written, or start a run at ``col``."""
    if run_open[which]:
        start, prev = runs[-1]
        runs[-1] = (start, prev + text)
    else:
        runs.append((col, text))
        run_open[which] = True


def _at(lines: list[Line], link: Link) -> None:
    i = link.line - lines[0].number  # lines are numbered consecutively
    (lines[i] if 0 <= i < len(lines) else lines[-1]).links.append(link)


def _href(value: object) -> str:
    """A link's target as markdown-it read it, less a title glued on without a space (``(url"[PDF]")``): a
    URL never holds a raw double quote (RFC 3986 percent-encodes it)."""
    return str(value or "").split('"', 1)[0]

def bare_urls(line: Line) -> None:
    """Find URLs written as plain text in the line's text outside links."""
    outside = line.other + " " + line.strong + " " + line.em
    if "://" not in outside and "www." not in outside.lower():
        return
    known = {lk.url for lk in line.links}
    search_from = 0
    for m in BARE_URL_RE.finditer(outside):
        url = m.group(0).rstrip(TRAILING_PUNCT)
        # `(url)` and `url)` : a closing parenthesis without an opening one in the URL is prose punctuation.
        while url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1]
        if not url or url in known:
            continue
        known.add(url)
        before = outside[max(0, m.start() - 400) : m.start()]  # a link text is short: look back a little only
        unbalanced = before.rstrip().endswith("](") or before.rstrip().endswith("](<")
        text = url
        if unbalanced:
            open_at = before.rfind("[")
            text = before[open_at + 1 : before.rfind("](")] if open_at >= 0 else url
        col = line.text.find(url, search_from)
        if col < 0:
            col = line.text.find(url)
        search_from = max(search_from, col + 1)
        line.links.append(Link(text.strip(), url, line.number, bare=True, unbalanced=unbalanced, col=max(col, 0)))
