from django.urls import path, re_path

from sellergate.qapi import views

app_name = "qapi"

# The marketplace serves the same API under two names; clients use either.
ENDPOINT = r"^GMKT\.INC\.Front\.QAPIService/(?:ebayjapan|Giosis)\.qapi"

urlpatterns = [
    path("api/", views.reference, name="reference"),
    path("api/openapi.json", views.openapi, name="openapi"),
    re_path(ENDPOINT + r"$", views.qapi, name="endpoint"),
    re_path(
        # Any name: an unknown one is answered in the envelope, not with a 404 page.
        ENDPOINT + r"/(?P<method_name>[^/]+)/?$",
        views.qapi,
        name="endpoint-method",
    ),
]
