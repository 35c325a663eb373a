"""identifiers.py owns the one list of tracking parameters: url_identity leaves them out of a page's address,
and the link check (rule DD203) reports each of them."""

from __future__ import annotations

import pytest

from diffdata.check.links import _tracking
from diffdata.identifiers import TRACKING_PARAMETERS, TRACKING_PREFIXES, is_tracking_parameter, url_identity

NAMES = sorted(TRACKING_PARAMETERS) + [f"{prefix}campaign" for prefix in TRACKING_PREFIXES]


@pytest.mark.parametrize("name", NAMES)
def test_a_tracking_parameter_is_dropped_from_the_address_and_reported(name: str) -> None:
    url = f"https://example.org/page?{name}=x1"
    assert url_identity(url) == url_identity("https://example.org/page") == "example.org/page"
    assert url_identity(f"https://example.org/page?id=2&{name.upper()}=x1") == "example.org/page?id=2"
    assert _tracking(url) == [name]


def test_real_parameters_stay_and_si_is_a_tracker_only_where_it_shares() -> None:
    assert url_identity("https://example.org/page?id=2") == "example.org/page?id=2"
    assert _tracking("https://example.org/page?id=2&style=flat") == []
    assert url_identity("https://example.org/page?si=3") == "example.org/page?si=3"
    assert url_identity("https://open.spotify.com/episode/abc?si=3") == "open.spotify.com/episode/abc"
    assert _tracking("https://m.youtube.com/watch?v=abcdefgh&si=3") == ["si"]
    assert not is_tracking_parameter("si") and is_tracking_parameter("si", "www.youtube.com")
    assert not is_tracking_parameter("id") and not is_tracking_parameter("references")


def _listed_host_rule(host: str, hosts: tuple[str, ...]) -> bool:
    """The rule the host look-up keeps: the host is a listed one, or ends with '.' + a listed one."""
    return any(host == h or host.endswith("." + h) for h in hosts)


def test_a_host_is_looked_up_by_its_domains_with_the_listed_host_rule() -> None:
    from diffdata.identifiers import PAPER_HOSTS, POST_HOSTS, VIDEO_HOSTS, _host_in

    hosts = ["arxiv.org", "export.arxiv.org", "xarxiv.org", "arxiv.org.evil.com", "org", "", ".", "a..medium.com",
             "medium.com.", "x.y.substack.com", "substack.co", "m.youtube.com", "youtu.be", "notyoutu.be",
             "pubs.rsc.org", "rsc.org", "hal.science", "science.org", "www.science.org", "nature.com.cn"]
    for listed in (PAPER_HOSTS, POST_HOSTS, VIDEO_HOSTS, ("a.b",), ()):
        for host in hosts:
            assert _host_in(host, listed) == _listed_host_rule(host, listed), (host, listed)


@pytest.mark.parametrize(("url", "paper"), [
    ("https://aclweb.org/anthology/P19-1001", True),
    ("https://www.aclweb.org/Anthology/P19-1001", True),  # the path start is compared in lower case
    ("https://aclweb.org/portal/", False),
    ("https://sub.researchgate.net/publication/123_x", True),
    ("https://researchgate.net/profile/someone", False),
    ("https://aaai.org/ocs/index.php/x", True),
    ("https://aaai.org/papers/0001-x/", True),
    ("https://aaai.org/about/", False),
    ("https://huggingface.co/papers/2401.00001x", True),
    ("https://huggingface.co/spaces/x/y", False),
    ("https://notaclweb.org/anthology/x", False),
    ("https://example.com/report.pdf", True),
])
def test_a_site_whose_papers_are_under_a_path_is_a_paper_only_there(url: str, paper: bool) -> None:
    from diffdata.identifiers import is_paper_url

    assert is_paper_url(url) is paper


@pytest.mark.parametrize(("url", "arxiv_id"), [
    ("https://huggingface.co/papers/2305.00001", "2305.00001"),
    ("https://huggingface.co/papers/2305.00001?utm_source=x", "2305.00001"),
    ("https://hf.co/papers/2305.00001", "2305.00001"),  # Hugging Face's short domain
    ("https://ar5iv.org/abs/2006.11239", "2006.11239"),
    ("https://ar5iv.labs.arxiv.org/html/2006.11239v2", "2006.11239"),
    ("https://www.alphaxiv.org/abs/2401.12345", "2401.12345"),
    ("https://alphaxiv.org/overview/2401.12345v1", "2401.12345"),
    ("https://www.semanticscholar.org/arxiv/2112.10752", "2112.10752"),
    ("https://ar5iv.org/abs/hep-th/9901001", "hep-th/9901001"),
    ("https://huggingface.co/papers/trending", None),
    ("https://huggingface.co/spaces/someone/2305.00001", None),
    ("https://huggingface.co/papers/2305.00001/discussion/3", None),
    ("https://notalphaxiv.org/abs/2401.12345", None),
])
def test_an_arxiv_paper_shown_by_a_mirror_site_has_its_arxiv_id(url: str, arxiv_id: str | None) -> None:
    from diffdata.identifiers import identifiers_from_url, url_kind

    assert identifiers_from_url(url).arxiv_id == arxiv_id
    if arxiv_id:
        assert url_kind(url) == "paper"


def test_a_page_on_a_blog_platform_is_a_post() -> None:
    from diffdata.identifiers import url_kind
    from diffdata.parse import parse_document

    for url in ("https://zhuanlan.zhihu.com/p/525106459", "https://mp.weixin.qq.com/s/abc", "https://qiita.com/u/items/x",
                "https://zenn.dev/u/articles/x", "https://dev.to/a/b"):
        assert url_kind(url) == "post", url
    assert url_kind("https://www.zhihu.com/question/1") == "website"  # questions and answers: no post
    [row], _report = parse_document("x.md", "# P\n\n- [扩散模型详解（一）：DDPM](https://zhuanlan.zhihu.com/p/525106459)\n")
    assert row["kind"] == "post"
