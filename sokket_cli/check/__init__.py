"""Read and check: the plan, each unit file against it, and where a collection stands."""
