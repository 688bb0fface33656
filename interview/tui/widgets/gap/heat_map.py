"""The heat map: domain → sub-domain → practice rows, each severity coloured and written."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from interview.gap import (
    GapAnalysis,
    GroupGap,
    PracticeGap,
)
from interview.questionnaire.model import Questionnaire
from interview.render.words import mean_text, short_level
from interview.tui.text import literal
from interview.tui.widgets.gap.common import (
    PLAIN,
    Palette,
    gap_short,
    group_label,
    group_tone,
    practice_tone,
    severity_label,
    target_short,
    theme_palette,
)
from interview.tui.widgets.gap.interviewees import MARKER_LEGEND, MARKER_TITLE

# --- Heat map --------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeatRow:
    """One line of the heat map: a domain, a sub-domain or a practice."""

    item_id: str
    depth: int
    """0 domain, 1 sub-domain, 2 practice."""
    name: str
    target: str
    current: str
    gap: str
    label: str
    tone: str
    parent: str | None
    expanded: bool | None
    """None for a practice: it has nothing to expand."""
    marker: str = ""
    """``≠2/1`` where several interviewees differ on a practice; empty elsewhere."""


def group_row(group: GroupGap, depth: int, parent: str | None, expanded: bool) -> HeatRow:
    """A domain's or sub-domain's row: mean levels and the worst severity."""
    return HeatRow(
        group.item_id,
        depth,
        group.name,
        mean_text(group.target_mean),
        mean_text(group.current_mean),
        "",
        group_label(group),
        group_tone(group),
        parent,
        expanded,
    )


def practice_row(gap: PracticeGap, parent: str, marker: str = "") -> HeatRow:
    """A practice's row: its levels, gap, severity and disagreement marker."""
    return HeatRow(
        gap.practice_id,
        2,
        gap.name,
        target_short(gap),
        short_level(gap.current.comprehensiveness, gap.current.scope),
        gap_short(gap),
        severity_label(gap),
        practice_tone(gap),
        parent,
        None,
        marker,
    )


def subdomains_of(
    questionnaire: Questionnaire, analysis: GapAnalysis, domain_id: str
) -> list[GroupGap]:
    """The sub-domain rows of one domain, in order."""
    return [
        row
        for row in analysis.subdomains
        if questionnaire.subdomains[row.item_id].domain == domain_id
    ]


def heat_rows(
    questionnaire: Questionnaire,
    analysis: GapAnalysis,
    expanded: set[str] | None = None,
    markers: Mapping[str, str] | None = None,
) -> list[HeatRow]:
    """The rows on show: every domain, and the children of each expanded row (None: all).

    ``markers`` gives the disagreement marker of each practice where interviewees differ.
    """
    markers = markers or {}
    practices = {gap.practice_id: gap for gap in analysis.practices}
    rows: list[HeatRow] = []
    for domain in analysis.domains:
        domain_open = expanded is None or domain.item_id in expanded
        rows.append(group_row(domain, 0, None, domain_open))
        if not domain_open:
            continue
        for subdomain in subdomains_of(questionnaire, analysis, domain.item_id):
            sub_open = expanded is None or subdomain.item_id in expanded
            rows.append(group_row(subdomain, 1, domain.item_id, sub_open))
            if sub_open:
                rows += [
                    practice_row(practices[pid], subdomain.item_id, markers.get(pid, ""))
                    for pid in subdomain.practice_ids
                ]
    return rows


@dataclass(frozen=True)
class HeatColumns:
    """Column widths of the heat map, in terminal cells."""

    id: int
    name: int
    target: int = 7
    current: int = 7
    gap: int = 4
    label: int = 15
    marker: int = 0
    """0: no marker column (one interviewee per side)."""


HEAT_TITLES = ("ID", "Name", "Target", "Current", "Gap", "Severity")
COLUMN_GAP = 1
MIN_NAME = 10


def id_cell(row: HeatRow) -> str:
    """``▾ G``, ``  ▸ G1``, ``    G1.1``: the depth and whether a row is open, in characters."""
    marker = {True: "▾ ", False: "▸ ", None: ""}[row.expanded]
    return "  " * row.depth + marker + row.item_id


def heat_columns(width: int, rows: Sequence[HeatRow]) -> HeatColumns:
    """Widths that fit ``width``: the name takes what is left, up to its longest."""
    id_width = max([len(id_cell(row)) for row in rows] + [len(HEAT_TITLES[0])])
    label = max([len(row.label) + 2 for row in rows] + [len(HEAT_TITLES[5]) + 2])
    marker = max([len(row.marker) for row in rows] + [0])
    fixed = HeatColumns(id_width, 0, label=label, marker=marker)
    taken = sum(column_widths(fixed)) + (len(column_widths(fixed)) - 1) * COLUMN_GAP
    longest = max([len(row.name) for row in rows] + [len(HEAT_TITLES[1])])
    name = max(MIN_NAME, min(longest, width - taken))
    return HeatColumns(id_width, name, label=label, marker=marker)


def cell(text: Text, width: int) -> Text:
    """Text cut (with an ellipsis) or padded to exactly ``width`` cells."""
    fitted = text.copy()
    fitted.truncate(width, overflow="ellipsis", pad=True)
    return fitted


def join_cells(cells: Sequence[Text], widths: Sequence[int]) -> Text:
    """Cells side by side, each fitted to its width."""
    line = Text(no_wrap=True, overflow="ellipsis")
    for index, (text, width) in enumerate(zip(cells, widths, strict=True)):
        if index:
            line.append(" " * COLUMN_GAP)
        line.append_text(cell(text, width))
    return line


def column_widths(columns: HeatColumns) -> list[int]:
    """The widths in display order; the marker column only when there is one."""
    widths = [columns.id, columns.name, columns.target, columns.current, columns.gap]
    widths += [columns.marker] if columns.marker else []
    return [*widths, columns.label]


def with_marker(cells: list[Text], marker: Text, columns: HeatColumns) -> list[Text]:
    """The cells with the marker cell before the severity, when there is a marker column."""
    return [*cells[:-1], marker, cells[-1]] if columns.marker else cells


def heat_header(columns: HeatColumns) -> Text:
    """The column titles."""
    titles = [Text(title, style="bold") for title in HEAT_TITLES[:5]]
    titles.append(Text(f" {HEAT_TITLES[5]}", style="bold"))
    titles = with_marker(titles, Text(MARKER_TITLE, style="bold"), columns)
    return join_cells(titles, column_widths(columns))


def heat_row_text(row: HeatRow, columns: HeatColumns, palette: Palette = PLAIN) -> Text:
    """One row: id, name, target, current, gap, and the severity as a coloured, written cell."""
    weight = "bold" if row.depth < 2 else ""
    label = Text(f" {row.label}".ljust(columns.label), style=palette.tone(row.tone))
    cells = [
        Text(id_cell(row), style=weight),
        literal(row.name, weight),
        Text(row.target),
        Text(row.current),
        Text(row.gap),
        label,
    ]
    cells = with_marker(cells, Text(row.marker, style="bold"), columns)
    return join_cells(cells, column_widths(columns))


HEAT_LEGEND = (
    "Levels: comprehensiveness/scope (0 None…4 Formalized / 1 General, 2 Industry, "
    "3 System specific; - n/a). Groups: mean, worst. Enter/→ opens, ← closes."
)


class HeatMap(OptionList):
    """The heat map as a list: Enter or → opens a row, ← closes it (or goes to its parent).

    Enter (or a click) on a practice posts :class:`HeatMap.PracticeChosen`; the screen shows
    the detail.
    """

    BINDINGS = [
        Binding("enter", "select", "Open"),
        Binding("right", "expand", "Expand", show=False),
        Binding("left", "collapse", "Collapse", show=False),
    ]

    @dataclass
    class PracticeChosen(Message):
        """The user asked for one practice's detail."""

        practice_id: str

    @dataclass
    class ColumnsChanged(Message):
        """The column widths changed: here are the titles to show above the rows."""

        header: Text

    def __init__(
        self,
        questionnaire: Questionnaire,
        analysis: GapAnalysis,
        *,
        markers: Mapping[str, str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._questionnaire = questionnaire
        self._analysis = analysis
        self._markers = dict(markers or {})
        self.expanded = {row.item_id for row in heat_rows(questionnaire, analysis) if row.depth < 2}
        self._rows: list[HeatRow] = []

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self.redraw, init=False)

    def on_resize(self, event: events.Resize) -> None:
        self.show_rows()

    def redraw(self) -> None:
        """Redraw in the current theme's colours."""
        self.show_rows()

    @property
    def rows(self) -> list[HeatRow]:
        """The rows on show."""
        return list(self._rows)

    def show_rows(self, highlight: str | None = None) -> None:
        """Redraw the rows on show, keeping the highlight on the same item."""
        current = self.highlighted_option
        keep = highlight or (current.id if current else None)
        self._rows = heat_rows(self._questionnaire, self._analysis, self.expanded, self._markers)
        every_row = heat_rows(self._questionnaire, self._analysis, markers=self._markers)
        columns = heat_columns(self.scrollable_content_region.width, every_row)
        palette = theme_palette(self)
        self.set_options(
            Option(heat_row_text(row, columns, palette), id=row.item_id) for row in self._rows
        )
        ids = [row.item_id for row in self._rows]
        self.highlighted = ids.index(keep) if keep in ids else 0
        self.post_message(self.ColumnsChanged(heat_header(columns)))

    def _row(self) -> HeatRow | None:
        """The row under the cursor."""
        if self.highlighted is None or not self._rows:
            return None
        return self._rows[self.highlighted]

    def action_select(self) -> None:
        """A practice: ask for its detail. A group: open or close it."""
        row = self._row()
        if row is None:
            return
        if row.expanded is None:
            self.post_message(self.PracticeChosen(row.item_id))
        else:
            self._toggle(row, not row.expanded)

    def action_expand(self) -> None:
        """Open a closed group; on an open one, go to its first child."""
        row = self._row()
        if row is None or row.expanded is None:
            return
        if row.expanded:
            self.action_cursor_down()
        else:
            self._toggle(row, True)

    def action_collapse(self) -> None:
        """Close an open group; elsewhere, go to the parent row."""
        row = self._row()
        if row is None:
            return
        if row.expanded:
            self._toggle(row, False)
        elif row.parent is not None:
            self.highlighted = [r.item_id for r in self._rows].index(row.parent)

    def _toggle(self, row: HeatRow, open_it: bool) -> None:
        """Open or close a group, keeping the cursor on it."""
        if open_it:
            self.expanded.add(row.item_id)
        else:
            self.expanded.discard(row.item_id)
        self.show_rows(highlight=row.item_id)


class HeatMapView(Vertical):
    """Column titles, the heat map, and what its cells mean."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        analysis: GapAnalysis,
        markers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self._questionnaire = questionnaire
        self._analysis = analysis
        self._markers = dict(markers or {})

    def compose(self) -> ComposeResult:
        yield Static(id="heat-header")
        yield HeatMap(
            self._questionnaire, self._analysis, markers=self._markers, id="heat-map-list"
        )
        legend = f"{HEAT_LEGEND} {MARKER_LEGEND}" if self._markers else HEAT_LEGEND
        yield Static(Text(legend, style="italic"), id="heat-legend")

    def on_heat_map_columns_changed(self, message: HeatMap.ColumnsChanged) -> None:
        self.query_one("#heat-header", Static).update(message.header)
