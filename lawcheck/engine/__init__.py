"""The engine: align a draft to the requirements, run the checks, evaluate, and state findings."""
