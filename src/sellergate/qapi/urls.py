from django.urls import path, re_path

from sellergate.qapi import views

app_name = "qapi"

# The marketplace serves the same API under two names; clients use either.
ENDPOINT = r"^GMKT\.INC\.Front\.QAPIService/(?:ebayjapan|Giosis)\.qapi"

urlpatterns = [
    path("api/", views.reference, name="reference"),
    path("api/openapi.json", views.openapi, name="openapi"),
    re_path(ENDPOINT + r"/?$", views.qapi, name="endpoint"),
    re_path(
        # Anything under the prefix — an unknown name, a trailing slash, an encoded "/"
        # in the name — is answered in the envelope, never with an HTML page: clients
        # parse whatever comes back as JSON or XML.
        ENDPOINT + r"/(?P<method_name>.+?)/?$",
        views.qapi,
        name="endpoint-method",
    ),
]
