//! The real binary, started and killed on loopback: what a server confirmed survives a crash
//! and a restart on the same database, cursors stay valid in the same epoch, and `--new-epoch`
//! (after a restore) makes every client reset.

use crate::support::{access_json, fixture, fresh_database, on_both_engines};
use relais_server::engine::Engine;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const BIN: &str = env!("CARGO_BIN_EXE_relais-server");
const GROUP: &str = "01010101-0101-4101-8101-010101010101";

/// A running `relais-server`, killed (like a crash) when dropped.
struct Running {
    child: Child,
    address: SocketAddr,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(dir: &Path, db: &str, extra: &[&str]) -> Running {
    let config = dir.join("access.json");
    std::fs::write(&config, access_json().to_string()).unwrap();
    let mut child = Command::new(BIN)
        .args(["--db", db, "--listen", "127.0.0.1:0", "--config"])
        .arg(&config)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let address = line
        .split_whitespace()
        .find_map(|word| word.strip_prefix("http://"))
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    Running { child, address }
}

/// One HTTP/1.1 exchange with `Connection: close`; enough for a JSON API on loopback.
async fn http(address: SocketAddr, method: &str, path: &str, body: &str) -> (u16, Value) {
    let mut stream = TcpStream::connect(address).await.unwrap();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer tok-aline\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, serde_json::from_str(body).unwrap())
}

async fn what_the_server_confirmed_survives_a_crash_and_a_restart(engine: Engine) {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database(engine, dir.path()).await;
    let push = fixture("push-request.two-mutations.json").to_string();
    let first = start(dir.path(), &db, &[]);
    let (status, applied) = http(first.address, "POST", "/api/relais/push", &push).await;
    assert_eq!((status, applied), (200, fixture("push-response.two-mutations.json")));
    let (_, page) = http(first.address, "GET", &format!("/api/relais/pull?client_group={GROUP}"), "").await;
    let cursor = page["cursor"].as_str().unwrap().to_owned();
    drop(first);

    let second = start(dir.path(), &db, &[]);
    let (status, again) = http(second.address, "POST", "/api/relais/push", &push).await;
    assert_eq!((status, again), (200, fixture("push-response.duplicate.json")));
    let (_, all) = http(second.address, "GET", &format!("/api/relais/pull?client_group={GROUP}"), "").await;
    assert_eq!(all["changes"], page["changes"]);
    let after = format!("/api/relais/pull?client_group={GROUP}&cursor={cursor}");
    let (_, caught_up) = http(second.address, "GET", &after, "").await;
    assert_eq!(
        (caught_up["changes"].as_array().unwrap().len(), &caught_up["reset"]),
        (0, &Value::Bool(false))
    );
    drop(second);

    let restored = start(dir.path(), &db, &["--new-epoch"]);
    let (_, reset) = http(restored.address, "GET", &after, "").await;
    assert_eq!(
        (reset["reset"].clone(), reset["changes"].clone()),
        (Value::Bool(true), page["changes"].clone())
    );
}

#[test]
fn help_describes_the_flags_and_bad_input_fails_in_one_line_without_echoing_tokens() {
    let help = Command::new(BIN).arg("--help").output().unwrap();
    let text = String::from_utf8(help.stdout).unwrap();
    assert!(help.status.success());
    for flag in [
        "--database",
        "--listen",
        "--config",
        "--token",
        "--member",
        "--demo",
        "--allow-origin",
        "--new-epoch",
        "--jwt-secret-file",
    ] {
        assert!(text.contains(flag), "--help does not mention {flag}");
    }
    let bad = Command::new(BIN)
        .args(["--db", "sqlite::memory:", "--token", "s3cret-value"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(bad.stderr).unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!stderr.contains("s3cret"), "{stderr}");
    for (url, says) in [
        ("mysql://root:pa55@db/relais", "postgres://"),
        ("postgres://relais:pa55@127.0.0.1:1/relais", "refused"),
    ] {
        let failed = Command::new(BIN).args(["--database", url]).output().unwrap();
        let stderr = String::from_utf8(failed.stderr).unwrap();
        assert_eq!((failed.status.code(), stderr.lines().count()), (Some(1), 1), "{stderr}");
        assert!(stderr.contains(says) && !stderr.contains("pa55"), "{stderr}");
    }
    let dir = tempfile::tempdir().unwrap();
    let short = dir.path().join("secret");
    std::fs::write(&short, "trop-court\n").unwrap();
    let refused = Command::new(BIN)
        .args(["--database", "sqlite::memory:", "--jwt-secret-file"])
        .arg(&short)
        .output()
        .unwrap();
    let stderr = String::from_utf8(refused.stderr).unwrap();
    assert_eq!((refused.status.code(), stderr.lines().count()), (Some(1), 1), "{stderr}");
    assert!(stderr.contains("32") && !stderr.contains("trop-court"), "{stderr}");
}

#[tokio::test]
async fn an_in_memory_database_keeps_its_data_for_the_life_of_the_process() {
    let settings =
        relais_server::Settings { db: "sqlite::memory:".into(), ..crate::support::settings() };
    let app = relais_server::app(&settings).await.unwrap();
    let push = fixture("push-request.two-mutations.json").to_string();
    let (_, applied) =
        crate::support::send(&app, "POST", "/api/relais/push", Some("tok-aline"), Some(push)).await;
    assert_eq!(applied, fixture("push-response.two-mutations.json"));
    let uri = format!("/api/relais/pull?client_group={GROUP}");
    let (_, page) = crate::support::send(&app, "GET", &uri, Some("tok-aline"), None).await;
    assert_eq!(page["changes"].as_array().unwrap().len(), 2);
}

on_both_engines!(what_the_server_confirmed_survives_a_crash_and_a_restart);
