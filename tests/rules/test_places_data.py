"""The committed city data is what ``bot.rules.places_build`` makes from the pinned GeoNames
package (so a change to ``gazetteer.fold`` or to the builder cannot go out without new data)."""

from __future__ import annotations

import gzip

from bot.rules.gazetteer import DATA_FILE
from bot.rules.places_build import lines


def test_the_data_file_is_what_the_builder_makes() -> None:
    committed = gzip.decompress(DATA_FILE.read_bytes()).decode("utf-8")
    assert committed == "".join(lines()), "rebuild it: python -m bot.rules.places_build"
