//! Signed tokens (docs/tokens.md): an HS256 JWT naming tenant, user and role is accepted until
//! it expires; anything else (another signature, another algorithm, missing claims, a
//! malformed token) is a plain 401, like an unknown token.

use crate::support::{create, fixture, group, push_body, statuses, TestServer, ALINE, JWT_SECRET};
use axum::http::StatusCode;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use relais_core::Role;
use relais_server::auth::Caller;
use relais_server::engine::Engine;
use relais_server::jwt::{now_seconds, JwtSecret, JwtVerifier, Refusal, LEEWAY_SECONDS};
use serde_json::{json, Value};
use sha2::Sha256;

const NOW: u64 = 1_795_417_860;

fn verifier() -> JwtVerifier {
    JwtVerifier::new(JwtSecret::new(JWT_SECRET).unwrap())
}

/// A token with any header and claims, signed with `secret`: what a portal, or an attacker,
/// could send.
fn token(header: Value, claims: Value, secret: &str) -> String {
    let header = URL_SAFE_NO_PAD.encode(header.to_string());
    let claims = URL_SAFE_NO_PAD.encode(claims.to_string());
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{header}.{claims}").as_bytes());
    format!("{header}.{claims}.{}", URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
}

fn hs256() -> Value {
    json!({"alg": "HS256", "typ": "JWT"})
}

fn aline_claims(exp: u64) -> Value {
    json!({"sub": ALINE, "tenant": "t1", "role": "aide-a-domicile", "exp": exp, "iat": NOW})
}

fn aline() -> Caller {
    Caller { tenant: "t1".into(), user_id: ALINE.into(), role: Role::AideADomicile }
}

#[test]
fn a_token_signed_with_the_secret_names_its_caller_until_it_expires() {
    let valid = token(hs256(), aline_claims(NOW + 900), JWT_SECRET);
    assert_eq!(verifier().check(&valid, NOW), Ok(aline()));
    assert_eq!(verifier().check(&valid, NOW + 900 + LEEWAY_SECONDS), Ok(aline()));
    assert_eq!(verifier().check(&valid, NOW + 901 + LEEWAY_SECONDS), Err(Refusal::Expired));
    assert_eq!(verifier().check(&verifier().sign(&aline(), NOW + 60), NOW), Ok(aline()));

    let mut early = aline_claims(NOW + 900);
    early["nbf"] = json!(NOW + 120);
    let early = token(hs256(), early, JWT_SECRET);
    assert_eq!(verifier().check(&early, NOW), Err(Refusal::NotYetValid));
    assert_eq!(verifier().check(&early, NOW + 120), Ok(aline()));
}

#[test]
fn another_signature_or_algorithm_is_refused() {
    let forged = token(hs256(), aline_claims(NOW + 900), "un autre secret tout aussi long que lui");
    assert_eq!(verifier().check(&forged, NOW), Err(Refusal::Signature));

    let unsigned = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(json!({"alg": "none"}).to_string()),
        URL_SAFE_NO_PAD.encode(aline_claims(NOW + 900).to_string())
    );
    assert_eq!(verifier().check(&unsigned, NOW), Err(Refusal::Algorithm));
    for alg in ["HS512", "RS256", "hs256"] {
        let other = token(json!({"alg": alg}), aline_claims(NOW + 900), JWT_SECRET);
        assert_eq!(verifier().check(&other, NOW), Err(Refusal::Algorithm), "{alg}");
    }

    let valid = token(hs256(), aline_claims(NOW + 900), JWT_SECRET);
    let (signed, _) = valid.rsplit_once('.').unwrap();
    let tampered_claims = URL_SAFE_NO_PAD.encode(
        json!({"sub": ALINE, "tenant": "t2", "role": "aide-a-domicile", "exp": NOW + 900})
            .to_string(),
    );
    let (header, _) = signed.split_once('.').unwrap();
    let tampered = format!("{header}.{tampered_claims}.{}", valid.rsplit_once('.').unwrap().1);
    assert_eq!(verifier().check(&tampered, NOW), Err(Refusal::Signature));
}

#[test]
fn missing_or_unknown_claims_and_malformed_tokens_are_refused() {
    for missing in ["sub", "tenant", "role", "exp"] {
        let mut claims = aline_claims(NOW + 900);
        claims.as_object_mut().unwrap().remove(missing);
        let incomplete = token(hs256(), claims, JWT_SECRET);
        assert_eq!(verifier().check(&incomplete, NOW), Err(Refusal::Claims), "{missing}");
    }
    let mut unknown_role = aline_claims(NOW + 900);
    unknown_role["role"] = json!("administrateur");
    let unknown_role = token(hs256(), unknown_role, JWT_SECRET);
    assert_eq!(verifier().check(&unknown_role, NOW), Err(Refusal::Claims));
    let mut empty_user = aline_claims(NOW + 900);
    empty_user["sub"] = json!("");
    let empty_user = token(hs256(), empty_user, JWT_SECRET);
    assert_eq!(verifier().check(&empty_user, NOW), Err(Refusal::Claims));

    for malformed in ["", "a.b", "a.b.c.d", "!!.??.**", "e30.e30.e30"] {
        assert!(verifier().check(malformed, NOW).is_err(), "{malformed}");
    }
}

#[test]
fn a_secret_shorter_than_the_hash_is_refused() {
    assert!(JwtSecret::new("court").is_err());
    assert!(JwtSecret::new(&format!("{}\n", "x".repeat(31))).is_err());
    assert!(JwtSecret::new(&format!("{}\n", "x".repeat(32))).is_ok());
}

#[tokio::test]
async fn the_server_takes_signed_tokens_and_answers_401_to_expired_ones() {
    let server = TestServer::start(Engine::Sqlite).await;
    let body = push_body(group(1), &[create(1, 1, ALINE, "passage")]);
    let fresh = verifier().sign(&aline(), now_seconds() + 300);
    let (status, pushed) = server.push(&fresh, &body).await;
    assert_eq!((status, statuses(&pushed)), (StatusCode::OK, vec!["applied".to_owned()]));

    let expired = verifier().sign(&aline(), now_seconds() - 3_600);
    let (status, problem) = server.push(&expired, &body).await;
    assert_eq!((status, problem), (StatusCode::UNAUTHORIZED, fixture("problem.unauthorized.json")));
    let (status, _) = server.pull("tok-aline", &format!("client_group={}", group(1))).await;
    assert_eq!(status, StatusCode::OK, "configured tokens still work beside signed ones");
}
