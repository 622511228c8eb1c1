"""The site search engines behind one interface (query.py): the embedded one in the app's own database (embedded.py
for SQLite, embedded_postgres.py for PostgreSQL) and Elasticsearch (elastic.py)."""
