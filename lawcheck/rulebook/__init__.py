"""The rule graph: treaty requirements as data, loaded strictly, built into a networkx graph."""
