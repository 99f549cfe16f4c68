using Bookshelf;

// Everything is in BookshelfApp, so that tests can build and host the same app in-process.
var app = BookshelfApp.Build(args);
app.Run();
