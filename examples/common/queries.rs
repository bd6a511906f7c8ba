//! The queries files of the examples that read the dev sets: one name a line, or a JSON
//! object with a `"name"` field (the dev sets' format; other fields are ignored).

/// The names of every queries file, in order.
pub fn read_queries(files: &[String]) -> Result<Vec<String>, String> {
    let mut queries = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            queries.push(query_name(line).map_err(|e| format!("{f}:{}: {e}", n + 1))?);
        }
    }
    Ok(queries)
}

/// The name of a queries-file line: the line itself, or the `"name"` of a JSON object.
fn query_name(line: &str) -> Result<String, String> {
    if !line.trim_start().starts_with('{') {
        return Ok(line.to_string());
    }
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("expected JSON ({e})"))?;
    v.get("name")
        .and_then(|n| n.as_str())
        .map(str::to_string)
        .ok_or_else(|| "expected a \"name\" string".to_string())
}
