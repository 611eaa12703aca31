//! Tests of reading labelled blocks and run-together rows.
