"""Keeping the search indexes in step with the pages: the documents built from them (documents.py, attachments.py),
the embedded index's writes (index.py), what changes call for (signals.py) and the background tasks that do it
(tasks.py, sync.py, rebuild.py), and whether Elasticsearch may answer (health.py)."""
