//! Minimal XLSX reading (in progress).
