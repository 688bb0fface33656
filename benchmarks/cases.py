"""Benchmarks that run inside one Python process: session save and load, and consolidation.

Each case runs in a child process of its own (``python -m benchmarks.cases CASE ...``), which
writes its timings as JSON, so that the parent can read the child's peak memory when it ends.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.fixtures import complete_assessment, complete_session, many_assessments
from interview.consolidation import compare_consolidated, consolidate_gap
from interview.questionnaire import load_questionnaire
from interview.session.model import SessionKind
from interview.session.store import SessionStore


def timed(action: Callable[[], object], repeats: int) -> list[float]:
    """Seconds per call, ``repeats`` calls."""
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - start)
    return seconds


def save_and_load(questionnaire_path: Path | None, repeats: int) -> dict[str, object]:
    """A finished self-assessment saved (atomically, fsynced) and loaded (parsed, validated,
    checked against the questionnaire) ``repeats`` times each."""
    questionnaire = load_questionnaire(questionnaire_path)
    session = complete_assessment(questionnaire)
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder))
        store.create(session)
        save = timed(lambda: store.save(session), repeats)
        load = timed(lambda: store.load(session.id, questionnaire), repeats)
        size = store.path_of(session.id).stat().st_size
    return {"save": save, "load": load, "answers": len(session.answers), "bytes": size}


def consolidation(sessions: int, repeats: int) -> dict[str, object]:
    """One target against ``sessions`` self-assessments, merged into one gap analysis."""
    questionnaire = load_questionnaire()
    target = complete_session(questionnaire, SessionKind.TARGET, seed=0)
    currents = many_assessments(questionnaire, sessions)

    def merge() -> None:
        compare_consolidated(questionnaire, consolidate_gap(questionnaire, [target], currents))

    return {"merge": timed(merge, repeats), "sessions": sessions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("case", choices=("save-load", "consolidation"))
    parser.add_argument("--questionnaire", type=Path)
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--output", type=Path, required=True, help="where the JSON goes")
    arguments = parser.parse_args()
    if arguments.case == "save-load":
        result = save_and_load(arguments.questionnaire, arguments.repeats)
    else:
        result = consolidation(arguments.sessions, arguments.repeats)
    arguments.output.write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main()
