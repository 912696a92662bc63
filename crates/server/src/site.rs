//! `--site DIR`: the demo site served on the endpoint's own origin, so `scripts/demo` needs one
//! process and the widgets call `/api/relais` same-origin, without CORS.
//!
//! Every file goes out under the strict policy a careful host sends (no inline script, no
//! eval, Trusted Types enforced): the demo proves the widgets work under it.

use axum::http::{header, HeaderName, HeaderValue};
use axum::Router;
use std::path::Path;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The Content-Security-Policy of every page of the site.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
    base-uri 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; \
    trusted-types 'none'";

/// `router` with the files of `dir` answering every path it does not route.
pub fn with_site(router: Router, dir: &Path) -> Router {
    let headers = [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    let files = headers.into_iter().fold(Router::new().fallback_service(ServeDir::new(dir)), |files, (name, value)| {
        files.layer(SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value)))
    });
    router.merge(files)
}
