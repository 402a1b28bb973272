//! The document-symbol grammar (UN-STYLE.md section 2): components, series, corrections.
