from django.urls import path

from sellergate.hooks import order_feed, secret_scanning

app_name = "hooks"

urlpatterns = [
    path("secret-scanning/", secret_scanning.alert, name="secret_scanning"),
    path("feed/<str:kind>/", order_feed.receive, name="order_feed"),
]
