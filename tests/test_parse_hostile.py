"""Hostile input for the parser's regexes (runs of white space, repeated empty brackets) and titles a code review
found misread as prose or as a folding label. Each hostile input is read under :func:`finishes`, a watchdog: a
regex that backtracks over a quadratic number of steps fails the test instead of hanging it (no timing claim)."""

from __future__ import annotations

try:
    from deadline import finishes
    from parse_rows import fields, parse
except ImportError:  # tests/ imported as a package
    from tests.deadline import finishes
    from tests.parse_rows import fields, parse

from diffdata.parse.celltitle import _BREAK_SPLIT_RE
from diffdata.parse.paragraphs import _PARTS_RE
from diffdata.parse.titles import CLAUSE_SPLIT_RE
from diffdata.parse.titletext import clean_title

N = 100_000


# -- 1. runs of white space before a separator ----------------------------------------------------------------


def test_a_long_run_of_spaces_in_a_cited_line_is_read_in_linear_time() -> None:
    text = "Foo Bar Models for Baz" + " " * 20000 + "x, ICLR 2024 [[paper](https://example.com/a)]\n"
    with finishes():
        assert fields(text, "venue", "year") == [("ICLR", 2024)]


def test_the_clause_and_part_splits_are_linear_on_runs_of_white_space() -> None:
    hostile = ["x" + " " * N + "y", "x" + " \u2028" * (N // 2) + "y", "(x)" + " " * N + "y", "x?" + " " * N + "y",
               "x," + " " * N + "y", "x." + " " * N + "y", "x" + " \t" * (N // 2)]
    with finishes():
        for s in hostile:
            for regex in (CLAUSE_SPLIT_RE, _PARTS_RE, _BREAK_SPLIT_RE):
                regex.split(s)


def test_the_splits_still_cut_at_their_separators() -> None:
    assert CLAUSE_SPLIT_RE.split("Title  -  Ann Lee | ICLR 2024") == ["Title", "Ann Lee", "ICLR 2024"]
    assert CLAUSE_SPLIT_RE.split("A | B |C") == ["A", "B", "C"]
    assert _PARTS_RE.split("Title · Ann Lee, Bo Chan. ICLR") == ["Title", "Ann Lee", "Bo Chan", "ICLR"]
    assert _BREAK_SPLIT_RE.split("a \u2028 b\u2028c") == ["a", "b", "c"]


def test_a_paragraph_of_spaces_and_separators_is_read_in_linear_time() -> None:
    for filler in (" |", " -", " \u00b7", "( ) ", "[ ] ", " ,", " \u2028|"):
        text = "Foo Bar" + filler * (N // len(filler)) + " ICLR 2024 [[paper](https://example.com/a)]\n"
        with finishes():
            parse(text)
            parse("- " + text)


# -- 2. empty brackets at a title's end ------------------------------------------------------------------------


def test_many_empty_brackets_in_a_title_are_cleaned_in_linear_time() -> None:
    with finishes():
        assert clean_title("x " + "( ) " * 25000 + "y") == "x " + "( ) " * 24999 + "( ) y"
        assert clean_title("Title" + " ( , )" * N) == "Title"
        assert clean_title("x " + "(" * N + " y") == "x " + "(" * N + " y"


def test_empty_brackets_left_by_label_links_are_still_removed() -> None:
    assert clean_title("Foo Bar Fields [] (, )") == "Foo Bar Fields"
    assert clean_title("Foo Bar Fields [ | ]  ( / ) ") == "Foo Bar Fields"
    assert clean_title("Foo (Bar) Fields") == "Foo (Bar) Fields"
    assert clean_title("Foo [x] ()") == "Foo [x]"


# -- 4. a <summary> that titles a work is no folding label ----------------------------------------------------


def test_a_summary_title_starting_with_open_or_view_titles_its_work() -> None:
    for title in ("Open Sora Plan", "View Synthesis Transformers"):
        md = f"""\
        <details><summary>{title}</summary>

        [[paper](https://arxiv.org/abs/2401.00001)] [[code](https://github.com/a/b)]

        Ann Lee, Bo Chan

        </details>
        """
        assert fields(md, "title") == [(title,)]


def test_folding_labels_are_still_no_title() -> None:
    from diffdata.parse.details import _UNFOLD_RE
    for label in ("Show more", "Click to expand", "View details", "See abstract", "Expand", "Open", "Show all"):
        assert _UNFOLD_RE.fullmatch(label), label
    for title in ("Open Sora Plan", "View Synthesis Transformers", "See Through Walls"):
        assert not _UNFOLD_RE.fullmatch(title), title


# -- 3. a title with "are", "is", "will" is no sentence -------------------------------------------------------


def test_a_cited_title_with_a_verb_is_no_sentence() -> None:
    md = ("Language Models are Few-Shot Learners, Tom Brown et al., NeurIPS 2020 "
          "[[paper](https://example.com/p.pdf)] [[code](https://github.com/a/b)]\n")
    assert fields(md, "title", "venue", "year") == [("Language Models are Few-Shot Learners", "NeurIPS", 2020)]
    md = "Attention is All You Need, Ann Lee et al., NeurIPS 2017 [[paper](https://example.com/q.pdf)]\n"
    assert fields(md, "title", "venue") == [("Attention is All You Need", "NeurIPS")]


def test_an_announcement_with_a_verb_stays_prose() -> None:
    from diffdata.parse.clauses import is_sentence
    assert is_sentence("The code is available at CVPR 2023")
    assert is_sentence("Code is available, ICLR 2024")
    assert not is_sentence("Diffusion Models are Minimax Optimal, ICLR 2024")


def test_the_sentence_test_is_linear_on_many_verbs() -> None:
    from diffdata.parse.clauses import is_sentence
    with finishes():
        assert not is_sentence("A is. " * (N // 6))
        assert not is_sentence("A are B " * (N // 8))
        assert is_sentence("A " * (N // 2) + "code is here")


def test_names_handles_and_asides_after_a_long_run_of_spaces_are_read_in_linear_time() -> None:
    """The whole paragraph of 100k spaces (names.HANDLE_RE, CITED_AS_RE, 'et al.', shapes.opens_with_names took
    minutes: each position of the run was a new start)."""
    for text in ("Foo Bar Models for Baz" + " " * N + "x, ICLR 2024 [[paper](https://example.com/a)]\n",
                 "- [T](https://arxiv.org/abs/2301.00001) Ann Lee" + " " * N + "et al.\n",
                 "- [T](https://arxiv.org/abs/2301.00001) - Ann Lee" + " " * N + "(@handle)\n",
                 "- [T](https://arxiv.org/abs/2301.00001) (Ann Lee" + " " * N + ", 2021)\n",
                 "Ann Lee, Bo Chan" + " " * N + "· 2021 · [paper](https://arxiv.org/abs/2301.00001)\n",
                 # the names line under a bold title (authors._NAMES_END_RE, _NAMES_STOP_RE: 215 s at 200k)
                 "- **Foo Bar Models**<br>\n  Ann Lee," + " " * (2 * N) + "x<br>\n  [[Paper]](https://arxiv.org/abs/2301.00001)\n",
                 "- [T](https://arxiv.org/abs/2301.00001) Authors: Ann Lee," + " " * N + "x [code](https://a.org)\n",
                 # the other languages' joiners and "et al." (names.in_english)
                 "- [T](https://arxiv.org/abs/2301.00001) — Ann Lee," + " " * N + "y Bo Chan et. al.\n",
                 # the names a page left out, "+2 authors" (names._LEFT_OUT_RE: 59 s at 5k)
                 "[T](https://arxiv.org/abs/2301.00001)\nAnn Lee," + " " * N + "+ Bo Chan\n"):
        with finishes():
            parse(text)
    # and the same line without the run is read as before
    assert fields("- [Foo Models](https://arxiv.org/abs/2301.00001) - Ann Lee et al. (@ann)\n", "title", "authors") == [
        ("Foo Models", ["Ann Lee"])]


def test_the_runs_an_audit_of_every_pattern_found_are_read_in_linear_time() -> None:
    """A review of every pattern and loop of the parser (session 15) found these inputs super-linear: a run after
    a link read as a venue's year (venues._YEAR_IN_NAME: over 60 s at 80k characters), a run of "*" in a bold
    title (titletext._END_MARKS_RE: 53 s), "@handles" before a title's end ("et al." after the spaces they left:
    20 s), a host of 40k labels (each of its suffixes hashed: 12 s), many <a href> on one raw HTML line (each
    column from the line's start), many headings (the rest of the document copied for each), "<code>x" then
    many "</code>"."""
    u = "https://arxiv.org/abs/2301.00001"
    for text in (f"- [Quiet Anchors for Things]({u}) " + "_" * N + "\n",
                 f"- [Quiet Anchors for Things]({u}) " + "-" * N + "\n",
                 "- **Quiet Anchors " + "*" * N + f" Things** [[paper]]({u})\n",
                 "- **Quiet Anchors " + "@a " * (N // 3) + f" Things** [[paper]]({u})\n",
                 "- https://" + "a." * (N // 2) + "com\n",
                 "<p>" + '<a href="https://github.com/a/b">x</a> ' * (N // 40) + "</p>\n",
                 "# H\n" * (N // 4),
                 "**Quiet Anchors for Things**\n\n" * (N // 30),
                 "- <code>x" + "</code>y" * (N // 8) + "\n"):
        with finishes():
            parse(text)


def test_what_those_patterns_read_is_read_as_before() -> None:
    assert fields("- [Quiet Anchors](https://arxiv.org/abs/2301.00001) (CVPR - 2023)\n", "venue", "year") == [
        ("CVPR", 2023)]
    assert fields("- **Quiet Anchors** [[paper]](https://arxiv.org/abs/2301.00001)\n", "title") == [("Quiet Anchors",)]
    assert fields("- [Quiet Anchors](https://arxiv.org/abs/2301.00001) Ann Lee  et  al. (ICLR 2024)\n",
                  "authors") == [(["Ann Lee"],)]


def test_bold_labels_before_links_are_read_in_linear_time() -> None:
    """Review 26 (session 16): each bold run before a colon and a link scanned every link of the line (9.9 s at
    400k characters, four times as long for twice the input); a set of the links' columns is made once a line."""
    text = "- " + "**a**: [b](https://x.org/u) " * 28_000 + "\n"  # 800k characters
    with finishes(20):
        parse(text)


def test_many_unclosed_angle_brackets_beside_names_are_read_in_linear_time() -> None:
    """``<[^>]*>`` (an HTML tag among names) scanned to the line's end from every ``<``: 64k of them took 6-9 s."""
    from diffdata.parse.names import looks_like_names, split_authors
    hostile = "Ann Lee " + "< " * N
    with finishes(20):  # 0.06 s for the two calls now, 28 s before
        looks_like_names(hostile)
        split_authors(hostile)
        parse("- [Quiet Flows for Speech](https://arxiv.org/abs/2301.00001) — " + hostile + "\n")
    assert split_authors("<b>Ann Lee</b>, <b>Bo Chan</b>") == ["Ann Lee", "Bo Chan"]  # tags still cut


def test_unbalanced_closers_and_spaced_out_names_are_read_in_linear_time() -> None:
    """Review 27: a title ending in many ``)`` or ``]`` was stripped one closer at a time, each recounting the
    title (70 s at 400k); a names clause with a run of spaces before a bracket was split from every space."""
    with finishes(30):  # about 1 s in all now
        for closer in (")", "]"):
            parse("- [Denoising Diffusion" + closer * N + "](https://arxiv.org/abs/2301.00001)\n")
        parse("- [T](https://arxiv.org/abs/2301.00001) - Ann Lee" + " " * N + "(@handle)\n")
        parse("| Title | Authors |\n|---|---|\n| Foo Models for Bars | Ann Lee" + " " * N + "x (MIT) |\n")


def test_many_lists_under_details_tags_are_read_in_linear_time() -> None:
    """Each such list is parsed alone and moved to its lines (not parsed after as many blank lines as stand before
    it, which grows with the square of the file)."""
    block = "<details>\n<summary>2022</summary>\n- [Alpha Paper Title Here](https://arxiv.org/abs/2201.00001) - Ann Lee\n</details>\n\n"
    with finishes():
        rows, _ = parse(block * 10_000)
    assert len(rows) == 10_000 and rows[-1]["line"] == 5 * 9_999 + 3 and rows[-1]["authors"] == ["Ann Lee"]


def test_note_fields_with_two_colons_are_rewritten_in_linear_time() -> None:
    from diffdata.parse.notesmarkup import _fields as _one_colon_fields

    for text in (" " * N + "a:: b", "- " + " " * N + "x::", "[a:: " * (N // 5), "x" + " [a:: b" * (N // 7) + "]",
                 ("- **Year**:: 2022\n" * (N // 18))):
        with finishes():
            _one_colon_fields(text)
    assert _one_colon_fields("- **Year**:: 2022\n") == "- **Year**: 2022\n"


def test_details_nested_through_quotes_in_items_are_read_in_linear_time() -> None:
    """A list under ``<details>`` is parsed alone once: the HTML blocks inside it are read as they are, not parsed
    again level by level (which grew with the square of the depth)."""

    def nest(d: int) -> list[str]:
        if d == 0:
            return ["- [Leaf Paper](https://x.org/leaf) - Ann Lee, ICML 2021"]
        return (["<details>", f"- [Paper {d}](https://x.org/{d}) - Ann Lee, ICML 2021"]
                + ["  > " + ln for ln in nest(d - 1)] + [f"- [Tail {d}](https://y.org/{d}) - Bo Chan, ICLR 2022"])

    text = "\n".join(nest(900)) + "\n"
    with finishes(20):
        parse(text)
