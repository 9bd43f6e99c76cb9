"""Workshop Desk's data layer: models, engine, unit of work and migrations. No Qt here."""
