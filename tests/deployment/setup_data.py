# Run by the deployment test through `manage.py shell -c` against the throwaway database: the
# MACS content and the demo, a second factor with a known key for two people, and what the
# test needs to know, printed as one JSON line.
import json
import os

from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from accounts.models import User
from demo.partnerships import DEMO_PASSWORD, load_demo
from framework.loader import load_edition
from surveys.models import Wave

load_edition()
load_demo()
keys = json.loads(os.environ["MACS_DEPLOYMENT_KEYS"])
people = {
    "lead": "la-lead@northshire.example",
    "manager": "manager@northshire.example",
    "officer": "officer@northshire.example",
    "chair": "chair@northshire.example",
}
for who, key in keys.items():
    TOTPDevice.objects.create(user=User.objects.get(email=people[who]), name="App", key=key)
with scopes_disabled():
    wave = next(
        w for w in Wave.objects.filter(partnership__slug="northshire", mode="link") if w.is_open
    )
print(
    json.dumps(
        {
            "people": people,
            "password": DEMO_PASSWORD,
            "slug": "northshire",
            "wave": wave.link_token,
            "wave_id": wave.pk,
        }
    )
)
