"""Pure text formatting: money, percentages, sourced figure lines, tables, and the markup
each channel shows (plain text in the terminal and over REST, Markdown in the web chat)."""

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence

from careers.knowledge_base import KnowledgeBase
from careers.schema import GrowthFigure, SalaryFigure


def title(text: str) -> str:
    """First letter up, the rest as written ('HR executive' stays 'HR executive')."""
    return text[:1].upper() + text[1:]


def money(value: int) -> str:
    return f"${value:,}"


def percent(value: float) -> str:
    return f"{value:g}%"


def ratio(larger: int, smaller: int) -> str:
    """'2.5x'; two decimals near 1 so that close figures do not read as equal ('1.04x')."""
    value = larger / smaller
    return f"{value:.1f}x" if value >= 1.1 else f"{value:.2f}x"


def aligned_table(header: Sequence[str], rows: Sequence[Sequence[Optional[str]]]) -> str:
    """Columns padded to a common width, so the table reads in a terminal's fixed-width font."""
    cells: List[List[str]] = [list(header)] + [[cell or "n/a" for cell in row] for row in rows]
    widths = [max(len(row[column]) for row in cells) for column in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[Optional[str]]]) -> str:
    """A pipe table, set off by blank lines: Markdown ends a table only at a blank line."""

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |"

    lines = [line(header), line(["---"] * len(header))]
    lines += [line([cell or "n/a" for cell in row]) for row in rows]
    return "\n" + "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Markup:
    """How a reply marks headings, links and tables on the channel that shows it.

    The terminal and REST clients show text as it is, so PLAIN leaves it plain and pads
    tables into columns. The web chat's widget renders Markdown: bold, links, tables.
    """

    markdown: bool = False

    def heading(self, text: str) -> str:
        return f"**{text}**" if self.markdown else text

    def link(self, text: str, url: Optional[str]) -> str:
        return f"[{text}]({url})" if self.markdown and url else text

    def table(self, header: Sequence[str], rows: Sequence[Sequence[Optional[str]]]) -> str:
        return markdown_table(header, rows) if self.markdown else aligned_table(header, rows)

    def document(self, text: str) -> str:
        """The whole reply as the channel renders it. In Markdown a line right after a list
        item continues that item, so "Sources: ..." would be glued into the last bullet: it
        gets a blank line before it, as a paragraph of its own."""
        return LINE_AFTER_A_LIST.sub(r"\1\n\n", text) if self.markdown else text


LINE_AFTER_A_LIST = re.compile(r"(?m)^(- [^\n]*)\n(?!- |\n)")
PLAIN = Markup()
MARKDOWN = Markup(markdown=True)

# Input channels (their name()) whose clients render Markdown.
MARKDOWN_CHANNELS = frozenset({"webchat"})


def markup_for_channel(channel: Optional[str]) -> Markup:
    return MARKDOWN if channel in MARKDOWN_CHANNELS else PLAIN


def credit(kb: KnowledgeBase, source_key: str, markup: Markup = PLAIN) -> str:
    """'as reported in X, credited to Y' for the article; 'source: X' for the others."""
    source = kb.source(source_key)
    name = markup.link(source.name, source.url)
    if source.credit:
        return f"as reported in {name}, credited to {source.credit}"
    return f"source: {name}"


def sources_line(kb: KnowledgeBase, source_keys: Sequence[str], markup: Markup = PLAIN) -> str:
    """'Sources: A, credited to B; C.' naming each source once, in order of first use."""
    parts = []
    for key in dict.fromkeys(source_keys):
        source = kb.source(key)
        name = markup.link(source.name, source.url)
        parts.append(f"{name}, credited to {source.credit}" if source.credit else name)
    return "Sources: " + "; ".join(parts) + "." if parts else ""


def _credited(kb: KnowledgeBase, source_key: str, markup: Markup) -> Optional[str]:
    """'A 2017 article, credited to the U.S. Bureau of Labor Statistics,' for a source that
    reports another's figures; None for a source that publishes its own."""
    source = kb.source(source_key)
    if not source.credit:
        return None
    name = markup.link(source.name[0].upper() + source.name[1:], source.url)
    return f"{name}, credited to {source.credit},"


def salary_line(kb: KnowledgeBase, label: str, figure: SalaryFigure, markup: Markup = PLAIN) -> str:
    credited = _credited(kb, figure.source, markup)
    if credited:  # the article's figure, said as what it is
        return f"{credited} gave a median salary of {money(figure.value)} for {figure.occupation}."
    return (
        f"{label} ({figure.year}): {money(figure.value)} for {figure.occupation}, {credit(kb, figure.source, markup)}."
    )


def growth_line(kb: KnowledgeBase, label: str, figure: GrowthFigure, markup: Markup = PLAIN) -> str:
    note = f" ({figure.note})" if figure.note else ""
    credited = _credited(kb, figure.source, markup)
    if credited:
        return f"{credited} gave {percent(figure.percent)} growth for {figure.occupation}{note} over {figure.period} ({label})."
    return (
        f"{label} ({figure.period}): {percent(figure.percent)} for {figure.occupation}{note}, "
        f"{credit(kb, figure.source, markup)}."
    )


def bullets(lines: Sequence[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)
