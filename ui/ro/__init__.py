"""The repair order screen: header, step bar, step pages, quote panel, timeline."""
