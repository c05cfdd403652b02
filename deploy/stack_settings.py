"""The server stack's settings (deploy/stack.sh): production settings, plus the shared services.

Redis is the cache every gunicorn worker shares (the public forms' rate limits and the hub's table
must count and be seen across worker processes); the django-tasks database queue carries the
background jobs (attachment text for search) to ``manage.py db_worker``.
"""

import os

from example_site.settings_production import *  # noqa: F403 — production, then the services
from example_site.settings_production import INSTALLED_APPS

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
    }
}
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks", "django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The loopback stack speaks plain HTTP behind nginx; a real site sets neither (HTTPS at nginx).
if os.environ.get("STACK_PLAIN_HTTP") == "1":
    SECURE_SSL_REDIRECT = False
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
    SECURE_HSTS_SECONDS = 0

if os.environ.get("DJANGO_STATIC_ROOT"):
    STATIC_ROOT = os.environ["DJANGO_STATIC_ROOT"]
