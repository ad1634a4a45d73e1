"""A module put off until first use: a placeholder in sys.modules that imports the real module
when one of its attributes is read (how the red-flag reader leaves out NLTK)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from bot.rules.red_flags.medspacy_parts import ImportedOnFirstUse, import_on_first_use

PACKAGE = "put_off_until_used"


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A package on sys.path that counts its imports in `IMPORTED` (a list on `sys`)."""
    folder = tmp_path / PACKAGE
    folder.mkdir()
    (folder / "__init__.py").write_text("import sys\nsys.IMPORTED.append(__name__)\nVALUE = 42\n")
    (folder / "part.py").write_text("NAME = 'part'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "IMPORTED", [], raising=False)
    yield PACKAGE
    for name in [PACKAGE, f"{PACKAGE}.part"]:
        sys.modules.pop(name, None)


def imported() -> list[str]:
    return list(sys.IMPORTED)  # type: ignore[attr-defined]


def test_the_placeholder_runs_nothing_of_the_module(package: str) -> None:
    import_on_first_use(package)

    assert isinstance(sys.modules[package], ImportedOnFirstUse)
    assert imported() == []


def test_importing_it_again_runs_nothing_either(package: str) -> None:
    import_on_first_use(package)

    module = importlib.import_module(package)

    assert isinstance(module, ImportedOnFirstUse)
    assert imported() == []


def test_its_spec_and_file_are_the_real_modules_without_importing_it(package: str) -> None:
    import_on_first_use(package)
    module = sys.modules[package]

    assert module.__spec__ is not None
    assert module.__spec__.name == package
    assert str(module.__file__).endswith("__init__.py")
    assert imported() == []


def test_reading_an_attribute_imports_the_real_module_once(package: str) -> None:
    import_on_first_use(package)
    placeholder = sys.modules[package]

    assert placeholder.VALUE == 42
    assert placeholder.VALUE == 42
    assert imported() == [package]
    assert type(sys.modules[package]) is ModuleType


def test_importing_a_submodule_imports_the_package_first(package: str) -> None:
    import_on_first_use(package)

    part = importlib.import_module(f"{package}.part")

    assert part.NAME == "part"
    assert imported() == [package]


def test_a_module_already_imported_is_left_alone(package: str) -> None:
    real = importlib.import_module(package)

    import_on_first_use(package)

    assert sys.modules[package] is real


def test_a_module_not_installed_gets_no_placeholder() -> None:
    import_on_first_use("no_such_module_here")

    assert "no_such_module_here" not in sys.modules
