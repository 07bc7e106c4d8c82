"""Option values checked without Pydantic, so that a command does not wait for it to load.

Typer 0.29 checks every value that is not a plain flag with a Pydantic `TypeAdapter`,
built the first time the parameter is used. Importing Pydantic and building the adapters
is about a third of `sciatica techniques` (some 55 ms on the project machine), and even
`sciatica guide --help` paid it, for the root's `--content-dir`. This program's options are
text, whole numbers within bounds, and folders: none needs Pydantic to check a good value.

So each parameter gets a light checker. It takes the values it is sure about (text, a plain
whole number within the bounds, a path that `typer` then checks for existence itself) and
hands anything else to Typer's own checker, built only then: a bad value gets exactly the
error message Typer gives. This leans on Typer's private `_runtime_param`; `install` is
called under `contextlib.suppress(ImportError)`, so a Typer without it just starts slower.
tests/test_light_params.py checks the results match Typer's own for good and bad values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer._click.core import Command, Context
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_path, routes_to_path
from typer.core import TyperGroup, _TyperParameter
from typer.models import ParameterInfo

# A whole number as Python and Pydantic both read it; anything else goes to Typer's checker.
_WHOLE_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_NOT_SURE = object()


@dataclass(frozen=True)
class LightParam(RuntimeParam):
    """Checks the values it is sure of; Typer's Pydantic checker does the rest."""

    descriptor: TypeDescriptor

    def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
        if isinstance(value, (list, tuple)) and self.descriptor.is_list:
            (inner,) = getattr(self.annotation, "__args__", (None,))
            items = [_leaf(inner, self.parameter_info, item, param, ctx) for item in value]
            result: Any = _NOT_SURE if _NOT_SURE in items else items
        else:
            result = _leaf(self.annotation, self.parameter_info, value, param, ctx)
        if result is _NOT_SURE:
            return build_runtime_param(self.descriptor).coerce(value, param=param, ctx=ctx)
        return result


def _leaf(annotation: Any, info: ParameterInfo, value: Any, param: Any, ctx: Context) -> Any:
    """One value, checked, or _NOT_SURE when only Typer's own checker should decide."""
    if info.parser is not None:
        return _NOT_SURE
    if annotation is str:
        return value if isinstance(value, str) else _NOT_SURE
    if annotation is int:
        return _whole_number(value, info)
    if isinstance(annotation, type) and issubclass(annotation, Path):
        if info.path_type is not None or not routes_to_path(annotation, info):
            return _NOT_SURE
        if isinstance(value, str) and value:
            value = annotation(value)
        if not isinstance(value, annotation):
            return _NOT_SURE
        return coerce_cli_path(value, info, path_type=annotation, param=param, ctx=ctx)
    return _NOT_SURE


def _whole_number(value: Any, info: ParameterInfo) -> Any:
    if info.clamp:
        return _NOT_SURE
    if isinstance(value, str) and _WHOLE_NUMBER.fullmatch(value):
        number = int(value)
    elif type(value) is int:
        number = value
    else:
        return _NOT_SURE
    too_low = info.min is not None and number < info.min
    too_high = info.max is not None and number > info.max
    return _NOT_SURE if too_low or too_high else number


def install(command: Command) -> None:
    """Give every parameter of `command` and of its subcommands a light checker."""
    for param in command.params:
        _lighten(param)
    if not hasattr(command, "_light_help_option"):
        # The -h/--help option is made the first time a run asks for it, with that run's
        # context; it is checked like any other option, so it gets a light checker then.
        make_help_option = command.get_help_option

        def light_help_option(ctx: Context) -> Any:
            option = make_help_option(ctx)
            _lighten(option)
            return option

        setattr(command, "get_help_option", light_help_option)  # noqa: B010
        setattr(command, "_light_help_option", True)  # noqa: B010
    if isinstance(command, TyperGroup):
        for subcommand in command.commands.values():
            install(subcommand)


def _lighten(param: object) -> None:
    # getattr: a Typer that no longer has the private slot keeps its own checks.
    if isinstance(param, _TyperParameter) and getattr(param, "_runtime_param", False) is None:
        descriptor = param.type_descriptor
        param._runtime_param = LightParam(
            parameter_info=descriptor.parameter_info,
            annotation=descriptor.annotation,
            descriptor=descriptor,
        )
