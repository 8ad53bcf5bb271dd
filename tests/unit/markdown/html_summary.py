"""What a reader sees of rendered HTML, as plain data the tests compare."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from bs4 import BeautifulSoup, NavigableString

LEFTOVERS = (">!", ">?", "(id:", "dx-", ":::", "[!NOTE]")  # Tencent syntax that must not show as text


class Heading(NamedTuple):
    level: int
    id: str
    text: str


@dataclass
class Summary:
    admonitions: list[tuple[str, str]] = field(default_factory=list)  # (type, title) in order
    numbers: list[int] = field(default_factory=list)  # displayed numbers of top-level ordered items
    headings: list[Heading] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # ids of <a id> targets
    code: list[str] = field(default_factory=list)  # text of each code block
    tabs: list[str] = field(default_factory=list)  # tab labels
    tables: int = 0
    breaks: int = 0
    leftovers: list[str] = field(default_factory=list)


def summarize(html: str) -> Summary:
    soup = BeautifulSoup(html, "html.parser")
    out = Summary()
    for box in soup.select("div.admonition"):
        classes = box.get("class", [])
        title = box.find("p", class_="admonition-title")
        out.admonitions.append((classes[1] if len(classes) > 1 else "", title.get_text() if title else ""))
    for ol in soup.find_all("ol"):
        if ol.find_parent(["ol", "ul"]) is None:
            start = int(ol.get("start", 1))
            out.numbers.extend(start + i for i, _ in enumerate(ol.find_all("li", recursive=False)))
    for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        out.headings.append(Heading(int(h.name[1]), h.get("id", ""), h.get_text().replace("¶", "").strip()))
    out.anchors = [a["id"] for a in soup.find_all("a") if a.get("id") and not a.get("href")]
    out.code = [pre.get_text() for pre in soup.find_all("pre")]
    out.tabs = [label.get_text() for label in soup.select(".tabbed-labels label")]
    out.tables = len(soup.find_all("table"))
    out.breaks = len(soup.find_all("br"))
    for text in soup.find_all(string=True):
        if isinstance(text, NavigableString) and not text.find_parent(["code", "pre"]):
            out.leftovers.extend(mark for mark in LEFTOVERS if mark in text)
    return out
