"""Standard output and error that never crash the run.

Three things used to end a run with a traceback or a wrong exit code: a symbol the output's
encoding cannot hold (exit 70 at "·"), a write that fails (`> /dev/full`: exit 70 or 120,
and an emergency check's 4 lost), and a reader that closed the pipe early (exit 1, which
means "validate found problems"). `guard_standard_streams` puts stdout and stderr on a
writer that writes ASCII forms of such symbols and, when the file descriptor refuses a
write, keeps the reason and drops the rest of the output instead of raising. The command
runs to its end, so its exit code (a check's 4 above all) stands:

- a closed pipe (`sciatica techniques | head -1`) ends quietly with the command's own code;
- any other failed write says so once on stderr, and a run that would have ended with 0
  ends with 74 (OUTPUT_ERROR) instead.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from typing import TYPE_CHECKING, TextIO

from sciatica_cli.cli.exit_codes import ExitCode
from sciatica_cli.presentation import ascii_forms

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


class _GuardedWriter(io.RawIOBase):
    """Writes to a file descriptor; after a refused write, drops everything quietly."""

    def __init__(self, fd: int, report: TextIO | None) -> None:
        super().__init__()
        self._fd = fd
        self._report = report  # where to say that a write failed (None: nowhere)
        self.failure: OSError | None = None

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: ReadableBuffer) -> int:
        size = memoryview(data).nbytes
        if self.failure is not None:
            return size
        try:
            return os.write(self._fd, data)
        except BlockingIOError:
            raise  # the buffer above waits and tries again
        except OSError as exc:
            self.failure = exc
            self._say(exc)
            return size

    def _say(self, exc: OSError) -> None:
        if exc.errno == errno.EPIPE or self._report is None:
            return  # the reader has had enough: not an error
        reason = exc.strerror or type(exc).__name__
        try:
            print(f"Error: the output could not be written ({reason}).", file=self._report)
            self._report.flush()
        except (OSError, ValueError):
            pass  # stderr is gone as well: the exit code still says it


class GuardedStreams:
    def __init__(self) -> None:
        self.writers: list[_GuardedWriter] = []
        self.stdout_writer: _GuardedWriter | None = None

    def exit_code(self, code: int) -> int:
        """The run's exit code once the output is flushed: 74 for lost output after a 0."""
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except (OSError, ValueError):
                pass
        failure = self.stdout_writer.failure if self.stdout_writer else None
        if code == 0 and failure is not None and failure.errno != errno.EPIPE:
            return int(ExitCode.OUTPUT_ERROR)
        return code


def guard_standard_streams() -> GuardedStreams:
    """Replaces sys.stdout and sys.stderr (text files on a descriptor) with guarded ones."""
    handler = ascii_forms.register()
    guarded = GuardedStreams()
    stderr = _guarded(sys.stderr, handler, None, guarded)
    if stderr is not None:
        sys.stderr = stderr
    stdout = _guarded(sys.stdout, handler, sys.stderr, guarded)
    if stdout is not None:
        sys.stdout = stdout
        guarded.stdout_writer = guarded.writers[-1]
    return guarded


def _guarded(
    stream: TextIO | None, handler: str, report: TextIO | None, guarded: GuardedStreams
) -> TextIO | None:
    if not isinstance(stream, io.TextIOWrapper):
        return None  # closed before start-up (None), or already replaced: leave it
    try:
        fd = stream.fileno()
        stream.flush()
    except (OSError, ValueError):
        return None
    writer = _GuardedWriter(fd, report)
    guarded.writers.append(writer)
    return io.TextIOWrapper(
        io.BufferedWriter(writer),
        encoding=stream.encoding,
        errors=handler,
        # Python's stderr has no buffer of its own (its `buffer` is the raw file): every
        # line goes out as written. The BufferedWriter here would hold a note such as the
        # missing speech engine until the run ends, so lines are flushed as they end.
        line_buffering=stream.line_buffering or not isinstance(stream.buffer, io.BufferedWriter),
        write_through=stream.write_through,
    )
