from django.urls import path

from . import views

app_name = "live"

urlpatterns = [
    path("breaking/", views.breaking, name="breaking"),
    path("<int:pk>/head/", views.head, name="head"),
    # The script appends "<after>-<upto>/" to this one.
    path("<int:pk>/log/", views.log_base, name="log_base"),
    path("<int:pk>/log/<int:after>-<int:upto>/", views.log, name="log"),
    path("entry/<int:pk>/", views.entry, name="entry"),
]
