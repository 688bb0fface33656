"""The gap screen's views, one module per view: heat map, bar chart, radar, roadmap.

The functions turn a GapAnalysis into Rich text and need no running app (the unit tests call
them); the widgets only size, colour and redraw that text. No meaning rests on colour alone,
and user and questionnaire text is always built with ``literal``, never parsed as markup.
"""
