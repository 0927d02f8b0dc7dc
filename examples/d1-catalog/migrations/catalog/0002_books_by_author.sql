-- The catalogue is filtered by author (GET /books?author=...).
CREATE INDEX books_by_author ON books (author, title);
