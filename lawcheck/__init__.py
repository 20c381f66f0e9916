"""lawcheck: conformance checking of draft laws against the Budapest Convention (ETS No. 185)
and its Second Additional Protocol (CETS No. 224)."""

__version__ = "0.1.0"
