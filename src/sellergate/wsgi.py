"""The WSGI application served by granian (see sellergate.cli)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sellergate.settings")
application = get_wsgi_application()
