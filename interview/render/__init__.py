"""Reports for people and programs: the words every format shares (:mod:`words`), the row
order (:mod:`rows`), what a gap report holds (:mod:`gap_report`), the writers of each format,
and the typed JSON outputs (:mod:`json_models`) with their JSON Schemas.

Nothing here imports textual or rich except :mod:`interview.render.rich`, which only the TUI
uses; matplotlib is imported only when a chart is drawn.
"""
