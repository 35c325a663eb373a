"""The section path of a document as its headings give it, and which headings open free-text posts.

The document's title (a level-1 heading on its first line) is not part of the path; a heading with nothing
under it before a heading of the same level becomes the parent of that heading; a heading that opens a
free-text post is not a section; a one-line ``Label :`` paragraph right before a list is a sub-section
(``label``, set by segmentation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diffdata.parse.model import Block
from diffdata.parse.shapes import is_label_line
from diffdata.text import clean_space, strip_emoji


@dataclass
class Sections:
    """Where the walk is: the open headings, a sub-section label, the heading of the current post."""

    stack: list[tuple[float, str]] = field(default_factory=list)  # (level, text) of the open headings
    last_heading_empty: bool = False  # nothing came under the last heading yet
    label: str | None = None
    post_heading: str | None = None
    doc_title: str | None = None  # the document's level-1 title (markdown or an HTML <h1>)
    item_labels: list[tuple[int, str]] = field(default_factory=list)  # (list depth, text) of label items

    def path(self) -> list[str]:
        """The section path of what comes next."""
        path = [text for _, text in self.stack]
        if self.label:
            path.append(self.label)
        return path + [text for _, text in self.item_labels]

    def leave_items(self, level: int) -> None:
        """An item at list depth ``level`` closes the label items at that depth or deeper."""
        while self.item_labels and self.item_labels[-1][0] >= level:
            self.item_labels.pop()

    def heading(self, block: Block, is_post: bool, first: bool) -> None:
        """Enter the heading ``block`` (``first``: the document's first block)."""
        text = heading_text(block)
        if first and block.level == 1 and block.start <= 2:
            self.doc_title = text
            return  # the document's own title
        if is_post:
            self.post_heading = text
            return
        self.post_heading = None
        self.label = None
        self.item_labels.clear()
        level: float = block.level
        while self.stack and self.stack[-1][0] > level:
            self.stack.pop()
        if self.stack and self.stack[-1][0] == level:
            if self.last_heading_empty:
                self.stack[-1] = (level - 0.5, self.stack[-1][1])
            else:
                self.stack.pop()
        self.stack.append((level, text))
        self.last_heading_empty = True


def heading_text(block: Block) -> str:
    """A heading's text without emoji, white space collapsed."""
    return clean_space(strip_emoji(" ".join(ln.text for ln in block.lines)))


def reads_as_a_sentence(text: str) -> bool:
    """A heading that ends like a sentence, has hashtags or more than 10 words: a post's opening line."""
    return text.endswith((".", "!", "?", "。")) or bool(re.search(r"(^|\s)#\w", text)) or len(text.split()) > 10


def post_headings(all_blocks: list[Block]) -> set[int]:
    """Indexes of the headings that open a free-text post rather than a section: they read like a sentence
    (end with . ! ?, have hashtags, or more than 10 words), or the paragraphs under them hold ``label : URL``
    lines. One backward pass: linear in the number of blocks."""
    out: set[int] = set()
    has_labels = False  # the run of paragraphs after the current position holds label lines
    for i in range(len(all_blocks) - 1, -1, -1):
        b = all_blocks[i]
        if b.type == "heading":
            if reads_as_a_sentence(heading_text(b)) or has_labels:
                out.add(i)
            has_labels = False
        elif b.type == "paragraph":
            has_labels = has_labels or any(is_label_line(ln) for ln in b.lines)
        else:
            has_labels = False
    return out
