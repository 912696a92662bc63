//! Database naming: two users, or one user in two tenants, never share a database.

/// `relais:{tenant}:{user}`, with `%` and `:` escaped in both parts so that no pair of
/// (tenant, user) can produce the name of another pair.
pub fn database_name(tenant: &str, user_id: &str) -> String {
    format!("relais:{}:{}", escape(tenant), escape(user_id))
}

fn escape(part: &str) -> String {
    part.replace('%', "%25").replace(':', "%3A")
}
