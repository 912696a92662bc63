//! The `relais` binary as an integrator runs it: arguments, stdin, files, exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn relais(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_relais"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // Written from another thread: a large batch fills the output pipe before its input ends.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_owned();
    let writer = std::thread::spawn(move || pipe.write_all(input.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn temp_file(name: &str, content: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("relais-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn fails_with_one_line(output: &Output, needle: &str) {
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let err = stderr(output);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(needle), "{err}");
}

#[test]
fn gir_prints_the_group() {
    let out = relais(&["gir", "AAAAABBAAA"], "");
    assert!(out.status.success());
    assert_eq!(stdout(&out), "4\n");
    assert_eq!(stdout(&relais(&["gir", "cccccccccc"], "")), "1\n");
}

#[test]
fn gir_explain_is_json_with_the_deciding_group() {
    let out = relais(&["gir", "--explain", "AAAAABBAAA"], "");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((json["gir"].as_u64(), json["group"].as_str(), json["score"].as_u64()), (Some(4), Some("H"), Some(4000)));
    assert!(json["apa_crossings"].as_array().unwrap().iter().any(|c| c["gir"] == 5));
}

#[test]
fn gir_batch_rates_every_profile_in_order() {
    let all: Vec<String> = (0..59_049u32)
        .map(|mut n| {
            (0..10)
                .map(|_| {
                    let letter = ['A', 'B', 'C'][(n % 3) as usize];
                    n /= 3;
                    letter
                })
                .collect()
        })
        .collect();
    let out = relais(&["gir", "--batch"], &(all.join("\n") + "\n"));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 59_049);
    assert_eq!(lines[0], "AAAAAAAAAA 6");
    assert!(lines.iter().zip(&all).all(|(line, codes)| line.starts_with(codes.as_str())));
}

#[test]
fn bad_gir_input_is_one_line_and_exit_1() {
    fails_with_one_line(&relais(&["gir", "ABXAAAAAAA"], ""), "X");
    fails_with_one_line(&relais(&["gir", "ABC"], ""), "10");
    fails_with_one_line(&relais(&["gir", "--batch"], "AAAAAAAAAA\nAAAAAAAAAZ\n"), "ligne 2");
    fails_with_one_line(&relais(&["gir"], ""), "relais");
}

#[test]
fn demo_data_scales_and_converts_to_fhir_and_back() {
    let small = relais(&["demo-data", "--people", "2", "--entries", "30"], "");
    assert!(small.status.success());
    let dump: serde_json::Value = serde_json::from_slice(&small.stdout).unwrap();
    assert_eq!(dump["people"].as_array().unwrap().len(), 2);
    assert_eq!(dump["transmissions"].as_array().unwrap().len(), 60);
    assert!(dump["transmissions"].as_array().unwrap().iter().any(|t| t["link"]["kind"] == "corrects"));
    assert!(!dump["acknowledgements"].as_array().unwrap().is_empty());
    let evaluations = dump["evaluations"].as_array().unwrap();
    assert_eq!(evaluations.len(), 2);
    assert_eq!(evaluations[0]["stage"], "final");
    let plans = dump["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 2, "one plan per person");
    assert!(plans.iter().all(|p| (4..=6).contains(&p["lines"].as_array().unwrap().len())));
    assert!(plans.iter().all(|p| p["hospital_episodes"].as_array().unwrap().len() == 1));

    let dump_file = temp_file("dump.json", &stdout(&small));
    let export = relais(&["fhir", "export", dump_file.to_str().unwrap()], "");
    assert!(export.status.success(), "{}", stderr(&export));
    let bundle: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    assert_eq!(bundle["resourceType"], "Bundle");
    let bundle_file = temp_file("bundle.json", &stdout(&export));
    let import = relais(&["fhir", "import", bundle_file.to_str().unwrap()], "");
    assert!(import.status.success(), "{}", stderr(&import));
    let back: serde_json::Value = serde_json::from_slice(&import.stdout).unwrap();
    assert_eq!(back, dump);
    assert_eq!(back["plans"], dump["plans"], "plans survive the trip");
    assert!(stderr(&import).is_empty(), "everything is mapped: {}", stderr(&import));
}

#[test]
fn fhir_bad_input_is_one_line_and_exit_1() {
    let bad = temp_file("bad.json", "{ not json");
    fails_with_one_line(&relais(&["fhir", "export", bad.to_str().unwrap()], ""), "JSON");
    fails_with_one_line(&relais(&["fhir", "import", bad.to_str().unwrap()], ""), "JSON");
    let patient = temp_file("patient.json", r#"{"resourceType":"Patient"}"#);
    fails_with_one_line(&relais(&["fhir", "import", patient.to_str().unwrap()], ""), "Bundle");
    fails_with_one_line(&relais(&["fhir", "export", "/nonexistent/dump.json"], ""), "nonexistent");
}

#[test]
fn import_lists_unmapped_resources_on_stderr() {
    let bundle = r#"{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:1","resource":{"resourceType":"Observation","status":"final"}}]}"#;
    let file = temp_file("observation.json", bundle);
    let out = relais(&["fhir", "import", file.to_str().unwrap()], "");
    assert!(out.status.success());
    assert!(stderr(&out).contains("Observation"));
}

#[test]
fn questionnaire_check_summarises_a_supported_form() {
    let form = r#"{"resourceType":"Questionnaire","url":"http://example.org/q","version":"1","status":"active",
      "item":[{"linkId":"g","type":"group","text":"Groupe","item":[
        {"linkId":"a","type":"boolean","text":"Aidant ?"},
        {"linkId":"b","type":"string","text":"Nom","enableWhen":[{"question":"a","operator":"=","answerBoolean":true}]}]}]}"#;
    let out = relais(&["questionnaire", "check", temp_file("q.json", form).to_str().unwrap()], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("3 items") && text.contains("1 conditions"), "{text}");
}

#[test]
fn questionnaire_check_lists_every_unsupported_element_and_fails() {
    let form = r#"{"resourceType":"Questionnaire","status":"active","item":[
        {"linkId":"photo","type":"attachment","text":"Photo"},
        {"linkId":"x","type":"string","text":"X","enableWhen":[{"question":"nope","operator":"exists","answerBoolean":true}]}]}"#;
    let out = relais(&["questionnaire", "check", temp_file("bad-q.json", form).to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("attachment") && err.contains("nope"), "{err}");
    fails_with_one_line(&relais(&["questionnaire", "check", temp_file("q-bad.json", "[").to_str().unwrap()], ""), "relais");
}

#[test]
fn simulate_prints_the_summary_line() {
    let out = relais(&["simulate", "--seeds", "20", "--first", "100"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().next(), Some("seeds: 20, lost: 0, duplicated: 0, diverged: 0"));
    let replay = relais(&["simulate", "--seed", "7"], "");
    assert_eq!(stdout(&replay).lines().next(), Some("seeds: 1, lost: 0, duplicated: 0, diverged: 0"));
}

#[test]
fn serve_runs_the_reference_server_until_stopped() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_relais"))
        .args(["serve", "--database", "sqlite::memory:", "--demo", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut banner = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut banner)
        .unwrap();
    let address = banner.split("http://").nth(1).and_then(|rest| rest.split_whitespace().next());
    let address = address.unwrap_or_else(|| panic!("no address in {banner:?}")).to_owned();
    let mut stream = std::net::TcpStream::connect(&address).unwrap();
    stream.write_all(b"GET /api/relais/pull HTTP/1.1\r\nHost: relais\r\nConnection: close\r\n\r\n").unwrap();
    let mut reply = String::new();
    std::io::Read::read_to_string(&mut stream, &mut reply).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(reply.starts_with("HTTP/1.1 401"), "a pull without a token is refused: {reply}");
}

#[test]
fn serve_without_its_database_is_one_line_and_exit_1() {
    let output = relais(&["serve", "--database", "postgres://nobody@127.0.0.1:1/relais"], "");
    fails_with_one_line(&output, "base de données / database");
}
