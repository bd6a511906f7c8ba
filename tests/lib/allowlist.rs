//! Allowlist tests (below).
