"""The names of the model's two measures, fixed by the IIC SMM (not by a questionnaire file)."""

COMPREHENSIVENESS_NAMES: dict[int, str] = {
    0: "None",
    1: "Minimum",
    2: "Ad hoc",
    3: "Consistent",
    4: "Formalized",
}

SCOPE_NAMES: dict[int, str] = {
    1: "General",
    2: "Industry specific",
    3: "System specific",
}

TARGET_LEVELS = (1, 2, 3, 4)
SCOPE_LEVELS = (1, 2, 3)


def comprehensiveness_label(level: int) -> str:
    """``"3 Consistent"``: the number and the name, so that neither colour nor memory is needed."""
    return f"{level} {COMPREHENSIVENESS_NAMES[level]}"


def scope_label(scope: int | None) -> str:
    """``"2 Industry specific"``, or ``"n/a"`` when there is no scope (comprehensiveness 0)."""
    return "n/a" if scope is None else f"{scope} {SCOPE_NAMES[scope]}"
