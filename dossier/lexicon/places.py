"""Words that say what kind of place a name is."""

from __future__ import annotations

# A water word in a toponym ("the Zambezi River", "Lake Malawi", "the Red Sea") favours a
# physical feature of the gazetteer over a town of the same name.
WATER_WORDS = ("river", "lake", "sea")
