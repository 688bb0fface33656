"""Reports for people: the words and row order every format shares, and the HTML report.

Nothing here imports textual or rich; matplotlib is imported only when a chart is drawn.
"""
