"""The views of the Streamlit page, one module each, with what they share in `common` and the
sidebar in `sidebar`; `app.py` only wires them."""
