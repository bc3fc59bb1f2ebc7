"""The national-scale benchmark (`make bench`): seed_national (seed.py), the page timings
(bench.py) and the load run through gunicorn (load.py). It may import every app, and no product
app imports it."""
