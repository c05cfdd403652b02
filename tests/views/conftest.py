import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def admin_client(client, demo):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client
