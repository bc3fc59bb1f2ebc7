"""The demo: two partnerships, Northshire and Eastmere, with every capability in use, so a new
user sees the service working (`make run` loads it; the tests start from it). Not the product:
no product app imports this package (it stands last in settings.MACS_APPS)."""
