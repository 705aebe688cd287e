"""Pure text formatting: money, percentages, sourced figure lines and aligned tables."""
from typing import List, Optional, Sequence

from actions.kb import KnowledgeBase
from actions.kb.schema import GrowthFigure, SalaryFigure


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


def credit(kb: KnowledgeBase, source_key: str) -> str:
    """'as reported in X, credited to Y' for the article; 'source: X' for the others."""
    source = kb.source(source_key)
    if source.credit:
        return f"as reported in {source.name}, credited to {source.credit}"
    return f"source: {source.name}"


def salary_line(kb: KnowledgeBase, label: str, figure: SalaryFigure) -> str:
    return f"{label} ({figure.year}): {money(figure.value)} for {figure.occupation}, {credit(kb, figure.source)}."


def growth_line(kb: KnowledgeBase, label: str, figure: GrowthFigure) -> str:
    note = f" ({figure.note})" if figure.note else ""
    return (
        f"{label} ({figure.period}): {percent(figure.percent)} for {figure.occupation}{note}, "
        f"{credit(kb, figure.source)}."
    )


def bullets(lines: Sequence[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def aligned_table(header: Sequence[str], rows: Sequence[Sequence[Optional[str]]]) -> str:
    """Columns padded to a common width, so the table reads in a terminal's fixed-width font."""
    cells: List[List[str]] = [list(header)] + [[cell or "n/a" for cell in row] for row in rows]
    widths = [max(len(row[column]) for row in cells) for column in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
