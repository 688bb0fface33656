"""Wrapping and tables in display cells (interview/render/fit.py and columns.py): words are
never cut, a non-breaking space binds, CJK breaks between characters, and a table too wide for
its columns stacks its rows."""

from __future__ import annotations

import pytest
from rich.cells import cell_len as rich_cell_len

from interview.render.columns import fit_table
from interview.render.fit import cell_len, narrowest, wrap
from interview.render.plain import table

SAMPLES = [
    "Security Program Management",
    "東京スマートビル統合ゲートウェイ",
    "Jo\u00a0Smith x\u200dy",
    "کارخانه\u200cها",
    "नमस्ते दुनिया",
    "한국어 시스템",
    "👩\u200d💻 café",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_cells_are_counted_as_rich_counts_them(text: str) -> None:
    assert cell_len(text) == rich_cell_len(text)


def test_a_non_breaking_space_binds_and_a_zero_width_joiner_takes_no_cell() -> None:
    assert wrap("Jo\u00a0Smith and x\u200dyz", 8) == ["Jo\u00a0Smith", "and x\u200dyz"]
    assert narrowest("Jo\u00a0Smith x") == 8


def test_cjk_breaks_between_characters_filling_the_line_first() -> None:
    lines = wrap("System: 東京スマートビル統合ゲートウェイ", 20)
    assert lines == ["System: 東京スマート", "ビル統合ゲートウェイ"]
    assert all(rich_cell_len(line) <= 20 for line in lines)


def test_a_word_is_never_cut_unless_wider_than_a_whole_line_and_then_with_a_marker() -> None:
    assert wrap("see helios-smart-building-gateway", 32, "", "  ") == [
        "see",
        "  helios-smart-building-gateway",
    ]
    lines = wrap("name " + "x" * 25, 10, "", "  ")
    assert lines == ["name", "  xxxxxxx…", "  xxxxxxx…", "  xxxxxxx…", "  xxxx"]
    assert "".join(lines).count("x") == 25


def test_a_narrow_table_wraps_its_text_columns_and_keeps_ids_and_levels_whole() -> None:
    headers = ["ID", "NAME", "LEVEL", "SEVERITY"]
    rows = [["  D1.1", "Remediation, Recovery and Continuity of Operations", "3/2", "large gap"]]
    lines = fit_table(headers, rows, [6, 50, 5, 25], 40).lines()
    assert lines == [
        "ID      NAME            LEVEL  SEVERITY",
        "  D1.1  Remediation,    3/2    large gap",
        "        Recovery and",
        "        Continuity of",
        "        Operations",
    ]


def test_a_table_too_wide_for_side_by_side_stacks_then_becomes_records() -> None:
    headers = ["ID", "KIND", "SYSTEM"]
    rows = [["helios-smart-building-gateway-assessment", "self-assessment", "Helios gateway"]]
    stacked = table(headers, rows, [40, 15, 20], 60)
    assert stacked == ["ID", "    KIND             SYSTEM", rows[0][0],
                       "    self-assessment  Helios gateway"]  # fmt: skip
    short = [["helios-assessment", *rows[0][1:]]]
    records = table(headers, short, [17, 15, 20], 28)
    assert records == [
        "helios-assessment",
        "    KIND: self-assessment",
        "    SYSTEM: Helios gateway",
    ]


def test_without_a_width_a_plain_table_cuts_as_before() -> None:
    assert table(["A", "B"], [["abcdefgh", "x"]], [4, 1]) == ["A     B", "abc…  x"]
