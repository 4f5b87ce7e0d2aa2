"""Service Advisor domain: models, the 13-step workflow, services. Never imports Qt."""
