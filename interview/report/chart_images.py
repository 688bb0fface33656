"""A report's chart as a PNG image, for the document formats that embed pictures (Word, PDF):
the same drawing as the HTML page's SVG, by the same functions."""

from __future__ import annotations

from interview.report.charts import ChartData, bar_chart_png, radar_chart_png
from interview.report.history_chart import HistoryChartData, history_chart_png


def chart_png(kind: str, data: ChartData | HistoryChartData) -> bytes:
    """The chart of ``kind`` (``bar``, ``radar`` or ``history``) drawn as PNG bytes."""
    if isinstance(data, HistoryChartData):
        return history_chart_png(data)
    if kind == "bar":
        return bar_chart_png(data)
    return radar_chart_png(data)
