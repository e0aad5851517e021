"""Models on disk: the catalogue, the store's layout, downloads, the inventory."""
