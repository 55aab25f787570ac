from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy
from django.views.generic import RedirectView

from sellergate.catalog import views as catalog_views

admin.site.site_header = "sellergate"
# The records pages' titles say whose they are, not Django's own "サイト管理".
admin.site.site_title = gettext_lazy("sellergate operator desk")
admin.site.index_title = gettext_lazy("Records")

handler403 = "sellergate.error_pages.forbidden"
handler404 = "sellergate.error_pages.not_found"
handler500 = "sellergate.error_pages.server_error"
admin.site.site_url = "/desk/"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="portal:home", permanent=False)),
    path("seller/", include("sellergate.portal.urls")),
    path("desk/admin/", admin.site.urls),
    path("desk/", include("sellergate.desk.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("hooks/", include("sellergate.hooks.urls")),
    path("", include("sellergate.monitoring.urls")),
    path("", include("sellergate.qapi.urls")),
    path("images/<str:login_id>/<str:name>", catalog_views.image, name="product_image"),
]
