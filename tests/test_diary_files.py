"""The diary's files: private modes whatever the umask, and files it must not use or touch."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from sciatica_cli.cli.exit_codes import ExitCode, code_for_error
from sciatica_cli.errors import DataError
from sciatica_cli.storage.diary import FILE_NAME, Diary
from sciatica_cli.storage.files import (
    FileState,
    _refuse_other_formats,
    create_private,
    inspect,
    make_private_folders,
    shown,
)
from sciatica_cli.storage.migrations import APPLICATION_ID

ALL_CLEAR = "n\n" * 40


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def open_umask():
    old = os.umask(0)
    yield
    os.umask(old)


def test_folders_and_diary_are_private_even_under_umask_000(tmp_path, open_umask):
    folder = tmp_path / "home" / "share" / "sciatica"
    Diary.open(folder).close()
    assert [mode(p) for p in (tmp_path / "home", folder.parent, folder)] == [0o700] * 3
    assert mode(folder / FILE_NAME) == 0o600


def test_a_looser_diary_of_ours_is_made_private_with_a_note(tmp_path):
    Diary.open(tmp_path).close()
    os.chmod(tmp_path / FILE_NAME, 0o666)
    notes: list[str] = []
    Diary.open(tmp_path, on_note=notes.append).close()
    assert mode(tmp_path / FILE_NAME) == 0o600
    assert notes == [
        f"the diary {tmp_path / FILE_NAME} could be read or changed by others (mode 666); "
        "it is now private to you (mode 600)."
    ]


def refused(folder: Path) -> str:
    with pytest.raises(DataError) as caught:
        Diary.open(folder)
    assert code_for_error(caught.value) is ExitCode.DATA_ERROR
    message = caught.value.message
    assert message.startswith(f"cannot use the diary {folder / FILE_NAME}: ")
    assert "It was left as it is; " in message
    return message


def test_a_dangling_symlink_is_refused_and_its_target_never_created(tmp_path):
    target = tmp_path / "elsewhere" / "victim.db"
    (tmp_path / FILE_NAME).symlink_to(target)
    assert "it is a symbolic link" in refused(tmp_path)
    assert not target.exists() and not target.parent.exists()


def test_a_symlink_to_a_real_diary_is_refused_too(tmp_path):
    Diary.open(tmp_path / "real").close()
    (tmp_path / FILE_NAME).symlink_to(tmp_path / "real" / FILE_NAME)
    assert "remove the link, or put the file it points to in its place" in refused(tmp_path)


def test_a_fifo_is_refused_without_opening_it(tmp_path):
    os.mkfifo(tmp_path / FILE_NAME)
    assert "it is not a regular file" in refused(tmp_path)
    assert stat.S_ISFIFO(os.lstat(tmp_path / FILE_NAME).st_mode)


def test_a_folder_at_the_diarys_path_is_refused(tmp_path):
    (tmp_path / FILE_NAME).mkdir()
    assert "it is not a regular file" in refused(tmp_path)


def test_an_empty_file_that_others_can_write_is_refused(tmp_path):
    (tmp_path / FILE_NAME).touch()
    os.chmod(tmp_path / FILE_NAME, 0o666)
    message = refused(tmp_path)
    assert "others can write to it, so sciatica did not create it" in message
    assert f"chmod 600 {tmp_path / FILE_NAME}" in message
    assert (tmp_path / FILE_NAME).read_bytes() == b""
    assert mode(tmp_path / FILE_NAME) == 0o666


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_a_file_of_another_user_is_refused(tmp_path):
    (tmp_path / FILE_NAME).touch(mode=0o600)
    os.chown(tmp_path / FILE_NAME, 4242, 4242)
    assert "it belongs to another user" in refused(tmp_path)
    assert (tmp_path / FILE_NAME).read_bytes() == b""


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"my shopping list\n")
    reason = ": it is not a sciatica diary (not an SQLite file). It was left as it is;"
    assert reason in refused(tmp_path)
    assert (tmp_path / FILE_NAME).read_bytes() == b"my shopping list\n"


def foreign_database(path: Path, application_id: int = 0) -> bytes:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
    db.execute("INSERT INTO recipes VALUES ('soup', 40)")
    db.execute(f"PRAGMA application_id = {application_id}")
    db.commit()
    db.close()
    return path.read_bytes()


def diary_with_another_id(path: Path) -> bytes:
    """Our own tables, but another program's application_id: still not ours."""
    Diary.open(path.parent).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 1234")
    db.commit()
    db.close()
    return path.read_bytes()


def test_the_foreign_file_guard_says_what_it_is_and_what_to_do(tmp_path):
    foreign_database(tmp_path / FILE_NAME)
    assert refused(tmp_path) == (
        f"cannot use the diary {tmp_path / FILE_NAME}: it is not a sciatica diary but another "
        "program's database. It was left as it is; set SCIATICA_DATA_DIR to another folder, "
        "or move the file aside, to start a new diary."
    )


def test_a_diary_from_a_newer_version_is_refused_untouched(tmp_path):
    db = sqlite3.connect(tmp_path / FILE_NAME)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    before = (tmp_path / FILE_NAME).read_bytes()
    message = refused(tmp_path)
    assert (
        "it was written by a newer version of sciatica (schema 99; this one reads up to" in message
    )
    assert "update sciatica to read it" in message
    assert (tmp_path / FILE_NAME).read_bytes() == before


def make_foreign(kind: str, path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "other tables":
        return foreign_database(path)
    if kind == "other application_id":
        return foreign_database(path, application_id=0x4D504442)
    return diary_with_another_id(path)


FOREIGN = ["other tables", "other application_id", "our tables with another id"]


@pytest.mark.parametrize("kind", FOREIGN)
def test_history_refuses_another_programs_database_byte_for_byte(run, make_env, tmp_path, kind):
    path = tmp_path / "data" / FILE_NAME
    before = make_foreign(kind, path)
    env = make_env()
    result = run("history", obj=env)
    assert result.exit_code == ExitCode.DATA_ERROR
    [line] = env.stderr.getvalue().splitlines()
    assert line.startswith(f"Error: cannot use the diary {path}: it is not a sciatica diary")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [FILE_NAME]  # no journal left


@pytest.mark.parametrize("kind", FOREIGN)
def test_check_symptoms_goes_on_unrecorded_beside_another_programs_database(
    run, make_env, tmp_path, kind
):
    path = tmp_path / "data" / FILE_NAME
    before = make_foreign(kind, path)
    env = make_env(stdin=ALL_CLEAR)
    result = run("check-symptoms", "--json", obj=env)
    assert result.exit_code == ExitCode.OK
    assert json.loads(env.stdout.getvalue())["may_massage"] is True
    assert "it is not a sciatica diary" in env.stderr.getvalue()
    assert "This run is not recorded." in env.stderr.getvalue()
    assert path.read_bytes() == before


@pytest.mark.parametrize("setup", ["fifo", "dangling link", "empty and writable by others"])
def test_history_exits_6_and_the_safety_check_goes_on_for_a_path_it_cannot_trust(
    run, make_env, tmp_path, setup
):
    data = tmp_path / "data"
    data.mkdir()
    path = data / FILE_NAME
    if setup == "fifo":
        os.mkfifo(path)
    elif setup == "dangling link":
        path.symlink_to(tmp_path / "nowhere.db")
    else:
        path.touch()
        os.chmod(path, 0o666)
    env = make_env()
    assert run("history", obj=env).exit_code == ExitCode.DATA_ERROR
    assert f"Error: cannot use the diary {path}: " in env.stderr.getvalue()
    # The diary cannot say whether a session stopped today: that is asked first ("n").
    env = make_env(stdin="n\ny\n")
    assert run("guide", "calf", obj=env).exit_code == ExitCode.EMERGENCY
    assert "This run is not recorded." in env.stderr.getvalue()
    assert not (tmp_path / "nowhere.db").exists()


def test_a_file_name_cannot_drive_the_terminal_through_a_message(tmp_path):
    folder = tmp_path / "evil\x1b]0;owned\x07\x1b[2J"
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(b"not a diary")
    with pytest.raises(DataError) as caught:
        Diary.open(folder)
    assert "\x1b" not in caught.value.message and "\x07" not in caught.value.message
    assert "evil\\x1b]0;owned\\x07\\x1b[2J" in caught.value.message


def test_only_the_control_characters_of_a_path_are_escaped():
    path = Path("/home/me/caf\u00e9 \\ 'notes'/\x1b[2J\n/diary.sqlite3")
    assert shown(path) == "/home/me/caf\u00e9 \\ 'notes'/\\x1b[2J\\n/diary.sqlite3"


def test_history_tightens_a_readable_diary_and_says_so(run, make_env, tmp_path):
    Diary.open(tmp_path / "data").close()
    path = tmp_path / "data" / FILE_NAME
    os.chmod(path, 0o644)
    env = make_env()
    assert run("history", obj=env).exit_code == 0
    assert env.stderr.getvalue() == (
        f"Note: the diary {path} could be read or changed by others (mode 644); "
        "it is now private to you (mode 600).\n"
    )
    assert mode(path) == 0o600


def test_a_folder_that_cannot_be_made_is_named_with_where_to_go_instead(run, make_env, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = make_env(data_dir_override=blocker / "data")
    result = run("log", "5", "5", obj=env)
    assert result.exit_code == 6
    err = env.stderr.getvalue() + result.stderr
    assert f"the diary's folder {blocker / 'data'} cannot be made" in err
    assert "set SCIATICA_DATA_DIR to a folder you can write to" in err
    assert "left as it is" not in err and blocker.read_text() == "not a folder"


def test_a_path_swapped_for_a_link_after_the_look_is_not_followed(tmp_path):
    Diary.open(tmp_path / "real").close()
    (tmp_path / FILE_NAME).symlink_to(tmp_path / "real" / FILE_NAME)
    with pytest.raises(OSError) as caught:
        _refuse_other_formats(tmp_path / FILE_NAME)
    assert caught.value.errno == errno.ELOOP


def test_a_path_swapped_for_a_fifo_after_the_look_is_refused_at_once(tmp_path):
    fifo = tmp_path / FILE_NAME
    os.mkfifo(fifo)
    caught: list[DataError] = []
    worker = threading.Thread(target=lambda: caught.extend(refusals(_refuse_other_formats, fifo)))
    worker.start()
    worker.join(timeout=5)
    hung = worker.is_alive()
    if hung:  # the open waits for a writer: be one, so that the test ends
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join()
    assert not hung
    assert [error.message for error in caught] == [
        f"cannot use the diary {fifo}: it is not a regular file. It was left as it is; "
        "move it aside (or set SCIATICA_DATA_DIR to another folder) to start a new diary."
    ]


def refusals(check, path: Path) -> list[DataError]:
    try:
        check(path)
    except DataError as error:
        return [error]
    return []


def test_a_new_diary_file_is_private_from_the_moment_it_exists(tmp_path, open_umask, monkeypatch):
    modes_seen: list[int] = []
    fchmod = os.fchmod

    def noting_fchmod(fd: int, mode: int) -> None:
        modes_seen.append(stat.S_IMODE(os.fstat(fd).st_mode))
        fchmod(fd, mode)

    monkeypatch.setattr(os, "fchmod", noting_fchmod)
    create_private(tmp_path / FILE_NAME)
    assert modes_seen == [0o600]
    assert mode(tmp_path / FILE_NAME) == 0o600
    assert (tmp_path / FILE_NAME).read_bytes() == b""


def test_a_file_that_appeared_before_the_diary_was_created_is_checked_untouched(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"my shopping list\n")
    os.chmod(tmp_path / FILE_NAME, 0o644)
    with pytest.raises(DataError, match=r"it is not a sciatica diary \(not an SQLite file\)"):
        create_private(tmp_path / FILE_NAME)
    assert (tmp_path / FILE_NAME).read_bytes() == b"my shopping list\n"
    assert mode(tmp_path / FILE_NAME) == 0o644


def test_files_are_created_and_checked_where_the_system_has_no_o_nofollow(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "O_NOFOLLOW")
    create_private(tmp_path / FILE_NAME)
    _refuse_other_formats(tmp_path / FILE_NAME)  # empty, so not refused
    assert mode(tmp_path / FILE_NAME) == 0o600


LEAVE_IT = "move it aside (or set SCIATICA_DATA_DIR to another folder) to start a new diary."


def inspect_refusal(path: Path) -> str:
    with pytest.raises(DataError) as caught:
        inspect(path)
    return caught.value.message


def test_a_missing_diary_is_reported_as_not_there(tmp_path):
    state = inspect(tmp_path / FILE_NAME)
    assert state == FileState(exists=False) and state.exists is False


def test_the_look_before_opening_names_a_link_and_what_to_do(tmp_path):
    (tmp_path / FILE_NAME).symlink_to(tmp_path / "nowhere")
    assert inspect_refusal(tmp_path / FILE_NAME) == (
        f"cannot use the diary {tmp_path / FILE_NAME}: it is a symbolic link, and the diary "
        "must be a file of its own. It was left as it is; remove the link, or put the file it "
        "points to in its place."
    )


def test_the_look_before_opening_names_a_fifo_and_what_to_do(tmp_path):
    os.mkfifo(tmp_path / FILE_NAME)
    assert inspect_refusal(tmp_path / FILE_NAME) == (
        f"cannot use the diary {tmp_path / FILE_NAME}: it is not a regular file (it is a FIFO, "
        f"a folder or a device). It was left as it is; {LEAVE_IT}"
    )


def test_the_look_before_opening_names_a_file_of_another_user(tmp_path, monkeypatch):
    (tmp_path / FILE_NAME).touch(mode=0o600)
    monkeypatch.setattr(os, "geteuid", lambda: os.lstat(tmp_path / FILE_NAME).st_uid + 1)
    assert inspect_refusal(tmp_path / FILE_NAME) == (
        f"cannot use the diary {tmp_path / FILE_NAME}: it belongs to another user. "
        f"It was left as it is; {LEAVE_IT}"
    )


def test_an_empty_file_others_cannot_write_is_taken_as_it_is(tmp_path):
    (tmp_path / FILE_NAME).touch()
    os.chmod(tmp_path / FILE_NAME, 0o645)  # others may read and run it, not write
    assert inspect(tmp_path / FILE_NAME) == FileState(exists=True, mode=0o645, size=0)


def test_the_look_before_opening_reports_a_diarys_mode_and_size(tmp_path):
    Diary.open(tmp_path).close()
    size = os.path.getsize(tmp_path / FILE_NAME)
    assert size > 0
    assert inspect(tmp_path / FILE_NAME) == FileState(exists=True, mode=0o600, size=size)


def test_the_look_before_opening_names_an_empty_file_others_can_write(tmp_path):
    (tmp_path / FILE_NAME).touch()
    os.chmod(tmp_path / FILE_NAME, 0o620)
    assert inspect_refusal(tmp_path / FILE_NAME) == (
        f"cannot use the diary {tmp_path / FILE_NAME}: it is empty and others can write to it, "
        "so sciatica did not create it. It was left as it is; remove it to start a new diary, "
        f"or make it private (chmod 600 {tmp_path / FILE_NAME})."
    )


def test_only_missing_folders_are_made_each_private_from_its_first_instant(
    tmp_path, open_umask, monkeypatch
):
    made: list[Path] = []
    modes_seen: list[int] = []
    mkdir, chmod = os.mkdir, os.chmod

    def noting_mkdir(path, mode=0o777):
        made.append(Path(path))
        mkdir(path, mode)

    def noting_chmod(path, mode):
        modes_seen.append(stat.S_IMODE(os.stat(path).st_mode))
        chmod(path, mode)

    monkeypatch.setattr(os, "mkdir", noting_mkdir)
    monkeypatch.setattr(os, "chmod", noting_chmod)
    make_private_folders(tmp_path / "a" / "b")
    assert made == [tmp_path / "a", tmp_path / "a" / "b"]
    assert modes_seen == [0o700, 0o700]


def test_a_folder_another_run_makes_meanwhile_is_kept_and_the_rest_still_made(
    tmp_path, monkeypatch
):
    mkdir = os.mkdir

    def another_run_was_first(path, mode=0o777):
        if Path(path) == tmp_path / "a":
            mkdir(path, mode)
            raise FileExistsError(path)
        mkdir(path, mode)

    monkeypatch.setattr(os, "mkdir", another_run_was_first)
    make_private_folders(tmp_path / "a" / "b")
    assert mode(tmp_path / "a" / "b") == 0o700


def test_a_folder_that_cannot_be_made_says_why_and_where_to_go(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(DataError) as caught:
        make_private_folders(tmp_path / "a-file" / "data")
    assert caught.value.message == (
        f"the diary's folder {tmp_path / 'a-file' / 'data'} cannot be made (Not a directory); "
        "set SCIATICA_DATA_DIR to a folder you can write to"
    )
