"""Citations in Springer's LNCS style (``Lee, A., Chan, B.: Title. In: ICLR (2022)``), in Vancouver style
(``Lee A, Chan B. Title. ICLR 2022.``) and in Nature's (``Lee, A. & Chan, B. Title. Nature 620, 1-9 (2023).``)
are read whole: names, title, venue and year; the names were part of the title. A journal's volume, issue and
pages are no part of its venue."""

from __future__ import annotations

import pytest

from diffdata.parse import parse_document
from diffdata.parse.citations import read_citation

PDF = "[pdf](https://arxiv.org/abs/2101.00001)"


@pytest.mark.parametrize(("line", "authors", "venue", "year"), [
    (f"- Okafor, M., Pell, J.: Quiet Anchors for Panoptic Things. In: ICLR (2022) {PDF}",
     ["Okafor, M.", "Pell, J."], "ICLR", 2022),
    (f"- Okafor, M.: Quiet Anchors for Panoptic Things. Journal of Quiet Learning 12(3), 1–10 (2019). {PDF}",
     ["Okafor, M."], "Journal of Quiet Learning", 2019),
    (f"- Okafor, M., Pell, J.: Quiet Anchors for Panoptic Things. In: Proceedings of the Quiet Conference, "
     f"pp. 1–10. Springer (2021) {PDF}", ["Okafor, M.", "Pell, J."], "Proceedings of the Quiet Conference", 2021),
    (f"- Okafor M, Pell J. Quiet Anchors for Panoptic Things. ICLR 2022. [{PDF}]", ["Okafor M", "Pell J"], "ICLR",
     2022),
    (f"- Okafor MA, Pell J, et al. Quiet Anchors for Panoptic Things. Nat Med. 2022;28(3):1-10. [{PDF}]",
     ["Okafor MA", "Pell J"], "Nat Med", 2022),
    ("1. Okafor M, Pell J. Quiet Anchors for Panoptic Things. In: *Advances in Neural Information Processing Systems*."
     " Vol 33. 2020:6840-6851. doi:10.48550/arXiv.2006.00001", ["Okafor M", "Pell J"],
     "Advances in Neural Information Processing Systems", 2020),  # AMA: a volume before the year
])
def test_names_before_the_title_are_its_authors(line: str, authors: list[str], venue: str, year: int) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", authors, venue, year)]


@pytest.mark.parametrize("text", [
    "Mira Okafor, Jon Pell. Quiet Anchors for Panoptic Things. ICLR 2022.",  # full names: not Vancouver
    "Note: read the quiet anchors paper first. It is short (2022)",  # no venue before the year
    "Okafor M, Pell J. Brief. ICLR 2022.",  # a title of fewer than eight characters
])
def test_other_text_is_no_citation_of_these_styles(text: str) -> None:
    c = read_citation(text)
    assert c is None or c.style not in ("LNCS", "Vancouver")


@pytest.mark.parametrize(("line", "authors", "venue", "year"), [
    ("- Okafor, M. & Pell, J. Quiet Anchors for Panoptic Things. *Nature Methods* 20, 47–60 (2023).",
     ["Okafor, M.", "Pell, J."], "Nature Methods", 2023),
    ("- Okafor, M., Pell, J. & Wu, C. Quiet Anchors for Panoptic Things. Nature 620, 47–60 (2023).",
     ["Okafor, M.", "Pell, J.", "Wu, C."], "Nature", 2023),
    ("- Okafor, M.-A. & Pell, J. K. Quiet Anchors for Panoptic Things. *Nat. Mach. Intell.* **5**, 10–20 (2023).",
     ["Okafor, M.-A.", "Pell, J. K."], "Nat. Mach. Intell.", 2023),
    ("- Okafor, M. et al. Quiet Anchors for Panoptic Things. *Nature* (2024).", ["Okafor, M."], "Nature", 2024),
    ("- Okafor, M., Pell, J., et al. Quiet Anchors for Panoptic Things. *Nature* (2024).",
     ["Okafor, M.", "Pell, J."], "Nature", 2024),
    ("- Okafor, M. Q. & Pell, J. Quiet Anchors for Panoptic Things. In Proc. 38th International Conference on "
     "Machine Learning 8162–8171 (PMLR, 2021).", ["Okafor, M. Q.", "Pell, J."],
     "International Conference on Machine Learning", 2021),  # the venue was "In Proc"
])
def test_nature_style_citations_are_read_whole(line: str, authors: list[str], venue: str, year: int) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", authors, venue, year)]


@pytest.mark.parametrize(("line", "venue", "year"), [
    ("- Mira Okafor, Jon Pell. Quiet Anchors for Panoptic Things. Nature 620, 47–60 (2023).", "Nature", 2023),
    ("- [Quiet Anchors for Panoptic Things](https://doi.org/10.1/x) - Okafor et al., *Science* "
     "380(6641):100-105, 2023", "Science", 2023),
    ("- Mira Okafor, Jon Pell. Quiet Anchors for Panoptic Things. *Journal of Quiet Learning* 24(3), 1-45, 2023.",
     "Journal of Quiet Learning", 2023),
    ("- [Quiet Anchors for Panoptic Things](https://doi.org/10.1/x), IEEE TPAMI, vol. 45, no. 4, "
     "pp. 4713-4726, 2023", "IEEE TPAMI", 2023),
    ("- [Quiet Anchors for Panoptic Things](https://doi.org/10.1/x) (NeurIPS 34 (2021): 8780-8794)", "NeurIPS", 2021),
])
def test_a_journals_volume_and_pages_are_no_part_of_its_venue(line: str, venue: str, year: int) -> None:
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"], r["venue"], r["year"]) for r in rows] == [("Quiet Anchors for Panoptic Things", venue, year)]


@pytest.mark.parametrize(("text", "venue", "year", "qualifier"), [
    ("ICLR 2024 (3566)", "ICLR", 2024, "3566"),  # a paper number, no issue
    ("CVPR 2020-2021", "CVPR", 2020, None),  # a range of years, no pages
    ("DALL-E 2 (2022)", "DALL-E 2", 2022, None),  # a name's digit, no volume
])
def test_numbers_that_locate_nothing_stay(text: str, venue: str, year: int, qualifier: str | None) -> None:
    from diffdata.parse.aside import read_aside
    a = read_aside(text, venue_context=True)
    assert (a.venue, a.year, a.qualifier) == (venue, year, qualifier)


@pytest.mark.parametrize(("line", "authors", "venue", "year"), [
    ('Okafor, Mira, Jon Pell, and Cy Wu. "Quiet Anchors for Panoptic Things." In *Proceedings of the Quiet '
     'Conference*, 2020.', ["Okafor, Mira", "Jon Pell", "Cy Wu"], "Proceedings of the Quiet Conference", 2020),
    ('Okafor, Mira, and Jon Pell. "Quiet Anchors for Panoptic Things." In *Advances in Neural Information '
     'Processing Systems*, 2021.', ["Okafor, Mira", "Jon Pell"], "Advances in Neural Information Processing Systems",
     2021),
    ('Okafor, Mira, et al. "Quiet Anchors for Panoptic Things." *ICLR*, 2021.', ["Okafor, Mira"], "ICLR", 2021),
])
def test_mla_and_chicago_citations_invert_the_first_name_only(line: str, authors: list[str], venue: str,
                                                             year: int) -> None:
    # the two-name citation was no work at all (a paragraph of prose), the others split "Okafor" from "Mira"
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", authors, venue, year)]


# -- citations wrapped over lines, as editors and LaTeX exports break them ---------------------------------------

WRAPPED = """\
[1] A. Okafor, B. Pell, and C. Quist, "Quiet Anchors for Panoptic
Things," in Proc. ICLR, 2022.

[2] D. Ruiz and E. Sato, "Loud Anchors," in Proc. Int. Conf. Mach. Learn. (ICML), 2021. [Online]. Available:
https://arxiv.org/abs/2102.00002

1. Okafor, A., Pell, B., & Quist, C. (2020). Quiet anchors for panoptic
   things. In *Advances in Neural Information Processing Systems*.
2. Ruiz, D., & Sato, E. (2021). Loud anchors. In *International
   Conference on Learning Representations*. https://arxiv.org/abs/2010.00002

Tan, F., & Ueda, G. (2023). Soft anchors for
panoptic things. In *Computer Vision and Pattern Recognition*.
"""


def test_a_citation_wrapped_over_lines_is_read_whole() -> None:
    """An IEEE reference paragraph broken anywhere was not read (without a link: no row, no report); an APA item
    broken inside its title kept half the title; an unnumbered APA paragraph broken over two lines was lost."""
    rows, _report = parse_document("x.md", WRAPPED)
    assert [(r["line"], r["title"], r["authors"], r["year"], r["venue"]) for r in rows] == [
        (1, "Quiet Anchors for Panoptic Things", ["A. Okafor", "B. Pell", "C. Quist"], 2022, "ICLR"),
        (4, "Loud Anchors", ["D. Ruiz", "E. Sato"], 2021, "ICML"),
        (7, "Quiet anchors for panoptic things", ["Okafor, A.", "Pell, B.", "Quist, C."], 2020,
         "Advances in Neural Information Processing Systems"),
        (9, "Loud anchors", ["Ruiz, D.", "Sato, E."], 2021, "International Conference on Learning Representations"),
        (12, "Soft anchors for panoptic things", ["Tan, F.", "Ueda, G."], 2023, "Computer Vision and Pattern Recognition"),
    ]
    assert rows[1]["arxiv_id"] == "2102.00002" and rows[3]["arxiv_id"] == "2010.00002"


def test_lines_that_do_not_make_one_citation_are_not_joined() -> None:
    md = ("- Okafor, A., & Pell, B. (2020). Quiet anchors for panoptic things. In *NeurIPS*.\n"
          "  Our notes on it\n"  # a note under a finished citation: no part of it
          "- [Loud Anchors for Panoptic Things](https://arxiv.org/abs/2102.00002)\n"
          "  a method that makes anchors loud\n")
    rows, _report = parse_document("x.md", md)
    assert [(r["title"], r["year"]) for r in rows] == [("Quiet anchors for panoptic things", 2020),
                                                      ("Loud Anchors for Panoptic Things", None)]


@pytest.mark.parametrize(("text", "venue"), [
    ("Tan, F. (2023). Soft anchors. In *CVPR*.", "CVPR"),
    ("Tan, F. (2023). Soft anchors. In *Proceedings of the Quiet Conference* (pp. 1-10).",
     "Proceedings of the Quiet Conference"),
    ("Tan, F. (2023). Soft anchors. *Journal of Quiet Learning*, 24, 1-10.", "Journal of Quiet Learning"),
])
def test_an_apa_paper_in_proceedings_names_its_venue(text: str, venue: str) -> None:
    """``In *Proceedings ...*`` after an APA title is its venue ("In" cut); without it the citation stood alone
    as no reference and was lost with nothing reported."""
    rows, _report = parse_document("x.md", text + "\n")
    assert [(r["title"], r["venue"], r["year"]) for r in rows] == [("Soft anchors", venue, 2023)]


def test_harvard_as_cite_them_right_writes_it() -> None:
    """``Lee, A. and Li, B. (2020) 'Title', *Journal*, ...``: the title was the last name ('and Li, B') with a
    link, and without one the citation was lost with nothing reported."""
    md = ("Okafor, M., Pell, J. and Quist, C. (2020) 'Quiet anchors for panoptic things', *Journal of Quiet "
          "Learning*, 33, pp. 6840–6851.\n\n"
          "Ruiz, D. and Sato, E. (2021) ‘Loud anchors’, in *Proceedings of the Quiet Conference*, pp. 1–9.\n\n"
          "- Tan, F. and Ueda, G. (2023) 'Soft anchors: the model’s view', *ICCV*. Available at: "
          "https://arxiv.org/abs/2212.00001\n")
    rows, _report = parse_document("x.md", md)
    assert [(r["title"], r["authors"], r["year"], r["venue"]) for r in rows] == [
        ("Quiet anchors for panoptic things", ["Okafor, M.", "Pell, J.", "Quist, C."], 2020, "Journal of Quiet Learning"),
        ("Loud anchors", ["Ruiz, D.", "Sato, E."], 2021, "Proceedings of the Quiet Conference"),
        ("Soft anchors: the model’s view", ["Tan, F.", "Ueda, G."], 2023, "ICCV")]


def test_surnames_with_particles_in_an_apa_citation() -> None:
    """``De Bortoli, V.``, ``van den Berg, R.``, ``Van Gool, L.``: with a particle the names were not read as names,
    and the whole list of them became the title."""
    md = ("De Quist, V., Thornton, J., & Doucet, A. (2021). Quiet bridges for anchors. In *Advances in Neural "
          "Information Processing Systems*.\n\n"
          "Hoogeboom, E., van den Berg, R., & Van Gool, L. (2022). Loud anchors. In *ICML*. "
          "https://arxiv.org/abs/2201.00001\n\n"
          "- Benton J, De Quist V, Doucet A. Soft anchors for panoptic things. ICLR 2024.\n")
    rows, _report = parse_document("x.md", md)
    assert [(r["title"], r["authors"]) for r in rows] == [
        ("Quiet bridges for anchors", ["De Quist, V.", "Thornton, J.", "Doucet, A."]),
        ("Loud anchors", ["Hoogeboom, E.", "van den Berg, R.", "Van Gool, L."]),
        ("Soft anchors for panoptic things", ["Benton J", "De Quist V", "Doucet A"])]  # Vancouver, not pairs


@pytest.mark.parametrize(("line", "expected"), [
    ("1. Okafor M, Pell J. Quiet anchors for panoptic things. In: Advances in Quiet Learning; 2020.",
     ("Quiet anchors for panoptic things", ["Okafor M", "Pell J"], "Advances in Quiet Learning", 2020)),
    ("1. Okafor M, Pell J. Quiet anchors. arXiv [Preprint]. 2022 [cited 2024 Jan 5]. Available from: "
     "https://arxiv.org/abs/2207.00001", ("Quiet anchors", ["Okafor M", "Pell J"], "arXiv", 2022)),
    ("1. Austin J, van den Quist R. Loud anchors in discrete spaces. Adv Quiet Learn. 2021;34:1-9.",
     ("Loud anchors in discrete spaces", ["Austin J", "van den Quist R"], "Adv Quiet Learn", 2021)),
    ("1. Corso G, Jaakkola T. FooDock: steps, twists, and turns for docking. In: ICLR; 2023.",
     ("FooDock: steps, twists, and turns for docking", ["Corso G", "Jaakkola T"], "ICLR", 2023)),
    ('[3] T. Okafor and M. Pell, "Quiet anchors," arXiv preprint arXiv:2206.00364, 2022.',
     ("Quiet anchors", ["T. Okafor", "M. Pell"], "arXiv", 2022)),
])
def test_vancouver_proceedings_preprints_and_particles(line: str, expected: tuple) -> None:
    """Vancouver's ``In: Proceedings; 2020``, ``arXiv [Preprint]. 2022``, lowercase particles; IEEE's "arXiv
    preprint arXiv:ID" is the venue arXiv (the names were part of the title, or the venue kept the id)."""
    rows, _report = parse_document("x.md", line + "\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [expected]


@pytest.mark.parametrize(("line", "authors"), [
    ("1. Okafor, M., Pell, J.: Quiet anchors for panoptic things. arXiv preprint arXiv:2207.00001 (2022)",
     ["Okafor, M.", "Pell, J."]),
    ("[12] Mira Okafor and Jon Pell. Quiet anchors for panoptic things. arXiv preprint arXiv:2207.00001, 2022. 3, 5",
     ["Mira Okafor", "Jon Pell"]),
])
def test_an_arxiv_preprint_is_a_citations_venue(line: str, authors: list[str]) -> None:
    """``Title. arXiv preprint arXiv:ID``, as BibTeX styles print every preprint: the words were the end of the
    title, and in Springer's style the names its start."""
    rows, _ = parse_document("x.md", f"# References\n\n{line}\n")
    assert [(r["title"], r["authors"], r["year"], r["arxiv_id"]) for r in rows] == [
        ("Quiet anchors for panoptic things", authors, 2022, "2207.00001")]


@pytest.mark.parametrize("sep", ["\n\n", "\n\n- "])
def test_names_and_a_year_before_a_linked_title_acl_style(sep: str) -> None:
    """``Names. 2022. [Title](url). In *Venue*.``, as ACL and ACM bibliographies print it, one a paragraph or an
    item: the names were lost in a paragraph (read as prose)."""
    md = ("# References" + sep + "Mira Okafor, Jon Pell, and Cy B. Wu. 2022. [Quiet anchors for panoptic things]"
          "(https://arxiv.org/abs/2205.00001). In *Advances in Neural Information Processing Systems*, volume 35, "
          "pages 1–10. Curran Associates, Inc." + sep + "Ann Lee et al. 2025. [Loud anchors for panoptic stuff]"
          "(https://arxiv.org/abs/2502.00002). *arXiv preprint arXiv:2502.00002*.\n")
    rows, _ = parse_document("x.md", md)
    assert [(r["title"], r["authors"], r["year"]) for r in rows] == [
        ("Quiet anchors for panoptic things", ["Mira Okafor", "Jon Pell", "Cy B. Wu"], 2022),
        ("Loud anchors for panoptic stuff", ["Ann Lee"], 2025)]


def test_a_sentence_before_a_link_is_no_citation() -> None:
    rows, _ = parse_document("x.md", "# Notes\n\nWe read it in 2022. [Quiet anchors for panoptic things]"
                                     "(https://arxiv.org/abs/2205.00001) is short.\n")
    assert [r["authors"] for r in rows] == [[]]


@pytest.mark.parametrize(("line", "authors", "venue", "year"), [
    ("[1] M. Okafor, J. Pell, C. Wu, Quiet anchors for panoptic things, in: Advances in Neural Information "
     "Processing Systems, Vol. 33, 2020, pp. 1–10.", ["M. Okafor", "J. Pell", "C. Wu"],
     "Advances in Neural Information Processing Systems", 2020),
    ("[2] M. Okafor, J.C. Pell, Quiet anchors for panoptic things, Med. Image Anal. 80 (2022) 102479.",
     ["M. Okafor", "J.C. Pell"], "Med. Image Anal.", 2022),
    ("[3] M. Okafor, L. Van Pell, Quiet anchors for panoptic things, in: Proceedings of the IEEE/CVF Conference "
     "on Computer Vision and Pattern Recognition, 2022, pp. 1–10.", ["M. Okafor", "L. Van Pell"],
     "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition", 2022),
])
def test_elsevier_style_citations_are_read_whole(line: str, authors: list[str], venue: str, year: int) -> None:
    """Elsevier's numbered style (initials first, commas only, no quotes): without a link the entry was lost,
    its report naming only one line of the paragraph."""
    rows, report = parse_document("x.md", f"# References\n\n{line}\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet anchors for panoptic things", authors, venue, year)]
    assert report == []


@pytest.mark.parametrize(("line", "authors"), [
    ("1. M. Okafor, J. Pell, C. Wu, *Quiet Anchors for Panoptic Things*, NeurIPS 2020.",
     ["M. Okafor", "J. Pell", "C. Wu"]),
    ("2. M. Okafor, J. Pell, C. B. Wu *QuietNet: Quiet Anchors for Panoptic Things*. CVPR 2023. "
     "[arXiv:2211.00001](https://arxiv.org/abs/2211.00001)", ["M. Okafor", "J. Pell", "C. B. Wu"]),
    ("3. Okafor M, Pell J. *Quiet Anchors for Panoptic Things*. ICLR 2024.", ["Okafor M", "Pell J"]),
])
def test_names_before_an_italic_title_are_its_authors(line: str, authors: list[str]) -> None:
    """The names were glued to the title, or the title was cut at its colon and its name taken for a person."""
    rows, _ = parse_document("x.md", f"# Papers\n\n{line}\n")
    assert [(r["title"].split(": ")[-1], r["authors"]) for r in rows] == [("Quiet Anchors for Panoptic Things", authors)]


def test_an_edited_volume_before_a_springer_venue() -> None:
    """``In: Editors (eds.) ECCV 2024. LNCS, vol. 1, pp. 1-9. Springer, Cham (2024)``: the names were the title."""
    rows, _ = parse_document("x.md", "# Refs\n\n8. Okafor, M., Pell, J.: QuietNet: Quiet anchors for panoptic things. "
                                     "In: Lee, A., et al. (eds.) ECCV 2024. LNCS, vol. 15135, pp. 23–40. Springer, "
                                     "Cham (2024)\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("QuietNet: Quiet anchors for panoptic things", ["Okafor, M.", "Pell, J."], "ECCV", 2024)]


def test_the_words_before_a_proceedings_name_are_no_part_of_the_venue() -> None:
    rows, _ = parse_document("x.md", "# Refs\n\n- Mira Okafor and Jon Pell. 2023. [Quiet anchors for panoptic things]"
                                     "(https://arxiv.org/abs/2210.00001). In *The Eleventh International Conference on "
                                     "Learning Representations*.\n")
    assert [(r["venue"], r["year"]) for r in rows] == [("International Conference on Learning Representations", 2023)]


@pytest.mark.parametrize(("line", "authors", "venue", "year"), [
    ("(1) Okafor, M.; Pell, J. K.; van den Berg, R. Quiet Anchors for Panoptic Things. *Adv. Neural Inf. Process. "
     "Syst.* **2021**, *34*, 1–10.", ["Okafor, M.", "Pell, J. K.", "van den Berg, R."], "Adv. Neural Inf. Process. Syst.",
     2021),
    ("(2) Okafor, M.; Pell, J. Quiet Anchors for Panoptic Things. In *Proceedings of the 39th International "
     "Conference on Machine Learning*; PMLR, 2022; Vol. 162, pp 1–10.", ["Okafor, M.", "Pell, J."],
     "Proceedings of the 39th International Conference on Machine Learning", 2022),
    ("(3) Okafor, M.; Pell, J. Quiet Anchors for Panoptic Things. *arXiv* **2022**, 2210.00001.",
     ["Okafor, M.", "Pell, J."], "arXiv", 2022),
])
def test_acs_style_citations_are_read_whole(line: str, authors: list[str], venue: str, year: int) -> None:
    """ACS (chemistry, molecule lists): names separated by semicolons, the year in bold after the journal; the
    names were the title's start."""
    rows, _ = parse_document("x.md", f"# References\n\n{line}\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Panoptic Things", authors, venue, year)]


@pytest.mark.parametrize(("line", "expected"), [
    ("- Ann Lee, Bo Chan: Quiet Anchors for Sampling. CoRR abs/2207.12598 (2022)",
     ("Quiet Anchors for Sampling", ["Ann Lee", "Bo Chan"], 2022, "CoRR", "2207.12598")),
    ("- Cy Dee: Quiet Anchors: A Unified View. CoRR abs/2208.11970 (2022)",
     ("Quiet Anchors: A Unified View", ["Cy Dee"], 2022, "CoRR", "2208.11970")),
])
def test_dblp_corr_names_its_arxiv_id(line: str, expected: tuple) -> None:
    rows, _ = parse_document("x.md", line + "\n")
    assert [(r["title"], r["authors"], r["year"], r["venue"], r["arxiv_id"]) for r in rows] == [expected]


def test_in_before_an_unknown_proceedings_is_no_part_of_its_venue() -> None:
    line = ("- Ann Lee, Bo Chan. 2023. Quiet Anchors for Things. In *32nd Quiet Security Symposium (QuietSec 23)*. "
            "5253–5270.")
    rows, _ = parse_document("x.md", line + "\n")
    assert [(r["title"], r["venue"], r["year"]) for r in rows] == [
        ("Quiet Anchors for Things", "32nd Quiet Security Symposium", 2023)]


@pytest.mark.parametrize(("md", "expected"), [
    ("1. Lee A, Chan BK, Dee C (2020) Quiet Anchors for Panoptic Things. In: Advances in Neural Information "
     "Processing Systems 33, pp 6840–6851",
     ("Quiet Anchors for Panoptic Things", ["Lee A", "Chan BK", "Dee C"], 2020,
      "Advances in Neural Information Processing Systems")),
    ("- Lee A, Chan B (2022) Quiet Anchors for Panoptic Things. arXiv preprint arXiv:2207.12598",
     ("Quiet Anchors for Panoptic Things", ["Lee A", "Chan B"], 2022, "arXiv")),
    ("Lee A, Chan B (2023) Quiet Anchors for Panoptic Things. IEEE Trans Pattern Anal Mach Intell 45(1):1-9\n\n"
     "Dee C (2019) Loud Anchors for Panoptic Things. In: Proceedings of the Quiet Conference",
     ("Quiet Anchors for Panoptic Things", ["Lee A", "Chan B"], 2023, "IEEE Trans Pattern Anal Mach Intell")),
])
def test_springer_author_year_citations(md: str, expected: tuple) -> None:
    rows, _ = parse_document("x.md", md + "\n")
    first = rows[0]
    assert (first["title"], first["authors"], first["year"], first["venue"]) == expected


def test_a_name_and_a_year_before_a_sentence_is_no_springer_citation() -> None:
    rows, _ = parse_document("x.md", "- Stable Diffusion XL (2023) is a model. See [this](https://arxiv.org/abs/2307.01952)\n")
    assert [r["authors"] for r in rows] == [[]]


@pytest.mark.parametrize(("text", "authors", "venue", "year", "arxiv"), [
    # BibTeX's plain styles (plainnat, ACL), pasted from a paper's references: full names, the year last
    ("Mira Okafor, Jon P. Pell, and Cy Dee. Quiet anchors for panoptic things. In Proceedings of the IEEE/CVF "
     "Conference on Computer Vision and Pattern Recognition (CVPR), pages 1234--1243, 2022.",
     ["Mira Okafor", "Jon P. Pell", "Cy Dee"], "CVPR", 2022, None),
    ("Mira Okafor and Jon Pell. Quiet anchors for panoptic things. arXiv preprint arXiv:2311.17042, 2023.",
     ["Mira Okafor", "Jon Pell"], "arXiv", 2023, "2311.17042"),
    ("Mira Okafor. Quiet anchors for panoptic things. Journal of Quiet Learning 47:253–279, 2013.", ["Mira Okafor"],
     "Journal of Quiet Learning", 2013, None),
    # APA with the arXiv id as its only identifier, and a venue of the table ending the line
    ("Okafor, M., & Pell, J. (2023). Quiet anchors for panoptic things. arXiv:2311.17042.",
     ["Okafor, M.", "Pell, J."], None, 2023, "2311.17042"),
    ("Okafor, M., & Pell, J. (2020). Quiet anchors for panoptic things. NeurIPS.",
     ["Okafor, M.", "Pell, J."], "NeurIPS", 2020, None),
])
def test_a_paragraph_citation_without_a_link_is_read(text: str, authors: list[str], venue: str | None, year: int,
                                                      arxiv: str | None) -> None:
    rows, _ = parse_document("x.md", f"# References\n\n{text}\n")
    assert [(r["title"], r["authors"], r["venue"], r["year"], r["arxiv_id"]) for r in rows] == [
        ("Quiet anchors for panoptic things", authors, venue, year, arxiv)]


@pytest.mark.parametrize("text", [
    "Dimitri Okafor. Quiet Anchors and Panoptic Things, Vol. I. Athena Scientific, 2017.",  # "Vol. I." is no venue
    "Mira Okafor. Quiet anchors for panoptic things. MIT Press, 2nd edition, 2018.",  # an edition, not pages
    "We use the quiet model. It works well on things. See Table 2, 2020.",  # sentences
])
def test_what_the_plain_style_does_not_read(text: str) -> None:
    c = read_citation(text)
    assert c is None or c.style != "plain"


@pytest.mark.parametrize("text", [
    "Okafor, M. (2023). See our paper for details, arXiv:2311.17042 has the code.",  # an id inside a sentence
    "Okafor, M. (2015). The first quiet paper, arXiv:1503.03585, is worth reading.",
    "Mira Okafor, Jon Pell, and Cy Dee. We released our code. See arXiv:2311.17042, 2023.",
    "Okafor, M. (2016). Thanks to all participants. NeurIPS.",  # a sentence, then a venue
    "Mira Okafor. Our new quiet method. Under review, 2024.",  # a status is no venue
    "Mira Okafor. Quiet notes. Vol. I. Athena Scientific, 2022.",
])
def test_prose_shaped_like_a_citation_stays_prose(text: str) -> None:
    rows, _ = parse_document("x.md", f"# References\n\n{text}\n")
    assert rows == []


def test_a_chicago_citations_title_keeps_no_opening_quote() -> None:
    md = ("- Okafor, Mira, Jon Pell, and Ivo Stam. 2023. “Quiet Anchors: A Framework for Panoptic Things.” arXiv. "
          "https://doi.org/10.48550/arXiv.2303.08797.\n")
    rows, _ = parse_document("x.md", md)
    assert [(r["title"], r["year"], r["arxiv_id"]) for r in rows] == [
        ("Quiet Anchors: A Framework for Panoptic Things", 2023, "2303.08797")]


def test_each_style_is_tried_only_where_it_can_match() -> None:
    """read_citation skips the patterns when the text has no year (every style needs one) and IEEE's without a
    quote: what it reads is unchanged."""
    ieee = read_citation("A. Lee and B. Chan, “Quiet anchors for panoptic things,” in Proc. ICRA, 2019, pp. 1-8.")
    assert ieee is not None and (ieee.style, ieee.year) == ("IEEE", 2019)
    apa = read_citation("Lee, A. (1998). Quiet anchors for panoptic things. Journal of Things, 4(2).")
    assert apa is not None and (apa.style, apa.year, apa.venue) == ("APA", 1998, "Journal of Things")
    assert read_citation("A. Lee and B. Chan, “Quiet anchors for panoptic things,” in Proc. ICRA.") is None
    assert read_citation("Lee, A. (n.d.). Quiet anchors for panoptic things. Journal of Things, 4(2).") is None
