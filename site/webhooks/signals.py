"""Publish, unpublish and delete events sent to subscribers."""
