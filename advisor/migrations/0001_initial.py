"""Initial schema: every table of the 13-step flow, search indexes and triggers."""


def up(migrator, db):
    from advisor.models import ALL_MODELS
    from advisor.search import install_search

    db.create_tables(ALL_MODELS)
    install_search(db)
