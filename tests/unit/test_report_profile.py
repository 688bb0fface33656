"""A target started from a profile: the profile's sector considerations in the gap roadmap and
in ``smm report``, with the disclaimer that profiles are smm's, not the IIC's, once per report.

The small profile (tests/data/profiles/small-lab.toml, "Small lab") sets D1.1 to 4/3 with
considerations for levels 3 ("Follow the lab standard.") and 4 ("Audited against it."), D1.2 to
2/2 with none, and F1.1 not applicable. The target ``lab-target`` keeps every value of it.
The assessment ``c`` (imported): D1.1 2/1, D1.2 1/2, F1.1 0.
Worked out by hand: D1.1 is 2 levels and 2 scopes short (large): steps to comprehensiveness 3
and 4 (each with its consideration), then scope 2 and 3 (none: considerations are per
comprehensiveness level). D1.2 is 1 level short (small): a step to 2, no consideration. F1.1
does not apply.
"""

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interview.engine.interview import Interview
from interview.profiles import (
    DISCLAIMER,
    PROFILES_DIR_VARIABLE,
    load_profile,
    profile_in_use,
    start_from_profile,
)
from interview.questionnaire import Questionnaire, load_questionnaire
from interview.render.html import write_html
from interview.render.session_document import session_document
from interview.render.text import write_text
from interview.session.model import (
    KEEP,
    Origin,
    Phase,
    Session,
    SessionKind,
    as_target,
    new_session,
)
from interview.session.store import SessionStore
from tests.helpers.cli_gap import QUESTIONNAIRE, smm

PROFILES = Path(__file__).parents[1] / "data" / "profiles"
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
FOLLOW = "In this sector (Small lab): Follow the lab standard."
AUDITED = "In this sector (Small lab): Audited against it."


@pytest.fixture(autouse=True)
def profiles_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Profiles of one's own are the test profiles, so that ``small-lab`` is found by id."""
    monkeypatch.setenv(PROFILES_DIR_VARIABLE, str(PROFILES))
    yield


@pytest.fixture
def small() -> Questionnaire:
    return load_questionnaire(QUESTIONNAIRE)


@pytest.fixture
def folder(tmp_path: Path, small: Questionnaire) -> Path:
    """A sessions folder with ``lab-target`` (from the profile) and the assessment ``c``."""
    folder = tmp_path / "sessions"
    profiled_target(folder, small)
    levels = tmp_path / "c.csv"
    levels.write_text(
        "practice,comprehensiveness,scope,note\nD1.1,2,1,\nD1.2,1,2,\nF1.1,0,,\n", encoding="utf-8"
    )
    assert smm(folder, "import", str(levels), "--kind", "assessment", "--system", "Lab",
               "--id", "c") == 0  # fmt: skip
    return folder


def profiled_target(folder: Path, small: Questionnaire) -> Session:
    """Interview ``lab-target`` from the small-lab profile, keeping every value, and finish."""
    profile = load_profile(PROFILES / "small-lab.toml", small)
    store = SessionStore(folder)
    session = new_session(small, SessionKind.TARGET, "Lab", interviewee="Ana", role="Owner",
                          now=NOW)  # fmt: skip
    start_from_profile(session, profile)
    store.create(session, "lab-target")
    interview = Interview(small, session, profile=profile, on_change=store.save, clock=lambda: NOW)
    answers = {"system_scope": "Bench", "@D.goal": "3", "@D.scope": "2", "@F.goal": "1"}
    answers["@F.scope"] = "1"
    while interview.phase is not Phase.REVIEW:
        if interview.phase is Phase.PRACTICE_SUMMARY:
            interview.continue_interview()
            continue
        prompt = interview.current()
        assert prompt is not None
        keep = KEEP if prompt.question_id.endswith(".purpose") else ""
        interview.answer(answers.get(prompt.question_id, keep))
    interview.finish_interview()
    assert session.targets["D1.1"].origin is Origin.PROFILE  # kept, as the profile has it
    return session


def run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert smm(folder, *args) == 0
    return capsys.readouterr().out


# --- The gap roadmap -------------------------------------------------------------------------


@pytest.mark.usefixtures("wide_output")
def test_gap_text_shows_each_levels_consideration_under_its_step(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = run(folder, capsys, "gap", "lab-target", "c").splitlines()
    first = lines.index("    to reach 3 Consistent:")
    assert lines[first : first + 10] == [
        "    to reach 3 Consistent:",
        "      - Do three.",
        f"      {FOLLOW}",
        "    to reach 4 Formalized:",
        "      - Do four.",
        f"      {AUDITED}",
        "    to reach scope 2 Industry specific:",
        "      - Tailor the practice to the industry, until the answer to this is yes: Industry?",
        "      - For example: An industry example.",
        "    to reach scope 3 System specific:",
    ]
    # Only the two comprehensiveness steps of D1.1 (not its scope 3 step, not D1.2's step 2).
    assert sum("In this sector" in line for line in lines) == 2
    prose = " ".join(" ".join(lines).split())  # the note is wrapped over lines
    assert prose.count(DISCLAIMER) == 1
    assert f"Target profile: Small lab (small-lab). {DISCLAIMER}" in prose


def test_gap_markdown_and_html_show_the_considerations_and_the_disclaimer_once(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    markdown = run(folder, capsys, "gap", "lab-target", "c", "--format", "md")
    assert "     - In this sector (Small lab): Follow the lab standard." in markdown
    assert "     - In this sector (Small lab): Audited against it." in markdown
    roadmap = markdown[: markdown.index("## The target and its reasons")]
    assert roadmap.count("In this sector") == 2  # the target's own table shows its level's too
    assert markdown.count(DISCLAIMER) == 1
    page = run(folder, capsys, "gap", "lab-target", "c", "--format", "html")
    assert (
        '<li>Do three.</li>\n</ul><p class="sector"><strong>In this sector (Small lab):'
        "</strong> Follow the lab standard.</p></div>"
    ) in page
    assert page.count('<p class="sector">') == 2
    assert page.count(DISCLAIMER) == 1


def test_gap_json_is_unchanged_by_a_profile(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(run(folder, capsys, "gap", "lab-target", "c", "--format", "json"))
    assert set(data) == {
        "format_version",
        "target",
        "current",
        "practices",
        "subdomains",
        "domains",
        "roadmap",
        "plan",
        "consolidation",
        "follow_ups",
    }
    assert "In this sector" not in json.dumps(data)


def test_a_profile_that_cannot_be_loaded_is_left_out_quietly(
    folder: Path, small: Questionnaire, capsys: pytest.CaptureFixture[str]
) -> None:
    store = SessionStore(folder)
    session = as_target(store.load("lab-target", small).session)
    session.profile = "gone"
    store.save(session)
    for command in (("gap", "lab-target", "c"), ("report", "lab-target")):
        for output in ("text", "md", "html"):
            assert smm(folder, *command, "--format", output) == 0
            captured = capsys.readouterr()
            assert "In this sector" not in captured.out and DISCLAIMER not in captured.out
            assert captured.err == ""


def test_a_plain_target_shows_no_considerations(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    levels = tmp_path / "t.csv"
    levels.write_text(
        "practice,comprehensiveness,scope,note\nD1.1,4,3,\nD1.2,2,2,\nF1.1,na,,\n", encoding="utf-8"
    )
    assert smm(folder, "import", str(levels), "--kind", "target", "--system", "Lab",
               "--id", "plain") == 0  # fmt: skip
    capsys.readouterr()
    out = run(folder, capsys, "gap", "plain", "c")
    assert "In this sector" not in out and DISCLAIMER not in out


def test_profile_in_use_is_the_first_target_that_names_one(
    folder: Path, small: Questionnaire
) -> None:
    store = SessionStore(folder)
    profiled = as_target(store.load("lab-target", small).session)
    plain = as_target(new_session(small, SessionKind.TARGET, "Lab", now=NOW))
    found = profile_in_use(small, [plain, profiled])
    assert found is not None and found.id == "small-lab"
    assert profile_in_use(small, [plain]) is None
    profiled.profile = "no-such-profile"
    assert profile_in_use(small, [profiled]) is None


# --- smm report ------------------------------------------------------------------------------


def test_report_text_shows_the_consideration_of_the_target_level(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = run(folder, capsys, "report", "lab-target").splitlines()
    first = lines.index("    D1.1  Practice          4 Formalized, scope 3 System specific")
    assert lines[first : first + 6] == [
        "    D1.1  Practice          4 Formalized, scope 3 System specific",
        "          set by: from the target profile",
        "          aim: Level four.",
        "          why: Audited [yearly].",
        "          in this sector (Small lab): Audited against it.",  # level 4's, not level 3's
        "    D1.2  Practice          2 Ad hoc, scope 2 Industry specific",
    ]
    prose = " ".join(" ".join(lines).split())
    assert "Follow the lab standard." not in prose
    assert prose.count(DISCLAIMER) == 1


def test_report_markdown_and_html_show_the_consideration(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    markdown = run(folder, capsys, "report", "lab-target", "--format", "md")
    assert "<br>*In this sector (Small lab):* Audited against it. |" in markdown
    assert markdown.count(DISCLAIMER) == 1
    page = run(folder, capsys, "report", "lab-target", "--format", "html")
    assert (
        "<strong>Why:</strong> Audited [yearly].<br><strong>In this sector (Small lab):</strong> "
        "Audited against it.</td>"
    ) in page
    assert "Follow the lab standard." not in page
    assert page.count(DISCLAIMER) == 1


def test_reports_escape_a_profile_name(folder: Path, small: Questionnaire) -> None:
    session = SessionStore(folder).load("lab-target", small).session
    profile = load_profile(PROFILES / "small-lab.toml", small)
    profile = profile.model_copy(update={"name": "Lab <script>\x1b[2J"})
    text = write_text(session_document(small, session, profile))
    assert "in this sector (Lab <script>\\x1b[2J): Audited against it." in text
    assert "\x1b" not in text
    page = write_html(session_document(small, session, profile))
    assert "<strong>In this sector (Lab &lt;script&gt;\\x1b[2J):</strong>" in page
    assert "<script>" not in page and "\x1b" not in page
