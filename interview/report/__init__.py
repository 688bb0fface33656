"""The charts of the HTML reports (matplotlib, imported only when a chart is drawn)."""
