"""The title of an entry: which part of it is the title (cleaned in ``titletext.py``); rules for every layout."""

from __future__ import annotations

import re
from itertools import islice

from diffdata.identifiers import is_paper_url
from diffdata.parse import intro as around  # what stands before and after an entry's link
from diffdata.parse.aside import QUALIFIER_RE, cited_surname, only_venue_or_date
from diffdata.parse.celltitle import BRACKETED_RE, cell_title
from diffdata.parse.citations import Citation, label_cut, read_citation
from diffdata.parse.clauses import (
    bold_part_continuation,
    is_sentence,
    is_title_clause,
    link_continuation,
    named_continuation,
    title_after_name,
    title_cased,
)
from diffdata.parse.headingwork import short_work_name
from diffdata.parse.labels import is_label
from diffdata.parse.linetext import before_venue
from diffdata.parse.linkshapes import METHOD_MARK_RE, link_end
from diffdata.parse.model import Line, Link, Segment
from diffdata.parse.names import (
    CITED_AS_RE,
    cites,
    is_name_list,
    is_one_person,
    is_organisation,
    leading_names,
    looks_like_names,
    names_a_method,
    names_after_title,
    reads_as_two_phrases,
    split_authors,
)
from diffdata.parse.posttitle import post_title, prose_title
from diffdata.parse.record import Fields
from diffdata.parse.repos import implemented_title, names_only_its_code
from diffdata.parse.shapes import (
    ENDS_IN_A_PREPOSITION_RE,
    IDENTIFIER_TEXT_RE,
    POST_LABEL_RE,
    TEXT_ARXIV_RE,
    TEXT_DOI_RE,
    TITLE_LABELS,
    cut_links,
    text_outside_links,
)
from diffdata.parse.tags import among_names, is_tag, names_the_link, tag_spans, tags_the_link, venue_tag
from diffdata.parse.titlegive import READING_LABELS, cut_status, give_title, lead_text
from diffdata.parse.titletext import clean_title, link_title, phrase_title
from diffdata.text import YEAR_RE, clean_space
from diffdata.venues import find_venues

RATING_RE = re.compile(r"\b([A-Z]{1,4}\s*=\s*\d{1,2}(?:\.\d)?)\b")

# each run of white space is tried from its start only ("(?<!\s)"): a long run costs one scan, not one per space
_EMPTY_BRACKETS_RE = re.compile(r"[\[(]\s*[\])](?:\s*[\[(]\s*[\])])*")  # starts at a bracket: linear


_BEFORE_ASIDE_RE = re.compile(r"[,(\[{:;|\-–—]\s*$|\b(?:in|at|on)\s*$", re.I)

# a title that breaks off: "... for", "... Session-based" (a new bold line goes on with it; "**NeurIPS 2017**",
# "**Oral**" or a line of names under a finished title does not)
_UNFINISHED_RE = re.compile(r"(?:\b(?:of|for|and|in|on|with|to|the|a|an|via|from|by|or)|-[a-z]+)$")

_COMMA_RE = re.compile(r",\s+|，\s*")  # and a full-width comma: "Title，Ann Lee 等，NeurIPS 2020"
_COMMA_STATUS_RE = re.compile(r"(?<!\s)\s*,\s*(?:accepted|published|to\s+appear|appearing)\s+(?:by|to|at|in|as)\s.*$")
_STRUCK_RE = re.compile(r"~~([^~]{8,300})~~")
_QUOTED_RE = re.compile(r"[\"“”„«]([^\"“”„«»]{8,300})[\"“”»]|‘([^‘’]{8,300})’"  # not "Don’t"; «T», „T“;
                        # title marks opening the text, then no more of a sentence: "《Title》 ...", not "「X」を..."
                        r"|^[《「『]([^《》「」『』]{2,300})[》」』](?=$|[\s,，.。:：;；\-–—|(（\[]"
                        r"|[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+)?\s*(?:et\s+al|[,&(]|and\b))")  # "「T」Song et al."

# "Why Does Foo Work? In *ICML 2019*": a venue after "In" ends a title that ends with ? or ! (spaces as above)
CLAUSE_SPLIT_RE = re.compile(r"(?<!\s)\s+(?:[-–—|·•]|//(?=\s[^/]{1,80}?\.\s+[—–-]\s))\s+"  # GOST: "T // V. — 2023"
                             r"|(?<=\))\s+[:：]\s+|(?<!\s)\s*[|\u2028]\s*|[|\u2028]\s*"
                             r"|\.(?:(?<!\b[A-Z]\.)\s+(?=[A-Z]|ar[Xx]iv\b)"  # "Title. Names", not "J. Ho"
                             # names in another script after a title in Latin's ("Title. Иван Петров", "Title. 马磊")
                             r"|(?<=[a-z]\.)(?<!\.[a-z]\.)(?<!etc\.)\s+(?=[А-ЯЁ\u4e00-\u9fff\uac00-\ud7af]|[À-ÖØ-Þ][a-zà-ÿ]+\s[A-ZÀ-ÖØ-Þ]))"
                             r"|,\s+(?=by\s+[A-Z])|(?<=[?!])\s+(?=In\s+(?:[A-Z]\S*[A-Z]|Proc))")  # "//": GOST's
_INITIALS_RE = re.compile(r"\b[A-Z]\.|\b[A-Z][a-z'’\-]+ [A-Z]{1,3}\b")  # "J. Ho", "Ho J", "Ye JC"
_TITLE_HEAD_RE = re.compile(r"[A-Z0-9][\w'’\-]*(?: (?:[A-Z0-9][\w'’\-]*|a|an|the|of|for|and|in|on|to|with|via|by))+"
                            r": [A-Z]")


def _whole_title(said: str, name: str) -> bool:
    """The text after ``**Name**:`` is a whole title, with a head of its own: it opens with the name
    (``SiT: Exploring ...``) or with words in title case and a colon (``Representation Alignment for Generation:
    Training ...``), not a description (``Node-based UI: drag, drop and run``)."""
    if re.search(r"[.:：,;]", name) or ": " not in said:
        return False
    return said.lower().startswith(name.strip().lower() + ":") or bool(_TITLE_HEAD_RE.match(said))


_PREPRINT_ID_RE = re.compile(r"\b(arXiv\s+(?:preprint|e-prints?)|CoRR)[\s,]*+(?:arXiv\s*+[:：]?\s*+|abs/)?"
                             r"\d{4}\.\d{4,5}(?:v\d+)?\b")


def _start_text(line: Line, col: int) -> str:
    """What stands before column ``col`` of a line, past markers, leading asides, badges and links whose
    text is only a label (``[[paper](url)] **Title**``)."""
    cut = [lk for lk in line.links if lk.col < col and (lk.bare or lk.image or link_title(lk.text) is None)]
    cut += tag_spans(line, col)  # "`NEW` Title", "**HOT** [Title](url)": tags, not the title
    text = _EMPTY_BRACKETS_RE.sub(" | ", cut_links(line, cut, "", col))  # where a label stood, a clause ends
    if ("rXiv" in text and "print" in text) or "CoRR" in text:  # "Title. arXiv preprint arXiv:2207.12598 (2022)",
        text = _PREPRINT_ID_RE.sub(r"\1", text)  # dblp's "CoRR abs/2207.12598": the id is a citation's venue, which
        # it ends, not a clause of its own
    # so does an identifier: "arXiv:2306.00002 - Title", "doi: 10.1000/x Title"
    return lead_text(TEXT_DOI_RE.sub(" | ", TEXT_ARXIV_RE.sub(" | ", text)))


_NAMED_QUOTE_RE = re.compile(r"(?:\s*[:：\-–—]\s*|\s+)[\"“'‘]([^\"“”'‘’]{8,300})[\"”'’]")  # not "**DDPM**'s"
_NAME_AGAIN_RE = re.compile(r"\s+[-–—]\s+([^:：\n]{1,40}):\s+([^|·•\n]{3,300}?)(?=\s+[-–—|·•]\s|\s*$)")
_ASIDE_AT_RE = re.compile(r"\s*[(\[]([^()\[\]]{1,40})[)\]]")


def _past_aside(line: Line, end: int) -> int:
    """Where ``line`` goes on after column ``end`` and an aside there that is only a venue or a date."""
    m = _ASIDE_AT_RE.match(line.text, end)
    return m.end() if m and only_venue_or_date(m.group(1)) else end


def _give_citation(f: Fields, c: Citation | None) -> bool:
    """Names, year, title and venue of a citation written out (:func:`read_citation`); True when its title was
    taken."""
    if c is None or re.fullmatch(r"\s*[\[(【][^\[\]()【】]*[\])】]?\s*", c.title or ""):
        return False  # "**Title**. Ann Lee. 2023. [Citations: 97]": an aside after a citation is no title
    f.cited_style = c.style
    how = f"{c.style}-style citation"
    f.give("authors", c.authors, f"names of an {how}")
    f.give("year", c.year, f"year of an {how}")
    if not give_title(f, clean_title(c.title) or None, f"title of an {how}"):
        return False
    f.give("venue", c.venue, f"venue of an {how}")
    return True


# a year, a colon and more words: the title goes on ("Diffusion Models in 2023: A Survey"), no "(CVPR 2023)" aside
_YEAR_GOES_ON_RE = re.compile(r"\s*(?:19|20)\d\d\s*[:：]\s*([^\W\d_].*)")


def _goes_on_past_a_year(cut: str, aside: str) -> bool:
    """``cut`` + ``aside`` is one title with a year inside it (``Diffusion Models in 2023: A Survey``), not a
    title then its date (``Title, 2023: Oral``, ``Title, 2023: Code Released``): the year follows a word, and
    two title-cased words or more follow its colon."""
    m = _YEAR_GOES_ON_RE.match(aside)
    if m is None or cut.rstrip().endswith((",", ";", "(", "[", "-", "–", "—", "|")):
        return False
    rest = m.group(1).strip(" .")
    return (len(rest.split()) >= 2 and title_cased(rest) and not only_venue_or_date(rest)
            and not _STATUS_WORDS_RE.search(rest))


_STATUS_WORDS_RE = re.compile(r"(?i)\b(?:version|release[ds]?|code|oral|spotlight|poster|accepted|updated?|"
                              r"camera[- ]ready|preprint|slides|video|talk)\b")
# where what follows a quoted phrase ends: a mark ending a clause, an aside, a link's bracket
_CLAUSE_END_AFTER_QUOTE_RE = re.compile(r"[,;.(\[|–—]|\s-\s|$")


def _work_name_clause(clause: str) -> bool:
    """A clause of a word or two that may name a work (``Sora``; see
    :func:`~diffdata.parse.headingwork.short_work_name`), letters only, and no label or surname (not ``Ch. 3``,
    ``Note``, ``Holm``)."""
    text = clean_space(clause).strip(" .,;:*_")
    return (bool(re.fullmatch(r"[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*)?", text)) and short_work_name(text)
            and not POST_LABEL_RE.match(text + " :x") and not cited_surname(text))


def _part_of_a_title(text: str, start: int, end: int) -> bool:
    """The quoted phrase at ``start:end`` of ``text`` opens or sits in a longer title rather than being the title
    of a citation or a sentence: it opens the text and a title-cased subtitle of three words or more follows its
    colon (``“Just Add Lemurs”: A Simple Baseline``; not ``"Title": Ann Lee, Bo Chan`` or ``"Title": Official
    Code``), or one capitalised word stands before a quoted word or three and title-cased words follow after a
    word in lower case (``The ‘Counting’ in Counting Lemurs``; not ``Our paper "Title" is accepted``)."""
    before = clean_space(text[:start]).strip(" *_")
    if (tag := re.fullmatch(r"[【\[(（]([^】\])）]{1,40})[】\])）]", before)) and only_venue_or_date(tag[1]):
        before = ""  # "【ICLR 2021】“Title”: Subtitle": a venue's tag opens it
    after = text[end:]
    if not before and (colon := re.match(r"\s*[:：]\s*", after)):
        tail = after[colon.end():]
        tail = tail[:_CLAUSE_END_AFTER_QUOTE_RE.search(tail).start()].strip()
        return (len(tail.split()) >= 3 and title_cased(tail) and not looks_like_names(tail)
                and not is_name_list(tail) and not only_venue_or_date(tail))
    inner = text[start + 1:end - 1]
    if not (before.isalpha() and before[:1].isupper() and 0 < len(inner.split()) <= 3 and re.match(r"\s+[a-z]", after)):
        return False
    tail = after[:_CLAUSE_END_AFTER_QUOTE_RE.search(after).start()].strip()
    words = tail.split()
    return len(words) >= 3 and title_cased(" ".join(words[1:])) and not find_venues(tail)


def read_title(seg: Segment, f: Fields, used: dict[int, str]) -> int:
    """Find the title; return the index of the last line it used (-1 when none)."""
    lines = seg.lines
    if seg.cells:
        return cell_title(seg, f)
    if not lines:
        return -1
    if seg.layout == "prose":
        return prose_title(seg, f)
    if seg.label_lines:
        return post_title(seg, f, used)
    if (over := around.names_over_bold_title(lines)) and give_title(f, clean_title(over[1]), "bold line under names"):
        f.give("authors", split_authors(over[0]), "the line of names over the title")  # a lab's page
        return 1
    head = lines[0]
    starts: dict[int, str] = {}

    def start_text(col: int) -> str:
        """``_start_text(head, col)``, read once a column (asked up to five times an entry)."""
        if col not in starts:
            starts[col] = _start_text(head, col)
        return starts[col]

    named = min([*head.bold[:1], *head.italic[:1]], default=None)  # a name of a word or three, then a quoted title:
    if (named and len(named[1].split()) <= 3 and not start_text(named[0])  # '**RT-1**: "RT-1: Robotics ..."'
            and (m := _NAMED_QUOTE_RE.match(head.text, named[0] + len(named[1]))) and title_cased(m.group(1))
            and give_title(f, clean_title(m.group(1)) or None, "quoted title after a name")):
        return 0
    if head.bold and not start_text(head.bold[0][0]) and _give_citation(f, read_citation(label_cut(head))):
        return 0  # "**Isolation Forest**. Liu, F. and Ting, K., 2008. Isolation forest. In *ICDM*": a method's name
    # a bold run that opens the entry, joined over the lines it wraps onto (not an aside **[CVPR 2023]** or label)
    link_starts = {lk.col for lk in head.links if not lk.image}
    runs = next(([r] for r in head.bold if not only_venue_or_date(r[1].strip(" []()"))  # the first such run
                 and not BRACKETED_RE.fullmatch(r[1]) and not is_tag(r[1]) and not names_the_link(head, *r)
                 and not IDENTIFIER_TEXT_RE.fullmatch(r[1].strip())  # "**arXiv:2206.00364** · Title"
                 and not _POSTER_NUMBER_RE.fullmatch(r[1])  # "**#1945** Title": a poster's number
                 and not _labels_a_link(head, r, link_starts)  # "**Day 1 — 2024-03-01**: [Title](..)"
                 and not among_names(head, r[0]) and r[1].strip(" :：").lower() not in TITLE_LABELS), [])
    if runs:
        col, text = runs[0]
        if (not start_text(col) or _ACTION_LABEL_RE.fullmatch(start_text(col))) and not text.strip().endswith(
                (":", "：")) and not RATING_RE.fullmatch(
                text.strip()):
            parts, end = [text], 0
            if col + len(text) >= len(head.text.rstrip(" \\")):
                for i in range(1, len(lines)):
                    ln = lines[i]
                    # the run goes on, or a new one opens the next line while the title has not ended
                    # ("**A Model for Session-based**" / "**Recommendation.** AAAI, 2019.")
                    if ln.bold and ln.bold[0][0] == 0 and (
                            ln.bold_continues or _UNFINISHED_RE.search(parts[-1].rstrip())
                            or re.match(r"[a-z]", ln.bold[0][1].strip())):  # "**for Session-based ...**"
                        parts.append(ln.bold[0][1])
                        end = i
                    else:
                        break
            past = _past_aside(head, col + len(text)) if len(text.split()) <= 4 else col + len(text)  # a name's
            # venue before its title: "**AudioLDM** (ICML 2023) — Title" (a whole bold title's is its own)
            if end == 0 and (after := title_after_name(head, text, past)):
                parts = [after]  # "**DDIM** — Denoising Diffusion Implicit Models. Song, ...": the bold a name
            elif end == 0 and past == col + len(text) and (more := bold_part_continuation(head, text, past)):
                parts = [f"{text} {more}"]  # "**Denoising Diffusion** Restoration Models": the bold a part of it
            elif end == 0:
                more = named_continuation(head, past)
                more = more if past == col + len(text) or title_cased(more) else ""  # not "(ICLR 2024): Adds ..."
                said = more.lstrip(" :：")  # "**SiT**: SiT: Exploring ...", "**REPA**: Representation Alignment
                # for Generation: Training ...": a title of its own after the name, which is the list's for it
                parts = [said] if _whole_title(said, text) else [text + more]
            if give_title(f, clean_title(lead_text(" ".join(parts))) or None, "bold text"):
                return end
    # a link that opens the entry (unless it is the first author's: "[Ann Lee](wiki/Ann_Lee) (1994). *Title*.")
    lead = next((lk for lk in head.links if not lk.image), None)
    if lead is not None and not start_text(lead.col) and (c := read_citation(lead_text(head.text))) and (
            clean_space(lead.text) in c.authors and _give_citation(f, c)):
        return 0
    intro = start_text(lead.col) if lead is not None else ""
    if (lead is not None and not intro and len(lead.text.split()) <= 2 and is_paper_url(lead.url)
            and not is_label(lead.text)  # "[DreamBooth](arxiv) - DreamBooth: Fine Tuning ..." (not a page's tagline)
            and (m := _NAME_AGAIN_RE.match(head.text, link_end(lead))) and m.group(1) == lead.text.strip()
            and title_cased(m.group(2))  # not "[DDPM](..) - DDPM: an easy read for beginners"
            and give_title(f, clean_title(f"{m.group(1)}: {before_venue(m.group(2)).rstrip(' ,([')}") or None,
                           "the title after a linked name")):
        return 0  # "[Objaverse](arxiv) - Objaverse: A Universe of Annotated 3D Objects (CVPR 2023) - ..."
    if lead is not None and around.only_an_aside(intro) and (not intro or is_paper_url(lead.url)) and \
            not lead.url.startswith("#") and (give_title(f, (t := (link_title(lead.text) or (
                None if around.names_described(head, lead) else phrase_title(lead.text)))) and (
                link_title(lead.text + link_continuation(head, lead)) or t), "link text")
            or (names_only_its_code(seg, lead) and give_title(
            f, clean_title(lead.text), "a repository's name (what follows describes it)"))):
        return 0
    if lead is not None and not intro and (implemented := implemented_title(seg, lead)) and give_title(
            f, clean_title(implemented) or None, "what a repository's description says it implements"):
        return 0
    if lead is not None and (named := _names_around_link(head, lead, intro)) is not None:
        f.give("authors", split_authors(named), "names before the linked title") if named else None
        return 0 if give_title(f, clean_title(lead.text), "link text (names around it)") else -1
    if (lead is not None and (intro.endswith((":", "：")) or around.introduces(intro) or tags_the_link(intro, lead))
            and len(intro.split()) <= 12 and not lead.url.startswith("#")
            and give_title(f, link_title(lead.text), "link text after an introduction")):
        return 0  # "Our survey paper on MedIA: [Title](url)", "2024-01 🎉 Our paper [Title](url) is accepted"
    # a quoted title: Author, "Title", Venue
    text_before = text_outside_links(head)
    quoted = '"' in text_before or "“" in text_before or (  # Harvard's "(2020) 'Title'" after ") "
        ("'" in text_before or "‘" in text_before) and ") " in text_before)
    if quoted and _give_citation(f, read_citation(lead_text(text_before))):
        return 0  # '[3] A. Lee and B. Chan, "Title," in Proc. ICRA, 2019.': a citation in IEEE style (or Harvard's)
    if (struck := _STRUCK_RE.match(lead_text(text_before))) and give_title(f, clean_title(struck[1]), "struck text"):
        return 0  # "- [x] ~~Title~~ ✔️ finished 2024-03-10": a tracker's finished entry; what follows is its status
    q = _QUOTED_RE.search(text_before) or _QUOTED_RE.search(lead_text(text_before))
    if q and not _part_of_a_title(q.string, q.start(), q.end()) and give_title(
            f, clean_title(q.group(1) or q.group(2) or q.group(3)) or None, "quoted text"):
        return 0
    if head.italic:
        col, text = head.italic[0]
        named = start_text(col).strip(" ,;:")  # "J. Ho, A. Jain, P. Abbeel, *Title*, NeurIPS 2020": names before it
        named = named[:-1] if named.endswith(".") and "., " not in named else named  # "Lee A, Chan B." (Vancouver)
        # names written with initials ("J. Ho", "Ho J"), not tags or places ("Must Read, Stanford, MIT"), before a
        # title of three words or more
        named = named if named and "," in named and _INITIALS_RE.search(named) and is_name_list(named) and len(
            text.split()) >= 3 and text.strip()[:1].isupper() else ""
        if ((not start_text(col) or named) and not looks_like_names(text) and not venue_tag(text)
                and not IDENTIFIER_TEXT_RE.fullmatch(text.strip()) and text.strip(" :").lower() not in READING_LABELS
                and f.give("title", clean_title(text) or None, "italic text")):
            f.give("authors", split_authors(named), "names before the italic title") if named else None
            return 0
    # news of a paper named in bold or italics inside a sentence, its links labels ("New preprint: *Title* is on
    # [arXiv](..).", "Our paper **Title** is accepted to CVPR 2024! [[arXiv](..)]"): the run is the title
    named_runs = [t for _, t in head.bold + head.italic if len(t.split()) >= 2 and title_cased(t)
                  and not only_venue_or_date(t.strip(" []()")) and not looks_like_names(t)]
    if (len(named_runs) == 1 and head.links and all(lk.image or is_label(lk.text) for lk in head.links)
            and is_sentence(text_outside_links(head)) and give_title(f, clean_title(named_runs[0]) or None,
                                                                    "a bold or italic name in a sentence of news")):
        return 0
    # the first clause of the first line
    linked = min([lk.col for lk in head.links if not lk.image and link_title(lk.text)]  # a titled link
                 + [len(head.text)])
    linked = around.after_the_labels(head) if linked == len(head.text) else linked  # "Title [[paper]](..) NEW"
    tags = {lk.col for lk in tag_spans(head, linked)}  # a venue in code after the title ends it: "Title `ICLR'24`"
    stop = min([c for c, run in head.italic if c > 0 and leading_names(run)]  # or italic names: "..., *Ma et al.*"
               + [c for c, run in head.code if c > 0 and c not in tags and only_venue_or_date(run)] + [linked])
    quals = [(c, run) for c, run in head.code if 0 < c < stop and QUALIFIER_RE.fullmatch(run.strip())]
    if quals:  # "Millet Nets `Oral`": a qualifier in code ends the title, and is read as its aside
        stop, f.title_aside = quals[0][0], f.title_aside or quals[0][1].strip()
    start = start_text(stop)
    if (ENDS_IN_A_PREPOSITION_RE.search(start.rstrip()) and len(lines) > 1
            and not any(lk.col == 0 for lk in lines[1].links)):
        nxt = lines[1]  # "Learning on Unordered Point Sets for" / "3D Generation <br> [CVPR 2021](url)"
        start = f"{start.rstrip()} {_start_text(nxt, min([lk.col for lk in nxt.links] + [len(nxt.text)]))}"
    # "Falk, J., and Lee, B. (1998). Title. Journal, 46(6), 603-616." (APA) or "Falk, J. and Lee, B., 1998.
    # Title. Journal, 46(6)." (Harvard): a citation written out
    cited = start_text(linked) if linked > stop else start  # "Lee, A., 2011. Title. *Stat. Sci.*"
    if _give_citation(f, read_citation(cited)):
        return 0
    clauses = CLAUSE_SPLIT_RE.split(start)[:3]
    for n, clause in enumerate(clauses):
        nxt = clauses[n + 1].strip(" .") if n + 1 < len(clauses) else ""
        if 0 < len(clause.split()) <= 3 and nxt.startswith(clause.strip() + ":"):
            continue  # "HunyuanVideo — HunyuanVideo: A Systematic Framework ...": the name, then the whole title
        if ": " in clause and not POST_LABEL_RE.match(clause):
            before, after = clause.split(": ", 1)
            if after.startswith(before.strip() + ": "):
                before, after = after.split(": ", 1)  # "AnimateDiff: AnimateDiff: Animate ...": the name twice
                clause = f"{before}: {after}"
            elif len(named := before.split()) == 2 and named[0] == named[1] and METHOD_MARK_RE.search(named[0]):
                before, clause = named[1], f"{named[1]}: {after}"  # "`GLIGEN` GLIGEN: Open-Set ...", not "Knock Knock"
            if is_name_list(after) or only_venue_or_date(after):
                clause = before
            elif is_name_list(before) and (
                    "et al" in before or all(len(n.split()) >= 2 for n in re.split(r",|\band\b|&", before)
                                             if n.strip())):  # not "Don't Generate, Discriminate: A Proposal"
                f.give("authors", split_authors(before), "names before the title")  # "Doe, et al.: Title"
                clause = after
        alone = not "".join(clauses[n + 1:]).strip(" .,;")  # nothing after this clause can be the title
        for k, m in enumerate(islice(_COMMA_RE.finditer(clause), 3) if not f.authors else ()):
            rest = clause[m.end():]
            rest = rest.split("，", 1)[0] if m.group(0)[0] == "，" else rest  # "Ann Lee 等，神经信息处理系统大会"
            head, names = clause[: m.start()].strip(), before_venue(rest).strip(" .,;，").rstrip(" ([")
            dated = re.fullmatch(r"\s*[(\[]\s*\d{4}\s*[)\]]", rest.strip(" .,;")[len(names):])  # "A, B (2021)"
            if head.count("(") == head.count(")") and names_after_title(  # not "Title (Ann Lee, Bo Chan; ...)"
                    head, names, k == 0 and alone, not dated and len(names) < len(rest.strip(" .,;"))):
                f.give("authors", split_authors(names), "names after the title")
                clause = clause[: m.start()]
                break
        if (nxt and not f.authors and not f.title and reads_as_two_phrases(clause.strip(" ")) and is_name_list(nxt)
                and not reads_as_two_phrases(nxt)):  # "Hide and Seek. Ann Lee, Bo Chan."
            f.give("title", clean_title(clause), "first clause (a list of names follows it)")
            return 0
        if (n == 0 and nxt and not f.authors and not f.title and 0 < len(clause.split()) <= 2 and is_name_list(nxt)
                and len(clauses) > 2 and only_venue_or_date(clauses[2].strip(" .")) and _work_name_clause(clause)):
            f.give("title", clean_title(clause), "first clause (names and a venue follow it)")  # "Sora. Ann Lee,
            return 0  # Bo Chan. ICLR 2021.": a work's name of a word or two, then its authors and its venue
        if (nxt and not f.authors and not f.title and looks_like_names(clause.strip(" "))
                and (is_name_list(clause.strip(" .")) or (start.startswith(clause.strip() + ". ")
                                                           and not is_name_list(nxt)))):  # not "Dream Fusion.
            # Ben Poole, Ajay Jain.": one name-like clause before a list of names is the title
            f.give("authors", split_authors(clause), "names before the title")  # "David Chiang. Title. ACL 2005."
            continue
        if (m := CITED_AS_RE.search(clause)) and cites(m.group(1)):
            clause = clause[: m.start()]  # "Title (Smith et al., 2019).": the aside names the authors
        clause = _COMMA_STATUS_RE.sub("", clause)  # "Title, accepted by CVPR2023, paper: ..."
        if status := cut_status(clause):
            clause = status[0]  # "Title (Accepted by CVPR 2023)": the status is no part of it
        cut = before_venue(clause)
        aside = clause[len(cut):]
        if (cut.strip() and only_venue_or_date(aside.strip(" ,.;()[]"))
                and (_BEFORE_ASIDE_RE.search(cut) or YEAR_RE.search(aside)) and not _goes_on_past_a_year(cut, aside)):
            clause = cut  # "Title, ICCV 2023": the venue is an aside (not "... with Neural Networks")
            head_, _, org = cut.rstrip(" ,;").rpartition(",")
            clause = head_ if head_.strip() and is_organisation(org) else clause  # "Title, Stability AI, 2023"
        clause = clean_title(lead_text(clause))
        if only_venue_or_date(clause):
            continue  # "2023.06 | Title": the date is an aside; the title is the next clause
        if reads_as_two_phrases(clause) and around.YEAR_ALONE_RE.fullmatch(aside):
            break  # "Ho and Salimans, 2022. [paper](..)": two names and a year, cited
        if (clause and not POST_LABEL_RE.match(clause + " :x") and is_title_clause(clause)
                and give_title(f, clause, "first clause")):
            return 0
        break
    return -1


def _labels_a_link(line: Line, run: tuple[int, str], link_starts: set[int]) -> bool:
    """Bold text with a number (a day, a date) before a colon and a link (``**Day 1 — 2024-03-01**: [Title](..)``)
    labels that link, which is the title (``**Score Matching Revisited**: [Read it on Medium](..)`` is not)."""
    m = _COLON_RE.match(line.text, run[0] + len(run[1]))
    return m is not None and m.end() in link_starts and any(map(str.isdigit, run[1]))


_COLON_RE = re.compile(r"\**\s*[:：]\s*")
# a short label before a bold title, its words after the first in lowercase ("Add paper: **Title**", "See also:");
# not a method's name ("NeRF: **Representing Scenes ...**", "Imagen Video: **...**")
_ACTION_LABEL_RE = re.compile(r"[A-Za-z][a-z]*(?:\s[a-z]+){1,2}\s*[:：]")
_POSTER_NUMBER_RE = re.compile(r"\s*(?:#|No\.\s?)\d{1,6}\s*")
_CLOSING_QUOTE_RE = re.compile(r"[.,]?[\"”]")


def _names_around_link(head: Line, lead: Link, intro: str) -> str | None:
    """A paper's link between names: its text is the title. ``Ann Lee, Bo Chan, and Cy Dee. [Title](url).``
    gives the names before it (returned); ``[Think Twice, Draw Once](arxiv) - Ann Lee, Bo Chan``, whose text
    reads as names too, gives "" (the names after it are read as authors). None otherwise."""
    if intro.endswith(('"', "“")) and _CLOSING_QUOTE_RE.match(head.text, link_end(lead)):
        intro = intro[:-1].rstrip()  # 'Ho et al., "[Title](url)." NeurIPS 2020': the title quoted
    names, dated = around.cited_names(intro)  # "Ann Lee, Bo Chan (2023). [Title](url)", "(Wang et al., 2022) [T](..)"
    alone = 2 <= len(names.split()) <= 3 and (intro.rstrip().endswith(".") or (  # "Mira Holloway. [Title](url)"
        intro.rstrip().endswith((",", ":", "：")) and is_one_person(names) and not names_a_method(names)))
    if names and link_title(lead.text) and (is_name_list(names) or ((dated or alone) and looks_like_names(names))) \
            and not re.search(r"[(\[]", names):
        return names
    after = CLAUSE_SPLIT_RE.split(text_outside_links(head).strip(" -–—:,"))[0].strip(" .,;")
    if (not intro and is_paper_url(lead.url) and link_title(lead.text) is None and is_name_list(clean_title(lead.text))
            and after and is_name_list(after)):
        return ""
    return None
