"""The advisor's desk: Today's lane models and the walk-in dialog."""
