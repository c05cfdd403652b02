"""The client address behind reverse proxies: the right-most address that is not a trusted proxy.

The header chains are the ones nginx really sends with
``proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;``: whatever the client sent in its
own X-Forwarded-For, then ", " and the address nginx saw; the app's REMOTE_ADDR is nginx itself.
"""

import pytest
from django.test import RequestFactory

from wagtail_disclosure.models import CorruptionComplaint, CorruptionComplaintPage
from wagtail_disclosure.protection import client_ip

pytestmark = pytest.mark.django_db

NGINX = "127.0.0.1"
CLIENT = "203.0.113.7"


def _nginx_chain(client_sent, seen_by_nginx):
    """$proxy_add_x_forwarded_for: the client's own header (if any), then the address nginx saw."""
    return f"{client_sent}, {seen_by_nginx}" if client_sent else seen_by_nginx


def _request(xff=None, remote=NGINX):
    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().post("/", **meta)


@pytest.fixture
def behind(settings):
    def _behind(proxies):
        settings.WAGTAIL_DISCLOSURE = dict(settings.WAGTAIL_DISCLOSURE, TRUSTED_PROXIES=proxies)

    return _behind


def test_without_proxies_the_header_is_ignored(behind):
    behind(0)
    assert client_ip(_request("198.51.100.1", remote=CLIENT)) == CLIENT


@pytest.mark.parametrize("proxies", [1, ["127.0.0.1"], ["127.0.0.0/8", "::1"]])
def test_one_nginx_the_address_it_saw_is_the_client(behind, proxies):
    behind(proxies)
    assert client_ip(_request(_nginx_chain("", CLIENT))) == CLIENT
    # The client's own header, whatever it says, stays to the left of what nginx appended.
    for spoof in ("1.2.3.4", "1.2.3.4, 5.6.7.8", "unknown", "127.0.0.1", "  , ,"):
        assert client_ip(_request(_nginx_chain(spoof, CLIENT))) == CLIENT, spoof


def test_two_proxies_by_number_and_by_network(behind):
    # client -> edge nginx (10.0.0.5 as the app's nginx sees it) -> nginx on loopback -> app
    chain = _nginx_chain(_nginx_chain("9.9.9.9", CLIENT), "10.0.0.5")
    behind(2)
    assert client_ip(_request(chain)) == CLIENT
    behind(["127.0.0.1", "10.0.0.0/8"])
    assert client_ip(_request(chain)) == CLIENT
    # Trusting only the loopback nginx, the edge proxy is the client (never the spoofed address).
    behind(["127.0.0.1"])
    assert client_ip(_request(chain)) == "10.0.0.5"


def test_ipv6_client(behind):
    behind(1)
    assert client_ip(_request(_nginx_chain("1.2.3.4", "2001:db8::7"))) == "2001:db8::7"


def test_a_request_that_bypassed_the_proxy_is_its_own_client(behind):
    # Only the address the request came from can be believed when it is not a trusted proxy.
    behind(["127.0.0.1"])
    assert client_ip(_request("1.2.3.4", remote=CLIENT)) == CLIENT


def test_fifteen_complaints_from_one_client_behind_nginx(demo, client, behind, route):
    """One client sending a new X-Forwarded-For each time: only the complaint limit (3) gets in."""
    behind(1)
    url = route(CorruptionComplaintPage.objects.get())
    data = {
        "complaint_type": "other",
        "subject": "เรื่องร้องเรียน",
        "details": "รายละเอียด",
        "accused": "a",
        "incident_place": "p",
        "complainant_name": "n",
        "complainant_phone": "0800000000",
        "consent": "on",
    }
    before = CorruptionComplaint.objects.count()
    codes = [
        client.post(
            url,
            data,
            REMOTE_ADDR=NGINX,
            HTTP_X_FORWARDED_FOR=_nginx_chain(f"198.51.100.{n}", CLIENT),
        ).status_code
        for n in range(15)
    ]
    assert codes == [302] * 3 + [429] * 12
    assert CorruptionComplaint.objects.count() == before + 3
    # Another client behind the same nginx is not affected.
    other = client.post(
        url, data, REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR=_nginx_chain("", "203.0.113.8")
    )
    assert other.status_code == 302
