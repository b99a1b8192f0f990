from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("section/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("tag/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("author/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("story/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("corrections/", views.corrections, name="corrections"),
    path("preview/<int:pk>/", views.preview, name="preview"),
    path("preview/s/<str:token>/", views.shared_preview, name="shared_preview"),
    path("search/", views.search_page, name="search"),
    path("feed/", feeds.StoryFeed(), name="feed"),
    path("feed/atom/", feeds.StoryAtomFeed(), name="feed_atom"),
    path("section/<slug:slug>/feed/", feeds.SectionFeed(), name="section_feed"),
    path(
        "section/<slug:slug>/feed/atom/",
        feeds.SectionAtomFeed(),
        name="section_feed_atom",
    ),
    path("tag/<slug:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path("tag/<slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag_feed_atom"),
    path("author/<slug:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path(
        "author/<slug:slug>/feed/atom/",
        feeds.AuthorAtomFeed(),
        name="author_feed_atom",
    ),
]
