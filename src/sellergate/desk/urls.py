from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from sellergate.desk import views

app_name = "desk"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path(
        "logout/",
        auth_views.LogoutView.as_view(next_page=reverse_lazy("desk:login")),
        name="logout",
    ),
    path("", views.seller_list, name="seller_list"),
    path("sellers/<str:login_id>/", views.seller_detail, name="seller_detail"),
]
