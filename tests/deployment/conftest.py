"""The deployment test runs only from `make deployment-test` (which starts PostgreSQL and says
so with MACS_DEPLOYMENT_TEST=1): it needs nginx, a PostgreSQL cluster and about a minute."""

import os

collect_ignore_glob = [] if os.environ.get("MACS_DEPLOYMENT_TEST") == "1" else ["test_*.py"]
