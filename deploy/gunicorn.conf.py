"""gunicorn for the app: 2 workers on loopback, only nginx in front reaches them."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
wsgi_app = "example_site.wsgi:application"
pythonpath = os.environ.get("STACK_PYTHONPATH", ".,example_site,deploy")
raw_env = [f"DJANGO_SETTINGS_MODULE={os.environ.get('DJANGO_SETTINGS_MODULE', 'stack_settings')}"]
timeout = 60
accesslog = "-"
# The workers load the app before forking, so they share the Thai dictionary's pages.
preload_app = True
