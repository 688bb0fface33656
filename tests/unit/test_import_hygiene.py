"""The core never imports the screen: questionnaire, engine, scoring, storage, reports and the
CLI's non-interactive commands leave textual and rich out. matplotlib is imported only when a
chart is drawn, so commands without charts do not pay for it. Parsing the command line
imports only the standard library, so that each command pays only for what it uses."""

import subprocess
import sys

CORE_MODULES = [
    "interview.questionnaire",
    "interview.tomlfile",
    "interview.errors",
    "interview.scoring",
    "interview.targets",
    "interview.engine.views",
    "interview.gap",
    "interview.standings",
    "interview.history",
    "interview.consolidation",
    "interview.levels_csv",
    "interview.sectors",
    "interview.files",
    "interview.filemodel",
    "interview.versioned",
    "interview.session.model",
    "interview.session.store",
    "interview.session.checks",
    "interview.session.migrations",
    "interview.engine.interview",
    "interview.engine.summary",
    "interview.services",
    "interview.services.comparison",
    "interview.services.records",
    "interview.report.charts",
    "interview.report.history_chart",
    "interview.render.words",
    "interview.render.rows",
    "interview.render.document",
    "interview.render.gap_document",
    "interview.render.session_document",
    "interview.render.history_document",
    "interview.render.text",
    "interview.render.fit",
    "interview.render.columns",
    "interview.render.plain",
    "interview.render.markdown",
    "interview.render.html",
    "interview.render.json_output",
    "interview.render.csv_output",
    "interview.cli",
    "interview.cli.cycle_commands",
    "interview.cli.gap_commands",
    "interview.cli.history_commands",
    "interview.cli.model_commands",
    "interview.cli.plan_commands",
    "interview.cli.profile_commands",
    "interview.cli.session_commands",
    "interview.cli.sector_advice",
]


def printed_by(*statements: str) -> str:
    """What a fresh Python prints after running the statements (so no import is cached)."""
    program = "; ".join(["import sys", *statements])
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_core_does_not_import_textual_or_rich() -> None:
    leaked = printed_by(
        *(f"import {module}" for module in CORE_MODULES),
        "from interview.questionnaire import load_questionnaire",
        "load_questionnaire()",
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'}))",
    )
    assert leaked == "[]"


def test_matplotlib_waits_for_a_chart() -> None:
    imports = (f"import {module}" for module in CORE_MODULES)
    assert printed_by(*imports, "print('matplotlib' in sys.modules)") == "False"


def test_the_command_line_is_parsed_before_anything_heavy_is_imported() -> None:
    heavy = printed_by(
        "from interview.cli.parser import build_parser",
        "build_parser().parse_args(['gap', 'target', 'current', '--format', 'html'])",
        "heavy = {'pydantic', 'textual', 'rich', 'transitions', 'filelock', 'matplotlib'}",
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))",
    )
    assert heavy == "[]"


def test_the_session_files_do_not_import_the_engine() -> None:
    """What a valid session file is belongs to the file format, not to the interview's prompts
    (smm 0.1's store checked answers by building the engine's prompts)."""
    engine = printed_by(
        "import interview.session.store, interview.session.checks, interview.session.migrations",
        "print(sorted(m for m in sys.modules if m.startswith('interview.engine')))",
    )
    assert engine == "[]"


def test_the_document_libraries_wait_for_their_format() -> None:
    """fpdf2, python-docx and openpyxl are imported only when a PDF, Word or Excel file is
    written: a report printed as text, Markdown or HTML pays for none of them."""
    loaded = printed_by(
        *(f"import {module}" for module in CORE_MODULES),
        "import interview.render.formats",
        "from interview.render.document import Document",
        "from interview.render.formats import written",
        "[written(Document('x'), form) for form in ('text', 'md', 'html')]",
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'fpdf', 'docx', 'openpyxl'}))",
    )
    assert loaded == "[]"
    pdf = printed_by(
        "from interview.render.document import Document",
        "from interview.render.formats import written",
        "written(Document('x'), 'pdf')",
        "print('fpdf' in sys.modules)",
    )
    assert pdf == "True"
