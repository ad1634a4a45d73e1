"""The medspaCy components the reader uses, imported without NLTK and without muting warnings.

Any ``import medspacy.…`` runs medspaCy's package ``__init__``, which imports QuickUMLS (from
``medspacy.util``), which imports NLTK: about 15 MB resident and a third of a second, for a
component this package never builds (NLTK only gives QuickUMLS its stop words when a QuickUMLS
matcher is made). So NLTK is first put in ``sys.modules`` as a placeholder that imports the
real NLTK the first time one of its attributes is read; nothing here reads one. (The standard
``importlib.util.LazyLoader`` does not do: on Python 3.11 a second ``import nltk`` reads the
module's ``__spec__``, which loads it.)

medspaCy also calls ``warnings.filterwarnings("ignore")`` when imported, silencing every
warning of the process; the import runs inside ``catch_warnings``, which keeps that to it.

The package ``__init__`` imports this module before anything else of the package, so every
later ``import medspacy`` finds medspaCy already imported this way.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
import warnings
from importlib.machinery import ModuleSpec


class ImportedOnFirstUse(types.ModuleType):
    """Stands in for a module in ``sys.modules`` until an attribute it lacks is read; then the
    real module is imported, replaces it in ``sys.modules`` and answers from then on. Its
    ``__spec__`` and ``__file__`` are the real module's, so checks of those load nothing."""

    def __init__(self, spec: ModuleSpec) -> None:
        super().__init__(spec.name)
        self.__spec__ = spec
        self.__file__ = spec.origin

    def __getattr__(self, name: str) -> object:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        module = importlib.import_module(self.__name__)
        self.__dict__.update(module.__dict__)
        return getattr(module, name)


def import_on_first_use(name: str) -> None:
    """Put a placeholder for module `name` in ``sys.modules`` (if it is installed and not
    imported yet)."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is not None:
        sys.modules[name] = ImportedOnFirstUse(spec)


import_on_first_use("nltk")
with warnings.catch_warnings():
    from medspacy.common.util import prune_overlapping_matches
    from medspacy.context import ConText, ConTextRule
    from medspacy.target_matcher import TargetMatcher, TargetRule

__all__ = ["ConText", "ConTextRule", "TargetMatcher", "TargetRule", "prune_overlapping_matches"]
