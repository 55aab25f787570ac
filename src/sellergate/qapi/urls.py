from django.urls import re_path

from sellergate.qapi import views

app_name = "qapi"

# The marketplace serves the same API under two names; clients use either.
ENDPOINT = r"^GMKT\.INC\.Front\.QAPIService/(?:ebayjapan|Giosis)\.qapi"

urlpatterns = [
    re_path(ENDPOINT + r"$", views.qapi, name="endpoint"),
    re_path(
        ENDPOINT + r"/(?P<method_name>[A-Za-z0-9_]+\.[A-Za-z0-9_]+)/?$",
        views.qapi,
        name="endpoint-method",
    ),
]
