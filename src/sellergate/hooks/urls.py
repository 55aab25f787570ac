from django.urls import path

from sellergate.hooks import secret_scanning

app_name = "hooks"

urlpatterns = [path("secret-scanning/", secret_scanning.alert, name="secret_scanning")]
