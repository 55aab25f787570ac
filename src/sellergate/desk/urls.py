from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from sellergate.desk import audit, closures, credentials, requests, views

app_name = "desk"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path(
        "logout/",
        auth_views.LogoutView.as_view(next_page=reverse_lazy("desk:login")),
        name="logout",
    ),
    # The desk lands on the request queue: what waits for an operator (#19).
    path("", requests.queue, name="request_queue"),
    path("requests/", requests.queue),  # the queue's address before; kept for bookmarks
    path("sellers/", views.seller_list, name="seller_list"),
    path("sellers/<str:login_id>/", views.seller_detail, name="seller_detail"),
    path("requests/<int:pk>/", requests.detail, name="request_detail"),
    path("requests/<int:pk>/approve/", requests.approve, name="request_approve"),
    path("requests/<int:pk>/reject/", requests.reject, name="request_reject"),
    path("requests/<int:pk>/ask/", requests.ask, name="request_ask"),
    path("audit/", audit.audit_log, name="audit_log"),
    path("closure-days/", closures.closures, name="closures"),
    path("closure-days/<int:pk>/open/", closures.closure_delete, name="closure_delete"),
    path("keys/<int:pk>/revoke/", credentials.key_revoke, name="key_revoke"),
    path("ftp/<int:pk>/suspend/", credentials.ftp_suspend, name="ftp_suspend"),
    path("ftp/<int:pk>/reactivate/", credentials.ftp_reactivate, name="ftp_reactivate"),
    path("sellers/<str:login_id>/suspend/", credentials.seller_suspend, name="seller_suspend"),
    path("sellers/<str:login_id>/resume/", credentials.seller_resume, name="seller_resume"),
    path("standing-check/", credentials.standing_check_now, name="standing_check"),
]
