from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from sellergate.portal import bulk, credentials, lookups, orders, products, views

app_name = "portal"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path(
        "logout/",
        auth_views.LogoutView.as_view(next_page=reverse_lazy("portal:login")),
        name="logout",
    ),
    path("", views.home, name="home"),
    path("faq/", views.faq, name="faq"),
    # お問い合わせ > [システム] > [API・FTP・QSM権限]: the API key request
    path("inquiry/", views.inquiry, name="inquiry"),
    path("inquiry/system/api-key/", views.api_key_request, name="api_key_request"),
    # 基本情報 > 販売者権限の管理 > FTP接続権限
    path("permissions/", views.permissions, name="permissions"),
    path("permissions/ftp/", views.ftp_application, name="ftp_application"),
    path("api-keys/", credentials.api_keys, name="api_keys"),
    path("api-keys/new/", credentials.api_key_create, name="api_key_create"),
    path("api-keys/<int:pk>/rotate/", credentials.api_key_rotate, name="api_key_rotate"),
    path("api-keys/<int:pk>/revoke/", credentials.api_key_revoke, name="api_key_revoke"),
    # 商品管理 > 商品の一括登録/修正 > 【FTP接続でアップロード】
    path("products/bulk/", bulk.bulk, name="bulk"),
    path("products/bulk/upload/", bulk.bulk_upload, name="bulk_upload"),
    path("products/bulk/jobs/", bulk.bulk_jobs, name="bulk_jobs"),
    path("products/bulk/jobs/<int:pk>/result/", bulk.bulk_result, name="bulk_result"),
    path("products/bulk/exports/<int:pk>/", bulk.bulk_export, name="bulk_export"),
    path("products/bulk/templates/<str:kind>/<str:fmt>/", bulk.bulk_template, name="bulk_template"),
    path("products/bulk/ftp/", credentials.ftp_panel, name="ftp_panel"),
    path("products/bulk/ftp/password/", credentials.ftp_password_reset, name="ftp_password_reset"),
    path("products/", products.product_list, name="products"),
    path("products/item/<str:item_code>/", products.product_detail, name="product_detail"),
    path("categories/", lookups.categories, name="categories"),
    path("brands/", lookups.brands, name="brands"),
    path("orders/", orders.order_list, name="orders"),
    path("orders/<str:order_no>/", orders.order_detail, name="order_detail"),
    path("orders/<str:order_no>/confirm/", orders.order_confirm, name="order_confirm"),
    path("orders/<str:order_no>/ship/", orders.order_ship, name="order_ship"),
    path("questions/", orders.question_list, name="questions"),
    path("questions/<str:question_no>/", orders.question_detail, name="question_detail"),
    path("questions/<str:question_no>/answer/", orders.question_answer, name="question_answer"),
    path("claims/", orders.claim_list, name="claims"),
    path("claims/<str:claim_no>/", orders.claim_detail, name="claim_detail"),
    path("claims/<str:claim_no>/settle/", orders.claim_settle, name="claim_settle"),
    path("requests/", views.request_list, name="request_list"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/answer/", views.request_answer, name="request_answer"),
    path("requests/<int:pk>/withdraw/", views.request_withdraw, name="request_withdraw"),
]
