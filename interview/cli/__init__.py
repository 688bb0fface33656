"""The ``smm`` command: argument parsing, and error handling shared by every command.

Exit codes: :class:`interview.cli.exit_codes.ExitCode` (README.md, "Exit codes").
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence

from interview.cli.exit_codes import ExitCode
from interview.cli.parser import build_parser, default_sessions_dir, handler_of
from interview.errors import InputError, printable

OUTPUT_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EIO}
"""Errors of writing to standard output: a full disk or quota, or a terminal that went away."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    arguments = build_parser().parse_args(argv)
    if getattr(arguments, "sessions_dir", "absent") is None:
        arguments.sessions_dir = default_sessions_dir()
    if arguments.command is None:  # plain `smm`: the start screen
        arguments.questionnaire = None
        arguments.sessions_dir = default_sessions_dir()
    try:
        _check_places(arguments)
        code = handler_of(arguments)(arguments)
        sys.stdout.flush()  # so that a failed write (a full disk) is reported here, not at exit
        return code
    except InputError as error:
        for line in error.lines:
            print(f"smm: {line}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``smm model | head``): not an error worth a message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.OK
    except Exception as error:
        if os.environ.get("SMM_DEBUG"):
            raise
        if isinstance(error, OSError) and error.errno in OUTPUT_ERRORS:
            print(f"smm: cannot write the output ({error.strerror})", file=sys.stderr)
            return ExitCode.FAILURE
        print(
            f"smm: unexpected error: {printable(repr(error))} "
            "(run again with SMM_DEBUG=1 for details, and please report it)",
            file=sys.stderr,
        )
        return ExitCode.FAILURE


def _check_places(arguments: argparse.Namespace) -> None:
    """Before any work: a sessions folder whose path cannot be used (a name too long) is
    refused in one line, and so is ``-o`` naming a file of the sessions folder. The files an
    earlier command of this process read are not this command's inputs."""
    from interview.files import forget_files_read, status_of

    forget_files_read()
    sessions_dir = getattr(arguments, "sessions_dir", None)
    if sessions_dir is None:
        return
    status_of(sessions_dir, "the sessions folder")
    output = getattr(arguments, "output", None)
    if output is not None:
        from interview.cli.output import refuse_output_into_sessions

        refuse_output_into_sessions(output, sessions_dir)
