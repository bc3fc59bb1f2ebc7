"""The bad-input harness: its registry (`registry.py`) and each app's forms in it, one module
per app. Used by tests/test_fuzz.py; no product app imports this package."""
