"""Training code for the small learned components; run offline, artifacts ship in the package."""
