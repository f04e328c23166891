"""Facts of a report: entities, time expressions, quantities, quotes."""
